// The Classify page's computations, as plain functions that run on a pool
// thread and return values (no widgets): one image classified with its
// Grad-CAM, a Grad-CAM for another class, a whole folder. Each clones the
// snapshot's model, because running a model changes its buffers. All the
// arithmetic is the engine's (inspect/*); these only gather and describe it.
//
// Latest request wins: a card owns a RequestCounter and bumps it for every
// request; a queued job whose number is no longer the latest returns at once
// with `stale` set, so a burst of model changes during training costs nothing.
//
//   runInBackground<ImageClassification>(card, pool, [=] { return classifyImage(...); },
//                                         [card](const ImageClassification& r) { ... });
#pragma once

#include "ui/training/model_snapshot.h"

#include "engine/data/image_set.h"
#include "engine/inspect/grad_cam.h"
#include "engine/inspect/image_classifier.h"

#include <QFutureWatcher>
#include <QImage>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

namespace ui {

// What a result card shows: a file, or a picture in memory (pasted, dropped).
struct ImageSource {
    QString name;  // shown on the card: the file name or "pasted image 2"
    QString path;  // empty for a picture in memory
    cv::Mat image; // 8-bit grey, BGR or BGRA when path is empty
};

using RequestCounter = std::shared_ptr<std::atomic<int>>;

struct HeatMapResult {
    bool stale = false;
    int classIndex = -1;
    bool ok = false;
    cs::GradCam cam;
    QString error; // why there is no heat map (a model without a spatial layer ...)
};

struct ImageClassification {
    bool stale = false;
    QString error;                     // the image could not be classified, and why
    cs::ImageSet pixels;               // the one image the model sees, before preprocessing
    QString preprocessing;             // "resized 500×374 → 28×28, grey, ×1/255"
    std::vector<double> probabilities; // one per class, summing to 1
    HeatMapResult heat;                // for the most probable class
};

struct FolderClassification {
    QString folder;
    std::vector<cs::FileClassification> rows;
    int total = 0;          // files found
    bool cancelled = false; // rows holds those done before Cancel
    QString error;          // the folder could not be listed, or the model refused
};

// The file or picture through the model: probabilities and the top class's Grad-CAM.
ImageClassification classifyImage(const ModelSnapshotPtr& snapshot, const ImageSource& source,
                                  const RequestCounter& latest, int request);
// The Grad-CAM of `classIndex` for pixels returned by classifyImage.
HeatMapResult computeHeatMap(const ModelSnapshotPtr& snapshot, const cs::ImageSet& pixels,
                             int classIndex, const RequestCounter& latest, int request);
// Every image file of `folder` (and its sub-folders when `recursive`), with
// the engine's folder classifier. `progress(done, total)` is called from the
// pool thread between batches; returning false stops (Cancel).
FolderClassification classifyFolder(const ModelSnapshotPtr& snapshot, const QString& folder,
                                    bool recursive, int threads,
                                    const std::function<bool(int, int)>& progress);

// The image the model sees (pixels as RGB or grey), for showing.
QImage modelViewImage(const cs::ImageSet& pixels);
// `pixels` enlarged by a whole factor towards `side` (nearest neighbour, crisp
// squares) as BGR, with the heat map over it: what a card shows.
QImage heatOverlayImage(const cs::ImageSet& pixels, const cs::GradCam* cam, double opacity,
                        int side);

// Runs `work` on `pool` and hands its result to `done` on `context`'s thread;
// nothing is called when `context` is gone by then.
template <class T, class Work, class Done>
void runInBackground(QObject* context, QThreadPool* pool, Work work, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

} // namespace ui
