// Activation functions, applied in place to rows of a batch.
//
// Layers with an `activation` attribute (Conv2D, Dense, Activation) fuse it
// into their output pass. Derivatives are written in terms of the output y,
// so no pre-activation copy has to be kept for the backward pass.
#pragma once

#include <string>
#include <vector>

namespace cs {

enum class Activation { Linear, Relu, Sigmoid, Tanh, Softmax };

Activation activationFromName(const std::string& name); // throws ConfigError
std::string activationName(Activation a);
const std::vector<std::string>& activationNames();

// y = f(x) in place over rows x cols values (softmax normalises each row).
void applyActivation(Activation a, float* data, long rows, int cols);

// dy := dL/dx given the outputs y and dL/dy, in place.
void activationBackward(Activation a, const float* y, float* dy, long rows, int cols);

} // namespace cs
