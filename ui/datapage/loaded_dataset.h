// LoadedDataset: a data set opened for the GUI, whatever its kind, behind one
// interface — its summary (the engine's DatasetSummary), its splits, labels
// and pixels. IDX and CIFAR-10 sets are read whole into memory (as training
// will use them); image folders are only listed, and images are decoded when
// a page of the grid or the preview needs them. Immutable once loaded, so
// background jobs share it through a shared_ptr.
#pragma once

#include "ui/document/model_analysis.h"
#include "ui/document/project_settings.h"

#include "engine/data/dataset_summary.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/image_set.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

namespace ui {

// A split's name as a person reads it ("train" is "entrenamiento" in Spanish);
// the name itself ("train", "validation", "test") stays the key everywhere.
QString splitTitle(const QString& split);

class LoadedDataset {
public:
    // Reads the data set (slow for big IDX/CIFAR sets: call it off the GUI thread).
    // Throws cs::Error with a message naming the folder.
    static std::shared_ptr<const LoadedDataset> load(const DataSettings& settings);

    const DataSettings& settings() const { return settings_; }
    const cs::DatasetSummary& summary() const { return summary_; }
    QString title() const; // "Fashion-MNIST"
    const std::vector<std::string>& classNames() const { return summary_.classNames; }
    int classCount() const { return int(summary_.classNames.size()); }
    int height() const { return summary_.height; }
    int width() const { return summary_.width; }
    int channels() const { return summary_.channels; }
    DataShape dataShape() const;

    QStringList splits() const; // "train", "validation", "test" — those that exist
    int count(const QString& split) const;
    int label(const QString& split, int index) const;
    // The indices of a split's images of one class (all when classIndex < 0).
    std::vector<int> indicesOf(const QString& split, int classIndex) const;
    // HWC pixels of one image; false (with the reason) when a file cannot be decoded. Thread-safe.
    bool pixels(const QString& split, int index, std::vector<uint8_t>& out,
                cs::UserText* why = nullptr) const;
    QString filePath(const QString& split, int index) const; // image folders; empty otherwise

    // The whole set in memory (IDX, CIFAR-10), for training; null for image folders.
    std::shared_ptr<const cs::Dataset> inMemory() const { return memory_; }
    const cs::ImageFolderIndex* folderIndex() const { return folders_ ? &*folders_ : nullptr; }

private:
    const cs::ImageSet* set(const QString& split) const;
    const std::vector<cs::FolderImage>* files(const QString& split) const;

    DataSettings settings_;
    cs::DatasetSummary summary_;
    std::shared_ptr<const cs::Dataset> memory_;
    std::shared_ptr<const cs::ImageFolderIndex> folders_;
};

} // namespace ui
