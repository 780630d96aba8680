#include "engine/data/image_input.h"

#include "engine/core/errors.h"
#include "engine/io/image_codec.h"

#include <cstring>
#include <opencv2/imgproc.hpp>

namespace cs {

namespace {
void checkChannels(int channels) {
    if (channels != 1 && channels != 3)
        throw ShapeError(
            CS_TEXT(
                "cs::Datasets",
                "the model takes %1-channel images; only grey (1) and RGB (3) images can be read")
                .arg(std::to_string(channels)));
}
} // namespace

void appendImageFile(const std::string& path, int height, int width, int channels, ImageSet& out) {
    checkChannels(channels);
    appendImage(readImageFile(path, channels == 1 ? ReadGrey : ReadColor), height, width, channels, out);
}

void appendImage(const cv::Mat& image, int height, int width, int channels, ImageSet& out) {
    checkChannels(channels);
    if (image.empty() || image.depth() != CV_8U)
        throw DataError(CS_TEXT("cs::Datasets", "the image is empty or not 8-bit"));
    cv::Mat img;
    const int from = image.channels();
    if (channels == 1) {
        if (from == 1) img = image;
        else cv::cvtColor(image, img, from == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    } else {
        cv::cvtColor(image, img, from == 1 ? cv::COLOR_GRAY2RGB : from == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB);
    }
    if (img.rows != height || img.cols != width) {
        // INTER_AREA averages when shrinking (no aliasing); bilinear when enlarging.
        const bool shrink = img.rows > height || img.cols > width;
        cv::resize(img, img, cv::Size(width, height), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
    }
    if (out.count() == 0) {
        out.height = height;
        out.width = width;
        out.channels = channels;
    }
    const size_t bytes = size_t(height) * size_t(width) * size_t(channels);
    const size_t at = out.pixels.size();
    out.pixels.resize(at + bytes);
    for (int r = 0; r < height; ++r)
        std::memcpy(out.pixels.data() + at + size_t(r) * size_t(width) * size_t(channels), img.ptr(r),
                    size_t(width) * size_t(channels));
    out.labels.push_back(0);
}

ImageSet loadImagesForModel(const std::vector<std::string>& paths, int height, int width, int channels) {
    ImageSet set;
    for (const std::string& p : paths) appendImageFile(p, height, width, channels, set);
    return set;
}

} // namespace cs
