// Grad-CAM (Selvaraju et al., 2017): which parts of an image made the model
// score a class. The image goes forward in inference mode; the class's score
// (its pre-softmax logit; for a single sigmoid unit the logit, negated for
// class 0) is differentiated back to a spatial layer's output A [H, W, C];
// each map's weight is the mean of its gradient, and the heat map is
// ReLU(sum_c weight_c * A[:, :, c]), scaled to [0, 1] by its maximum. The
// Classify page draws it over the image; `convstudio-cli gradcam` writes it.
//
//   GradCam cam = gradCam(model, x, /*class*/ 3);            // last Conv2D
//   cv::Mat shown = overlayHeatMap(bgrImage, cam, 0.45);
#pragma once

#include "engine/model/model.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace cs {

struct GradCam {
    int node = -1;
    std::string layer;   // the layer whose maps were weighted
    int classIndex = 0;
    double probability = 0;            // the model's probability of that class for this image
    std::vector<double> probabilities; // every class's (the forward pass gives them anyway)
    int height = 0, width = 0;
    std::vector<float> heat;           // height x width, in [0, 1]
    std::vector<float> channelWeights; // mean gradient per map
    float peak = 0; // ReLU'd maximum before scaling; 0 = nothing speaks for the class
};

// The last Conv2D node (or, without one, the last node with a spatial output
// larger than 1x1). ConfigError when the model has no spatial layer.
int defaultGradCamNode(const Model& model);

// `input`: one preprocessed image [1, ...inputShape]. `classIndex` -1 = the
// most probable class; `node` -1 = the default. Runs on the calling thread and overwrites the model's parameter
// gradients (use a copy of a model that is training). ConfigError for a
// class out of range or a node without a spatial output.
GradCam gradCam(Model& model, const Tensor& input, int classIndex, int node = -1);

// The heat map resized (bilinear) to height x width.
std::vector<float> heatMapAtSize(const GradCam& cam, int height, int width);

// The image (8-bit grey or BGR, any size) with the heat map over it in the
// "jet" colours (blue cold, red hot), mixed with weight `alpha`; 8-bit BGR.
cv::Mat overlayHeatMap(const cv::Mat& image, const GradCam& cam, double alpha = 0.45);

} // namespace cs
