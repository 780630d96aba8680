#include "engine/layers/conv2d.h"

#include "engine/core/errors.h"
#include "engine/core/gemm.h"
#include "engine/core/kernels.h"
#include "engine/core/parallel.h"
#include "engine/core/winograd.h"

#include <algorithm>
#include <cstring>

namespace cs {

namespace {
// im2col blocks of about 2 MB stay in the L2/L3 caches while the GEMM reads them.
constexpr long kColBlockFloats = 512 * 1024;
// Channels per kernel position from which the convolution kernel reads the
// images directly (fewer: a short run per position, im2col + GEMM is faster).
constexpr int kDirectMinChannels = 8;
// Output pixels from which a Winograd layer's weight gradient runs as Winograd too.
constexpr long kWinogradGradientMinPixels = 64;
// Channel-filter pairs up to which a 3x3 layer runs as Winograd: 1024 x 1024, a
// 36 MB kernel whose transform takes 64 MB.
constexpr long kWinogradMaxKernelPairs = 1024L * 1024;
} // namespace

LayerSpec Conv2D::spec() {
    LayerSpec s;
    s.className = "Conv2D";
    s.category = "convolution";
    s.namePrefix = "conv2d";
    s.description =
        CS_NOOP("cs::LayerSpec",
                "Slides learned kernels over the image; each filter gives one feature map.");
    s.attributes = {
        {"filters",
         AttributeType::Int,
         32,
         1,
         4096,
         {},
         CS_NOOP("cs::LayerSpec", "Number of kernels, i.e. output channels")},
        {"kernel_size",
         AttributeType::IntPair,
         Json(std::vector<int>{3, 3}),
         1,
         64,
         {},
         CS_NOOP("cs::LayerSpec", "Height and width of each kernel")},
        {"strides",
         AttributeType::IntPair,
         Json(std::vector<int>{1, 1}),
         1,
         64,
         {},
         CS_NOOP("cs::LayerSpec", "Step of the kernel between positions")},
        {"padding",
         AttributeType::Choice,
         "valid",
         0,
         0,
         {"valid", "same"},
         CS_NOOP(
             "cs::LayerSpec",
             "valid: no border, output shrinks; same: zero border, output = ceil(input / stride)")},
        {"activation", AttributeType::Choice, "linear", 0, 0, activationNames(),
         CS_NOOP("cs::LayerSpec", "Function applied to every output value")},
        {"use_bias",
         AttributeType::Bool,
         true,
         0,
         0,
         {},
         CS_NOOP("cs::LayerSpec", "Add a learned bias per filter")},
        {"kernel_regularizer",
         AttributeType::Float,
         0.0,
         0,
         10,
         {},
         CS_NOOP("cs::LayerSpec", "L2 factor: adds factor * sum(kernel^2) to the loss (0 = none)")},
    };
    s.summary = {{"filters", CS_NOOP("cs::LayerSpec", "%1 filters")},
                 {"kernel_size"},
                 {"strides", CS_NOOP("cs::LayerSpec", "stride %1"), Json(std::vector<int>{1, 1})},
                 {"padding"},
                 {"activation", "", "linear"}};
    s.create = [](const Json& c) { return std::make_unique<Conv2D>(c); };
    return s;
}

Conv2D::Conv2D(const Json& c)
    : Layer("Conv2D", c), filters_(json::asInt(json::at(c, "filters"))),
      kh_(json::asInt(json::at(c, "kernel_size")[0])),
      kw_(json::asInt(json::at(c, "kernel_size")[1])), sh_(json::asInt(json::at(c, "strides")[0])),
      sw_(json::asInt(json::at(c, "strides")[1])),
      same_(isSamePadding(json::asString(json::at(c, "padding")))),
      useBias_(json::asBool(json::at(c, "use_bias"))),
      activation_(activationFromName(json::asString(json::at(c, "activation")))),
      l2_(float(json::asNumber(json::at(c, "kernel_regularizer")))) {}

Conv2D::Geometry Conv2D::geometry(const Shape& in) const {
    if (in.rank() != 3)
        throw ShapeError(
            (in.rank() == 1
                 ? CS_TEXT("cs::Layer", "needs an image input (height, width, channels), "
                                        "got %1: remove the Flatten or Dense before it")
                 : CS_TEXT("cs::Layer", "needs an image input (height, width, channels), got %1"))
                .arg(in.toString(true))
                .about(layerLabel()));
    Geometry g;
    g.y = windowAxis(in[0], kh_, sh_, same_);
    g.x = windowAxis(in[1], kw_, sw_, same_);
    g.channels = in[2];
    g.patch = kh_ * kw_ * in[2];
    if (g.y.out <= 0 || g.x.out <= 0)
        throw ShapeError(CS_TEXT("cs::Layer",
                                 "the %1x%2 kernel is larger than its %3x%4 input: use padding "
                                 "'same', a smaller kernel, or less pooling before it")
                             .arg(kh_)
                             .arg(kw_)
                             .arg(in[0])
                             .arg(in[1])
                             .about(layerLabel()));
    return g;
}

Shape Conv2D::outputShape(const std::vector<Shape>& inputs) const {
    Geometry g = geometry(inputs.at(0));
    return {g.y.out, g.x.out, filters_};
}

void Conv2D::build(const std::vector<Shape>& inputs, Rng& rng) {
    g_ = geometry(inputs.at(0));
    params_.clear();
    params_.reserve(2);
    Param& k = addParam("kernel", {kh_, kw_, g_.channels, filters_}, true);
    k.l2 = l2_;
    // Keras: fan_in = kh*kw*in, fan_out = kh*kw*out.
    glorotUniform(k.value, kh_ * kw_ * g_.channels, kh_ * kw_ * filters_, rng);
    if (useBias_) addParam("bias", {filters_}, true);
}

Layer::ParameterCount Conv2D::parameterCountFor(const std::vector<Shape>& inputs) const {
    const Geometry g = geometry(inputs.at(0));
    const int64_t n = int64_t(kh_) * kw_ * g.channels * filters_ + (useBias_ ? filters_ : 0);
    return {n, trainable() ? n : 0};
}

bool Conv2D::isPointwise() const {
    return kh_ == 1 && kw_ == 1 && sh_ == 1 && sw_ == 1;
}

int Conv2D::imagesPerBlock(int rowsPerImage) const {
    long perImage = long(rowsPerImage) * g_.patch;
    return int(std::max(1L, kColBlockFloats / std::max(1L, perImage)));
}

namespace {

// One row of kh*kw*C values per output pixel of a window sliding over an HWC
// image, zeros where the window leaves it: the forward's patches and (stride 1,
// mirrored padding) the input gradient's.
void windowRows(const float* image, int H, int W, int C, int kh, int kw, int sh, int sw, int padTop,
                int padLeft, int outH, int outW, float* col) {
    const int rowLen = kw * C, patch = kh * rowLen;
    for (int oy = 0; oy < outH; ++oy) {
        for (int ox = 0; ox < outW; ++ox) {
            float* row = col + (long(oy) * outW + ox) * patch;
            const int ix0 = ox * sw - padLeft;
            for (int ky = 0; ky < kh; ++ky) {
                float* dst = row + ky * rowLen;
                const int iy = oy * sh - padTop + ky;
                if (iy < 0 || iy >= H) {
                    std::memset(dst, 0, sizeof(float) * size_t(rowLen));
                    continue;
                }
                const float* src = image + (long(iy) * W) * C;
                if (ix0 >= 0 && ix0 + kw <= W) {
                    // Short rows (few channels) copy faster inline than through memcpy.
                    const float* from = src + long(ix0) * C;
                    if (rowLen <= 16)
                        for (int i = 0; i < rowLen; ++i) dst[i] = from[i];
                    else
                        std::memcpy(dst, from, sizeof(float) * size_t(rowLen));
                    continue;
                }
                for (int kx = 0; kx < kw; ++kx) {
                    const int ix = ix0 + kx;
                    if (ix < 0 || ix >= W) std::memset(dst + kx * C, 0, sizeof(float) * size_t(C));
                    else std::memcpy(dst + kx * C, src + long(ix) * C, sizeof(float) * size_t(C));
                }
            }
        }
    }
}

} // namespace

void Conv2D::im2col(const float* image, float* col) const {
    windowRows(image, g_.y.in, g_.x.in, g_.channels, kh_, kw_, sh_, sw_, g_.y.padBefore, g_.x.padBefore,
               g_.y.out, g_.x.out, col);
}

const float* Conv2D::patches(const Tensor& in, int b, int n, Workspace& w) const {
    if (isPointwise()) return in.sample(b);
    const long perImage = long(g_.y.out) * g_.x.out * g_.patch;
    w.col.resize({int(n * g_.y.out * g_.x.out), g_.patch});
    for (int i = 0; i < n; ++i) im2col(in.sample(b + i), w.col.data() + i * perImage);
    return w.col.data();
}

void Conv2D::sizeWorkspaces(const RunContext& ctx) {
    if (int(ws_.size()) < ctx.chunks) ws_.resize(size_t(ctx.chunks));
}

void Conv2D::prepareBatch(int, const RunContext& ctx) {
    sizeWorkspaces(ctx);
    if (!forwardIsWinograd()) return;
    // Transformed again only when the kernel changed since (training: every batch): at
    // batch 1 the transform would cost more than the convolution saves. Compared, not
    // tracked: weights are written by the optimizer, loaders, the editor, transfer learning.
    const Tensor& kernel = params_[0].value;
    const size_t bytes = sizeof(float) * size_t(kernel.size());
    if (winogradSource_.shape() == kernel.shape() &&
        std::memcmp(winogradSource_.data(), kernel.data(), bytes) == 0)
        return;
    winogradSource_.resize(kernel.shape());
    std::memcpy(winogradSource_.data(), kernel.data(), bytes);
    winogradKernel_.resize({16, g_.channels, filters_});
    winogradTransformKernel(kernel.data(), g_.channels, filters_, winogradKernel_.data());
}

bool Conv2D::winogradApplies(int kh, int kw, int sh, int sw, int channels, int filters) {
    // Its transformed kernel (and, per thread, its weight gradient's sums) take 16/9 of
    // the kernel's memory each: a very wide layer keeps the direct kernels.
    return kh == 3 && kw == 3 && sh == 1 && sw == 1 && convolvesDirectly(channels) &&
           long(channels) * filters <= kWinogradMaxKernelPairs;
}

bool Conv2D::forwardIsWinograd() const { return winogradApplies(kh_, kw_, sh_, sw_, g_.channels, filters_); }

bool Conv2D::weightGradientIsWinograd() const {
    // Measured (--layers M2, one thread, three alternated runs): on 13x13 outputs the
    // weight gradient is faster as Winograd (M2's conv2d_1 backward 9.2-10.2 -> 8.3-9.0
    // ms per batch), on 4x4 slower (its conv2d_2: 2.1-2.4 -> 2.6-2.7 ms): a few tiles
    // per image do not pay for the 16 products' sums and their fold onto the kernel.
    return forwardIsWinograd() && long(g_.y.out) * g_.x.out >= kWinogradGradientMinPixels;
}

bool Conv2D::inputGradientIsWinograd() const {
    return inputGradientAsCorrelation() && winogradApplies(kh_, kw_, 1, 1, filters_, g_.channels);
}

float* Conv2D::winogradScratch(Workspace& w, long floats) const {
    if (w.winograd.size() < floats) w.winograd.resize({int(floats)});
    return w.winograd.data();
}

bool Conv2D::convolvesDirectly(int channels) { return channels >= kDirectMinChannels; }

bool Conv2D::windowRowsAreWhole() const {
    return g_.x.padBefore == 0 && long(g_.x.out - 1) * sw_ + kw_ <= g_.x.in;
}

bool Conv2D::mergesWindowRows() const {
    return kw_ > 1 && convolvesDirectly(kw_ * g_.channels) && windowRowsAreWhole();
}

bool Conv2D::forwardPadsImages() const {
    return !isPointwise() && kw_ > 1 && !forwardIsDirect() && !forwardIsWinograd();
}

kernels::ConvGeometry Conv2D::paddedGeometry() const {
    kernels::ConvGeometry c = forwardGeometry(false);
    c.inH = g_.y.in + g_.y.padBefore + g_.y.padAfter;
    c.inW = g_.x.in + g_.x.padBefore + g_.x.padAfter;
    c.padTop = c.padLeft = 0;
    c.pixelChannels = g_.channels;
    c.channels = kw_ * g_.channels;
    c.kernelW = 1;
    return c;
}

const float* Conv2D::paddedImages(const Tensor& in, int b, int n, Workspace& w) const {
    const int H = g_.y.in, W = g_.x.in, C = g_.channels;
    const kernels::ConvGeometry pg = paddedGeometry();
    if (pg.inH == H && pg.inW == W) return in.sample(b);
    const long rowFloats = long(pg.inW) * C, imageFloats = long(pg.inH) * rowFloats;
    w.padded.resize({int(n * imageFloats)});
    float* out = w.padded.data();
    for (int i = 0; i < n; ++i, out += imageFloats) {
        std::memset(out, 0, sizeof(float) * size_t(g_.y.padBefore * rowFloats));
        const float* src = in.sample(b + i);
        for (int y = 0; y < H; ++y) {
            float* row = out + (long(y) + g_.y.padBefore) * rowFloats;
            std::memset(row, 0, sizeof(float) * size_t(g_.x.padBefore * C));
            std::memcpy(row + long(g_.x.padBefore) * C, src + long(y) * W * C, sizeof(float) * size_t(W * C));
            std::memset(row + long(g_.x.padBefore + W) * C, 0, sizeof(float) * size_t(g_.x.padAfter * C));
        }
        std::memset(out + (long(H) + g_.y.padBefore) * rowFloats, 0, sizeof(float) * size_t(g_.y.padAfter * rowFloats));
    }
    return w.padded.data();
}

bool Conv2D::forwardIsDirect() const {
    return !isPointwise() && (convolvesDirectly(g_.channels) || mergesWindowRows());
}

kernels::ConvGeometry Conv2D::forwardGeometry(bool mergeRows) const {
    kernels::ConvGeometry c;
    c.inH = g_.y.in;
    c.inW = g_.x.in;
    c.channels = g_.channels;
    c.outH = g_.y.out;
    c.outW = g_.x.out;
    c.filters = filters_;
    c.kernelH = kh_;
    c.kernelW = kw_;
    c.strideH = sh_;
    c.strideW = sw_;
    c.padTop = g_.y.padBefore;
    c.padLeft = g_.x.padBefore;
    if (mergeRows && mergesWindowRows()) {
        // A window row of kw pixels is kw*C contiguous floats (no left padding, never cut by
        // the image's sides): read as one position of kw*C channels.
        c.pixelChannels = g_.channels;
        c.channels = kw_ * g_.channels;
        c.kernelW = 1;
    }
    return c;
}

kernels::ConvGeometry Conv2D::correlationGeometry() const {
    // As gradientIm2col: a stride-1 window over dy padded by k - 1 - padBefore.
    kernels::ConvGeometry c;
    c.inH = g_.y.out;
    c.inW = g_.x.out;
    c.channels = filters_;
    c.outH = g_.y.in;
    c.outW = g_.x.in;
    c.filters = g_.channels;
    c.kernelH = kh_;
    c.kernelW = kw_;
    c.padTop = kh_ - 1 - g_.y.padBefore;
    c.padLeft = kw_ - 1 - g_.x.padBefore;
    return c;
}

void Conv2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int chunk,
                          ChunkRange r) {
    const Tensor& in = *inputs[0];
    const int rowsPerImage = g_.y.out * g_.x.out;
    const float* kernel = params_[0].value.data();
    const float* bias = useBias_ ? params_[1].value.data() : nullptr;
    const int block = imagesPerBlock(rowsPerImage);
    Workspace& w = ws_[size_t(chunk)];
    const bool direct = forwardIsDirect(), padsImages = forwardPadsImages();
    const kernels::ConvGeometry geometry = forwardGeometry(true), padded = paddedGeometry();
    if (forwardIsWinograd()) {
        // The kernel blocks the range's tiles itself.
        float* o = out.sample(r.begin);
        activeKernels().winogradConvolution(forwardGeometry(false), in.sample(r.begin), r.size(),
                                            winogradKernel_.data(), bias, activation_ == Activation::Relu, o,
                                            winogradScratch(w, winogradScratchFloats(g_.channels, filters_)),
                                            w.winograd.size());
        if (activation_ != Activation::Relu) applyActivation(activation_, o, r.size() * rowsPerImage, filters_);
        return;
    }
    for (int b = r.begin; b < r.end; b += block) {
        const int n = std::min(block, r.end - b);
        const int rows = n * rowsPerImage;
        float* o = out.sample(b);
        if (padsImages) {
            activeKernels().convolution(padded, paddedImages(in, b, n, w), n, kernel, bias,
                                        activation_ == Activation::Relu, o);
            if (activation_ != Activation::Relu) applyActivation(activation_, o, rows, filters_);
            continue;
        }
        if (direct) {
            activeKernels().convolution(geometry, in.sample(b), n, kernel, bias, activation_ == Activation::Relu, o);
            if (activation_ != Activation::Relu) applyActivation(activation_, o, rows, filters_);
            continue;
        }
        const float* col = patches(in, b, n, w);
        gemmBiasActivation(rows, filters_, g_.patch, col, g_.patch, kernel, filters_, bias, activation_, o,
                           filters_);
    }
}

