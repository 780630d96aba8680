#include "ui/training/train_page.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/model_evaluation.h"
#include "ui/training/run_history.h"
#include "ui/training/training_charts.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_settings_panel.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/model/transfer_learning.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace ui {

namespace {
QString duration(double seconds) {
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QString("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QChar('0'))
                           .arg(s % 60, 2, 10, QChar('0'))
                     : QString("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}
} // namespace

TrainPage::TrainPage(ProjectDocument* document, DatasetController* datasets,
                     TrainingController* controller, QWidget* parent)
    : QWidget(parent), document_(document), datasets_(datasets), controller_(controller) {
    settings_ = new TrainingSettingsPanel(document_, this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(settings_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(settings_->sizeHint().width() + 24);

    start_ = new QPushButton(tr("Start"), this);
    start_->setToolTip(tr("Train a fresh copy of the model with these settings (F5)"));
    pause_ = new QPushButton(tr("Pause"), this);
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setToolTip(tr("Stop after the current batch; the model trained so far is kept"));
    save_ = new QPushButton(tr("Save Model…"), this);
    save_->setToolTip(tr("Save the trained model as .safetensors (weights, class names, "
                         "preprocessing, settings and history)"));
    evaluateTrained_ = new QPushButton(tr("Evaluate"), this);
    evaluateTrained_->setToolTip(tr("Evaluate the model in memory on this data set's test split (its "
                                    "validation images when it has none): during a run its latest "
                                    "snapshot, while the run goes on; after a run or a Stop the model "
                                    "as it ended"));
    evaluate_ = new QPushButton(tr("Evaluate Model File…"), this);
    evaluate_->setToolTip(tr("Evaluate a saved .safetensors model on this data set's test split"));
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progressText_ = new QLabel(tr("Not trained yet: press Start."), this);
    progressText_->setWordWrap(true); // a stop's full account is long: it wraps, the window keeps its width
    auto* controls = new QHBoxLayout;
    for (QPushButton* b : {start_, pause_, stop_})
        controls->addWidget(b);
    controls->addWidget(progress_, 1);
    controls->addWidget(save_);
    controls->addWidget(evaluateTrained_);
    controls->addWidget(evaluate_);

    history_ = new RunHistory(this);
    compare_ = new QComboBox(this);
    compare_->addItem(tr("no earlier run"));
    // A run's title is long (settings, result, where a stop came): the box keeps a fixed
    // width rather than widening the window past the screen; the list shows titles whole.
    compare_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    compare_->setMinimumContentsLength(36);
    compare_->view()->setTextElideMode(Qt::ElideNone);
    compare_->setToolTip(tr("Overlay an earlier run's loss and accuracy (dashed) to compare"));
    openCheckpoint_ = new QPushButton(tr("Open Best Checkpoint"), this);
    openCheckpoint_->setObjectName("openCheckpointButton");
    openCheckpoint_->setToolTip(tr("Inspect and classify with the model ModelCheckpoint saved "
                                   "(the run chosen in Compare with, else the last run)"));
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare with:"), this));
    compareRow->addWidget(compare_, 1); // the row's spare room: a run's title read whole where it fits
    compareRow->addWidget(openCheckpoint_);
    charts_ = new TrainingCharts(this);
    evaluation_ = new QPlainTextEdit(this);
    evaluation_->setReadOnly(true);
    evaluation_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The per-class report is a table in columns: scrolled sideways rather than wrapped apart.
    evaluation_->setLineWrapMode(QPlainTextEdit::NoWrap);
    evaluation_->setPlaceholderText(tr("After training: the test split's loss, accuracy, "
                                       "per-class precision / recall / F1 and confusion matrix."));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(controls);
    rightLayout->addWidget(progressText_);
    rightLayout->addLayout(compareRow);
    auto* vertical = new QSplitter(Qt::Vertical, right);
    matrix_ = new ConfusionMatrixView(this);
    auto* results = new QSplitter(Qt::Horizontal, right);
    results->addWidget(evaluation_);
    results->addWidget(matrix_);
    vertical->addWidget(charts_);
    vertical->addWidget(results);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    // The matrix needs more room than the report: ten columns of counts up to 1,000.
    results->setStretchFactor(0, 2);
    results->setStretchFactor(1, 3);
    rightLayout->addWidget(vertical, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(start_, &QPushButton::clicked, this, &TrainPage::start);
    connect(pause_, &QPushButton::clicked, this,
            [this] { controller_->isPaused() ? controller_->resume() : controller_->pause(); });
    connect(stop_, &QPushButton::clicked, controller_, &TrainingController::stop);
    connect(save_, &QPushButton::clicked, this, &TrainPage::saveModelAs);
    connect(evaluate_, &QPushButton::clicked, this, &TrainPage::evaluateFileChosen);
    connect(evaluateTrained_, &QPushButton::clicked, this, &TrainPage::evaluateTrainedModel);
    connect(openCheckpoint_, &QPushButton::clicked, this, [this] {
        if (const TrainingRun* run = checkpointRun()) Q_EMIT openModelRequested(run->bestCheckpoint);
    });
    connect(controller_, &TrainingController::trainingEvent, this, [this](const EventUpdate& e) {
        if (e.kind == EventUpdate::CheckpointSaved) runCheckpoint_ = e.path;
    });
    connect(compare_, &QComboBox::currentIndexChanged, this, &TrainPage::updateButtons);
    connect(compare_, &QComboBox::currentIndexChanged, this, [this](int i) {
        charts_->showComparison(i > 0 && i <= history_->count() ? &history_->run(i - 1) : nullptr);
    });
    connect(history_, &RunHistory::runAdded, this,
            [this](int i) {
                compare_->addItem(history_->run(i).title());
                compare_->setItemData(compare_->count() - 1, history_->run(i).title(), Qt::ToolTipRole);
                // The popup as wide as its longest title.
                compare_->view()->setMinimumWidth(compare_->view()->sizeHintForColumn(0) + 24);
            });
    connect(matrix_, &ConfusionMatrixView::cellChosen, this, [this](int truth, int predicted) {
        auto* dialog =
            new CellImagesDialog(matrix_->evaluation(), shownClassNames_, truth, predicted, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &CellImagesDialog::inspectRequested, this, &TrainPage::inspectImageRequested);
        dialog->show();
    });
    connect(controller_, &TrainingController::started, this, &TrainPage::onStarted);
    connect(controller_, &TrainingController::batchProgress, this, &TrainPage::onBatch);
    connect(controller_, &TrainingController::epochEnded, this, &TrainPage::onEpoch);
    connect(controller_, &TrainingController::trainingEvent, charts_, &TrainingCharts::addEvent);
    connect(controller_, &TrainingController::finished, this, &TrainPage::onFinished);
    connect(controller_, &TrainingController::pausedChanged, this, &TrainPage::updateButtons);
    connect(controller_, &TrainingController::stopRequested, this,
            [this] { progressText_->setText(tr("Stopping after this batch…")); });
    connect(controller_, &TrainingController::held, this, [this](const HoldPoint& p) {
        if (!controller_->isPaused()) return; // resumed before this news arrived
        progressText_->setText(
            (p.validating ? tr("Paused in epoch %1's validation at batch %2/%3")
                          : tr("Paused in epoch %1 after batch %2/%3"))
                .arg(p.epoch + 1)
                .arg(p.batch)
                .arg(p.batches));
    });
    connect(controller_, &TrainingController::validationProgress, this,
            [this](const HoldPoint& p) {
                if (controller_->isPaused()) return;
                progressText_->setText(tr("epoch %1 · validating batch %2/%3")
                                           .arg(p.epoch + 1)
                                           .arg(p.batch)
                                           .arg(p.batches));
            });
    updateButtons();
}

TrainPage::~TrainPage() {
    *evaluationCancel_ = true; // an Evaluate Model File pass ends at its next batch
}

QString TrainPage::fineTuningNote(const ModelGraph& graph, const ModelSnapshotPtr& source,
                                  const std::vector<std::string>& fromSource) const {
    const int frozen = cs::frozenLayerCount(graph);
    if (frozen == 0) return {};
    if (!source)
        return tr(" · %n frozen layer(s) start from fresh weights: no trained model is in memory "
                  "(open or import one, or train first)",
                  nullptr, frozen);
    return tr(" · fine-tuning %1: %n layer(s) start from its weights", nullptr, int(fromSource.size()))
               .arg(source->source) +
           tr(", %n frozen", nullptr, frozen);
}

QString TrainPage::stoppedText(const TrainingOutcome& out) const {
    return RunHistory::stopDescription(out);
}

bool TrainPage::start() {
    if (controller_->isRunning()) return false;
    try {
        if (!document_->report().valid())
            throw cs::ConfigError(
                CS_TEXT("ui::TrainPage", "the model has problems (the Model page shows them)"));
        if (datasets_->isLoading())
            throw cs::DataError(CS_TEXT("ui::TrainPage", "the data set is still loading"));
        ProjectSettings settings = document_->settings();
        // A relative checkpoint path is relative to the project's folder (when saved).
        std::string& checkpoint = settings.training.checkpoint.filepath;
        const QFileInfo project(document_->filePath());
        if (settings.training.checkpoint.enabled && !document_->filePath().isEmpty() &&
            QFileInfo(QString::fromStdString(checkpoint)).isRelative())
            checkpoint = project.dir().filePath(QString::fromStdString(checkpoint)).toStdString();
        const ModelSnapshotPtr source =
            cs::hasFrozenLayers(document_->graph()) && weightsSource_ ? weightsSource_() : nullptr;
        auto job = std::make_unique<TrainingJob>(document_->graph(), settings, datasets_->current(),
                                                 jobOptions_, source ? source->model : nullptr);
        startNote_ = fineTuningNote(document_->graph(), source, job->layersFromStartWeights());
        runSettings_ = document_->settings().training;
        runLoss_ = job->loss();
        return controller_->start(std::move(job));
    } catch (const std::exception& e) {
        progressText_->setText(tr("Cannot train: %1").arg(errorText(e)));
        return false;
    }
}

void TrainPage::onStarted(int epochs) {
    charts_->begin(epochs);
    evaluation_->clear();
    matrix_->clearMatrix();
    hasEpoch_ = false;
    runEpochs_.clear();
    runCheckpoint_.clear();
    latestSnapshot_.reset();
    snapshotShown_ = false;
    progress_->setValue(0);
    progressText_->setText(tr("Starting %n epoch(s)…", nullptr, epochs) + startNote_);
    // The status bar shows this run from its start, not the last run's figures.
    TrainingStatus status;
    status.epoch = 1;
    status.epochs = epochs;
    status.text = tr("starting");
    Q_EMIT statusChanged(status);
    updateButtons();
}

void TrainPage::onBatch(const BatchUpdate& u) {
    charts_->addBatch(u);
    if (u.snapshot) {
        const bool first = !latestSnapshot_;
        latestSnapshot_ = u.snapshot;
        if (first) updateButtons(); // Evaluate has a model to test now
    }
    progress_->setValue(int(u.fraction() * 1000));
    QString text = tr("epoch %1/%2 · batch %3/%4 · %5 img/s · %6 left · loss %7 · accuracy %8")
                       .arg(u.epoch + 1)
                       .arg(u.epochs)
                       .arg(u.batch)
                       .arg(u.batches)
                       .arg(qint64(u.imagesPerSecond))
                       .arg(duration(u.etaSeconds))
                       .arg(u.loss, 0, 'f', 4)
                       .arg(u.accuracy, 0, 'f', 4);
    if (controller_->isPaused()) text += tr(" · paused");
    progressText_->setText(text);
    TrainingStatus status;
    status.epoch = u.epoch + 1;
    status.epochs = u.epochs;
    status.fraction = u.fraction();
    status.imagesPerSecond = u.imagesPerSecond;
    if (hasEpoch_ && lastEpoch_.hasValidation())
        status.text = tr("val_accuracy %1").arg(lastEpoch_.valAccuracy, 0, 'f', 3);
    Q_EMIT statusChanged(status);
}

void TrainPage::onEpoch(const EpochUpdate& u) {
    charts_->addEpoch(u);
    if (u.snapshot) {
        const bool first = !latestSnapshot_;
        latestSnapshot_ = u.snapshot;
        if (first) updateButtons();
    }
    lastEpoch_ = u;
    lastEpoch_.snapshot.reset();
    hasEpoch_ = true;
    runEpochs_.push_back(lastEpoch_); // the history keeps numbers, not every epoch's model
    TrainingStatus status;
    status.epoch = u.epoch + 1;
    status.epochs = u.epochs;
    status.fraction = u.epochs > 0 ? double(u.epoch + 1) / u.epochs : 0.0;
    status.imagesPerSecond = u.imagesPerSecond;
    if (u.hasValidation()) status.text = tr("val_accuracy %1").arg(u.valAccuracy, 0, 'f', 3);
    Q_EMIT statusChanged(status);
}

void TrainPage::onFinished(const TrainingOutcome& out) {
    charts_->end();
    updateButtons();
    if (out.failed) {
        progressText_->setText(tr("Training failed: %1").arg(out.error));
    } else {
        QString how = out.stopped    ? stoppedText(out)
                      : out.diverged ? tr("Diverged (the loss is not finite) in epoch %1")
                                           .arg(out.hasPartialEpoch() ? out.partialEpoch + 1
                                                                      : out.epochsRun)
                                     : tr("Trained %n epoch(s)", nullptr, out.epochsRun);
        how += tr(" in %1").arg(duration(out.seconds));
        if (hasEpoch_)
            how += tr(" · loss %1 · accuracy %2")
                       .arg(lastEpoch_.loss, 0, 'f', 4)
                       .arg(lastEpoch_.accuracy, 0, 'f', 4);
        if (hasEpoch_ && lastEpoch_.hasValidation())
            how += tr(" · val_loss %1 · val_accuracy %2")
                       .arg(lastEpoch_.valLoss, 0, 'f', 4)
                       .arg(lastEpoch_.valAccuracy, 0, 'f', 4);
        how += startNote_; // what the run started from stays said once the batches have gone by
        progressText_->setText(how);
        if (!out.stopped && !out.diverged) progress_->setValue(1000);
        showEvaluation(out);
    }
    TrainingStatus status; // the run is over: say how it ended
    status.fraction = double(progress_->value()) / 1000.0;
    if (out.failed) status.text = tr("training failed");
    else if (out.stopped) status.text = stoppedText(out).section(QStringLiteral(" ("), 0, 0); // where, briefly
    else if (out.diverged) status.text = tr("diverged");
    else status.text = tr("trained %n epoch(s)", nullptr, out.epochsRun);
    if (!out.failed && hasEpoch_ && lastEpoch_.hasValidation())
        status.text += tr(" · val_accuracy %1").arg(lastEpoch_.valAccuracy, 0, 'f', 3);
    Q_EMIT statusChanged(status);
    TrainingRun run;
    run.settings = RunHistory::describe(runSettings_);
    run.epochs = runEpochs_;
    run.outcome = out;
    run.bestCheckpoint = runCheckpoint_;
    history_->add(std::move(run));
    trainedSaved_ = !out.trained || out.failed;
    updateButtons();
    Q_EMIT runFinished();
}

QString TrainPage::unsavedModelDescription() const {
    if (trainedSaved_ || !controller_->lastOutcome().trained || history_->count() == 0) return {};
    const TrainingOutcome& out = controller_->lastOutcome();
    const QString run = tr("run %1").arg(history_->count());
    return out.stopped ? tr("%1, %2").arg(run, RunHistory::stopDescription(out).toLower())
                       : tr("%1, %n epoch(s)", nullptr, out.epochsRun).arg(run);
}

void TrainPage::showEvaluation(const TrainingOutcome& out) {
    if ((!out.test.done || !out.trained) && out.stopped && snapshotShown_) {
        // Evaluated during the run: that evaluation (named) and its matrix stay, said to be older.
        evaluation_->setPlainText(tr("Stopped: no test evaluation of the final model (Evaluate tests it as it "
                                     "is). Shown below: the evaluation made during the run.\n\n") +
                                  evaluation_->toPlainText());
        return;
    }
    if (!out.test.done || !out.trained) {
        matrix_->clearMatrix();
        evaluation_->setPlainText(
            out.stopped ? tr("Stopped: no test evaluation (Evaluate tests the model as it is; "
                             "Save Model keeps it).")
                        : QString());
        return;
    }
    showTest(out.test, out.trained->metadata.classNames, QString());
}

void TrainPage::showTest(const TestEvaluation& test, const std::vector<std::string>& names, const QString& heading) {
    shownClassNames_ = names;
    QString text = heading.isEmpty() ? QString() : heading + "\n";
    // One sentence per split, so each language says it its own way.
    const QString line = test.split == QLatin1String("validation")
                             ? tr("validation split: %1 images\nvalidation loss %2 · validation accuracy %3\n\n")
                             : tr("test split: %1 images\ntest loss %2 · test accuracy %3\n\n");
    text += line.arg(test.confusion.total())
                .arg(test.loss, 0, 'f', 4)
                .arg(test.accuracy(), 0, 'f', 4);
    text += QString::fromStdString(test.confusion.reportText(names)) + "\n";
    evaluation_->setPlainText(text);
    matrix_->setEvaluation(test, names);
}

const TrainingRun* TrainPage::checkpointRun() const {
    const int chosen = compare_->currentIndex();
    if (chosen > 0 && chosen <= history_->count()) return &history_->run(chosen - 1);
    return history_->count() > 0 ? &history_->run(history_->count() - 1) : nullptr;
}

void TrainPage::updateButtons() {
    const bool running = controller_->isRunning();
    const TrainingRun* run = checkpointRun();
    openCheckpoint_->setEnabled(run && !run->bestCheckpoint.isEmpty() && QFileInfo::exists(run->bestCheckpoint));
    start_->setEnabled(!running && !evaluating_);
    evaluate_->setEnabled(!running && !evaluating_);
    pause_->setEnabled(running);
    pause_->setText(controller_->isPaused() ? tr("Resume") : tr("Pause"));
    const QString paused = tr(" · paused");
    QString text = progressText_->text();
    if (controller_->isPaused() && !text.endsWith(paused)) progressText_->setText(text + paused);
    if (!controller_->isPaused() && text.endsWith(paused))
        progressText_->setText(text.chopped(paused.size()));
    stop_->setEnabled(running);
    save_->setEnabled(!running && !evaluating_ && controller_->lastOutcome().trained != nullptr);
    evaluateTrained_->setEnabled(!evaluating_ && (running ? latestSnapshot_ != nullptr
                                                          : controller_->lastOutcome().trained != nullptr));
}

bool TrainPage::saveModel(const QString& path) {
    auto trained = controller_->lastOutcome().trained;
    if (!trained || controller_->isRunning()) return false;
    try {
        saveTrainedModel(*trained, path.toStdString());
        trainedSaved_ = true;
        progressText_->setText(tr("Saved %1").arg(path));
        return true;
    } catch (const std::exception& e) {
        progressText_->setText(tr("Could not save: %1").arg(errorText(e)));
        return false;
    }
}

void TrainPage::saveModelAs() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Trained Model"), "model.safetensors", tr("Models (*.safetensors)"));
    if (!path.isEmpty()) saveModel(path);
}

} // namespace ui

namespace ui {

void TrainPage::evaluateFileChosen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Evaluate Model"), QString(),
                                                      tr("Models (*.safetensors)"));
    if (!path.isEmpty()) evaluateFile(path);
}

void TrainPage::evaluateFile(const QString& path) {
    auto data = datasets_->current();
    const int testLimit = jobOptions_.testLimit;
    const int threads = effectiveThreads(document_->settings().training.threads);
    runEvaluation(QFileInfo(path).fileName(), [path, data, testLimit, threads](const cs::PassControl& control) {
        return evaluateModelFile(path.toStdString(), data, testLimit, threads, control);
    });
}

bool TrainPage::evaluateTrainedModel() {
    if (controller_->isRunning()) return evaluateRunningModel();
    std::shared_ptr<TrainedModel> trained = controller_->lastOutcome().trained;
    auto data = datasets_->current();
    if (!trained) return false;
    const int testLimit = jobOptions_.testLimit;
    const int threads = effectiveThreads(document_->settings().training.threads);
    return runEvaluation(tr("the trained model"), [trained, data, testLimit,
                                                   threads](const cs::PassControl& control) {
        requireData(data);
        checkModelTakesData(trained->model, *data,
                            CS_TEXT("ui::TrainPage", "the trained model takes %1 but %2 images are %3x%4x%5"));
        TrainingOutcome out;
        out.trained = trained;
        out.test = evaluateOnTestSplit(trained->model, trained->metadata.preprocessing, trained->loss, data, 64,
                                       testLimit, threads, control);
        return out;
    });
}

bool TrainPage::evaluateRunningModel() {
    const ModelSnapshotPtr snapshot = latestSnapshot_;
    if (!snapshot) return false; // the run has made no snapshot yet
    auto data = datasets_->current();
    const int testLimit = jobOptions_.testLimit;
    // Half the cores: the run keeps the rest (it runs at a lower priority besides).
    const int threads = std::max(1, effectiveThreads(runSettings_.threads) / 2);
    const cs::Loss loss = runLoss_;
    const QString what = tr("%1 of run %2 (still training)").arg(snapshot->source).arg(history_->count() + 1);
    return runEvaluation(
        what,
        [snapshot, data, loss, testLimit, threads](const cs::PassControl& control) {
            requireData(data); // the same words, translatable (this one was a plain English string)
            cs::Model model = snapshot->model->clone(); // running a model changes its buffers
            TrainingOutcome out;
            out.test = evaluateOnTestSplit(model, snapshot->preprocessing, loss, data, 64, testLimit, threads, control);
            auto trained = std::make_shared<TrainedModel>();
            trained->metadata.classNames = snapshot->classNames; // what the report names
            out.trained = std::move(trained);
            return out;
        },
        true);
}

bool TrainPage::runEvaluation(const QString& what, std::function<TrainingOutcome(const cs::PassControl&)> work,
                              bool duringRun) {
    if ((controller_->isRunning() && !duringRun) || evaluating_) return false;
    evaluating_ = true;
    updateButtons();
    // During a run the progress line belongs to the run: the evaluation view says it.
    if (duringRun) evaluation_->setPlainText(tr("Evaluating %1…").arg(what));
    else progressText_->setText(tr("Evaluating %1…").arg(what));
    const int runsBefore = history_->count();
    struct Result {
        TrainingOutcome outcome;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, what, duringRun, runsBefore] {
        const Result r = watcher->result();
        watcher->deleteLater();
        evaluating_ = false;
        updateButtons();
        const bool ok = r.error.isEmpty() && r.outcome.test.done;
        if (ok) {
            lastEvaluation_ = r.outcome.test;
            lastEvaluationSubject_ = what;
        }
        // The run ended meanwhile: its own test evaluation, of a newer model, stays shown.
        const bool superseded =
            duringRun && history_->count() != runsBefore && controller_->lastOutcome().test.done;
        if (ok && duringRun) {
            if (!superseded) {
                showTest(r.outcome.test, r.outcome.trained->metadata.classNames,
                         tr("Evaluated %1:").arg(what));
                snapshotShown_ = controller_->isRunning();
            }
        } else if (!ok && duringRun) {
            if (!superseded)
                evaluation_->setPlainText(tr("Cannot evaluate: %1")
                                              .arg(r.error.isEmpty() ? tr("the data set has no test images") : r.error));
        } else if (ok) {
            matrix_->clearMatrix();
            showEvaluation(r.outcome);
            progressText_->setText(tr("Evaluated %1 on %2 (%3 images): accuracy %4")
                                       .arg(what, r.outcome.test.split)
                                       .arg(r.outcome.test.confusion.total())
                                       .arg(r.outcome.test.accuracy(), 0, 'f', 4));
        } else {
            progressText_->setText(tr("Cannot evaluate: %1")
                                       .arg(r.error.isEmpty() ? tr("the data set has no test images") : r.error));
        }
        Q_EMIT evaluationFinished(ok);
    });
    auto cancel = evaluationCancel_;
    watcher->setFuture(QtConcurrent::run([work = std::move(work), cancel] {
        Result r;
        try {
            cs::PassControl control;
            control.stop = cancel.get();
            r.outcome = work(control);
        } catch (const std::exception& e) {
            r.error = errorText(e);
        }
        return r;
    }));
    return true;
}

} // namespace ui
