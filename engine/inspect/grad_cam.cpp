#include "engine/inspect/grad_cam.h"

#include "engine/core/errors.h"
#include "engine/inspect/class_scores.h"
#include "engine/inspect/model_input.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cs {

namespace {
bool isSpatial(const Shape& s) {
    return s.rank() == 3 && int64_t(s[0]) * s[1] > 1;
}
} // namespace

int defaultGradCamNode(const Model& model) {
    const std::vector<Shape> shapes = model.inferShapes();
    int lastSpatial = -1;
    for (int k = model.nodeCount() - 2; k >= 1; --k) {
        if (!isSpatial(shapes[size_t(k)])) continue;
        if (model.layer(k).className() == "Conv2D") return k;
        if (lastSpatial < 0) lastSpatial = k;
    }
    if (lastSpatial < 0)
        throw ConfigError(CS_TEXT(
            "cs::Inspect",
            "Grad-CAM needs a layer with a spatial output (Conv2D, pooling): this model has none"));
    return lastSpatial;
}

GradCam gradCam(Model& model, const Tensor& input, int classIndex, int node) {
    if (node < 0) node = defaultGradCamNode(model);
    const std::vector<Shape> shapes = model.inferShapes();
    if (node < 1 || node >= model.nodeCount() - 1 || !isSpatial(shapes[size_t(node)]))
        throw ConfigError(
            CS_TEXT("cs::Inspect",
                    "Grad-CAM needs a hidden layer with a spatial output; '%1' has none")
                .arg(model.layer(std::clamp(node, 0, model.nodeCount() - 1)).name()));
    requireOneImage(model, input, CS_NOOP("cs::Inspect", "Grad-CAM"));
    RunContext ctx;
    ctx.keepActivations = true;
    ctx.backwardFollows = true;
    const Tensor& out = model.forward(input, ctx);
    const int units = int(out.sampleSize());
    const int classes = units == 1 ? 2 : units;
    std::vector<double> probabilities = classProbabilities(out, 0);
    if (classIndex == -1)
        classIndex = int(std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin());
    if (classIndex < 0 || classIndex >= classes)
        throw ConfigError(
            CS_TEXT("cs::Inspect", "class %1 is out of range: the model has %2 classes")
                .arg(std::to_string(classIndex))
                .arg(std::to_string(classes)));

    GradCam cam;
    cam.node = node;
    cam.layer = model.layer(node).name();
    cam.classIndex = classIndex;
    cam.probability = probabilities[size_t(classIndex)];
    cam.probabilities = std::move(probabilities);
    // d(score)/d(pre-activation of the output): one-hot on the class's logit.
    Tensor dOut(out.shape());
    dOut.zero();
    if (units == 1) dOut[0] = classIndex == 1 ? 1.0f : -1.0f;
    else dOut[classIndex] = 1.0f;
    model.recordGradientOf(node);
    try {
        model.backward(dOut, ctx, /*outputGradIsPreActivation*/ true);
    } catch (...) {
        model.recordGradientOf(-1);
        throw;
    }

    const Tensor& A = model.nodeOutput(node);
    const Tensor& G = model.nodeGradient(node);
    const Shape& s = shapes[size_t(node)];
    cam.height = s[0];
    cam.width = s[1];
    const int C = s[2];
    const int pixels = cam.height * cam.width;
    cam.channelWeights.assign(size_t(C), 0.0f);
    for (int p = 0; p < pixels; ++p)
        for (int c = 0; c < C; ++c) cam.channelWeights[size_t(c)] += G[int64_t(p) * C + c];
    model.recordGradientOf(-1); // training need not pay for the copy
    for (float& w : cam.channelWeights) w /= float(pixels);
    cam.heat.assign(size_t(pixels), 0.0f);
    for (int p = 0; p < pixels; ++p) {
        float v = 0.0f;
        for (int c = 0; c < C; ++c) v += cam.channelWeights[size_t(c)] * A[int64_t(p) * C + c];
        cam.heat[size_t(p)] = std::max(v, 0.0f);
    }
    cam.peak = *std::max_element(cam.heat.begin(), cam.heat.end());
    if (cam.peak > 0)
        for (float& v : cam.heat) v /= cam.peak;
    return cam;
}

std::vector<float> heatMapAtSize(const GradCam& cam, int height, int width) {
    if (height < 1 || width < 1)
        throw ConfigError(CS_TEXT("cs::Inspect", "a heat map needs a size of at least 1x1"));
    cv::Mat small(cam.height, cam.width, CV_32F, const_cast<float*>(cam.heat.data()));
    cv::Mat big;
    cv::resize(small, big, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
    std::vector<float> out(size_t(height) * size_t(width));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) out[size_t(y) * size_t(width) + size_t(x)] = std::clamp(big.at<float>(y, x), 0.0f, 1.0f);
    return out;
}

cv::Mat overlayHeatMap(const cv::Mat& image, const GradCam& cam, double alpha) {
    if (image.empty() || image.depth() != CV_8U)
        throw ConfigError(CS_TEXT("cs::Inspect", "the heat map goes over an 8-bit image"));
    cv::Mat bgr;
    if (image.channels() == 1) cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    else if (image.channels() == 4) cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
    else bgr = image;
    const std::vector<float> heat = heatMapAtSize(cam, bgr.rows, bgr.cols);
    cv::Mat grey(bgr.rows, bgr.cols, CV_8U);
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x)
            grey.at<uint8_t>(y, x) = uint8_t(std::lround(255.0f * heat[size_t(y) * size_t(bgr.cols) + size_t(x)]));
    cv::Mat colours;
    cv::applyColorMap(grey, colours, cv::COLORMAP_JET);
    cv::Mat out;
    cv::addWeighted(bgr, 1.0 - alpha, colours, alpha, 0.0, out);
    return out;
}

} // namespace cs
