#include "engine/training/trainer.h"

#include "engine/core/errors.h"

#include <chrono>
#include <cmath>
#include <numeric>

namespace cs {

namespace {
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// `what` ("training", "validation", "test") is marked with CS_NOOP: a translated word.
void checkLabels(const BatchSource& set, int classCount, const char* what) {
    if (set.maxLabel() >= classCount)
        throw DataError(CS_TEXT("cs::Training", "%1 data has label %2, outside the %3 classes")
                            .termArg("cs::Training", what)
                            .arg(std::to_string(set.maxLabel()))
                            .arg(std::to_string(classCount)));
}

Shape imageShape(const BatchSource& s) { return {s.height(), s.width(), s.channels()}; }

Evaluation evaluateWith(Model& model, BatchSource& set, const Preprocessing& pre, Loss loss,
                        int classCount, int batchSize, int chunks, Tensor& batch, ImageSet& images,
                        const PassControl& control, int epoch) {
    Evaluation ev;
    ev.confusion = ConfusionMatrix(std::max(classCount, 2));
    ev.predicted.reserve(size_t(set.size()));
    RunContext ctx;
    ctx.training = false;
    ctx.chunks = chunks;
    std::vector<int> idx(static_cast<size_t>(batchSize));
    std::iota(idx.begin(), idx.end(), 0);
    set.beginEpoch(0, 0, false);
    double total = 0;
    PassProgress progress;
    progress.epoch = epoch;
    progress.batches = (set.size() + batchSize - 1) / batchSize;
    for (int b = 0; b < set.size(); b += batchSize) {
        if (control.stopRequested()) {
            ev.interrupted = true;
            break;
        }
        const int n = std::min(batchSize, set.size() - b);
        set.read(b, n, images);
        fillBatch(images, idx.data(), n, pre, batch, chunks);
        const Tensor& out = model.forward(batch, ctx);
        total += computeLoss(loss, model.outputActivation(), out, images.labels.data(), nullptr).loss * n;
        const std::vector<int32_t> predicted = predictedClasses(out);
        for (int i = 0; i < n; ++i) {
            ev.confusion.add(images.labels[size_t(i)], predicted[size_t(i)]);
            ev.predicted.push_back(predicted[size_t(i)]);
        }
        ++progress.batch;
        if (control.afterBatch) control.afterBatch(progress);
    }
    const auto done = int64_t(ev.predicted.size());
    ev.loss = done ? total / double(done) + model.regularizationLoss() : 0.0;
    return ev;
}
} // namespace

std::vector<double> History::series(const std::string& key) const {
    std::vector<double> out;
    for (const Logs& l : epochs) {
        auto it = l.find(key);
        out.push_back(it == l.end() ? std::nan("") : it->second);
    }
    return out;
}

Trainer::Trainer(Model& model, Optimizer& optimizer, Loss loss, FitOptions options)
    : model_(model), optimizer_(optimizer), loss_(loss), options_(options), pool_(options.threads, options.niceness) {
    if (options_.epochs < 1) throw ConfigError(CS_TEXT("cs::Training", "epochs must be 1 or more"));
    if (options_.batchSize < 1)
        throw ConfigError(CS_TEXT("cs::Training", "batch size must be 1 or more"));
    if (options_.stepsPerEpoch < 0)
        throw ConfigError(CS_TEXT("cs::Training", "steps per epoch must be 0 (all) or more"));
    if (options_.validationSplit < 0.0 || options_.validationSplit >= 1.0)
        throw ConfigError(CS_TEXT("cs::Training", "validation split must be in [0, 1)"));
}

Trainer::~Trainer() = default;

void Trainer::report(const TrainingEvent& event) {
    if (history_) history_->events.push_back(event);
    if (observer_) observer_->onEvent(event);
}

void Trainer::saveModel(const std::string& path) {
    if (!saver_)
        throw ConfigError(CS_TEXT("cs::Training",
                                  "ModelCheckpoint needs a way to save the model: none was given"));
    saver_(path);
}

NamedParams Trainer::trainableParams() {
    NamedParams out;
    for (int k = 0; k < model_.nodeCount(); ++k) {
        Layer& layer = model_.layer(k);
        if (!layer.trainable()) continue;
        for (Param& p : layer.params())
            if (p.trainable) out.emplace_back(layer.name() + "." + p.name, &p);
    }
    return out;
}

Evaluation Trainer::validate(BatchSource& set, int classCount, int epoch) {
    ImageSet images;
    PassControl control;
    control.stop = stop_;
    if (observer_) control.afterBatch = [this](const PassProgress& p) { observer_->onValidationBatch(p); };
    // The training batch size: a larger one would grow every activation buffer.
    return evaluateWith(model_, set, preprocessing_, loss_, classCount, options_.batchSize,
                        pool_.threads(), batch_, images, control, epoch);
}

struct Trainer::EpochTotals {
    Clock::time_point start = Clock::now();
    double lossSum = 0;
    int64_t seen = 0, correct = 0;
    int batchesDone = 0;
    double loss() const { return seen ? lossSum / double(seen) : std::nan(""); }
    double accuracy() const { return seen ? double(correct) / double(seen) : 0.0; }
};

bool Trainer::trainEpoch(BatchSource& train, int epoch, int batches, const NamedParams& params,
                         EpochTotals& totals, History& history) {
    train.beginEpoch(epoch, options_.seed, options_.shuffle);
    for (int b = 0; b < batches; ++b) {
        if (stopFlagRaised()) {
            history.stoppedByRequest = true;
            return false;
        }
        if (!trainBatch(train, epoch, b, params, totals, history)) return false;
        reportBatch(epoch, b, batches, totals);
    }
    return true;
}

bool Trainer::trainBatch(BatchSource& train, int epoch, int b, const NamedParams& params,
                         EpochTotals& totals, History& history) {
    const int chunks = pool_.threads();
    const int start = b * options_.batchSize;
    const int count = std::min(options_.batchSize, train.size() - start);
    train.read(start, count, images_);
    if (int(batchOrder_.size()) < count) {
        batchOrder_.resize(size_t(count));
        std::iota(batchOrder_.begin(), batchOrder_.end(), 0);
    }
    fillBatch(images_, batchOrder_.data(), count, preprocessing_, batch_, chunks);
    const std::vector<int32_t>& labels = images_.labels;

    RunContext ctx;
    ctx.training = true;
    ctx.chunks = chunks;
    ctx.seed = options_.seed;
    ctx.step = uint64_t(optimizer_.iterations);
    const Tensor& out = model_.forward(batch_, ctx);
    LossResult lr = computeLoss(loss_, model_.outputActivation(), out, labels.data(), &lossGrad_);
    if (!std::isfinite(lr.loss)) {
        TrainingEvent e;
        e.kind = TrainingEvent::Kind::NonFiniteLoss;
        e.epoch = epoch;
        e.value = lr.loss;
        e.message = (std::isnan(lr.loss)
                         ? CS_TEXT("cs::Training", "the loss became NaN at epoch %1, batch %2: "
                                                   "training stopped; try a lower learning rate "
                                                   "or check the data")
                         : CS_TEXT("cs::Training", "the loss became infinite at epoch %1, batch "
                                                   "%2: training stopped; try a lower learning "
                                                   "rate or check the data"))
                        .arg(epoch + 1)
                        .arg(int64_t(b) + 1);
        report(e);
        history.diverged = true;
        return false;
    }
    const std::vector<int32_t> predicted = predictedClasses(out);
    for (int i = 0; i < count; ++i) totals.correct += predicted[size_t(i)] == labels[size_t(i)];
    // Keras reports the loss it differentiates: the data loss plus the L2 penalty of the
    // weights this step starts from (not of the weights after the step).
    const double penalty = model_.regularizationLoss();
    model_.backward(lossGrad_, ctx, lr.gradientIsPreActivation);
    optimizer_.step(params);
    totals.lossSum += (lr.loss + penalty) * count;
    totals.seen += count;
    totals.batchesDone = b + 1;
    return true;
}

void Trainer::reportBatch(int epoch, int b, int batches, const EpochTotals& totals) {
    if (!observer_) return;
    BatchProgress p;
    p.epoch = epoch;
    p.epochs = options_.epochs;
    p.batch = b + 1;
    p.batches = batches;
    p.loss = totals.loss();
    p.accuracy = totals.accuracy();
    p.learningRate = optimizer_.learningRate;
    p.epochSeconds = secondsSince(totals.start);
    p.imagesPerSecond = p.epochSeconds > 0 ? double(totals.seen) / p.epochSeconds : 0;
    const double perBatch = p.epochSeconds / double(b + 1);
    const double perEpoch = epoch > 0 ? trainSecondsSoFar_ / epoch : perBatch * batches;
    p.etaSeconds = perBatch * (batches - b - 1) + perEpoch * (options_.epochs - epoch - 1);
    observer_->onBatchEnd(p);
}

void Trainer::keepPartialEpoch(int epoch, int batches, const EpochTotals& totals, bool inValidation,
                               History& history) {
    if (totals.seen == 0 && !history.diverged) return; // stopped before its first batch
    history.partial = PartialEpoch{epoch, totals.batchesDone, batches, totals.loss(), totals.accuracy(),
                                   inValidation};
}

bool Trainer::endEpoch(int epoch, int batches, const EpochTotals& totals, BatchSource* validation,
                       int classCount, History& history) {
    const double trainSeconds = secondsSince(totals.start);
    trainSecondsSoFar_ += trainSeconds;
    Logs logs;
    logs["loss"] = totals.loss();
    logs["accuracy"] = totals.accuracy();
    logs["learning_rate"] = optimizer_.learningRate;
    if (validation) {
        Evaluation ev = validate(*validation, classCount, epoch);
        if (ev.interrupted) {
            history.stoppedByRequest = true;
            keepPartialEpoch(epoch, batches, totals, true, history);
            return false;
        }
        logs["val_loss"] = ev.loss;
        logs["val_accuracy"] = ev.accuracy();
    }
    EpochSummary summary;
    summary.epoch = epoch;
    summary.epochs = options_.epochs;
    summary.logs = logs;
    summary.seconds = secondsSince(totals.start);
    summary.imagesPerSecond = trainSeconds > 0 ? double(totals.seen) / trainSeconds : 0;
    history.epochs.push_back(logs);
    history.summaries.push_back(summary);
    if (observer_) observer_->onEpochEnd(summary);
    if (stopFlagRaised()) { // raised during the epoch's last batch or its report
        history.stoppedByRequest = true;
        return false;
    }
    for (Callback* c : callbacks_) c->onEpochEnd(epoch, logs, *this);
    return true;
}

void Trainer::runEpochs(BatchSource& train, BatchSource* validation, int classCount, int batches,
                        History& history) {
    const NamedParams params = trainableParams();
    for (Callback* c : callbacks_) c->onTrainBegin(*this);
    for (int epoch = 0; epoch < options_.epochs && !stopRequested_; ++epoch) {
        EpochTotals totals;
        // A stop takes effect before the next batch, validation batches included: the
        // epoch it (or a non-finite loss) cuts short is kept apart, with no validation
        // and no callbacks.
        if (!trainEpoch(train, epoch, batches, params, totals, history)) {
            keepPartialEpoch(epoch, batches, totals, false, history);
            break;
        }
        if (!endEpoch(epoch, batches, totals, validation, classCount, history)) break;
    }
    for (Callback* c : callbacks_) c->onTrainEnd(*this);
}

History Trainer::fit(const ImageSet& fullTrain, int classCount, const ImageSet* validationSet,
                     const BatchTransform& augmentation) {
    // Keras takes the validation split from the end, before any shuffling; the
    // two sources read their ranges of the same set (no copy).
    for (int32_t label : fullTrain.labels)
        if (label < 0)
            throw DataError(
                CS_TEXT("cs::Training", "a label is negative: %1").arg(std::to_string(label)));
    if (validationSet) {
        for (int32_t label : validationSet->labels)
            if (label < 0)
                throw DataError(CS_TEXT("cs::Training", "a validation label is negative: %1")
                                    .arg(std::to_string(label)));
        ImageSetSource trainSource(fullTrain, augmentation); // only the training split is augmented
        ImageSetSource validationSource(*validationSet);
        return fit(trainSource, classCount, validationSet->count() ? &validationSource : nullptr);
    }
    int splitAt = fullTrain.count();
    if (options_.validationSplit > 0.0)
        splitAt = int(std::ceil(fullTrain.count() * (1.0 - options_.validationSplit)));
    ImageSetSource trainSource(fullTrain, 0, splitAt, augmentation);
    ImageSetSource validationSource(fullTrain, splitAt, fullTrain.count() - splitAt);
    return fit(trainSource, classCount, splitAt < fullTrain.count() ? &validationSource : nullptr);
}

History Trainer::fit(BatchSource& train, int classCount, BatchSource* validation) {
    if (!model_.isBuilt()) model_.build(options_.seed);
    const Shape expected = model_.inputShape();
    if (!(imageShape(train) == expected))
        throw ShapeError(CS_TEXT("cs::Training",
                                 "the model expects images of %1 but the data has %2: change "
                                 "the InputLayer shape or the data's target size / colour mode")
                             .arg(expected.toString())
                             .arg(imageShape(train).toString()));
    checkLossCompatible(loss_, int(model_.outputShape().numel()), classCount);
    checkLabels(train, classCount, CS_NOOP("cs::Training", "training"));
    if (train.size() == 0) throw DataError(CS_TEXT("cs::Training", "the training set is empty"));
    if (validation) {
        if (!(imageShape(*validation) == expected))
            throw ShapeError(
                CS_TEXT("cs::Training", "validation images are %1, the model expects %2")
                    .arg(imageShape(*validation).toString())
                    .arg(expected.toString()));
        checkLabels(*validation, classCount, CS_NOOP("cs::Training", "validation"));
        if (validation->size() == 0) validation = nullptr;
    }

    std::vector<std::string> keys{"loss", "accuracy", "learning_rate"};
    if (validation) {
        keys.push_back("val_loss");
        keys.push_back("val_accuracy");
    }
    for (Callback* c : callbacks_) c->checkLogs(keys);

    History history;
    history_ = &history;
    stopRequested_ = false;
    trainSecondsSoFar_ = 0;
    int batches = (train.size() + options_.batchSize - 1) / options_.batchSize;
    if (options_.stepsPerEpoch > 0) batches = std::min(batches, options_.stepsPerEpoch);
    pool_.run([&] { runEpochs(train, validation, classCount, batches, history); });
    history_ = nullptr;
    return history;
}

Evaluation evaluate(Model& model, const ImageSet& set, const Preprocessing& pre, Loss loss,
                    int classCount, int batchSize, int threads, const PassControl& control) {
    ImageSetSource source(set);
    return evaluate(model, source, pre, loss, classCount, batchSize, threads, control);
}

Evaluation evaluate(Model& model, BatchSource& set, const Preprocessing& pre, Loss loss,
                    int classCount, int batchSize, int threads, const PassControl& control) {
    if (!model.isBuilt())
        throw ShapeError(
            CS_TEXT("cs::Training", "the model has no weights: build or load it first"));
    if (!(imageShape(set) == model.inputShape()))
        throw ShapeError(
            CS_TEXT("cs::Training", "the model expects images of %1 but the data has %2")
                .arg(model.inputShape().toString())
                .arg(imageShape(set).toString()));
    checkLossCompatible(loss, int(model.outputShape().numel()), classCount);
    checkLabels(set, classCount, CS_NOOP("cs::Training", "test"));
    ThreadPool pool(threads);
    Evaluation ev;
    Tensor batch;
    ImageSet images;
    pool.run([&] {
        ev = evaluateWith(model, set, pre, loss, classCount, batchSize, pool.threads(), batch, images,
                          control, -1);
    });
    return ev;
}

Tensor predict(Model& model, const Tensor& input, int threads) {
    ThreadPool pool(threads);
    Tensor out;
    pool.run([&] {
        RunContext ctx;
        ctx.chunks = pool.threads();
        out = model.forward(input, ctx);
    });
    return out;
}

} // namespace cs
