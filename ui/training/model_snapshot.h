// ModelSnapshot: a read-only copy of a model with what is needed to feed it
// images (class names, preprocessing) — what the Inspect and Classify pages
// look at. The training worker makes one at the end of each epoch (and about
// once a second while an epoch runs) so those pages follow a run live and
// can scrub back through its epochs; a finished run or an opened
// .safetensors file gives one too. The model is never changed after the
// snapshot is made: running it changes its buffers, so a page clones it
// (Model::clone) for each computation, off the GUI thread.
#pragma once

#include "engine/data/image_set.h"
#include "engine/data/preprocessing.h"
#include "engine/model/model.h"

#include <QMetaType>
#include <QSize>
#include <QString>
#include <memory>
#include <string>
#include <vector>

namespace ui {

struct ModelSnapshot {
    std::shared_ptr<const cs::Model> model; // built
    std::vector<std::string> classNames;
    cs::Preprocessing preprocessing;
    QString source; // for people: "epoch 3", "run 2, trained (6 epochs)", "model.safetensors"
    int epoch = -1; // 0-based epoch of the run it comes from; -1 when not from a running epoch
};
using ModelSnapshotPtr = std::shared_ptr<const ModelSnapshot>;

// How an image became what the model sees, for people: "resized 500×374 →
// 28×28, grey, ×1/255" (original size unknown or equal: "28×28, grey, ×1/255");
// `pixels` holds the image at the model's geometry, before preprocessing.
QString describeModelInput(QSize original, const cs::ImageSet& pixels, const cs::Preprocessing& preprocessing);

// A deep copy of `model` (made on the calling thread) with its metadata.
ModelSnapshotPtr makeSnapshot(const cs::Model& model, std::vector<std::string> classNames,
                              cs::Preprocessing preprocessing, QString source, int epoch = -1);

} // namespace ui

Q_DECLARE_METATYPE(ui::ModelSnapshotPtr)
