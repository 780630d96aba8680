#include "app/cli/training_data.h"

#include "app/cli/data_options.h"

#include "engine/core/errors.h"
#include "engine/core/random.h"
#include "engine/model/model_summary.h"

#include <algorithm>

namespace cli {

namespace {

std::string joined(const std::vector<std::string>& names, size_t max) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < max; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > max) out += ", ...";
    return out;
}

// The cache budget shared out in proportion to each split's images.
cs::StreamingOptions share(cs::StreamingOptions s, size_t images, size_t total) {
    s.cacheBytes = total ? size_t(double(s.cacheBytes) * double(images) / double(total)) : 0;
    return s;
}

} // namespace

TrainingData::TrainingData(const ParsedArgs& a, const cs::Model& model, const cs::FitOptions& fit) {
    source_ = a.get("--data", cs::kDefaultDatasetDir);
    kind_ = cs::detectDatasetKind(source_);
    augmentation_ = augmentationOptions(a);
    validationSplit_ = fit.validationSplit;
    batchSize_ = fit.batchSize;
    const int limit = a.getInt("--limit", 0, 1, 1 << 30);
    const bool binary = a.get("--class-mode") == "binary";

    if (kind_ != cs::DatasetKind::ImageFolders) {
        if (hasImageFolderOption(a) || a.has("--cache-mb") || a.has("--prefetch") ||
            a.has("--workers"))
            throw UsageError("--target-size, --color-mode, --interpolation, --cache-mb, --prefetch "
                             "and --workers "
                             "apply to image folders; " +
                             source_ + " holds " + cs::datasetKindName(kind_) + " data");
        dataset_ = cs::loadDataset(source_);
        if (limit > 0 && limit < dataset_.train.count())
            dataset_.train = dataset_.train.slice(0, limit);
        name_ = dataset_.name;
        classNames_ = dataset_.classNames;
        if (binary && classCount() != 2)
            throw cs::ConfigError("class_mode binary needs exactly 2 classes; " + name_ + " has " +
                                  std::to_string(classCount()));
        return;
    }

    const cs::Shape in = model.inputShape();
    if (in.rank() != 3)
        throw cs::ShapeError("this model does not take images (input " + in.toString() + ")");
    folder_ = imageFolderOptions(a, in[0], in[1], in[2]);
    folder_.validationSplit = fit.validationSplit; // only used by a single folder of classes
    folder_.seed = fit.seed;
    cs::ImageFolderIndex index = cs::indexImageFolders(source_, folder_);
    if (a.has("--validation-split") && index.layout.find("validation_split") == std::string::npos &&
        !index.validation.empty())
        note_ =
            "note: --validation-split is not used: the validation/ folder is the validation data "
            "(give --data " +
            source_ + "/train to split the training folder instead)";
    name_ = index.name;
    layout_ = index.layout;
    classNames_ = index.classNames;
    listingSkipped_ = index.skipped;
    if (limit > 0 && size_t(limit) < index.train.size()) {
        // The listing is sorted by class: take a seeded sample, not the first class only.
        cs::Rng rng(fit.seed ^ 0x4C494D4954ull);
        rng.shuffle(index.train);
        index.train.resize(size_t(limit));
    }
    streaming_ = streamingOptions(a);
    const size_t total = index.train.size() + index.validation.size() + index.test.size();
    const cs::AugmentationOptions* augment = augmentation_.enabled() ? &augmentation_ : nullptr;
    train_ = std::make_unique<cs::StreamingFolderSource>(
        index.train, folder_, share(streaming_, index.train.size(), total), augment);
    if (!index.validation.empty())
        validation_ = std::make_unique<cs::StreamingFolderSource>(
            index.validation, folder_, share(streaming_, index.validation.size(), total));
    if (!index.test.empty())
        test_ = std::make_unique<cs::StreamingFolderSource>(
            index.test, folder_, share(streaming_, index.test.size(), total));
    else
        testName_ = "validation";
}

