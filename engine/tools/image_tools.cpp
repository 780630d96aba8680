#include "engine/tools/image_tools.h"

#include "engine/core/errors.h"
#include "engine/data/image_grid.h"
#include "engine/io/image_codec.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace cs {

cv::Mat loadImage(const std::string& path) {
    // ANYCOLOR keeps grey images grey; without ANYDEPTH, 16-bit becomes 8-bit.
    cv::Mat image = readImageFile(path, ReadAnyColor);
    if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
    return image;
}

void saveImage(const std::string& path, const cv::Mat& image) {
    writeImageFile(path, image);
}

std::string describeImage(const cv::Mat& image) {
    return std::to_string(image.cols) + "x" + std::to_string(image.rows) + " (width x height), " +
           std::to_string(image.channels()) +
           (image.channels() == 1 ? " channel (grey)" : " channels (colour)");
}

cv::Mat toGrey(const cv::Mat& image) {
    if (image.channels() == 1) return image.clone();
    cv::Mat grey;
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY); // ITU-R 601 weights, as Pillow's convert("L")
    return grey;
}

cv::Mat resizeImage(const cv::Mat& image, int width, int height) {
    if (width < 1 || height < 1)
        throw ConfigError(CS_TEXT("cs::Playground", "resize: size must be at least 1x1, got %1x%2")
                              .arg(std::to_string(width))
                              .arg(std::to_string(height)));
    cv::Mat out;
    const bool shrink = width < image.cols || height < image.rows;
    cv::resize(image, out, cv::Size(width, height), 0, 0,
               shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

cv::Mat cropImage(const cv::Mat& image, int left, int top, int right, int bottom) {
    if (right <= left || bottom <= top)
        throw ConfigError(CS_TEXT("cs::Playground",
                                  "crop: the box (%1, %2, %3, %4) is empty: right must exceed "
                                  "left and bottom must exceed top")
                              .arg(std::to_string(left))
                              .arg(std::to_string(top))
                              .arg(std::to_string(right))
                              .arg(std::to_string(bottom)));
    if (left < 0 || top < 0 || right > image.cols || bottom > image.rows)
        throw ConfigError(CS_TEXT("cs::Playground",
                                  "crop: the box (%1, %2, %3, %4) reaches outside the %5x%6 image")
                              .arg(std::to_string(left))
                              .arg(std::to_string(top))
                              .arg(std::to_string(right))
                              .arg(std::to_string(bottom))
                              .arg(std::to_string(image.cols))
                              .arg(std::to_string(image.rows)));
    return image(cv::Rect(left, top, right - left, bottom - top)).clone();
}

cv::Mat rotateImage(const cv::Mat& image, double degrees, bool expand) {
    // Pillow turns about the pixel grid's centre, counter-clockwise for positive angles;
    // OpenCV's getRotationMatrix2D uses the same sense (y pointing down).
    const cv::Point2f centre((image.cols - 1) / 2.0f, (image.rows - 1) / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Size size = image.size();
    if (expand) {
        const double a = degrees * CV_PI / 180.0;
        const double c = std::fabs(std::cos(a)), s = std::fabs(std::sin(a));
        size = cv::Size(int(std::lround(image.cols * c + image.rows * s)),
                        int(std::lround(image.cols * s + image.rows * c)));
        m.at<double>(0, 2) += (size.width - image.cols) / 2.0;
        m.at<double>(1, 2) += (size.height - image.rows) / 2.0;
    }
    cv::Mat out;
    cv::warpAffine(image, out, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    return out;
}

} // namespace cs
