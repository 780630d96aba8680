// The Inspect page's computations, as plain functions that run off the GUI
// thread (QtConcurrent): each takes a model snapshot and returns ready-made
// cells (QImages, captions, tooltips) for a MapGridWidget. They call the same
// engine functions as `convstudio-cli kernels` and `features`.
#pragma once

#include "engine/inspect/class_scores.h"
#include "engine/inspect/kernel_view.h"
#include "ui/inspect/map_grid_widget.h"
#include "ui/training/model_snapshot.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace ui {

// An image to look at, as it was found (a data set's pixels or a file's).
struct InspectImage {
    std::vector<uint8_t> pixels; // HWC, 1 = grey, 3 = RGB; empty when filePath is used
    int height = 0, width = 0, channels = 0;
    QString filePath; // read with the model's geometry when pixels is empty
    QString caption;  // "test image 17 · Ankle boot", "boot.jpg"
    bool isValid() const { return !pixels.empty() || !filePath.isEmpty(); }
};

enum class KernelChannels { Rgb, All, One };

struct KernelRequest {
    ModelSnapshotPtr snapshot;
    int node = -1; // a Conv2D node
    KernelChannels channels = KernelChannels::All;
    int channel = 0;        // with One
    bool perFilter = false; // each filter its own colour scale
};

struct KernelPicture {
    QString error; // non-empty: nothing else is set
    int node = -1;
    QString layer;  // "conv2d — 64 filters of 3×3×1"
    std::vector<MapCell> cells;
    int columns = 0; // cells per row: the input channels shown (1 for RGB)
    cs::Histogram histogram;
    double scale = 0; // the colour scale's |w| (the largest filter's with perFilter)
    bool rgb = false;
};
KernelPicture computeKernels(const KernelRequest& request);

struct LayerMaps {
    int node = 0;
    QString name, className, shapeText; // "conv2d", "Conv2D", "28×28×64"
    bool spatial = true;
    int maps = 0, mapHeight = 0, mapWidth = 0;
    float min = 0, max = 0;
    std::vector<MapCell> cells; // one per map; a flat output is one square of its values
};

struct FeaturePicture {
    QString error;
    QString imageCaption;
    QString preprocessing; // what was done to the image: "resized 500×374 → 28×28, grey, ×1/255"
    QImage modelInput;     // the image as the model sees it (before preprocessing)
    std::vector<cs::ClassScore> top; // the model's top classes for the image
    std::vector<LayerMaps> layers;   // every node, input first
};
FeaturePicture computeFeatureMaps(const ModelSnapshotPtr& snapshot, const InspectImage& image);

} // namespace ui
