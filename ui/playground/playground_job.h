// What the playground computes, as one plain function the page calls on the
// GUI thread for a small matrix and on a pool thread (QtConcurrent) for an
// image. It only hands the request to the engine (convolve, pool,
// convolveImage, poolImage) and turns the engine's answer into what the page
// shows: the output matrix, the output-size arithmetic per axis, and for
// images one greyscale picture per channel with the display range used.
// Engine errors come back as text, never as an exception, so a typo or a
// window larger than the input is a message on the page.
#pragma once

#include "engine/tools/convolution_playground.h"
#include "engine/tools/pooling_playground.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ui {

struct PlaygroundRequest {
    bool pooling = false;  // false: convolution
    bool useImage = false; // false: the matrix
    cs::PlaygroundMatrix matrix;
    QImage image; // Grayscale8 or anything Qt converts to RGB888
    cs::PlaygroundMatrix kernel;
    cs::ConvolutionSettings convolution;
    cs::PoolingSettings pool;
};

struct PlaygroundResult {
    QString error;               // empty on success
    cs::PlaygroundMatrix output; // matrix requests
    cs::WindowArithmetic rows, cols;
    QVector<QImage> images;            // image requests: one per channel
    QStringList channelNames;          // "grey" or "R", "G", "B"
    double minValue = 0, maxValue = 0; // over every channel
    double lo = 0, hi = 255;           // the display range: black .. white
    QImage legend;                     // a ramp from lo to hi

    bool ok() const { return error.isEmpty(); }
};

// Never throws.
PlaygroundResult computePlayground(const PlaygroundRequest& request);

// Outputs below zero (edge kernels) are shown symmetric around 0, so 0 is mid
// grey and the sign reads as darker/lighter; non-negative outputs keep 0..255
// as black..white (wider if the values go beyond 255).
void displayRange(double minValue, double maxValue, double& lo, double& hi);

} // namespace ui