std::string TrainingData::description() const {
    if (kind_ != cs::DatasetKind::ImageFolders) {
        const cs::ImageSet& t = dataset_.train;
        return name_ + ": " + cs::withThousands(t.count()) + " train / " +
               cs::withThousands(dataset_.test.count()) + " test images of " +
               std::to_string(t.height) + "x" + std::to_string(t.width) + "x" +
               std::to_string(t.channels) + ", " + std::to_string(classCount()) + " classes";
    }
    std::string text =
        name_ + " (image folders, " + layout_ + "): " + cs::withThousands(train_->size()) +
        " train / " + cs::withThousands(validation_ ? validation_->size() : 0) + " validation" +
        (test_ ? " / " + cs::withThousands(test_->size()) + " test" : std::string()) +
        " images resized to " + std::to_string(folder_.height) + "x" +
        std::to_string(folder_.width) + "x" + std::to_string(folder_.channels()) + ", " +
        std::to_string(classCount()) + " classes (" + joined(classNames_, 6) + ")";
    return text;
}

std::string TrainingData::streamingDetails() const {
    if (!train_) return {};
    return (note_.empty() ? "" : note_ + "\n") +
           "cache: " + std::to_string(train_->cacheCapacity()) + " of " +
           cs::withThousands(train_->size()) + " training images fit in memory (--cache-mb " +
           std::to_string(streaming_.cacheBytes >> 20) + "); decoding runs " +
           std::to_string(streaming_.prefetchBatches) + " batches ahead on " +
           std::to_string(train_->workerCount()) + " thread(s)";
}

cs::Json TrainingData::toJson() const {
    cs::Json v = cs::Json::object();
    v["kind"] = cs::datasetKindName(kind_);
    if (kind_ == cs::DatasetKind::ImageFolders) {
        v["target_size"] = cs::Json(std::vector<int>{folder_.height, folder_.width});
        v["color_mode"] = cs::colorModeName(folder_.colorMode);
        v["interpolation"] = cs::interpolationName(folder_.interpolation);
        v["class_mode"] = cs::classModeName(folder_.classMode);
        v["layout"] = layout_;
    }
    if (augmentation_.enabled()) v["augmentation"] = augmentation_.toJson();
    return v;
}

cs::History TrainingData::fit(cs::Trainer& trainer) {
    if (kind_ != cs::DatasetKind::ImageFolders)
        return trainer.fit(dataset_.train, classCount(), nullptr,
                           augmentation_.enabled() ? cs::Augmenter(augmentation_).batchTransform()
                                                   : cs::BatchTransform{});
    return trainer.fit(*train_, classCount(), validation_.get());
}

cs::Evaluation TrainingData::evaluateTest(cs::Model& model, const cs::Preprocessing& pre,
                                          cs::Loss loss, int threads, const cs::PassControl& control) {
    if (kind_ != cs::DatasetKind::ImageFolders)
        return cs::evaluate(model, dataset_.test, pre, loss, classCount(), batchSize_, threads, control);
    cs::BatchSource* source = test_ ? test_.get() : validation_.get();
    if (!source) throw cs::DataError(source_ + ": no test/ or validation/ images to test on");
    // Large images make large activations: batches of 256 150x150 images would
    // need about 2 GB; the training batch size keeps the peak at training's.
    return cs::evaluate(model, *source, pre, loss, classCount(), batchSize_, threads, control);
}

int TrainingData::testCount() const {
    if (kind_ != cs::DatasetKind::ImageFolders) return dataset_.test.count();
    return test_ ? test_->size() : validation_ ? validation_->size() : 0;
}

std::vector<cs::SkippedFile> TrainingData::skipped() const {
    std::vector<cs::SkippedFile> all = listingSkipped_;
    for (const auto* source : {train_.get(), validation_.get(), test_.get()})
        if (source)
            for (cs::SkippedFile& s : source->skipped())
                all.push_back(std::move(s));
    return all;
}

} // namespace cli