void Conv2D::beginBackward(const RunContext& ctx) {
    sizeWorkspaces(ctx);
    beginGradientSums(sums_, ctx.chunks);
    if (inputGradientAsCorrelation()) {
        const int C = g_.channels, F = filters_;
        flippedKernel_.resize({kh_ * kw_ * F, C});
        const float* w = params_[0].value.data(); // [kh][kw][C][F]
        for (int ky = 0; ky < kh_; ++ky)
            for (int kx = 0; kx < kw_; ++kx)
                for (int f = 0; f < F; ++f)
                    for (int c = 0; c < C; ++c)
                        flippedKernel_[((long(ky) * kw_ + kx) * F + f) * C + c] =
                            w[((long(kh_ - 1 - ky) * kw_ + (kw_ - 1 - kx)) * C + c) * F + f];
        if (inputGradientIsWinograd()) { // the turned kernel maps F channels to C
            winogradFlipped_.resize({16, F, C});
            winogradTransformKernel(flippedKernel_.data(), F, C, winogradFlipped_.data());
        }
    }
}

bool Conv2D::inputGradientAsCorrelation() const {
    // With valid padding the correlation covers more pixels (the input's) than
    // the outputs the GEMM + col2im path folds back; measured (`--layers M1`,
    // M2, M4) it wins clearly for 'same' padding (M1's second convolution:
    // backward 11.8 -> 10.4 ms per batch) and is even within 5% more rows; at
    // 33-40% more (M2's and M3's valid 3x3 on 15x15 and 13x13) it loses
    // (backward 9.6 -> 11.2 and 7.6 -> 8.1 ms). As Winograd's F(2x2, 3x3)
    // (2.25 times fewer products) it wins up to half more rows (M2's conv2d_1,
    // 15x15 from 13x13: backward 10.2-10.6 -> 9.3-9.5 ms), not at 2.25 times
    // (its conv2d_2, 6x6 from 4x4: 2.1 -> 2.2 ms).
    if (sh_ != 1 || sw_ != 1 || isPointwise()) return false;
    const long rowsIn = long(g_.y.in) * g_.x.in, rowsOut = long(g_.y.out) * g_.x.out;
    if (winogradApplies(kh_, kw_, 1, 1, filters_, g_.channels)) return rowsIn * 2 <= rowsOut * 3;
    return rowsIn * 20 <= rowsOut * 21;
}

