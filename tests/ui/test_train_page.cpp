// The Train page in the real window on a few hundred Fashion-MNIST images:
// settings are undoable document edits, Start runs a short training whose
// progress reaches the page, the charts and the status bar, the test split is
// evaluated and the model saved; Stop ends a run at the next batch and says how
// far it got; closing the window while it trains hides it at once and closes it
// when the run has stopped. No test here compares a time with a threshold:
// timeouts only catch hangs (kHang).
#include "tests/ui/ui_test_support.h"

#include "ui/charts/line_chart.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/classify/classify_page.h"
#include "ui/inspect/inspect_page.h"
#include "ui/inspect/kernel_panel.h"
#include "ui/inspect/map_grid_widget.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/current_model.h"
#include "ui/training/run_history.h"
#include "ui/training/train_page.h"
#include "ui/training/training_charts.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_settings_panel.h"
#include "ui/window/main_window.h"
#include "ui/window/status_bar.h"

#include "engine/model/model_file.h"
#include "engine/training/trainer.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QtTest>
#include <memory>

using namespace ui;

class TrainPageTest : public QObject {
    Q_OBJECT

    static constexpr int kHang = 120000; // only a hang takes this long

    std::unique_ptr<MainWindow> window_;

    TrainPage* page() { return window_->trainPage(); }
    TrainingController* controller() { return window_->trainingController(); }
    void setSpin(const QString& name, int value) {
        auto* spin = qobject_cast<QSpinBox*>(page()->settingsPanel()->editor(name));
        QVERIFY(spin);
        spin->setValue(value);
        window_->document()->endGesture();
    }

private Q_SLOTS:
    void init() {
        StartupOptions options;
        options.restoreSession = false;
        options.page = MainWindow::TrainPage;
        window_ = std::make_unique<MainWindow>(options);
        window_->resize(1300, 850);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window_->datasetController()->current() != nullptr, 600000);
    }

    void cleanup() {
        if (window_) window_->document()->undoStack()->setClean(); // no "save?" question
        window_.reset();
    }

    void settingsAreUndoableDocumentEdits() {
        setSpin("epochs", 2);
        QCOMPARE(window_->document()->settings().training.epochs, 2);
        setSpin("batch_size", 32);
        QCOMPARE(window_->document()->settings().training.batchSize, 32);
        window_->document()->undoStack()->undo();
        QCOMPARE(window_->document()->settings().training.batchSize, 64);
        auto* spin = qobject_cast<QSpinBox*>(page()->settingsPanel()->editor("batch_size"));
        QCOMPARE(spin->value(), 64); // the editor follows the undo
    }

    void shortRunFillsChartsStatusAndEvaluation() {
        page()->setJobOptions({400, 300, true});
        setSpin("epochs", 2);
        setSpin("batch_size", 32);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        LineChart* loss = page()->charts()->lossChart();
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(controller()->isRunning());
        QVERIFY(!page()->startButton()->isEnabled());
        QVERIFY(finished.wait(kHang));
        QVERIFY(batches.count() >= 2);
        QCOMPARE(loss->points(TrainingCharts::TrainEpoch).size(), 2);
        QCOMPARE(loss->points(TrainingCharts::ValidationEpoch).size(), 2);
        QVERIFY(loss->points(TrainingCharts::TrainBatch).size() >= 2);
        QSignalSpy repainted(loss, &LineChart::repainted);
        QVERIFY(loss->drawnPointCount(TrainingCharts::TrainEpoch) == 2 || repainted.wait(kHang));
        QCOMPARE(loss->drawnPointCount(TrainingCharts::TrainEpoch), 2);
        QCOMPARE(page()->charts()->accuracyChart()->points(TrainingCharts::TrainEpoch).size(), 2);
        QVERIFY(!page()->charts()->learningRateChart()->points(0).isEmpty());
        QCOMPARE(page()->progressBar()->value(), 1000);
        QVERIFY(page()->progressLabel()->text().startsWith("Trained 2 epoch"));
        bool statusShown = false;
        for (QProgressBar* bar : window_->statusBar()->findChildren<QProgressBar*>())
            statusShown |= bar->isVisible() && bar->value() == 1000;
        QVERIFY(statusShown);
        // The status bar ends on this run's outcome and its final validation accuracy.
        const EpochUpdate& final = page()->history()->run(page()->history()->count() - 1).epochs.back();
        const QString status = window_->statusWidgets()->trainingText();
        QVERIFY2(status.startsWith("trained 2 epoch") &&
                     status.endsWith(QString("val_accuracy %1").arg(final.valAccuracy, 0, 'f', 3)),
                 qPrintable(status));
        const QString evaluation = page()->evaluationView()->toPlainText();
        QVERIFY2(evaluation.contains("test split: 300 images"), qPrintable(evaluation));
        QVERIFY(evaluation.contains("Ankle boot"));
        QVERIFY(page()->saveButton()->isEnabled());

        // The confusion matrix: its cells add up to the 300 test images, and clicking
        // a mistake's cell shows exactly that cell's images.
        ConfusionMatrixView* matrix = page()->confusionMatrix();
        QCOMPARE(matrix->rowCount(), 10);
        const cs::ConfusionMatrix& m = matrix->evaluation().confusion;
        int truth = -1, predicted = -1;
        for (int t = 0; t < 10 && truth < 0; ++t)
            for (int p = 0; p < 10; ++p)
                if (t != p && m.at(t, p) > 0) {
                    truth = t;
                    predicted = p;
                    break;
                }
        QVERIFY(truth >= 0);
        QCOMPARE(matrix->item(truth, predicted)->text(), QString::number(m.at(truth, predicted)));
        matrix->scrollToItem(matrix->item(truth, predicted));
        const QRect cell = matrix->visualItemRect(matrix->item(truth, predicted));
        QTest::mouseClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
        auto* dialog = page()->findChild<CellImagesDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->images()->count(), int(m.at(truth, predicted)));
        const auto& data = *window_->datasetController()->current();
        for (int i = 0; i < dialog->images()->count(); ++i) {
            const int index = dialog->images()->item(i)->data(Qt::UserRole).toInt();
            QCOMPARE(data.label("test", index), truth);
            QCOMPARE(matrix->evaluation().predicted[size_t(index)], predicted);
            QVERIFY(!dialog->images()->item(i)->icon().isNull());
        }
        dialog->close();

        const QString path = QDir(uitest::tempDir()).filePath("trained.safetensors");
        QVERIFY(page()->saveModel(path));
        cs::LoadedModel loaded = cs::loadModelFile(path.toStdString());
        QCOMPARE(loaded.metadata.classNames.size(), size_t(10));
        QCOMPARE(cs::json::getInt(loaded.metadata.training, "epochs", 0), 2);
        QVERIFY(loaded.optimizer);

        // Evaluating the saved file gives the engine's numbers on the same 300 test images.
        QSignalSpy evaluated(page(), &TrainPage::evaluationFinished);
        page()->evaluateFile(path);
        QVERIFY(evaluated.wait(kHang));
        QCOMPARE(evaluated.at(0).at(0).toBool(), true);
        const auto memory = window_->datasetController()->current()->inMemory();
        cs::Evaluation engine =
            cs::evaluate(loaded.model, memory->test.slice(0, 300), loaded.metadata.preprocessing,
                         cs::Loss::CategoricalCrossentropy, 10, 64);
        const TestEvaluation& shown = page()->confusionMatrix()->evaluation();
        QCOMPARE(shown.confusion.counts, engine.confusion.counts);
        QVERIFY(qAbs(shown.loss - engine.loss) < 1e-5);
        QVERIFY(page()->progressLabel()->text().startsWith(
            "Evaluated trained.safetensors on test (300 images)"));
        QVERIFY(page()->evaluationView()->toPlainText().contains(
            QString::number(engine.accuracy(), 'f', 4)));

        evaluated.clear();
        page()->evaluateFile(QDir(uitest::tempDir()).filePath("missing.safetensors"));
        QVERIFY(evaluated.wait(kHang));
        QCOMPARE(evaluated.at(0).at(0).toBool(), false);
        QVERIFY(page()->progressLabel()->text().startsWith("Cannot evaluate:"));
    }

    void runsAreKeptAndCanBeCompared() {
        page()->setJobOptions({400, 100, true});
        setSpin("batch_size", 32);
        QSignalSpy finished(controller(), &TrainingController::finished);
        for (int epochs : {2, 1}) {
            setSpin("epochs", epochs);
            QVERIFY(page()->start());
            // A new run clears the last one's figures from the status bar.
            QCOMPARE(window_->statusWidgets()->trainingText(), QString("epoch 1/%1 · starting").arg(epochs));
            QVERIFY(finished.wait(kHang));
        }
        RunHistory* history = page()->history();
        QCOMPARE(history->count(), 2);
        QCOMPARE(int(history->run(0).epochs.size()), 2);
        QCOMPARE(int(history->run(1).epochs.size()), 1);
        QVERIFY(history->run(0).title().startsWith("Run 1 · adam lr 0.001 · batch 32 · 2 epochs"));
        QCOMPARE(page()->compareBox()->count(), 3);
        LineChart* loss = page()->charts()->lossChart();
        QVERIFY(loss->points(TrainingCharts::CompareTrain).isEmpty());
        page()->compareBox()->setCurrentIndex(1);
        const QVector<QPointF> compared = loss->points(TrainingCharts::CompareTrain);
        QCOMPARE(compared.size(), 2);
        QCOMPARE(compared[1].y(), history->run(0).epochs[1].loss);
        QCOMPARE(loss->points(TrainingCharts::CompareValidation).size(), 2);
        QCOMPARE(loss->seriesName(TrainingCharts::CompareTrain), QString("run 1 train"));
        QCOMPARE(loss->points(TrainingCharts::TrainEpoch).size(), 1); // run 2 stays drawn
        page()->compareBox()->setCurrentIndex(0);
        QVERIFY(loss->points(TrainingCharts::CompareTrain).isEmpty());
    }

    void chartRedrawsAreCoalesced() {
        // Points arriving together cost one redraw, after the coalescing timer.
        LineChart* loss = page()->charts()->lossChart();
        QSignalSpy repainted(loss, &LineChart::repainted);
        const int before = loss->repaintCount();
        for (int i = 0; i < 200; ++i)
            loss->append(TrainingCharts::TrainBatch, i / 100.0, 1.0 / (i + 1));
        QCOMPARE(loss->repaintCount(), before);
        QCOMPARE(loss->drawnPointCount(TrainingCharts::TrainBatch), 0);
        QVERIFY(repainted.wait(kHang));
        QCOMPARE(loss->repaintCount(), before + 1);
        QCOMPARE(loss->drawnPointCount(TrainingCharts::TrainBatch), 200);
    }

    void pauseHoldsTheRunAndSaysSo() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy held(controller(), &TrainingController::held);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(kHang));
        QTest::mouseClick(page()->pauseButton(), Qt::LeftButton);
        QCOMPARE(page()->pauseButton()->text(), QString("Resume"));
        QVERIFY(page()->progressLabel()->text().endsWith("paused"));
        QCOMPARE(window_->pauseAction()->text(), QString("&Resume"));
        QVERIFY(held.count() == 1 || held.wait(kHang));
        const auto at = held.at(0).at(0).value<HoldPoint>();
        const QString text = page()->progressLabel()->text();
        QVERIFY2(text.startsWith(QString("Paused in epoch %1").arg(at.epoch + 1)) &&
                     text.contains(QString("batch %1/%2").arg(at.batch).arg(at.batches)),
                 qPrintable(text));
        window_->pauseAction()->trigger(); // the Train menu's Resume (F6)
        QCOMPARE(page()->pauseButton()->text(), QString("Pause"));
        QCOMPARE(window_->pauseAction()->text(), QString("&Pause"));
        batches.clear();
        QVERIFY(batches.wait(kHang)); // running again
        QTest::mouseClick(page()->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kHang));
    }

    void aCallbackWithoutItsValueSaysWhy() {
        page()->setJobOptions({200, 100, true});
        setSpin("epochs", 1);
        auto* split =
            qobject_cast<QDoubleSpinBox*>(page()->settingsPanel()->editor("validation_split"));
        split->setValue(0); // no validation data, but EarlyStopping watches val_loss
        qobject_cast<QGroupBox*>(page()->settingsPanel()->editor("early_stopping"))
            ->setChecked(true);
        QVERIFY(window_->document()->settings().training.earlyStopping.enabled);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QVERIFY(page()->start());
        QVERIFY(finished.wait(kHang));
        QVERIFY(finished.at(0).at(0).value<TrainingOutcome>().failed);
        const QString text = page()->progressLabel()->text();
        QVERIFY2(text.startsWith("Training failed:") && text.contains("val_loss"),
                 qPrintable(text));
        QVERIFY(page()->startButton()->isEnabled());
    }

    void checkpointsGoNextToTheProject() {
        const QString dir = QDir(uitest::tempDir()).filePath("checkpoint-project");
        QDir().mkpath(dir);
        window_->document()->save(QDir(dir).filePath("p.convstudio.json"));
        page()->setJobOptions({200, 100, true});
        setSpin("epochs", 1);
        qobject_cast<QGroupBox*>(page()->settingsPanel()->editor("model_checkpoint"))
            ->setChecked(true);
        QSignalSpy events(controller(), &TrainingController::trainingEvent);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QVERIFY(page()->start());
        QVERIFY(finished.wait(kHang));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath("best_model.safetensors")));
        QCOMPARE(events.count(), 1);
        QCOMPARE(page()->charts()->events()->count(), 1);
        QCOMPARE(page()->charts()->lossChart()->markCount(), 1); // on the val_loss curve
        // The run's best checkpoint opens as the model Inspect and Classify look at.
        QVERIFY(page()->openCheckpointButton()->isEnabled());
        QTest::mouseClick(page()->openCheckpointButton(), Qt::LeftButton);
        QVERIFY(window_->currentModel()->current());
        QCOMPARE(window_->currentModel()->current()->source, QString("best_model.safetensors"));
        QCOMPARE(window_->pages()->currentIndex(), int(MainWindow::InspectPage));
    }

    void theWindowStaysUsableWhileTraining() {
        // Pages switch and the window resizes while a run goes on (how long the event
        // loop is held is measured by bench/gui_event_loop_benchmark, not here).
        page()->setJobOptions({12000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(kHang));
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            ++ticks;
            if (ticks % 5 == 0)
                window_->showPage(MainWindow::Page(ticks / 5 % MainWindow::PageCount));
            if (ticks % 7 == 0) window_->resize(1100 + ticks % 3 * 100, 800);
        });
        timer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 60, kHang);
        timer.stop();
        QVERIFY(controller()->isRunning()); // all of it happened during training
        const int reportsBefore = int(batches.count());
        QVERIFY(batches.wait(kHang)); // and the run still reports to the page
        QVERIFY(batches.count() > reportsBefore);
        controller()->stop();
        QVERIFY(finished.wait(kHang));
    }

    void stopButtonEndsTheRunAtTheNextBatchAndSaysWhere() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy epochs(controller(), &TrainingController::epochEnded);
        QSignalSpy held(controller(), &TrainingController::held);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(kHang));
        QVERIFY(page()->pauseButton()->isEnabled());
        // Pause first, so the test knows the batch the worker holds after.
        QTest::mouseClick(page()->pauseButton(), Qt::LeftButton);
        QVERIFY(held.count() == 1 || held.wait(kHang));
        const auto at = held.at(0).at(0).value<HoldPoint>();
        const int reports = int(batches.count()), epochEnds = int(epochs.count());
        QTest::mouseClick(page()->stopButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(kHang));
        QCOMPARE(int(batches.count()), reports);
        QCOMPARE(int(epochs.count()), epochEnds);
        const QString text = page()->progressLabel()->text();
        const QString expected =
            at.validating || at.batch == at.batches
                ? QString("Stopped during epoch %1's validation").arg(at.epoch + 1)
                : QString("Stopped in epoch %1 at batch %2/%3").arg(at.epoch + 1).arg(at.batch).arg(at.batches);
        QVERIFY2(text.startsWith(expected), qPrintable(text + " / expected " + expected));
        QVERIFY(text.contains(QString("(%1 complete epoch").arg(epochEnds)));
        QVERIFY(window_->statusWidgets()->trainingText().startsWith(expected)); // and the status bar
        // The partial epoch gets no epoch point on the charts.
        QCOMPARE(int(page()->charts()->lossChart()->points(TrainingCharts::TrainEpoch).size()), epochEnds);
        QVERIFY(page()->evaluationView()->toPlainText().startsWith("Stopped: no test evaluation"));
        // The run list says the same, and Inspect / Classify look at the stopped model under that name
        // (also when no epoch was complete: a partial model is still a model in memory).
        const TrainingRun& run = page()->history()->run(page()->history()->count() - 1);
        QVERIFY2(run.title().contains(expected.toLower()), qPrintable(run.title()));
        // That long title in Compare with does not widen the window past its size.
        QCOMPARE(page()->compareBox()->itemText(page()->compareBox()->count() - 1), run.title());
        QVERIFY2(window_->width() <= 1300, qPrintable(QString::number(window_->width())));
        QVERIFY(window_->currentModel()->hasModel());
        QVERIFY2(window_->currentModel()->current()->source.endsWith(expected.toLower()),
                 qPrintable(window_->currentModel()->current()->source));
        QVERIFY(page()->startButton()->isEnabled());
        QVERIFY(page()->saveButton()->isEnabled()); // what was trained can be kept

        // ... and evaluated as it is: the engine's figures for the stopped model.
        QVERIFY(page()->evaluateTrainedButton()->isEnabled());
        QSignalSpy evaluated(page(), &TrainPage::evaluationFinished);
        QTest::mouseClick(page()->evaluateTrainedButton(), Qt::LeftButton);
        QVERIFY(!page()->saveButton()->isEnabled()); // not while it is being evaluated
        QVERIFY(evaluated.wait(kHang));
        QCOMPARE(evaluated.at(0).at(0).toBool(), true);
        const auto trained = controller()->lastOutcome().trained;
        const auto memory = window_->datasetController()->current()->inMemory();
        cs::Evaluation engine = cs::evaluate(trained->model, memory->test.slice(0, 300),
                                             trained->metadata.preprocessing, trained->loss, 10, 64);
        QCOMPARE(page()->confusionMatrix()->evaluation().confusion.counts, engine.confusion.counts);
        QVERIFY(page()->progressLabel()->text().startsWith("Evaluated the trained model on test (300 images)"));
    }

    void callbacksThatMustFireAreMarkedAtTheirEpochsInOrder() {
        page()->setJobOptions({400, 100, true});
        TrainingSettings t = window_->document()->settings().training;
        t.epochs = 6;
        t.batchSize = 32;
        // min_delta 10: no epoch improves enough, so each callback acts as soon as its patience allows.
        t.earlyStopping.enabled = true;
        t.earlyStopping.monitor = "val_loss";
        t.earlyStopping.minDelta = 10;
        t.earlyStopping.patience = 2;
        t.earlyStopping.restoreBestWeights = false;
        t.reduceLr.enabled = true;
        t.reduceLr.monitor = "val_loss";
        t.reduceLr.minDelta = 10;
        t.reduceLr.patience = 1;
        t.reduceLr.factor = 0.5;
        t.reduceLr.cooldown = 0;
        t.reduceLr.minLr = 0;
        t.checkpoint.enabled = true;
        t.checkpoint.saveBestOnly = false; // every epoch
        t.checkpoint.filepath = QDir(uitest::tempDir()).filePath("every_epoch.safetensors").toStdString();
        window_->document()->setTrainingSettings(t);
        QSignalSpy events(controller(), &TrainingController::trainingEvent);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QVERIFY(page()->start());
        QVERIFY(finished.wait(kHang));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(!outcome.failed && !outcome.stopped);
        QCOMPARE(outcome.epochsRun, 3); // EarlyStopping ended it after epoch 3

        // The controller's events, in order (callbacks run in the order EarlyStopping,
        // ModelCheckpoint, ReduceLROnPlateau at each epoch's end).
        QStringList got;
        for (const QList<QVariant>& e : events) {
            const auto u = e.at(0).value<EventUpdate>();
            got << QString("%1@%2").arg(u.shortName()).arg(u.epoch + 1);
        }
        QCOMPARE(got, (QStringList{"checkpoint@1", "checkpoint@2", "LR reduced@2", "early stop@3", "checkpoint@3",
                                   "LR reduced@3"}));

        // Marked on the validation loss at those epochs, each on its epoch's point.
        const TrainingRun& run = page()->history()->run(page()->history()->count() - 1);
        LineChart* loss = page()->charts()->lossChart();
        QCOMPARE(loss->markCount(), 6);
        for (int i = 0; i < 6; ++i) {
            const QString label = got[i].section('@', 0, 0);
            const int epoch = got[i].section('@', 1).toInt();
            QCOMPARE(loss->mark(i).label, label);
            QCOMPARE(loss->markSeries(i), int(TrainingCharts::ValidationEpoch));
            QCOMPARE(loss->markPosition(i), QPointF(epoch, run.epochs[size_t(epoch - 1)].valLoss));
        }
        QCOMPARE(page()->charts()->accuracyChart()->markCount(), 0);
        // The learning-rate chart (shown now: the rate changed) marks the new rates.
        LineChart* rate = page()->charts()->learningRateChart();
        QVERIFY(rate->isVisible());
        QCOMPARE(rate->markCount(), 2);
        QCOMPARE(rate->markPosition(0), QPointF(2, t.learningRate * 0.5));
        QCOMPARE(rate->markPosition(1), QPointF(3, t.learningRate * 0.25));
        // The list: one line each, with the epoch and the value, in the same order.
        QListWidget* list = page()->charts()->events();
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 6);
        for (int i = 0; i < 6; ++i)
            QVERIFY2(list->item(i)->text().startsWith(QString("epoch %1 · ").arg(got[i].section('@', 1))),
                     qPrintable(list->item(i)->text()));
        QCOMPARE(list->item(2)->text(),
                 QString("epoch 2 · learning rate reduced to %1 (val_loss stalled)").arg(t.learningRate * 0.5));
        QCOMPARE(list->item(3)->text(),
                 QString("epoch 3 · early stop · best val_loss %1").arg(run.epochs[0].valLoss, 0, 'g', 4));
    }

    void evaluateDuringARunTestsTheLatestSnapshotAndTheRunGoesOn() {
        page()->setJobOptions({1200, 300, true});
        setSpin("epochs", 4);
        setSpin("batch_size", 32);
        QStringList order;
        bool requested = false, accepted = false, buttonEnabled = false;
        ModelSnapshotPtr evaluatedSnapshot;
        QSignalSpy evaluated(page(), &TrainPage::evaluationFinished);
        QSignalSpy finished(controller(), &TrainingController::finished);
        connect(controller(), &TrainingController::epochEnded, this, [&](const EpochUpdate& u) {
            order << QString("epoch %1").arg(u.epoch + 1);
            if (requested) return;
            requested = true; // at the end of epoch 1, while the run goes on
            buttonEnabled = page()->evaluateTrainedButton()->isEnabled();
            evaluatedSnapshot = u.snapshot;
            accepted = page()->evaluateTrainedModel();
            order << "evaluate";
        });
        connect(page(), &TrainPage::evaluationFinished, this, [&](bool ok) { order << (ok ? "evaluated" : "failed"); });
        connect(controller(), &TrainingController::finished, this, [&] { order << "finished"; });
        QVERIFY(page()->start());
        QVERIFY(finished.wait(kHang));
        QVERIFY(evaluated.count() == 1 || evaluated.wait(kHang));
        QVERIFY(buttonEnabled);
        QVERIFY(accepted);
        QVERIFY2(!order.contains("failed"), qPrintable(order.join(", ")));
        // The run was not disturbed: every epoch came after the request, then its end.
        QStringList run = order;
        run.removeAll("evaluated");
        QCOMPARE(run, (QStringList{"epoch 1", "evaluate", "epoch 2", "epoch 3", "epoch 4", "finished"}));
        QVERIFY(order.indexOf("evaluated") > order.indexOf("evaluate"));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(!outcome.stopped && !outcome.failed);
        QCOMPARE(outcome.epochsRun, 4);
        QVERIFY(outcome.test.done);

        // What was evaluated: epoch 1's model, on the 300 test images, as the engine scores it.
        const TestEvaluation& ev = page()->lastEvaluation();
        QCOMPARE(ev.split, QString("test"));
        QCOMPARE(int(ev.confusion.total()), 300);
        QCOMPARE(int(ev.predicted.size()), 300);
        QVERIFY2(page()->lastEvaluationSubject().contains("epoch 1"), qPrintable(page()->lastEvaluationSubject()));
        QVERIFY(evaluatedSnapshot);
        cs::Model model = evaluatedSnapshot->model->clone();
        const auto memory = window_->datasetController()->current()->inMemory();
        const cs::Evaluation engine = cs::evaluate(model, memory->test.slice(0, 300), evaluatedSnapshot->preprocessing,
                                                   controller()->lastOutcome().trained->loss, 10, 64);
        QCOMPARE(ev.confusion.counts, engine.confusion.counts);
        // Whichever came last, the page ends on the run's own (newer) test evaluation.
        QCOMPARE(page()->confusionMatrix()->evaluation().confusion.counts, outcome.test.confusion.counts);
        QVERIFY(page()->evaluationView()->toPlainText().startsWith("test split: 300 images"));
        QVERIFY(page()->startButton()->isEnabled());
    }

    void aStopKeepsTheEvaluationMadeDuringTheRun() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy epochs(controller(), &TrainingController::epochEnded);
        QSignalSpy evaluated(page(), &TrainPage::evaluationFinished);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QVERIFY(page()->start());
        QVERIFY(epochs.wait(kHang));
        QVERIFY(page()->evaluateTrainedModel());
        QVERIFY(evaluated.wait(kHang));
        QVERIFY(controller()->isRunning()); // 30 epochs: still training
        QVERIFY(page()->evaluationView()->toPlainText().startsWith("Evaluated epoch 1"));
        QCOMPARE(int(page()->confusionMatrix()->evaluation().confusion.total()), 300);
        controller()->stop();
        QVERIFY(finished.wait(kHang));
        // The matrix and the text agree: the run's evaluation stays, named as such.
        const QString text = page()->evaluationView()->toPlainText();
        QVERIFY2(text.startsWith("Stopped: no test evaluation of the final model") && text.contains("Evaluated epoch 1"),
                 qPrintable(text));
        QCOMPARE(page()->confusionMatrix()->evaluation().confusion.counts, page()->lastEvaluation().confusion.counts);
    }

    void aNewRunShowsWaitingInsteadOfThePreviousModel() {
        page()->setJobOptions({400, 100, true});
        setSpin("epochs", 1);
        setSpin("batch_size", 32);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QVERIFY(page()->start());
        QVERIFY(finished.wait(kHang));
        const ModelSnapshotPtr first = window_->currentModel()->current();
        QVERIFY(first);
        window_->showPage(MainWindow::InspectPage);
        InspectPage* inspect = window_->inspectPage();
        QTRY_VERIFY_WITH_TIMEOUT(!inspect->kernels()->isBusy() && inspect->kernels()->grid()->cellCount() > 0, kHang);
        QVERIFY(!inspect->emptyLabel()->isVisible());

        // start() emits started before it returns; the run's first snapshot comes through the
        // event loop later. In between, no page shows the first run's model as this run's.
        QVERIFY(page()->start());
        QVERIFY(window_->currentModel()->waitingForRun());
        QVERIFY(!window_->currentModel()->current());
        QVERIFY(inspect->emptyLabel()->isVisible());
        QVERIFY(inspect->emptyLabel()->text().contains("Waiting for the first snapshot"));
        QCOMPARE(inspect->kernels()->grid()->cellCount(), 0);
        window_->showPage(MainWindow::ClassifyPage);
        auto* classifyEmpty = window_->classifyPage()->findChild<QLabel*>("emptyStateLabel");
        QVERIFY(classifyEmpty && classifyEmpty->isVisible());
        QVERIFY(classifyEmpty->text().contains("Waiting for the first snapshot"));

        QVERIFY(finished.wait(kHang));
        QVERIFY(!window_->currentModel()->waitingForRun());
        QVERIFY(window_->currentModel()->current() && window_->currentModel()->current() != first);
        QVERIFY(window_->currentModel()->current()->source.startsWith("run 2"));
        QVERIFY(!classifyEmpty->isVisible());
    }

    void stopWithoutPauseEndsTheRun() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        window_->trainAction()->trigger();
        QVERIFY(batches.wait(kHang));
        window_->stopAction()->trigger();
        QVERIFY(finished.count() == 1 || finished.wait(kHang));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(outcome.stopped);
        QVERIFY(outcome.hasPartialEpoch());
        QVERIFY(!outcome.test.done);
        QVERIFY(page()->progressLabel()->text().startsWith("Stopped"));
    }

    void closingTheWindowDuringTrainingHidesItAndClosesWhenStopped() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QSignalSpy closed(window_.get(), &MainWindow::closed);
        window_->trainAction()->trigger(); // F5 from any page
        QVERIFY(controller()->isRunning());
        QVERIFY(batches.wait(kHang));
        window_->document()->undoStack()->setClean();
        // close() returns without waiting for the worker: the window is gone from the
        // screen, the run is asked to stop, and the window closes when it has.
        QVERIFY(!window_->close());
        QVERIFY(!window_->isVisible());
        QCOMPARE(closed.count(), 0);
        QVERIFY(finished.count() == 1 || finished.wait(kHang));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, kHang);
        QVERIFY(!controller()->isRunning());
        QVERIFY(finished.at(0).at(0).value<TrainingOutcome>().stopped);
        window_.reset(); // destroys the controller: its idle thread joins
    }
};

UI_TEST_CLASS(TrainPageTest);
#include "test_train_page.moc"
