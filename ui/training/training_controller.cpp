#include "ui/training/training_controller.h"

#include "ui/training/training_job.h"
#include "ui/window/engine_text.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>

namespace ui {

namespace {

// The engine's observer, on the worker thread: throttles batches, converts
// to the value structs, and waits between batches while paused.
class QueuedObserver : public cs::TrainingObserver {
public:
    QueuedObserver(TrainingWorker* worker, RunControl* control, const TrainingJob* job)
        : worker_(worker), control_(control), job_(job) {}

    void onBatchEnd(const cs::BatchProgress& p) override {
        using Clock = std::chrono::steady_clock;
        const auto now = Clock::now();
        const bool lastOfEpoch = p.batch >= p.batches;
        if (lastOfEpoch ||
            now - lastBatch_ >= std::chrono::milliseconds(control_->batchIntervalMs)) {
            lastBatch_ = now;
            BatchUpdate u{p.epoch, p.epochs, p.batch, p.batches, p.loss, p.accuracy,
                          p.learningRate, p.imagesPerSecond, p.etaSeconds, nullptr};
            // A live copy of the model about once a second (a few ms for the course's
            // models), so the Inspect page's kernels move while an epoch runs.
            if (!lastOfEpoch && now - lastSnapshot_ >= std::chrono::seconds(1)) {
                lastSnapshot_ = now;
                u.snapshot = job_->snapshot(QCoreApplication::translate("ui::TrainingController",
                                                                        "epoch %1, %2% done (live)")
                                                .arg(p.epoch + 1)
                                                .arg(100 * p.batch / std::max(p.batches, 1)),
                                            p.epoch);
            }
            Q_EMIT worker_->batchProgress(u);
        }
        holdWhilePaused({p.epoch, p.batch, p.batches, false});
    }

    void onValidationBatch(const cs::PassProgress& p) override {
        const HoldPoint point{p.epoch, p.batch, p.batches, true};
        const auto now = std::chrono::steady_clock::now();
        if (p.batch >= p.batches ||
            now - lastBatch_ >= std::chrono::milliseconds(control_->batchIntervalMs)) {
            lastBatch_ = now;
            Q_EMIT worker_->validationProgress(point);
        }
        holdWhilePaused(point);
    }

    void onEpochEnd(const cs::EpochSummary& s) override {
        auto get = [&](const char* key, double fallback) {
            auto it = s.logs.find(key);
            return it == s.logs.end() ? fallback : it->second;
        };
        EpochUpdate u;
        u.epoch = s.epoch;
        u.epochs = s.epochs;
        u.loss = get("loss", 0);
        u.accuracy = get("accuracy", 0);
        u.valLoss = get("val_loss", EpochUpdate::kNone);
        u.valAccuracy = get("val_accuracy", EpochUpdate::kNone);
        u.learningRate = get("learning_rate", 0);
        u.seconds = s.seconds;
        u.imagesPerSecond = s.imagesPerSecond;
        u.snapshot = job_->snapshot(
            QCoreApplication::translate("ui::TrainingController", "epoch %1").arg(s.epoch + 1), s.epoch);
        Q_EMIT worker_->epochEnded(u);
    }

    void onEvent(const cs::TrainingEvent& e) override {
        EventUpdate u;
        u.kind = EventUpdate::Kind(int(e.kind));
        u.epoch = e.epoch;
        u.value = e.value;
        u.monitor = QString::fromStdString(e.monitor);
        u.path = QString::fromStdString(e.path);
        u.message = engineText(e.message);
        Q_EMIT worker_->trainingEvent(u);
    }

private:
    // Between batches: wait while paused (a stop wakes it), after saying where.
    void holdWhilePaused(const HoldPoint& point) {
        std::unique_lock lock(control_->mutex);
        if (!control_->paused || control_->stop) return;
        Q_EMIT worker_->held(point);
        control_->resumed.wait(lock, [this] { return !control_->paused || control_->stop; });
    }

    TrainingWorker* worker_;
    RunControl* control_;
    const TrainingJob* job_;
    std::chrono::steady_clock::time_point lastBatch_{}, lastSnapshot_{std::chrono::steady_clock::now()};
};

} // namespace

void TrainingWorker::run(std::shared_ptr<TrainingJob> job) {
    QueuedObserver observer(this, control_, job.get());
    TrainingOutcome outcome = job->run(&observer, &control_->stop);
    job.reset(); // the callbacks and data sources go now, on this thread
    Q_EMIT finished(outcome);
}

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<BatchUpdate>();
    qRegisterMetaType<EpochUpdate>();
    qRegisterMetaType<EventUpdate>();
    qRegisterMetaType<TrainingOutcome>();
    qRegisterMetaType<HoldPoint>();
    thread_.setObjectName("training");
    worker_ = new TrainingWorker(&control_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &TrainingWorker::batchProgress, this, &TrainingController::batchProgress,
            Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::epochEnded, this, &TrainingController::epochEnded,
            Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::trainingEvent, this, &TrainingController::trainingEvent,
            Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::held, this, &TrainingController::held, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::validationProgress, this,
            &TrainingController::validationProgress, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::finished, this, &TrainingController::onWorkerFinished,
            Qt::QueuedConnection);
    thread_.start();
}

TrainingController::~TrainingController() {
    shutdown();
}

bool TrainingController::start(std::unique_ptr<TrainingJob> job) {
    if (running_ || !thread_.isRunning() || !job) return false;
    control_.stop = false;
    {
        std::lock_guard lock(control_.mutex);
        control_.paused = false;
    }
    running_ = true;
    paused_ = false;
    const int epochs = job->fitOptions().epochs;
    std::shared_ptr<TrainingJob> shared(std::move(job));
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, shared] { worker->run(shared); }, Qt::QueuedConnection);
    Q_EMIT started(epochs);
    return true;
}

void TrainingController::pause() {
    if (!running_ || paused_) return;
    {
        std::lock_guard lock(control_.mutex);
        control_.paused = true;
    }
    paused_ = true;
    Q_EMIT pausedChanged(true);
}

void TrainingController::resume() {
    if (!paused_) return;
    {
        std::lock_guard lock(control_.mutex);
        control_.paused = false;
    }
    control_.resumed.notify_all();
    paused_ = false;
    Q_EMIT pausedChanged(false);
}

void TrainingController::stop() {
    if (!running_) return;
    {
        std::lock_guard lock(control_.mutex);
        control_.stop = true;
        control_.paused = false;
    }
    control_.resumed.notify_all();
    if (paused_) {
        paused_ = false;
        Q_EMIT pausedChanged(false);
    }
    Q_EMIT stopRequested();
}

void TrainingController::shutdown() {
    {
        std::lock_guard lock(control_.mutex);
        control_.stop = true;
        control_.paused = false;
    }
    control_.resumed.notify_all();
    if (thread_.isRunning()) {
        thread_.quit(); // after the current run, whose trainer sees the stop flag
        thread_.wait();
    }
    running_ = false;
}

void TrainingController::onWorkerFinished(const TrainingOutcome& outcome) {
    running_ = false;
    paused_ = false;
    outcome_ = outcome;
    Q_EMIT finished(outcome);
}

} // namespace ui
