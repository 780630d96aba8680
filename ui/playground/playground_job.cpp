#include "ui/playground/playground_job.h"

#include "ui/imaging/image_converter.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <vector>

namespace ui {

namespace {

// The engine takes 8-bit OpenCV images; channels stay in R, G, B order so the
// names below match what imageChannels() returns.
cv::Mat engineImage(const QImage& image, QStringList& names) {
    if (image.isNull())
        throw cs::DataError(
            CS_TEXT("ui::PlaygroundPage", "no image: open one or drop one on the page"));
    if (image.format() == QImage::Format_Grayscale8 || image.isGrayscale()) {
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        cv::Mat mat(grey.height(), grey.width(), CV_8UC1);
        for (int y = 0; y < grey.height(); ++y)
            std::copy_n(grey.constScanLine(y), grey.width(), mat.ptr<uchar>(y));
        names = {QStringLiteral("grey")};
        return mat;
    }
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    cv::Mat mat(rgb.height(), rgb.width(), CV_8UC3);
    for (int y = 0; y < rgb.height(); ++y)
        std::copy_n(rgb.constScanLine(y), size_t(rgb.width()) * 3, mat.ptr<uchar>(y));
    names = {QStringLiteral("R"), QStringLiteral("G"), QStringLiteral("B")};
    return mat;
}

QImage planeImage(const cs::PlaygroundMatrix& m, double lo, double hi) {
    const std::vector<float> plane(m.values.begin(), m.values.end());
    return imageFromPlane(plane.data(), m.rows, m.cols, m.cols, 1, float(lo), float(hi));
}

void showChannels(PlaygroundResult& result, const std::vector<cs::PlaygroundMatrix>& channels) {
    bool first = true;
    for (const cs::PlaygroundMatrix& m : channels)
        for (double v : m.values) {
            result.minValue = first ? v : std::min(result.minValue, v);
            result.maxValue = first ? v : std::max(result.maxValue, v);
            first = false;
        }
    // One range for every channel, so R, G and B stay comparable.
    displayRange(result.minValue, result.maxValue, result.lo, result.hi);
    for (const cs::PlaygroundMatrix& m : channels)
        result.images.push_back(planeImage(m, result.lo, result.hi));
    cs::PlaygroundMatrix ramp(1, 256);
    for (int i = 0; i < 256; ++i)
        ramp.at(0, i) = result.lo + (result.hi - result.lo) * i / 255.0;
    result.legend = planeImage(ramp, result.lo, result.hi);
}

} // namespace

void displayRange(double minValue, double maxValue, double& lo, double& hi) {
    if (minValue < 0) {
        const double peak = std::max(std::fabs(minValue), std::fabs(maxValue));
        lo = -peak;
        hi = peak;
    } else {
        lo = 0;
        hi = std::max(255.0, maxValue);
    }
}

PlaygroundResult computePlayground(const PlaygroundRequest& request) {
    PlaygroundResult result;
    try {
        if (!request.useImage) {
            if (request.pooling) {
                cs::PoolingResult r = cs::pool(request.matrix, request.pool);
                result.output = std::move(r.output);
                result.rows = r.rows;
                result.cols = r.cols;
            } else {
                cs::ConvolutionResult r =
                    cs::convolve(request.matrix, request.kernel, request.convolution);
                result.output = std::move(r.output);
                result.rows = r.rows;
                result.cols = r.cols;
            }
            return result;
        }
        const cv::Mat image = engineImage(request.image, result.channelNames);
        if (request.pooling) {
            const cs::ImagePooling r = cs::poolImage(image, request.pool);
            result.rows = r.rows;
            result.cols = r.cols;
            showChannels(result, r.channels);
        } else {
            const cs::ImageConvolution r =
                cs::convolveImage(image, request.kernel, request.convolution);
            result.rows = r.rows;
            result.cols = r.cols;
            showChannels(result, r.channels);
        }
    } catch (const std::exception& e) {
        // cs::ConfigError and friends carry a message a person can act on;
        // anything else (cv::Exception, bad_alloc) still must not take the page down.
        result = PlaygroundResult();
        result.error = errorText(e);
    }
    return result;
}

} // namespace ui
