// Weight layouts between ConvStudio and ONNX, shared by the ONNX exporter and
// importer (no protobuf here).
//
// ConvStudio keeps Keras's layouts: activations NHWC, a Conv2D kernel
// [kh, kw, in, out], a Dense kernel [in, units], and Flatten unrolls an image in
// H, W, C order. ONNX graphs (as PyTorch and OpenCV use them) are NCHW: a Conv
// weight is [out, in, kh, kw], Gemm's B with transB=1 is [units, in], and
// Flatten unrolls C, H, W. A Dense after a Flatten therefore sees its inputs in
// another order on each side: flatPositionChw() maps one to the other.
#pragma once

#include "engine/core/tensor.h"

#include <cstdint>
#include <vector>

namespace cs::onnx_layout {

// [kh, kw, in, out] -> [out, in, kh, kw], flat.
std::vector<float> convKernelToOihw(const Tensor& kernel);
// [out, in, kh, kw] (flat, as ONNX stores it) -> [kh, kw, in, out].
Tensor convKernelFromOihw(const float* oihw, int out, int in, int kh, int kw);

// Where the value at position `hwc` of an (h, w, c) image unrolled in H, W, C
// order lands when the same image is unrolled in C, H, W order.
int64_t flatPositionChw(int64_t hwc, int h, int w, int c);

// A Dense kernel [in, units] as Gemm's B with transB=1: [units, in]. When
// `image` has rank 3, the inputs arrive in C, H, W order (an ONNX Flatten of
// that image) and the columns are placed accordingly.
std::vector<float> denseKernelToGemm(const Tensor& kernel, const Shape& image);
// The same as MatMul's B: [in, units], rows placed for `image` as above.
std::vector<float> denseKernelToMatMul(const Tensor& kernel, const Shape& image);
// Gemm's B ([units, in] when transposed, else [in, units]) -> our [in, units],
// taking rows back from C, H, W order when `image` has rank 3.
Tensor denseKernelFromOnnx(const float* b, int in, int units, bool transposed, const Shape& image);

} // namespace cs::onnx_layout
