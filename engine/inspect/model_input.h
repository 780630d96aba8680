// One image as a model's input tensor [1, H, W, C], exactly as training saw
// it: an image file resized to the model's geometry (data/image_input.h) or
// pixels from a loaded data set, then the model's preprocessing. Shared by
// the feature-map view, Grad-CAM and the CLI commands that take one image.
#pragma once

#include "engine/data/image_set.h"
#include "engine/data/preprocessing.h"
#include "engine/model/model.h"

#include <opencv2/core.hpp>

#include <string>

namespace cs {

// The image file converted to the model's input; DataError naming the file
// when it cannot be read, ShapeError when the model does not take images.
Tensor modelInputFromFile(const std::string& path, const Model& model, const Preprocessing& preprocessing);
// Image `index` of a set whose geometry must equal the model's input (ShapeError otherwise).
Tensor modelInputFromSet(const ImageSet& set, int index, const Model& model, const Preprocessing& preprocessing);
// ShapeError "<what> needs one image of shape (H, W, C), got ..." unless
// `input` is exactly one sample of the model's input.
// `what` names the view in the message, marked with CS_NOOP("cs::Inspect", ...).
void requireOneImage(const Model& model, const Tensor& input, const char* what);
// The uint8 pixels (HWC, the model's geometry) the file becomes before preprocessing.
ImageSet modelPixelsFromFile(const std::string& path, const Model& model);
// HWC pixels of another geometry (a data set image: 1 = grey, 3 = RGB).
ImageSet modelPixelsFromPixels(const uint8_t* pixels, int height, int width, int channels, const Model& model);
// The same for an 8-bit image in memory (grey, BGR or BGRA: a pasted picture).
ImageSet modelPixelsFromImage(const cv::Mat& image, const Model& model);

} // namespace cs
