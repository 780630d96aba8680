#include "engine/core/activation.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"

#include <algorithm>
#include <cmath>

namespace cs {

const std::vector<std::string>& activationNames() {
    static const std::vector<std::string> names{"linear", "relu", "sigmoid", "tanh", "softmax"};
    return names;
}

Activation activationFromName(const std::string& name) {
    if (name == "linear" || name.empty() || name == "None") return Activation::Linear;
    if (name == "relu") return Activation::Relu;
    if (name == "sigmoid") return Activation::Sigmoid;
    if (name == "tanh") return Activation::Tanh;
    if (name == "softmax") return Activation::Softmax;
    throw ConfigError(
        CS_TEXT("cs::Settings",
                "unknown activation '%1' (use linear, relu, sigmoid, tanh or softmax)")
            .arg(name));
}

std::string activationName(Activation a) { return activationNames()[size_t(a)]; }

void applyActivation(Activation a, float* x, long rows, int cols) {
    const long n = rows * cols;
    switch (a) {
    case Activation::Linear:
        return;
    case Activation::Relu:
        activeKernels().reluForward(x, n);
        return;
    case Activation::Sigmoid:
        for (long i = 0; i < n; ++i) x[i] = 1.0f / (1.0f + std::exp(-x[i]));
        return;
    case Activation::Tanh:
        for (long i = 0; i < n; ++i) x[i] = std::tanh(x[i]);
        return;
    case Activation::Softmax:
        for (long r = 0; r < rows; ++r) {
            float* row = x + r * cols;
            // Subtracting the maximum keeps exp() finite for any logits.
            float m = *std::max_element(row, row + cols);
            float sum = 0.0f;
            for (int c = 0; c < cols; ++c) sum += (row[c] = std::exp(row[c] - m));
            float inv = 1.0f / sum;
            for (int c = 0; c < cols; ++c) row[c] *= inv;
        }
        return;
    }
}

void activationBackward(Activation a, const float* y, float* dy, long rows, int cols) {
    const long n = rows * cols;
    switch (a) {
    case Activation::Linear:
        return;
    case Activation::Relu:
        activeKernels().reluBackward(y, dy, n);
        return;
    case Activation::Sigmoid:
        for (long i = 0; i < n; ++i) dy[i] *= y[i] * (1.0f - y[i]);
        return;
    case Activation::Tanh:
        for (long i = 0; i < n; ++i) dy[i] *= 1.0f - y[i] * y[i];
        return;
    case Activation::Softmax:
        for (long r = 0; r < rows; ++r) {
            const float* yr = y + r * cols;
            float* dr = dy + r * cols;
            float dot = 0.0f;
            for (int c = 0; c < cols; ++c) dot += dr[c] * yr[c];
            for (int c = 0; c < cols; ++c) dr[c] = yr[c] * (dr[c] - dot);
        }
        return;
    }
}

} // namespace cs
