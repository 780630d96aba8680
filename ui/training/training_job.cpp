#include "ui/training/training_job.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/training/model_evaluation.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/data/streaming_folder_source.h"
#include "engine/training/early_stopping.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/reduce_lr_on_plateau.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <thread>

namespace ui {

QString EventUpdate::shortName() const {
    switch (kind) {
    case EarlyStopping:
        return QCoreApplication::translate("EventUpdate", "early stop");
    case BestWeightsRestored:
        return QCoreApplication::translate("EventUpdate", "best weights");
    case CheckpointSaved:
        return QCoreApplication::translate("EventUpdate", "checkpoint");
    case LearningRateReduced:
        return QCoreApplication::translate("EventUpdate", "LR reduced");
    case NonFiniteLoss:
        return QCoreApplication::translate("EventUpdate", "NaN loss");
    case CheckpointFailed:
        return QCoreApplication::translate("EventUpdate", "checkpoint failed");
    case LogWriteFailed:
        return QCoreApplication::translate("EventUpdate", "log failed");
    }
    return {};
}

int effectiveThreads(int setting) {
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    if (setting == 0) return cores;
    if (setting < 0) return std::max(1, cores + setting);
    return std::min(setting, cores);
}

void saveTrainedModel(TrainedModel& trained, const std::string& path) {
    cs::saveModelFile(path, trained.model, trained.metadata, trained.optimizer.get());
}

TrainingJob::TrainingJob(const ModelGraph& graph, const ProjectSettings& settings,
                         std::shared_ptr<const LoadedDataset> data,
                         const TrainingJobOptions& options)
    : settings_(settings), data_(std::move(data)), options_(options) {
    if (!data_) throw cs::DataError("no data set is loaded yet (the Data page chooses one)");
    const TrainingSettings& t = settings_.training;
    trained_ = std::make_shared<TrainedModel>();
    trained_->model = graph.toModel();
    const cs::Shape in = trained_->model.inputShape();
    if (in.rank() != 3 || in[0] != data_->height() || in[1] != data_->width() ||
        in[2] != data_->channels())
        throw cs::ShapeError(
            "the model takes " + in.toString() + " but " + data_->title().toStdString() +
            " images are " + std::to_string(data_->height()) + "x" +
            std::to_string(data_->width()) + "x" + std::to_string(data_->channels()));

    cs::Json cfg = cs::Json::object();
    cfg["learning_rate"] = t.learningRate;
    if (t.optimizer == "sgd") {
        cfg["momentum"] = t.momentum;
        cfg["nesterov"] = t.nesterov;
    }
    trained_->optimizer = cs::createOptimizer(t.optimizer, cfg);
    const int units = int(trained_->model.outputShape().numel());
    trained_->loss = t.loss != "auto" ? cs::lossFromName(t.loss) : cs::defaultLossFor(units);

    fit_.epochs = std::max(1, t.epochs);
    fit_.batchSize = std::max(1, t.batchSize);
    fit_.validationSplit = t.validationSplit;
    fit_.seed = t.seed;
    fit_.threads = effectiveThreads(t.threads);

    if (t.earlyStopping.enabled)
        callbacks_.push_back(std::make_unique<cs::EarlyStopping>(
            t.earlyStopping.monitor, t.earlyStopping.minDelta, t.earlyStopping.patience,
            cs::MonitorMode::Auto, t.earlyStopping.restoreBestWeights));
    if (t.checkpoint.enabled)
        callbacks_.push_back(std::make_unique<cs::ModelCheckpoint>(
            t.checkpoint.filepath, t.checkpoint.monitor, t.checkpoint.saveBestOnly));
    if (t.reduceLr.enabled)
        callbacks_.push_back(std::make_unique<cs::ReduceLROnPlateau>(
            t.reduceLr.monitor, t.reduceLr.factor, t.reduceLr.patience, t.reduceLr.minLr));

    trained_->metadata = {data_->classNames(), settings_.preprocessing,
                          data_->title().toStdString(), trainingJson(nullptr)};
}

TrainingJob::~TrainingJob() = default;

ModelSnapshotPtr TrainingJob::snapshot(QString source, int epoch) const {
    return makeSnapshot(trained_->model, trained_->metadata.classNames, settings_.preprocessing,
                        std::move(source), epoch);
}

cs::Json TrainingJob::trainingJson(const cs::History* h) const {
    cs::Json t = settings_.training.toJson();
    t["loss"] = cs::lossName(trained_->loss);
    t["data"] = settings_.data.toJson();
    if (settings_.augmentation.enabled()) t["augmentation"] = settings_.augmentation.toJson();
    if (h && !h->epochs.empty()) {
        cs::Json hist = cs::Json::object();
        for (const char* key : {"loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"})
            if (h->epochs[0].count(key)) hist[key] = cs::Json(h->series(key));
        t["history"] = hist;
    }
    return t;
}

cs::History TrainingJob::fit(cs::Trainer& trainer) {
    const int classes = data_->classCount();
    if (auto memory = data_->inMemory()) {
        cs::ImageSet train = memory->train;
        if (options_.trainLimit > 0 && options_.trainLimit < train.count())
            train = train.slice(0, options_.trainLimit);
        const cs::AugmentationOptions& aug = settings_.augmentation;
        return trainer.fit(train, classes, nullptr,
                           aug.enabled() ? cs::Augmenter(aug).batchTransform()
                                         : cs::BatchTransform{});
    }
    const cs::ImageFolderIndex* index = data_->folderIndex();
    if (!index) throw cs::DataError("the data set holds no images");
    std::vector<cs::FolderImage> files = index->train;
    if (options_.trainLimit > 0 && size_t(options_.trainLimit) < files.size())
        files.resize(size_t(options_.trainLimit));
    const cs::ImageFolderOptions& decode = data_->settings().imageFolders;
    const cs::AugmentationOptions* aug =
        settings_.augmentation.enabled() ? &settings_.augmentation : nullptr;
    cs::StreamingFolderSource train(files, decode, {}, aug);
    if (index->validation.empty()) return trainer.fit(train, classes, nullptr);
    cs::StreamingFolderSource validation(index->validation, decode, {});
    return trainer.fit(train, classes, &validation);
}

TestEvaluation TrainingJob::evaluateTest(cs::Model& model, int threads,
                                         const std::atomic<bool>* stop) {
    cs::PassControl control;
    control.stop = stop;
    return evaluateOnTestSplit(model, settings_.preprocessing, trained_->loss, data_,
                               fit_.batchSize, options_.testLimit, threads, control);
}

TrainingOutcome TrainingJob::run(cs::TrainingObserver* observer, const std::atomic<bool>* stop) {
    TrainingOutcome out;
    const auto start = std::chrono::steady_clock::now();
    try {
        TrainedModel& t = *trained_;
        t.model.build(fit_.seed);
        cs::FitOptions options = fit_;
        options.niceness = 5; // the window's thread wins the CPU when it needs it (docs/performance.md)
        cs::Trainer trainer(t.model, *t.optimizer, t.loss, options);
        trainer.setPreprocessing(settings_.preprocessing);
        trainer.setObserver(observer);
        trainer.setStopFlag(stop);
        for (auto& c : callbacks_)
            trainer.addCallback(c.get());
        trainer.setModelSaver(
            [this](const std::string& path) { saveTrainedModel(*trained_, path); });
        cs::History history = fit(trainer);
        out.stopped = history.stoppedByRequest;
        out.diverged = history.diverged;
        out.epochsRun = int(history.epochs.size());
        if (const auto& p = history.partial) {
            out.partialEpoch = p->epoch;
            out.partialBatches = p->batchesDone;
            out.partialBatchesTotal = p->batches;
            out.partialInValidation = p->validationInterrupted;
        }
        t.metadata.training = trainingJson(&history);
        // No test pass after a stop, and a stop during it ends it (the result is then not done).
        if (!out.diverged && !out.stopped && options_.evaluateTest) {
            out.test = evaluateTest(t.model, fit_.threads, stop);
            out.stopped = stop && stop->load();
        }
        out.trained = trained_;
    } catch (const std::exception& e) {
        out.failed = true;
        out.error = QString::fromStdString(e.what());
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

} // namespace ui
