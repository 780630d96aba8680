#include "ui/classify/classify_jobs.h"

#include "ui/imaging/image_converter.h"
#include "ui/window/engine_text.h"

#include "engine/inspect/class_scores.h"
#include "engine/inspect/model_input.h"
#include "engine/training/trainer.h"

#include <QImageReader>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <exception>
#include <opencv2/imgproc.hpp>

namespace ui {

namespace {

bool isLatest(const RequestCounter& latest, int request) {
    return !latest || latest->load() == request;
}

// Grad-CAM of a class (-1: the most probable); a model without a convolutional
// (spatial) layer has none, which is an answer, not a failure.
HeatMapResult heatMapOn(cs::Model& model, const cs::Tensor& input, int classIndex) {
    HeatMapResult r;
    r.classIndex = classIndex;
    try {
        r.cam = cs::gradCam(model, input, classIndex);
        r.classIndex = r.cam.classIndex;
        r.ok = true;
    } catch (const std::exception& e) {
        r.error = errorText(e);
    }
    return r;
}

} // namespace

ImageClassification classifyImage(const ModelSnapshotPtr& snapshot, const ImageSource& source,
                                  const RequestCounter& latest, int request) {
    ImageClassification r;
    if (!isLatest(latest, request)) {
        r.stale = true;
        return r;
    }
    try {
        cs::Model model = snapshot->model->clone();
        QSize original;
        if (source.path.isEmpty()) {
            r.pixels = cs::modelPixelsFromImage(source.image, model);
            original = QSize(source.image.cols, source.image.rows);
        } else {
            // The same reading as training and `predict` (the engine's), so the
            // classes match theirs; Qt only peeks at the header for the size.
            r.pixels = cs::modelPixelsFromFile(source.path.toStdString(), model);
            original = QImageReader(source.path).size();
        }
        r.preprocessing = describeModelInput(original, r.pixels, snapshot->preprocessing);
        const cs::Tensor x = cs::modelInputFromSet(r.pixels, 0, model, snapshot->preprocessing);
        // Grad-CAM's forward pass gives the probabilities too: one pass, not two.
        r.heat = heatMapOn(model, x, -1);
        if (r.heat.ok) {
            r.probabilities = r.heat.cam.probabilities;
        } else {
            r.probabilities = cs::classProbabilities(cs::predict(model, x, 1), 0);
            r.heat.classIndex = int(std::max_element(r.probabilities.begin(), r.probabilities.end()) -
                                    r.probabilities.begin());
        }
    } catch (const std::exception& e) {
        r.error = errorText(e);
        r.probabilities.clear();
    }
    return r;
}

HeatMapResult computeHeatMap(const ModelSnapshotPtr& snapshot, const cs::ImageSet& pixels,
                             int classIndex, const RequestCounter& latest, int request) {
    if (!isLatest(latest, request)) {
        HeatMapResult r;
        r.stale = true;
        return r;
    }
    try {
        cs::Model model = snapshot->model->clone();
        const cs::Tensor x = cs::modelInputFromSet(pixels, 0, model, snapshot->preprocessing);
        return heatMapOn(model, x, classIndex);
    } catch (const std::exception& e) {
        HeatMapResult r;
        r.classIndex = classIndex;
        r.error = errorText(e);
        return r;
    }
}

FolderClassification classifyFolder(const ModelSnapshotPtr& snapshot, const QString& folder,
                                    bool recursive, int threads,
                                    const std::function<bool(int, int)>& progress) {
    FolderClassification r;
    r.folder = folder;
    try {
        const std::vector<std::string> paths = cs::listImageFiles(folder.toStdString(), recursive);
        r.total = int(paths.size());
        cs::Model model = snapshot->model->clone();
        r.rows = cs::classifyFiles(model, snapshot->preprocessing, paths, threads, progress);
        r.cancelled = r.rows.size() < paths.size();
    } catch (const std::exception& e) {
        r.error = errorText(e);
    }
    return r;
}

QImage modelViewImage(const cs::ImageSet& pixels) {
    return imageFromSet(pixels, 0);
}

QImage heatOverlayImage(const cs::ImageSet& pixels, const cs::GradCam* cam, double opacity,
                        int side) {
    if (pixels.count() == 0) return {};
    const int h = pixels.height, w = pixels.width;
    cv::Mat image;
    if (pixels.channels == 3)
        cv::cvtColor(cv::Mat(h, w, CV_8UC3, const_cast<uint8_t*>(pixels.image(0))), image,
                     cv::COLOR_RGB2BGR);
    else
        image = cv::Mat(h, w, CV_8UC1, const_cast<uint8_t*>(pixels.image(0))).clone();
    // Enlarged before the heat map goes over it: the pixels stay crisp squares
    // while the (bilinear) heat map is smooth, as `convstudio-cli gradcam` draws it.
    const int factor = std::max(1, side / std::max(h, w));
    if (factor > 1)
        cv::resize(image, image, cv::Size(w * factor, h * factor), 0, 0, cv::INTER_NEAREST);
    if (cam && cam->height > 0 && cam->width > 0 && opacity > 0)
        image = cs::overlayHeatMap(image, *cam, opacity);
    return imageFromMat(image);
}

} // namespace ui
