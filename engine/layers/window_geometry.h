// Output size and padding of a sliding window (convolution or pooling) along
// one axis, with TensorFlow's rules:
//   valid: out = floor((in - k) / s) + 1, no padding;
//   same:  out = ceil(in / s), total padding max((out-1)*s + k - in, 0), of
//          which the smaller half goes before and the odd row/column after.
#pragma once

#include <string>

namespace cs {

struct WindowAxis {
    int in = 0;
    int kernel = 1;
    int stride = 1;
    int out = 0;
    int padBefore = 0;
    int padAfter = 0;
};

// Returns out = 0 when a valid window does not fit (in < kernel).
WindowAxis windowAxis(int in, int kernel, int stride, bool samePadding);

bool isSamePadding(const std::string& padding); // "same" or "valid"

} // namespace cs
