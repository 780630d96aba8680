#include "engine/layers/window_geometry.h"

#include "engine/core/errors.h"

#include <algorithm>

namespace cs {

WindowAxis windowAxis(int in, int kernel, int stride, bool same) {
    WindowAxis a;
    a.in = in;
    a.kernel = kernel;
    a.stride = stride;
    if (same) {
        a.out = (in + stride - 1) / stride;
        int total = std::max((a.out - 1) * stride + kernel - in, 0);
        a.padBefore = total / 2;
        a.padAfter = total - a.padBefore;
    } else {
        a.out = in >= kernel ? (in - kernel) / stride + 1 : 0;
    }
    return a;
}

bool isSamePadding(const std::string& padding) {
    if (padding == "same") return true;
    if (padding == "valid") return false;
    throw ConfigError(
        CS_TEXT("cs::Model", "unknown padding '%1' (use valid or same)").arg(padding));
}

} // namespace cs
