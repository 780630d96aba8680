#include "ui/datapage/loaded_dataset.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"

#include <QCoreApplication>

namespace ui {

QString splitTitle(const QString& split) {
    static const char* const titles[] = {QT_TRANSLATE_NOOP("ui::LoadedDataset", "train"),
                                         QT_TRANSLATE_NOOP("ui::LoadedDataset", "validation"),
                                         QT_TRANSLATE_NOOP("ui::LoadedDataset", "test")};
    for (const char* title : titles)
        if (split == QLatin1String(title)) return QCoreApplication::translate("ui::LoadedDataset", title);
    return split;
}

std::shared_ptr<const LoadedDataset> LoadedDataset::load(const DataSettings& settings) {
    auto out = std::make_shared<LoadedDataset>();
    out->settings_ = settings;
    const cs::DatasetKind found = cs::detectDatasetKind(settings.folder);
    if (found != settings.kind)
        throw cs::DataError(CS_TEXT("ui::DataPage", "holds %1 data, not %2: choose that kind")
                                .arg(cs::datasetKindName(found))
                                .arg(cs::datasetKindName(settings.kind))
                                .about(settings.folder));
    if (settings.kind == cs::DatasetKind::ImageFolders) {
        auto index = std::make_shared<cs::ImageFolderIndex>(
            cs::indexImageFolders(settings.folder, settings.imageFolders));
        out->summary_ = cs::summarizeImageFolders(*index, settings.imageFolders);
        out->folders_ = std::move(index);
    } else {
        auto data = std::make_shared<cs::Dataset>(cs::loadDataset(settings.folder));
        out->summary_ = cs::summarizeDataset(*data, cs::datasetKindName(settings.kind));
        out->memory_ = std::move(data);
    }
    return out;
}

QString LoadedDataset::title() const {
    return QString::fromStdString(summary_.name);
}

DataShape LoadedDataset::dataShape() const {
    DataShape d{summary_.height, summary_.width, summary_.channels, classCount()};
    if (folders_) { // resized, converted and labelled while loading: the data side can change
        d.loadOptions = true;
        d.classMode = settings_.imageFolders.classMode;
    }
    return d;
}

QStringList LoadedDataset::splits() const {
    QStringList out;
    for (const char* s : {"train", "validation", "test"})
        if (count(s) > 0) out << s;
    return out;
}

const cs::ImageSet* LoadedDataset::set(const QString& split) const {
    if (!memory_) return nullptr;
    if (split == "train") return &memory_->train;
    if (split == "test") return &memory_->test;
    return nullptr;
}

const std::vector<cs::FolderImage>* LoadedDataset::files(const QString& split) const {
    if (!folders_) return nullptr;
    if (split == "train") return &folders_->train;
    if (split == "validation") return &folders_->validation;
    if (split == "test") return &folders_->test;
    return nullptr;
}

int LoadedDataset::count(const QString& split) const {
    if (const cs::ImageSet* s = set(split)) return s->count();
    if (const auto* f = files(split)) return int(f->size());
    return 0;
}

int LoadedDataset::label(const QString& split, int index) const {
    if (index < 0 || index >= count(split)) return -1;
    if (const cs::ImageSet* s = set(split)) return s->labels[size_t(index)];
    return (*files(split))[size_t(index)].label;
}

std::vector<int> LoadedDataset::indicesOf(const QString& split, int classIndex) const {
    std::vector<int> out;
    const int n = count(split);
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        if (classIndex < 0 || label(split, i) == classIndex) out.push_back(i);
    return out;
}

bool LoadedDataset::pixels(const QString& split, int index, std::vector<uint8_t>& out,
                           cs::UserText* why) const {
    if (index < 0 || index >= count(split)) return false;
    out.resize(size_t(summary_.height) * size_t(summary_.width) * size_t(summary_.channels));
    if (const cs::ImageSet* s = set(split)) {
        std::copy(s->image(index), s->image(index) + s->imageSize(), out.begin());
        return true;
    }
    return cs::decodeImageFile((*files(split))[size_t(index)].path, settings_.imageFolders,
                               out.data(), why);
}

QString LoadedDataset::filePath(const QString& split, int index) const {
    const auto* f = files(split);
    if (!f || index < 0 || index >= int(f->size())) return {};
    return QString::fromStdString((*f)[size_t(index)].path);
}

} // namespace ui
