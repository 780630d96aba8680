// TrainingController: runs TrainingJobs on its own worker thread (a QThread
// hosting a TrainingWorker) so the window stays responsive, and hands
// progress to the GUI as value structs through queued signals:
// batchProgress (throttled to about 30 a second, plus each epoch's last
// batch), epochEnded, trainingEvent (callbacks) and finished.
//
// Stop raises an atomic flag the trainer polls before every batch, training,
// validation or test (a run ends within one batch, with no evaluation pass
// after it); Pause makes the worker wait on a condition variable after its
// current batch until Resume or Stop, and `held` says where it holds.
// shutdown() (the destructor) stops the run and joins the thread; the window
// instead calls stop() and closes when `finished` arrives, so it never waits.
//
//   controller->start(std::make_unique<TrainingJob>(graph, settings, data, {}));
//   connect(controller, &TrainingController::epochEnded, chart, ...);
#pragma once

#include "ui/training/training_progress.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace ui {

class TrainingJob;
class TrainingWorker;

// Shared by the GUI thread (which sets it) and the worker (which obeys it).
struct RunControl {
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable resumed;
    bool paused = false; // guarded by mutex
    std::atomic<int> batchIntervalMs{33};
};

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override; // shutdown()

    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }
    // Minimum time between two batchProgress signals (default 33 ms).
    void setBatchInterval(int ms) { control_.batchIntervalMs = ms; }
    // The last finished run (its trained model is null until one finished).
    const TrainingOutcome& lastOutcome() const { return outcome_; }

    // Starts the job on the worker thread; false when a run is going on.
    bool start(std::unique_ptr<TrainingJob> job);

public Q_SLOTS:
    void pause();
    void resume();
    void stop();
    // Stops any run and joins the worker thread (the window is closing).
    void shutdown();

Q_SIGNALS:
    void started(int epochs);
    void batchProgress(const ui::BatchUpdate& update);
    void epochEnded(const ui::EpochUpdate& update);
    void trainingEvent(const ui::EventUpdate& event);
    void pausedChanged(bool paused);
    // The worker holds after this batch (Pause took effect there).
    void held(const ui::HoldPoint& point);
    // A batch of the epoch's validation pass was done (throttled like batchProgress).
    void validationProgress(const ui::HoldPoint& point);
    void stopRequested();
    void finished(const ui::TrainingOutcome& outcome);

private:
    void onWorkerFinished(const TrainingOutcome& outcome);

    RunControl control_;
    QThread thread_;
    TrainingWorker* worker_ = nullptr; // lives in thread_, deleted when it finishes
    bool running_ = false;
    bool paused_ = false;
    TrainingOutcome outcome_;
};

// Runs in the worker thread: one job at a time.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(RunControl* control) : control_(control) {}
    void run(std::shared_ptr<TrainingJob> job);

Q_SIGNALS:
    void batchProgress(const ui::BatchUpdate& update);
    void epochEnded(const ui::EpochUpdate& update);
    void trainingEvent(const ui::EventUpdate& event);
    void held(const ui::HoldPoint& point);
    void validationProgress(const ui::HoldPoint& point);
    void finished(const ui::TrainingOutcome& outcome);

private:
    RunControl* control_;
};

} // namespace ui
