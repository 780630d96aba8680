// Image handling as the course's "Manejo de imágenes con Python" lesson does it
// with Pillow: load, convert to grey, resize, crop, rotate, save. Images are
// OpenCV Mats as OpenCV reads them (8-bit, BGR or grey); the operations keep
// Pillow's meaning so the lesson's numbers carry over:
//   resize(w, h)            Image.resize((w, h))
//   crop(left, top, right, bottom)  Image.crop((l, t, r, b)), right/bottom exclusive
//   rotate(deg)             Image.rotate(deg): counter-clockwise about the centre,
//                           same size, corners black (expand=true grows the canvas)
// Every failure names the file or the value at fault.
#pragma once

#include <opencv2/core.hpp>
#include <string>

namespace cs {

// 8-bit grey or BGR (alpha dropped, 16-bit reduced). Throws DataError naming
// the file when it is missing or not an image OpenCV reads.
cv::Mat loadImage(const std::string& path);
// Writes by extension (.png, .jpg ...), atomically.
void saveImage(const std::string& path, const cv::Mat& image);

std::string describeImage(const cv::Mat& image); // "500x374, 3 channels (colour)"

cv::Mat toGrey(const cv::Mat& image);
// Throws ConfigError for a size below 1x1.
cv::Mat resizeImage(const cv::Mat& image, int width, int height);
// Throws ConfigError when the box is empty or outside the image.
cv::Mat cropImage(const cv::Mat& image, int left, int top, int right, int bottom);
cv::Mat rotateImage(const cv::Mat& image, double degrees, bool expand = false);

} // namespace cs
