// Conv2D: a 2-D convolution (cross-correlation, as in every CNN library) over
// NHWC input, with Keras' attributes: filters, kernel_size, strides, padding
// (valid/same, TensorFlow placement), activation, use_bias and an L2
// kernel_regularizer. Kernel layout is Keras's [kh, kw, in, out].
//
// Computed, by what fits the shapes (core/kernels.h): 3x3 at stride 1 over 8+
// channels by Winograd's F(2x2, 3x3); other windows over 8+ channels (or
// valid windows whose rows hold 8+ floats) by the direct kernel that reads the
// images in place; a few-channel forward (a grey first layer) by the same
// kernel on a copy of the images with their zero border; the rest (those
// layers' weight gradients, kw = 1) as im2col + one GEMM per block of images.
// The output lands in NHWC directly; bias and ReLU are fused into the same pass.
#pragma once

#include "engine/core/activation.h"
#include "engine/core/kernels/kernel_table.h"
#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"
#include "engine/layers/window_geometry.h"

namespace cs {

class Conv2D : public Layer {
public:
    explicit Conv2D(const Json& config);
    static LayerSpec spec();

    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    ParameterCount parameterCountFor(const std::vector<Shape>& inputs) const override;
    void prepareBatch(int batch, const RunContext& ctx) override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void beginBackward(const RunContext& ctx) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
    void endBackward(const RunContext& ctx) override;
    // Whether the forward runs as Winograd's F(2x2, 3x3) (after build): fewer
    // products than the direct count, which the benchmark's GFLOP/s are based on.
    bool forwardIsWinograd() const;

private:
    struct Geometry {
        WindowAxis y, x;
        int channels = 0;
        int patch = 0; // kh * kw * channels: one im2col row
    };
    struct Workspace {
        Tensor col, dcol;
        Tensor winograd; // winogradConvolution's blocks of tiles
        Tensor padded;   // images with their zero border (forwardPadsImages)
    };
    Geometry geometry(const Shape& input) const;
    bool isPointwise() const; // 1x1, stride 1: the input already is the im2col matrix
    int imagesPerBlock(int rowsPerImage) const;
    void im2col(const float* image, float* col) const;
    // The im2col rows of images [b, b + n) (the input itself for 1x1 kernels).
    const float* patches(const Tensor& in, int b, int n, Workspace& w) const;
    // Input gradient as a correlation (stride 1): dIn = im2col(dy, flipped
    // padding) x the kernel turned 180 degrees with in/out channels swapped.
    // One GEMM with K = kh*kw*filters straight into dIn, instead of a K = filters
    // product added into the pixels tile by tile (convolutionInputGradient).
    bool inputGradientAsCorrelation() const;
    void gradientIm2col(const float* dy, float* col) const;
    // Products read straight from the images by the convolution kernel
    // (core/kernels.h), no im2col matrix: `channels` per kernel position must
    // fill a vector for that to pay.
    static bool convolvesDirectly(int channels);
    // Windows that never leave the image sideways (valid padding): a window row's kw pixels
    // are kw*C contiguous floats, read by the forward and weight-gradient kernels as one
    // kernel position of kw*C channels (ConvGeometry::pixelChannels). A first layer's few
    // channels (RGB: 3) then fill a vector; with many channels the register tiles cover
    // kw*C rows (M2's 3x3 over 32 channels: 96 = 16 tiles of 6 on AVX2, not 3 x (5 tiles
    // of 6 + one of 2)) and the loops switch position a third as often. Measured
    // (`--layers M2`, 1 thread, AVX2): conv2d_1 forward 4.6 -> 4.3 ms, backward 11.7-12.2 ->
    // 10.8-10.9 ms per batch of 64.
    bool mergesWindowRows() const;
    bool windowRowsAreWhole() const;
    bool forwardIsDirect() const;
    // Few channels (a grey or RGB first layer that is not read in place): the forward
    // reads window rows of kw*C floats from a copy of the images with their zero
    // border, instead of writing and reading back kh*kw*C floats per output pixel.
    bool forwardPadsImages() const;
    kernels::ConvGeometry paddedGeometry() const;
    const float* paddedImages(const Tensor& in, int b, int n, Workspace& w) const;
    // mergeRows: as the forward and weight gradient read the image (mergesWindowRows).
    kernels::ConvGeometry forwardGeometry(bool mergeRows) const;
    kernels::ConvGeometry correlationGeometry() const; // dy with the turned kernel -> dIn
    // 3x3 at stride 1 over channels that fill a vector: Winograd's F(2x2, 3x3)
    // (core/winograd.h), 16 products per channel and filter for 4 outputs
    // instead of 36. The forward, and the input gradient where it is a
    // correlation (then over the filters).
    static bool winogradApplies(int kh, int kw, int sh, int sw, int channels, int filters);
    bool inputGradientIsWinograd() const;
    bool weightGradientIsWinograd() const;
    float* winogradScratch(Workspace& w, long floats) const;
    void sizeWorkspaces(const RunContext& ctx);

    Tensor flippedKernel_; // [kh*kw*filters, channels], rebuilt by beginBackward
    Tensor winogradKernel_, winogradFlipped_; // [16][C][F] and [16][F][C]
    Tensor winogradSource_;                    // the kernel winogradKernel_ was made from
    int filters_, kh_, kw_, sh_, sw_;
    bool same_, useBias_;
    Activation activation_;
    float l2_;
    Geometry g_;
    std::vector<Workspace> ws_;    // per chunk
    std::vector<GradientSums> sums_; // per chunk
};

} // namespace cs
