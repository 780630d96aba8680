// TrainPage: the Train tab — the training settings (left), Start, Pause /
// Resume and Stop with a progress bar (epoch, batch, images/s, time left),
// the live charts, and after a run the test split's evaluation (loss,
// accuracy, per-class precision / recall / F1, and a confusion matrix whose
// cells open the images behind them; also for a saved model file, on demand) and
// "Save Model…" (.safetensors with class names, preprocessing and settings).
// Every run of the session is kept (RunHistory); "Compare with" overlays an
// earlier run's curves on the charts.
// The run itself belongs to the TrainingController the window owns, so it
// goes on whichever page is shown; statusChanged feeds the status bar.
#pragma once

#include "ui/training/training_job.h"
#include "ui/training/training_progress.h"
#include "ui/window/status_bar.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ui {

class DatasetController;
class ProjectDocument;
class ConfusionMatrixView;
class RunHistory;
struct TrainingRun;
class TrainingCharts;
class TrainingController;
class TrainingSettingsPanel;

class TrainPage : public QWidget {
    Q_OBJECT
public:
    TrainPage(ProjectDocument* document, DatasetController* datasets,
              TrainingController* controller, QWidget* parent = nullptr);
    ~TrainPage() override;

    // Limits for quick runs (tests, screenshots): the first N training images.
    void setJobOptions(const TrainingJobOptions& options) { jobOptions_ = options; }
    // Where a run with frozen layers takes its starting weights (transfer
    // learning): the model in memory — a file opened, an import, the last run.
    void setWeightsSource(std::function<ModelSnapshotPtr()> source) { weightsSource_ = std::move(source); }

    TrainingSettingsPanel* settingsPanel() const { return settings_; }
    TrainingCharts* charts() const { return charts_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* saveButton() const { return save_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* progressLabel() const { return progressText_; }
    QPlainTextEdit* evaluationView() const { return evaluation_; }
    ConfusionMatrixView* confusionMatrix() const { return matrix_; }
    RunHistory* history() const { return history_; }
    QComboBox* compareBox() const { return compare_; } // item 0: none, item i: run i
    // Opens the best checkpoint of the run chosen in compareBox (or of the last run).
    QPushButton* openCheckpointButton() const { return openCheckpoint_; }

    // Saves the last trained model; false (with a message shown) on failure.
    bool saveModel(const QString& path);
    // Evaluates a saved .safetensors model on the current data set's test split in
    // the background; evaluationFinished follows (with the result shown).
    void evaluateFile(const QString& path);
    // The last run's model as it is in memory (also after a Stop), on the test split;
    // false when there is none or something runs. evaluationFinished follows.
    bool evaluateTrainedModel();
    QPushButton* evaluateButton() const { return evaluate_; }
    // The last run's model when no file holds it yet ("run 2, 3 epochs"), else empty.
    QString unsavedModelDescription() const;
    QPushButton* evaluateTrainedButton() const { return evaluateTrained_; }

public Q_SLOTS:
    bool start(); // false (and the reason shown) when training cannot start
    void saveModelAs();
    void evaluateFileChosen();

Q_SIGNALS:
    void statusChanged(const ui::TrainingStatus& status);
    void runFinished();
    void evaluationFinished(bool ok);
    // An image of a confusion-matrix cell was double-clicked: show it in Inspect.
    void inspectImageRequested(const QString& split, int index);
    // "Open Best Checkpoint": look at (Inspect, Classify) the model saved in this file.
    void openModelRequested(const QString& path);

private:
    void onStarted(int epochs);
    void onBatch(const BatchUpdate& u);
    void onEpoch(const EpochUpdate& u);
    void onFinished(const TrainingOutcome& outcome);
    void showEvaluation(const TrainingOutcome& outcome);
    QString stoppedText(const TrainingOutcome& outcome) const;
    // " · fine-tuning <source>: 5 layer(s) start from its weights, 4 frozen" ("" without frozen layers).
    QString fineTuningNote(const ModelGraph& graph, const ModelSnapshotPtr& source,
                           const std::vector<std::string>& fromSource) const;
    // Runs `work` off the GUI thread and shows its evaluation; false when busy.
    bool runEvaluation(const QString& what, std::function<TrainingOutcome(const cs::PassControl&)> work);
    void updateButtons();

    ProjectDocument* document_;
    DatasetController* datasets_;
    TrainingController* controller_;
    TrainingJobOptions jobOptions_;
    std::function<ModelSnapshotPtr()> weightsSource_;
    QString startNote_; // what the run starts from, when it is not fresh weights
    TrainingSettingsPanel* settings_;
    TrainingCharts* charts_;
    QPushButton *start_, *pause_, *stop_, *save_, *evaluate_, *evaluateTrained_, *openCheckpoint_;
    QString runCheckpoint_; // the run in progress's last saved checkpoint
    const TrainingRun* checkpointRun() const;
    std::vector<std::string> shownClassNames_; // of the evaluation shown
    bool evaluating_ = false;
    // Raised when the page goes (the window closes): a file evaluation stops at its next batch.
    std::shared_ptr<std::atomic<bool>> evaluationCancel_ = std::make_shared<std::atomic<bool>>(false);
    QProgressBar* progress_;
    QLabel* progressText_;
    QPlainTextEdit* evaluation_;
    ConfusionMatrixView* matrix_;
    RunHistory* history_;
    QComboBox* compare_;
    TrainingSettings runSettings_; // of the run going on
    std::vector<EpochUpdate> runEpochs_;
    EpochUpdate lastEpoch_;
    bool hasEpoch_ = false;
    bool trainedSaved_ = true; // the last run's model is in a file (or there is none)
};

} // namespace ui
