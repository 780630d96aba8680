// The Train page in the real window on a few hundred Fashion-MNIST images:
// settings are undoable document edits, Start runs a short training whose
// progress reaches the page, the charts and the status bar, the test split is
// evaluated and the model saved; Stop ends a run within a second; closing the
// window while it trains stops and joins the worker.
#include "ui_test_support.h"

#include "charts/line_chart.h"
#include "datapage/dataset_controller.h"
#include "document/project_document.h"
#include "training/confusion_matrix_view.h"
#include "training/current_model.h"
#include "training/run_history.h"
#include "training/train_page.h"
#include "training/training_charts.h"
#include "training/training_controller.h"
#include "training/training_settings_panel.h"
#include "window/main_window.h"

#include "model/model_file.h"
#include "training/trainer.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
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
        QTRY_VERIFY_WITH_TIMEOUT(window_->datasetController()->current() != nullptr, 60000);
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
        const int repaintsBefore = loss->repaintCount();
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(controller()->isRunning());
        QVERIFY(!page()->startButton()->isEnabled());
        QVERIFY(finished.wait(30000));
        QVERIFY(batches.count() >= 2);
        // Redraws are coalesced: at most 15 a second (plus the clear at the start).
        const int repaints = loss->repaintCount() - repaintsBefore;
        QVERIFY2(repaints <= 2 + timer.elapsed() * 15 / 1000,
                 qPrintable(QString("%1 repaints in %2 ms").arg(repaints).arg(timer.elapsed())));
        QCOMPARE(loss->points(TrainingCharts::TrainEpoch).size(), 2);
        QCOMPARE(loss->points(TrainingCharts::ValidationEpoch).size(), 2);
        QVERIFY(loss->points(TrainingCharts::TrainBatch).size() >= 2);
        QSignalSpy repainted(loss, &LineChart::repainted);
        QVERIFY(loss->drawnPointCount(TrainingCharts::TrainEpoch) == 2 || repainted.wait(1000));
        QCOMPARE(loss->drawnPointCount(TrainingCharts::TrainEpoch), 2);
        QCOMPARE(page()->charts()->accuracyChart()->points(TrainingCharts::TrainEpoch).size(), 2);
        QVERIFY(!page()->charts()->learningRateChart()->points(0).isEmpty());
        QCOMPARE(page()->progressBar()->value(), 1000);
        QVERIFY(page()->progressLabel()->text().startsWith("Trained 2 epoch"));
        bool statusShown = false;
        for (QProgressBar* bar : window_->statusBar()->findChildren<QProgressBar*>())
            statusShown |= bar->isVisible() && bar->value() == 1000;
        QVERIFY(statusShown);
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
        QCOMPARE(loaded.metadata.training.getInt("epochs", 0), 2);
        QVERIFY(loaded.optimizer);

        // Evaluating the saved file gives the engine's numbers on the same 300 test images.
        QSignalSpy evaluated(page(), &TrainPage::evaluationFinished);
        page()->evaluateFile(path);
        QVERIFY(evaluated.wait(30000));
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
        QVERIFY(evaluated.wait(10000));
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
            QVERIFY(finished.wait(30000));
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

    void pauseHoldsTheRunAndSaysSo() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(20000));
        QTest::mouseClick(page()->pauseButton(), Qt::LeftButton);
        QCOMPARE(page()->pauseButton()->text(), QString("Resume"));
        QVERIFY(page()->progressLabel()->text().endsWith("paused"));
        QCOMPARE(window_->pauseAction()->text(), QString("&Resume"));
        window_->pauseAction()->trigger(); // the Train menu's Resume (F6)
        QCOMPARE(page()->pauseButton()->text(), QString("Pause"));
        QCOMPARE(window_->pauseAction()->text(), QString("&Pause"));
        batches.clear();
        QVERIFY(batches.wait(5000)); // running again
        QTest::mouseClick(page()->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
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
        QVERIFY(finished.wait(30000));
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
        QVERIFY(finished.wait(30000));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath("best_model.safetensors")));
        QCOMPARE(events.count(), 1);
        QCOMPARE(page()->charts()->events()->count(), 1);
        QCOMPARE(page()->charts()->lossChart()->markerCount(), 1);
        // The run's best checkpoint opens as the model Inspect and Classify look at.
        QVERIFY(page()->openCheckpointButton()->isEnabled());
        QTest::mouseClick(page()->openCheckpointButton(), Qt::LeftButton);
        QVERIFY(window_->currentModel()->current());
        QCOMPARE(window_->currentModel()->current()->source, QString("best_model.safetensors"));
        QCOMPARE(window_->pages()->currentIndex(), int(MainWindow::InspectPage));
    }

    void theWindowStaysResponsiveWhileTraining() {
        page()->setJobOptions({12000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(20000));
        // A 10 ms timer on the GUI thread while pages switch and the window resizes:
        // its ticks keep coming (training runs on its own thread).
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, longestGap = 0;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
            ++ticks;
            if (ticks % 5 == 0)
                window_->showPage(MainWindow::Page(ticks / 5 % MainWindow::PageCount));
            if (ticks % 7 == 0) window_->resize(1100 + ticks % 3 * 100, 800);
        });
        timer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 60, 10000);
        timer.stop();
        QVERIFY(controller()->isRunning()); // all of it happened during training
        qInfo("GUI timer: longest gap %lld ms over %d ticks of 10 ms while training", longestGap, ticks);
        QVERIFY2(longestGap < 500, qPrintable(QString("longest gap %1 ms").arg(longestGap)));
        controller()->stop();
        QVERIFY(finished.wait(5000));
    }

    void stopButtonEndsTheRunWithinASecond() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        QSignalSpy finished(controller(), &TrainingController::finished);
        QTest::mouseClick(page()->startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(20000));
        QVERIFY(page()->pauseButton()->isEnabled());
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(page()->stopButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
        QVERIFY(page()->progressLabel()->text().startsWith("Stopped"));
        QVERIFY(page()->startButton()->isEnabled());
    }

    void closingTheWindowDuringTrainingStopsAndJoins() {
        page()->setJobOptions({6000, 300, true});
        setSpin("epochs", 30);
        QSignalSpy batches(controller(), &TrainingController::batchProgress);
        window_->trainAction()->trigger(); // F5 from any page
        QVERIFY(controller()->isRunning());
        QVERIFY(batches.wait(20000));
        window_->document()->undoStack()->setClean();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(window_->close());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
        window_.reset(); // destroys the controller: nothing left running
    }
};

UI_TEST_CLASS(TrainPageTest);
#include "test_train_page.moc"
