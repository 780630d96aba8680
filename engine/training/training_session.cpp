#include "engine/training/training_session.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/training/csv_logger.h"
#include "engine/training/early_stopping.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/reduce_lr_on_plateau.h"

#include <algorithm>
#include <cctype>

namespace cs {

namespace {

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

Shape dataImageShape(const SessionData& data, const TrainingConfig& config) {
    if (data.memory) {
        const ImageSet& t = data.memory->train;
        return {t.height, t.width, t.channels};
    }
    const ImageFolderOptions& f = config.data.imageFolders;
    return {f.height, f.width, f.channels()};
}

} // namespace

void TrainedModel::save(const std::string& path) {
    saveModelFile(path, model, metadata, optimizer.get());
}

SessionData SessionData::inMemory(std::shared_ptr<const Dataset> set, int trainLimit) {
    SessionData d;
    d.name = set->name;
    d.classNames = set->classNames;
    d.memory = std::move(set);
    d.trainLimit = trainLimit;
    return d;
}

SessionData SessionData::imageFolders(std::shared_ptr<const ImageFolderIndex> index,
                                      const StreamingOptions& streaming) {
    SessionData d;
    d.name = index->name;
    d.classNames = index->classNames;
    d.folders = std::move(index);
    d.streaming = streaming;
    return d;
}

Loss resolveLoss(const TrainingConfig& config, int outputUnits) {
    const bool sparse = config.data.kind == DatasetKind::ImageFolders &&
                        config.data.imageFolders.classMode == ClassMode::Sparse;
    return resolveLossSetting(config.training.loss, outputUnits, sparse);
}

Loss trainedLoss(const Json& training, int outputUnits) {
    if (!training.is_object()) return resolveLossSetting("auto", outputUnits, false);
    const std::string setting = json::getString(training, "loss", "auto");
    bool sparse = false;
    if (const Json* data = json::find(training, "data")) {
        try {
            const DataBinding binding = DataBinding::fromJson(*data);
            sparse = binding.kind == DatasetKind::ImageFolders &&
                     binding.imageFolders.classMode == ClassMode::Sparse;
        } catch (const Error&) {
            // A binding this version cannot read says nothing about the labels.
        }
    }
    return resolveLossSetting(setting, outputUnits, sparse);
}

TrainingSession::TrainingSession(Model model, TrainingConfig config, SessionData data,
                                 const Preprocessing& preprocessing, std::unique_ptr<Optimizer> resumed)
    : config_(std::move(config)), data_(std::move(data)), trained_(std::make_shared<TrainedModel>()) {
    config_.validate();
    if (!data_.memory == !data_.folders)
        throw DataError(CS_TEXT("cs::Training",
                                "no data set to train on (a data set in memory or image folders)"));
    trained_->model = std::move(model);
    const Shape in = trained_->model.inputShape();
    const Shape images = dataImageShape(data_, config_);
    if (!(in == images))
        throw ShapeError(
            CS_TEXT("cs::Training",
                    "the model expects images of %1 but %2 images are %3x%4x%5: change the "
                    "InputLayer shape or the data's target size / colour mode")
                .arg(in.toString())
                .arg(data_.name)
                .arg(std::to_string(images[0]))
                .arg(std::to_string(images[1]))
                .arg(std::to_string(images[2])));

    TrainingSettings& t = config_.training;
    if (resumed) { // continue where a saved run stopped: its optimizer and rate are the ones in use
        trained_->optimizer = std::move(resumed);
        t.optimizer = lowercase(trained_->optimizer->className());
        t.learningRate = trained_->optimizer->learningRate;
    } else {
        t.optimizer = lowercase(t.optimizer); // the one form names it as createOptimizer() does
        Json cfg = Json::object();
        cfg["learning_rate"] = t.learningRate;
        if (t.optimizer == "sgd") {
            cfg["momentum"] = t.momentum;
            cfg["nesterov"] = t.nesterov;
        }
        trained_->optimizer = createOptimizer(t.optimizer, cfg);
    }
    trained_->loss = resolveLoss(config_, int(trained_->model.outputShape().numel()));
    makeCallbacks();
    // Weights now (from the seed), so a summary or a snapshot before the run sees them.
    if (!trained_->model.isBuilt()) trained_->model.build(t.seed);

    if (const ImageFolderIndex* index = data_.folders.get()) {
        const AugmentationOptions* augment =
            config_.augmentation.enabled() ? &config_.augmentation : nullptr;
        const ImageFolderOptions& decode = config_.data.imageFolders;
        train_ = std::make_unique<StreamingFolderSource>(index->train, decode,
                                                         shareOf(index->train.size()), augment);
        if (!index->validation.empty())
            validation_ = std::make_unique<StreamingFolderSource>(
                index->validation, decode, shareOf(index->validation.size()));
        if (index->test.empty()) testName_ = "validation";
    }
    trained_->metadata = {data_.classNames, preprocessing, data_.name, trainingMetadata(nullptr)};
}

TrainingSession::~TrainingSession() = default;

FitOptions TrainingSession::fitOptions() const {
    FitOptions f = config_.training.fitOptions();
    f.niceness = niceness_;
    return f;
}

StreamingOptions TrainingSession::shareOf(size_t images) const {
    const ImageFolderIndex& index = *data_.folders;
    const size_t total = index.train.size() + index.validation.size() + index.test.size();
    StreamingOptions s = data_.streaming;
    s.cacheBytes = total ? size_t(double(s.cacheBytes) * double(images) / double(total)) : 0;
    return s;
}

void TrainingSession::makeCallbacks() {
    const TrainingSettings& t = config_.training;
    if (t.earlyStopping.enabled) {
        const auto& e = t.earlyStopping;
        callbacks_.push_back(std::make_unique<EarlyStopping>(
            e.monitor, e.minDelta, e.patience, monitorModeFromName(e.mode), e.restoreBestWeights));
    }
    if (t.checkpoint.enabled) {
        const auto& c = t.checkpoint;
        callbacks_.push_back(std::make_unique<ModelCheckpoint>(c.filepath, c.monitor, c.saveBestOnly,
                                                               monitorModeFromName(c.mode)));
    }
    if (t.reduceLr.enabled) {
        const auto& r = t.reduceLr;
        callbacks_.push_back(std::make_unique<ReduceLROnPlateau>(r.monitor, r.factor, r.patience, r.minLr,
                                                                 r.minDelta, r.cooldown,
                                                                 monitorModeFromName(r.mode)));
    }
    if (t.csvLogger.enabled) callbacks_.push_back(std::make_unique<CSVLogger>(t.csvLogger.filename));
}

Json TrainingSession::trainingMetadata(const History* h) const {
    Json t = config_.toJson();
    t["loss"] = lossName(trained_->loss);
    if (h && !h->epochs.empty()) {
        Json hist = Json::object();
        for (const char* key : {"loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"})
            if (h->epochs[0].count(key)) hist[key] = Json(h->series(key));
        t["history"] = hist;
    }
    return t;
}

History TrainingSession::run(TrainingObserver* observer, const std::atomic<bool>* stop) {
    TrainedModel& t = *trained_;
    const FitOptions options = fitOptions();
    Trainer trainer(t.model, *t.optimizer, t.loss, options);
    trainer.setPreprocessing(t.metadata.preprocessing);
    trainer.setObserver(observer);
    trainer.setStopFlag(stop);
    for (auto& c : callbacks_)
        trainer.addCallback(c.get());
    // Checkpoints carry the settings but no history (the run is not over).
    trainer.setModelSaver([this](const std::string& path) { trained_->save(path); });

    const int classes = int(data_.classNames.size());
    History history;
    if (data_.memory) {
        const ImageSet& all = data_.memory->train;
        const bool limited = data_.trainLimit > 0 && data_.trainLimit < all.count();
        const ImageSet limitedSet = limited ? all.slice(0, data_.trainLimit) : ImageSet{};
        const BatchTransform augment = config_.augmentation.enabled()
                                           ? Augmenter(config_.augmentation).batchTransform()
                                           : BatchTransform{};
        history = trainer.fit(limited ? limitedSet : all, classes, nullptr, augment);
    } else {
        history = trainer.fit(*train_, classes, validation_.get());
    }
    t.metadata.training = trainingMetadata(&history);
    return history;
}

Evaluation TrainingSession::evaluate(const PassControl& control) {
    const int classes = int(data_.classNames.size());
    const FitOptions options = fitOptions();
    TrainedModel& t = *trained_;
    if (data_.memory)
        return cs::evaluate(t.model, data_.memory->test, t.metadata.preprocessing, t.loss, classes,
                            options.batchSize, options.threads, control);
    const ImageFolderIndex& index = *data_.folders;
    if (!index.test.empty() && !test_)
        test_ = std::make_unique<StreamingFolderSource>(index.test, config_.data.imageFolders,
                                                        shareOf(index.test.size()));
    BatchSource* source = test_ ? static_cast<BatchSource*>(test_.get()) : validation_.get();
    if (!source)
        throw DataError(CS_TEXT("cs::Training", "%1: no test/ or validation/ images to test on")
                            .arg(config_.data.folder));
    // Large images make large activations: batches of 256 150x150 images would
    // need about 2 GB; the training batch size keeps the peak at training's.
    return cs::evaluate(t.model, *source, t.metadata.preprocessing, t.loss, classes,
                        options.batchSize, options.threads, control);
}

int TrainingSession::testCount() const {
    if (data_.memory) return data_.memory->test.count();
    const ImageFolderIndex& index = *data_.folders;
    return int(index.test.empty() ? index.validation.size() : index.test.size());
}

std::vector<SkippedFile> TrainingSession::skipped() const {
    std::vector<SkippedFile> all;
    if (data_.folders) all = data_.folders->skipped;
    for (const auto* source : {train_.get(), validation_.get(), test_.get()})
        if (source)
            for (SkippedFile& s : source->skipped())
                all.push_back(std::move(s));
    return all;
}

} // namespace cs
