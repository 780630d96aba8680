#include "engine/interop/onnx_layout.h"

namespace cs::onnx_layout {

std::vector<float> convKernelToOihw(const Tensor& kernel) {
    const Shape& s = kernel.shape();
    const int kh = s[0], kw = s[1], in = s[2], out = s[3];
    std::vector<float> oihw(size_t(kernel.size()));
    for (int y = 0; y < kh; ++y)
        for (int x = 0; x < kw; ++x)
            for (int i = 0; i < in; ++i)
                for (int o = 0; o < out; ++o)
                    oihw[((size_t(o) * in + i) * kh + y) * kw + x] = kernel[((int64_t(y) * kw + x) * in + i) * out + o];
    return oihw;
}

Tensor convKernelFromOihw(const float* oihw, int out, int in, int kh, int kw) {
    Tensor kernel(Shape{kh, kw, in, out});
    for (int y = 0; y < kh; ++y)
        for (int x = 0; x < kw; ++x)
            for (int i = 0; i < in; ++i)
                for (int o = 0; o < out; ++o)
                    kernel[((int64_t(y) * kw + x) * in + i) * out + o] = oihw[((size_t(o) * in + i) * kh + y) * kw + x];
    return kernel;
}

int64_t flatPositionChw(int64_t hwc, int h, int w, int c) {
    const int64_t channel = hwc % c;
    const int64_t pixel = hwc / c; // y * w + x
    return channel * int64_t(h) * w + pixel;
}

namespace {
// Row of the ONNX-side kernel that holds our input row r.
int64_t onnxRow(int64_t r, const Shape& image) {
    return image.rank() == 3 ? flatPositionChw(r, image[0], image[1], image[2]) : r;
}
} // namespace

std::vector<float> denseKernelToGemm(const Tensor& kernel, const Shape& image) {
    const int in = kernel.shape()[0], units = kernel.shape()[1];
    std::vector<float> b(size_t(kernel.size()));
    for (int r = 0; r < in; ++r) {
        const int64_t col = onnxRow(r, image);
        for (int u = 0; u < units; ++u) b[size_t(u) * in + size_t(col)] = kernel[int64_t(r) * units + u];
    }
    return b;
}

std::vector<float> denseKernelToMatMul(const Tensor& kernel, const Shape& image) {
    const int in = kernel.shape()[0], units = kernel.shape()[1];
    std::vector<float> b(size_t(kernel.size()));
    for (int r = 0; r < in; ++r) {
        const int64_t row = onnxRow(r, image);
        for (int u = 0; u < units; ++u) b[size_t(row) * units + size_t(u)] = kernel[int64_t(r) * units + u];
    }
    return b;
}

Tensor denseKernelFromOnnx(const float* b, int in, int units, bool transposed, const Shape& image) {
    Tensor kernel(Shape{in, units});
    for (int r = 0; r < in; ++r) {
        const int64_t src = onnxRow(r, image);
        for (int u = 0; u < units; ++u)
            kernel[int64_t(r) * units + u] = transposed ? b[size_t(u) * in + size_t(src)] : b[size_t(src) * units + size_t(u)];
    }
    return kernel;
}

} // namespace cs::onnx_layout
