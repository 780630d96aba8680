#include "engine/layers/batch_normalization.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

#include <cmath>

namespace cs {

LayerSpec BatchNormalization::spec() {
    LayerSpec s;
    s.className = "BatchNormalization";
    s.category = "normalisation";
    s.namePrefix = "batch_normalization";
    s.description = CS_NOOP("cs::LayerSpec",
                            "Normalises each channel to zero mean and unit variance over the "
                            "batch, then scales (gamma) and shifts (beta); steadies and speeds "
                            "up training.");
    s.attributes = {
        {"momentum",
         AttributeType::Float,
         0.99,
         0.0,
         1.0,
         {},
         CS_NOOP("cs::LayerSpec", "How slowly the moving mean/variance follow the batches")},
        {"epsilon",
         AttributeType::Float,
         1e-3,
         1e-12,
         1.0,
         {},
         CS_NOOP("cs::LayerSpec", "Added to the variance to avoid /0")},
    };
    s.summary = {{"momentum", CS_NOOP("cs::LayerSpec", "momentum %1")}};
    s.create = [](const Json& c) { return std::make_unique<BatchNormalization>(c); };
    return s;
}

BatchNormalization::BatchNormalization(const Json& c)
    : Layer("BatchNormalization", c), momentum_(float(json::asNumber(json::at(c, "momentum")))),
      epsilon_(float(json::asNumber(json::at(c, "epsilon")))) {}

Shape BatchNormalization::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.at(0).rank() < 1)
        throw ShapeError(CS_TEXT("cs::Layer", "needs an input").about(layerLabel()));
    return inputs[0];
}

void BatchNormalization::build(const std::vector<Shape>& inputs, Rng&) {
    const Shape& in = inputs.at(0);
    channels_ = in[in.rank() - 1];
    params_.clear();
    params_.reserve(4);
    addParam("gamma", {channels_}, true).value.fill(1.0f);
    addParam("beta", {channels_}, true);
    addParam("moving_mean", {channels_}, false);
    addParam("moving_variance", {channels_}, false).value.fill(1.0f);
}

Layer::ParameterCount
BatchNormalization::parameterCountFor(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    const int64_t channels = in[in.rank() - 1];
    return {4 * channels, trainable() ? 2 * channels : 0}; // the moving statistics do not train
}

void BatchNormalization::channelSums(int n, long rowsPerImage, const RunContext& ctx,
                                     const std::function<void(long, float*)>& add,
                                     std::vector<double>& out) {
    partial_.resize(size_t(ctx.chunks));
    forEachChunk(n, ctx.chunks, [&](int chunk, ChunkRange r) {
        std::vector<double>& acc = partial_[size_t(chunk)];
        acc.assign(size_t(channels_), 0.0);
        // Sum each image in float (vectorises), carry the total in double.
        std::vector<float> img(static_cast<size_t>(channels_));
        for (int i = r.begin; i < r.end; ++i) {
            std::fill(img.begin(), img.end(), 0.0f);
            for (long row = i * rowsPerImage; row < (i + 1) * rowsPerImage; ++row) add(row, img.data());
            for (int c = 0; c < channels_; ++c) acc[size_t(c)] += img[size_t(c)];
        }
    });
    out.assign(size_t(channels_), 0.0);
    for (int chunk = 0; chunk < ctx.chunks; ++chunk)
        for (int c = 0; c < channels_; ++c) out[size_t(c)] += partial_[size_t(chunk)][size_t(c)];
}

