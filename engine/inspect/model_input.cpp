#include "engine/inspect/model_input.h"

#include "engine/core/errors.h"
#include "engine/data/image_input.h"

#include <opencv2/imgproc.hpp>

namespace cs {

namespace {
Shape imageInputShape(const Model& model) {
    const Shape in = model.inputShape();
    if (in.rank() != 3 || (in[2] != 1 && in[2] != 3))
        throw ShapeError(CS_TEXT("cs::Inspect", "this model does not take images (input %1)")
                             .arg(in.toString(true)));
    return in;
}
} // namespace

void requireOneImage(const Model& model, const Tensor& input, const char* what) {
    if (input.shape().rank() < 1 || input.shape()[0] != 1 || !(input.shape().withoutBatch() == model.inputShape()))
        throw ShapeError(CS_TEXT("cs::Inspect", "%1 needs one image of shape %2, got %3")
                             .termArg("cs::Inspect", what)
                             .arg(model.inputShape().toString(true))
                             .arg(input.shape().toString()));
}

ImageSet modelPixelsFromFile(const std::string& path, const Model& model) {
    const Shape in = imageInputShape(model);
    ImageSet set;
    set.height = in[0];
    set.width = in[1];
    set.channels = in[2];
    appendImageFile(path, in[0], in[1], in[2], set);
    return set;
}

ImageSet modelPixelsFromImage(const cv::Mat& image, const Model& model) {
    const Shape in = imageInputShape(model);
    ImageSet set;
    set.height = in[0];
    set.width = in[1];
    set.channels = in[2];
    appendImage(image, in[0], in[1], in[2], set);
    return set;
}

ImageSet modelPixelsFromPixels(const uint8_t* pixels, int height, int width, int channels, const Model& model) {
    if (channels != 1 && channels != 3)
        throw ShapeError(
            CS_TEXT("cs::Inspect", "only grey (1) and RGB (3) images can be shown to a model"));
    cv::Mat rgb(height, width, channels == 1 ? CV_8UC1 : CV_8UC3, const_cast<uint8_t*>(pixels));
    cv::Mat image = rgb;
    if (channels == 3) cv::cvtColor(rgb, image, cv::COLOR_RGB2BGR); // appendImage takes OpenCV's order
    return modelPixelsFromImage(image, model);
}

Tensor modelInputFromFile(const std::string& path, const Model& model, const Preprocessing& preprocessing) {
    return modelInputFromSet(modelPixelsFromFile(path, model), 0, model, preprocessing);
}

Tensor modelInputFromSet(const ImageSet& set, int index, const Model& model, const Preprocessing& preprocessing) {
    const Shape in = imageInputShape(model);
    if (set.height != in[0] || set.width != in[1] || set.channels != in[2])
        throw ShapeError(
            CS_TEXT("cs::Inspect", "the model takes %1x%2x%3 images; these are %4x%5x%6")
                .arg(std::to_string(in[0]))
                .arg(std::to_string(in[1]))
                .arg(std::to_string(in[2]))
                .arg(std::to_string(set.height))
                .arg(std::to_string(set.width))
                .arg(std::to_string(set.channels)));
    if (index < 0 || index >= set.count())
        throw ConfigError(CS_TEXT("cs::Inspect", "no image number %1 (the set has %2)")
                              .arg(std::to_string(index))
                              .arg(std::to_string(set.count())));
    Tensor x;
    fillBatch(set, &index, 1, preprocessing, x, 1);
    return x;
}

} // namespace cs
