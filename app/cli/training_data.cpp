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

} // namespace

TrainingData::TrainingData(const ParsedArgs& a, const cs::Model& model,
                           const cs::TrainingSettings& training) {
    source_ = a.get("--data", cs::kDefaultDatasetDir);
    kind_ = cs::detectDatasetKind(source_);
    augmentation_ = augmentationOptions(a);
    const int limit = a.getInt("--limit", 0, 1, 1 << 30);
    const bool binary = a.get("--class-mode") == "binary";

    if (kind_ != cs::DatasetKind::ImageFolders) {
        if (hasImageFolderOption(a) || a.has("--cache-mb") || a.has("--prefetch") ||
            a.has("--workers"))
            throw UsageError("--target-size, --color-mode, --interpolation, --cache-mb, --prefetch "
                             "and --workers "
                             "apply to image folders; " +
                             source_ + " holds " + cs::datasetKindName(kind_) + " data");
        dataset_ = std::make_shared<cs::Dataset>(cs::loadDataset(source_));
        if (limit > 0 && limit < dataset_->train.count())
            dataset_->train = dataset_->train.slice(0, limit);
        name_ = dataset_->name;
        classNames_ = dataset_->classNames;
        if (binary && classCount() != 2)
            throw cs::ConfigError("class_mode binary needs exactly 2 classes; " + name_ + " has " +
                                  std::to_string(classCount()));
        return;
    }

    const cs::Shape in = model.inputShape();
    if (in.rank() != 3)
        throw cs::ShapeError("this model does not take images (input " + in.toString() + ")");
    folder_ = imageFolderOptions(a, in[0], in[1], in[2]);
    folder_.validationSplit = training.validationSplit; // only used by a single folder of classes
    folder_.seed = training.seed;
    index_ = std::make_shared<cs::ImageFolderIndex>(cs::indexImageFolders(source_, folder_));
    cs::ImageFolderIndex& index = *index_;
    if (a.has("--validation-split") && index.layout.english().find("validation_split") == std::string::npos &&
        !index.validation.empty())
        note_ =
            "note: --validation-split is not used: the validation/ folder is the validation data "
            "(give --data " +
            source_ + "/train to split the training folder instead)";
    name_ = index.name;
    layout_ = index.layout.english();
    classNames_ = index.classNames;
    if (limit > 0 && size_t(limit) < index.train.size()) {
        // The listing is sorted by class: take a seeded sample, not the first class only.
        cs::Rng rng(training.seed ^ 0x4C494D4954ull);
        rng.shuffle(index.train);
        index.train.resize(size_t(limit));
    }
    streaming_ = streamingOptions(a);
}

cs::DataBinding TrainingData::binding() const {
    cs::DataBinding d;
    d.kind = kind_;
    d.folder = source_;
    if (kind_ == cs::DatasetKind::ImageFolders) d.imageFolders = folder_;
    return d;
}

cs::SessionData TrainingData::sessionData() const {
    cs::SessionData d = dataset_ ? cs::SessionData::inMemory(dataset_)
                                 : cs::SessionData::imageFolders(index_, streaming_);
    d.name = name_;
    return d;
}

std::string TrainingData::description() const {
    if (dataset_) {
        const cs::ImageSet& t = dataset_->train;
        return name_ + ": " + cs::withThousands(t.count()) + " train / " +
               cs::withThousands(dataset_->test.count()) + " test images of " +
               std::to_string(t.height) + "x" + std::to_string(t.width) + "x" +
               std::to_string(t.channels) + ", " + std::to_string(classCount()) + " classes";
    }
    const cs::ImageFolderIndex& index = *index_;
    std::string text =
        name_ + " (image folders, " + layout_ + "): " + cs::withThousands(index.train.size()) +
        " train / " + cs::withThousands(index.validation.size()) + " validation" +
        (index.test.empty() ? std::string() : " / " + cs::withThousands(index.test.size()) + " test") +
        " images resized to " + std::to_string(folder_.height) + "x" +
        std::to_string(folder_.width) + "x" + std::to_string(folder_.channels()) + ", " +
        std::to_string(classCount()) + " classes (" + joined(classNames_, 6) + ")";
    return text;
}

std::string TrainingData::streamingDetails(const cs::TrainingSession& session) const {
    const cs::StreamingFolderSource* train = session.trainSource();
    if (!train) return {};
    return (note_.empty() ? "" : note_ + "\n") +
           "cache: " + std::to_string(train->cacheCapacity()) + " of " +
           cs::withThousands(train->size()) + " training images fit in memory (--cache-mb " +
           std::to_string(streaming_.cacheBytes >> 20) + "); decoding runs " +
           std::to_string(streaming_.prefetchBatches) + " batches ahead on " +
           std::to_string(train->workerCount()) + " thread(s)";
}

} // namespace cli
