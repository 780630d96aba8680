#include "ui/imaging/image_converter.h"

#include <algorithm>
#include <cstring>
#include <opencv2/imgproc.hpp>

namespace ui {

QImage imageFromPixels(const uint8_t* pixels, int height, int width, int channels) {
    if (!pixels || height <= 0 || width <= 0 || channels <= 0) return {};
    if (channels == 3) {
        QImage out(width, height, QImage::Format_RGB888);
        for (int y = 0; y < height; ++y)
            std::memcpy(out.scanLine(y), pixels + size_t(y) * size_t(width) * 3, size_t(width) * 3);
        return out;
    }
    QImage out(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        uchar* line = out.scanLine(y);
        const uint8_t* row = pixels + size_t(y) * size_t(width) * size_t(channels);
        for (int x = 0; x < width; ++x)
            line[x] = row[size_t(x) * size_t(channels)];
    }
    return out;
}

QImage imageFromSet(const cs::ImageSet& set, int index) {
    if (index < 0 || index >= set.count()) return {};
    return imageFromPixels(set.image(index), set.height, set.width, set.channels);
}

QImage imageFromPlane(const float* data, int height, int width, int stride, int step, float lo,
                      float hi) {
    QImage out(width, height, QImage::Format_Grayscale8);
    const float scale = hi > lo ? 255.0f / (hi - lo) : 0.0f;
    for (int y = 0; y < height; ++y) {
        uchar* line = out.scanLine(y);
        for (int x = 0; x < width; ++x) {
            const float v =
                (data[size_t(y) * size_t(stride) + size_t(x) * size_t(step)] - lo) * scale;
            line[x] = uchar(std::clamp(v, 0.0f, 255.0f));
        }
    }
    return out;
}

QPixmap crispPixmap(const QImage& image, int side, qreal devicePixelRatio) {
    if (image.isNull()) return {};
    const int longest = std::max(image.width(), image.height());
    const qreal target = side * devicePixelRatio;
    QImage scaled;
    if (longest <= target) {
        const int factor = std::max(1, int(target / longest));
        scaled = image.scaled(image.width() * factor, image.height() * factor,
                              Qt::IgnoreAspectRatio, Qt::FastTransformation);
    } else {
        scaled =
            image.scaled(int(target), int(target), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QPixmap pixmap = QPixmap::fromImage(scaled);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QImage imageFromMat(const cv::Mat& image) {
    if (image.empty() || image.depth() != CV_8U) return {};
    const int channels = image.channels();
    if (channels == 1) {
        const cv::Mat grey = image.isContinuous() ? image : image.clone(); // rows back to back
        return imageFromPixels(grey.ptr(), grey.rows, grey.cols, 1);
    }
    cv::Mat converted;
    if (channels == 3) {
        cv::cvtColor(image, converted, cv::COLOR_BGR2RGB);
        return imageFromPixels(converted.ptr(), converted.rows, converted.cols, 3);
    }
    if (channels != 4) return {};
    // BGRA bytes are QImage's ARGB32 on little-endian machines; the copy detaches from the Mat.
    cv::cvtColor(image, converted, cv::COLOR_BGRA2RGBA);
    return QImage(converted.ptr(), converted.cols, converted.rows, int(converted.step),
                  QImage::Format_RGBA8888)
        .copy();
}

cv::Mat matFromImage(const QImage& image) {
    if (image.isNull()) return {};
    if (image.hasAlphaChannel()) {
        const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
        const cv::Mat view(rgba.height(), rgba.width(), CV_8UC4,
                           const_cast<uchar*>(rgba.constBits()), size_t(rgba.bytesPerLine()));
        cv::Mat bgra;
        cv::cvtColor(view, bgra, cv::COLOR_RGBA2BGRA); // a new Mat: owns its pixels
        return bgra;
    }
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                       size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace ui