void Conv2D::gradientIm2col(const float* dy, float* col) const {
    // dIn[i] collects dy[i - ky + padBefore] * w[ky]: with the kernel turned, a
    // stride-1 window over dy padded by k - 1 - padBefore.
    windowRows(dy, g_.y.out, g_.x.out, filters_, kh_, kw_, 1, 1, kh_ - 1 - g_.y.padBefore,
               kw_ - 1 - g_.x.padBefore, g_.y.in, g_.x.in, col);
}

void Conv2D::backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& out, Tensor& dOut,
                           const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk, ChunkRange r) {
    const Tensor& in = *inputs[0];
    Tensor* dIn = dInputs[0];
    const int rowsPerImage = g_.y.out * g_.x.out;
    const bool wantGrads = trainable();
    const int block = imagesPerBlock(rowsPerImage);
    const float* kernel = params_[0].value.data();
    Workspace& w = ws_[size_t(chunk)];
    GradientSums& sums = sums_[size_t(chunk)];
    const bool direct = forwardIsDirect();
    const kernels::ConvGeometry geometry = forwardGeometry(true);
    // Everything per block of images, so the block's gradient stays in cache
    // from the activation derivative through the bias sum to both products.
    for (int b = r.begin; b < r.end; b += block) {
        const int n = std::min(block, r.end - b);
        const int rows = n * rowsPerImage;
        float* dyBlock = dOut.sample(b);
        const bool derivative = !ctx.lossGradientIsPreActivation && activation_ != Activation::Linear;
        const bool biasSums = wantGrads && useBias_;
        if (derivative && biasSums && activation_ == Activation::Relu) { // one pass over dy, not two
            activeKernels().reluBackwardColumnSums(out.sample(b), dyBlock, rows, filters_, sums.dBias.data());
        } else {
            if (derivative) activationBackward(activation_, out.sample(b), dyBlock, rows, filters_);
            if (biasSums) activeKernels().addColumnSums(dyBlock, rows, filters_, sums.dBias.data());
        }
        if (wantGrads && weightGradientIsWinograd()) {
            activeKernels().winogradWeightGradient(
                forwardGeometry(false), in.sample(b), n, dyBlock, sums.dKernel.data(),
                winogradScratch(w, winogradWeightGradientScratchFloats(g_.channels, filters_)), w.winograd.size());
        } else if (wantGrads && direct) {
            activeKernels().convolutionWeightGradient(geometry, in.sample(b), n, dyBlock, sums.dKernel.data());
        } else if (wantGrads) {
            const float* col = patches(in, b, n, w);
            gemm(true, false, g_.patch, filters_, rows, 1.0f, col, g_.patch, dyBlock, filters_, 1.0f,
                 sums.dKernel.data(), filters_);
        }
        if (!dIn) continue;
        if (isPointwise()) {
            gemm(false, true, rows, g_.channels, filters_, 1.0f, dyBlock, filters_, kernel, filters_, 0.0f,
                 dIn->sample(b), g_.channels);
        } else if (inputGradientIsWinograd()) {
            activeKernels().winogradConvolution(correlationGeometry(), dyBlock, n, winogradFlipped_.data(), nullptr,
                                                false, dIn->sample(b),
                                                winogradScratch(w, winogradScratchFloats(filters_, g_.channels)),
                                                w.winograd.size());
        } else if (inputGradientAsCorrelation() && convolvesDirectly(filters_)) {
            activeKernels().convolution(correlationGeometry(), dyBlock, n, flippedKernel_.data(), nullptr, false,
                                        dIn->sample(b));
        } else if (inputGradientAsCorrelation()) {
            const int rowsIn = g_.y.in * g_.x.in, patch = kh_ * kw_ * filters_;
            w.dcol.resize({n * rowsIn, patch});
            for (int i = 0; i < n; ++i)
                gradientIm2col(dOut.sample(b + i), w.dcol.data() + long(i) * rowsIn * patch);
            gemm(false, false, n * rowsIn, g_.channels, patch, 1.0f, w.dcol.data(), patch,
                 flippedKernel_.data(), g_.channels, 0.0f, dIn->sample(b), g_.channels);
        } else {
            // Each register tile of dy x kernel^T added straight into the pixels
            // it belongs to: no patch-sized buffer written and folded back.
            activeKernels().convolutionInputGradient(forwardGeometry(false), dyBlock, n, kernel, dIn->sample(b));
        }
    }
}

void Conv2D::endBackward(const RunContext& ctx) { endGradientSums(sums_, ctx.chunks); }

} // namespace cs