void BatchNormalization::forward(const std::vector<const Tensor*>& inputs, Tensor& out,
                                 const RunContext& ctx) {
    const Tensor& in = *inputs[0];
    const int N = in.shape()[0], C = channels_;
    const long rowsPerImage = long(in.sampleSize() / C);
    out.resize(in.shape());
    const float* gamma = params_[0].value.data();
    const float* beta = params_[1].value.data();
    float* movingMean = params_[2].value.data();
    float* movingVar = params_[3].value.data();
    invStd_.resize(size_t(C));
    usedBatchStats_ = ctx.training && trainable();

    std::vector<float> mean(static_cast<size_t>(C));
    if (usedBatchStats_) {
        const double count = double(N) * double(rowsPerImage);
        std::vector<double> sum;
        channelSums(N, rowsPerImage, ctx, [&](long row, float* acc) {
            const float* x = in.data() + row * C;
            for (int c = 0; c < C; ++c) acc[c] += x[c];
        }, sum);
        for (int c = 0; c < C; ++c) mean[size_t(c)] = float(sum[size_t(c)] / count);
        std::vector<double> sq;
        channelSums(N, rowsPerImage, ctx, [&](long row, float* acc) {
            const float* x = in.data() + row * C;
            for (int c = 0; c < C; ++c) {
                const float d = x[c] - mean[size_t(c)];
                acc[c] += d * d;
            }
        }, sq);
        for (int c = 0; c < C; ++c) {
            const float var = float(sq[size_t(c)] / count);
            invStd_[size_t(c)] = 1.0f / std::sqrt(var + epsilon_);
            movingMean[c] = movingMean[c] * momentum_ + mean[size_t(c)] * (1.0f - momentum_);
            movingVar[c] = movingVar[c] * momentum_ + var * (1.0f - momentum_);
        }
        xhat_.resize(in.shape());
    } else {
        for (int c = 0; c < C; ++c) {
            mean[size_t(c)] = movingMean[c];
            invStd_[size_t(c)] = 1.0f / std::sqrt(movingVar[c] + epsilon_);
        }
    }
    forEachChunk(N, ctx.chunks, [&](int, ChunkRange r) {
        for (long row = r.begin * rowsPerImage; row < r.end * rowsPerImage; ++row) {
            const float* x = in.data() + row * C;
            float* y = out.data() + row * C;
            float* xh = usedBatchStats_ ? xhat_.data() + row * C : nullptr;
            for (int c = 0; c < C; ++c) {
                const float h = (x[c] - mean[size_t(c)]) * invStd_[size_t(c)];
                if (xh) xh[c] = h;
                y[c] = gamma[c] * h + beta[c];
            }
        }
    });
}

void BatchNormalization::backward(const std::vector<const Tensor*>& inputs, const Tensor&,
                                  Tensor& dOut, const std::vector<Tensor*>& dInputs,
                                  const RunContext& ctx) {
    const Tensor& in = *inputs[0];
    const int N = in.shape()[0], C = channels_;
    const long rowsPerImage = long(in.sampleSize() / C);
    const float* gamma = params_[0].value.data();
    Tensor* dIn = dInputs[0];

    if (!usedBatchStats_) {
        // Frozen or inference-mode: an affine map per channel.
        if (dIn) {
            dIn->resize(in.shape());
            for (long row = 0; row < N * rowsPerImage; ++row)
                for (int c = 0; c < C; ++c)
                    (*dIn)[row * C + c] = dOut[row * C + c] * gamma[c] * invStd_[size_t(c)];
        }
        return;
    }
    std::vector<double> sumDy, sumDyXhat;
    channelSums(N, rowsPerImage, ctx, [&](long row, float* acc) {
        const float* g = dOut.data() + row * C;
        for (int c = 0; c < C; ++c) acc[c] += g[c];
    }, sumDy);
    channelSums(N, rowsPerImage, ctx, [&](long row, float* acc) {
        const float* g = dOut.data() + row * C;
        const float* h = xhat_.data() + row * C;
        for (int c = 0; c < C; ++c) acc[c] += g[c] * h[c];
    }, sumDyXhat);
    if (trainable()) {
        for (int c = 0; c < C; ++c) {
            params_[0].grad[c] = float(sumDyXhat[size_t(c)]);
            params_[1].grad[c] = float(sumDy[size_t(c)]);
        }
    }
    if (!dIn) return;
    dIn->resize(in.shape());
    const double count = double(N) * double(rowsPerImage);
    std::vector<float> meanDy(static_cast<size_t>(C)), meanDyXhat(static_cast<size_t>(C)), scale(static_cast<size_t>(C));
    for (int c = 0; c < C; ++c) {
        meanDy[size_t(c)] = float(sumDy[size_t(c)] / count);
        meanDyXhat[size_t(c)] = float(sumDyXhat[size_t(c)] / count);
        scale[size_t(c)] = gamma[c] * invStd_[size_t(c)];
    }
    forEachChunk(N, ctx.chunks, [&](int, ChunkRange r) {
        for (long row = r.begin * rowsPerImage; row < r.end * rowsPerImage; ++row) {
            const float* g = dOut.data() + row * C;
            const float* h = xhat_.data() + row * C;
            float* d = dIn->data() + row * C;
            for (int c = 0; c < C; ++c)
                d[c] = scale[size_t(c)] *
                       (g[c] - meanDy[size_t(c)] - h[c] * meanDyXhat[size_t(c)]);
        }
    });
}

} // namespace cs
