#include "tests/engine/layer_test_support.h"

#include "tests/engine/op_coverage.h"

#include "engine/core/random.h"
#include "engine/layers/layer_registry.h"
#include "engine/training/loss.h"

#include <algorithm>
#include <cmath>

namespace cs::test {

std::unique_ptr<Layer> makeLayer(const std::string& className, const std::string& configJson) {
    return createLayer(className, json::parse(configJson));
}

Model modelFromJson(const std::string& text) {
    return Model::fromJson(json::parse(text));
}

ImageSet darkOrBright(int count, uint64_t seed) {
    ImageSet s;
    s.height = s.width = 4;
    s.channels = 1;
    s.pixels.resize(size_t(count) * 16);
    Rng rng(seed);
    for (int i = 0; i < count; ++i) {
        const int label = i % 2;
        for (int p = 0; p < 16; ++p)
            s.image(i)[p] = uint8_t((label ? 160 : 0) + rng.below(90));
        s.labels.push_back(label);
    }
    return s;
}

void fillRandom(Tensor& t, uint64_t seed, float lo, float hi) {
    Rng rng(seed);
    for (int64_t i = 0; i < t.size(); ++i) t[i] = float(rng.uniform(lo, hi));
}

namespace {

// Indices to probe: all of them when few, else an even spread of ~maxCount.
std::vector<int64_t> probeIndices(int64_t size, int64_t maxCount = 60) {
    std::vector<int64_t> out;
    const int64_t step = size <= maxCount ? 1 : size / maxCount;
    for (int64_t i = 0; i < size; i += step) out.push_back(i);
    if (size > 0 && out.back() != size - 1) out.push_back(size - 1);
    return out;
}

void compare(GradientCheckResult& r, double numeric, double analytic, const std::string& where) {
    const double err = std::abs(numeric - analytic) / (1.0 + std::abs(numeric));
    ++r.checked;
    if (err > r.worstError) {
        r.worstError = err;
        r.worstWhere = where + " numeric " + std::to_string(numeric) + " analytic " + std::to_string(analytic);
    }
}

constexpr float kStep = 1e-3f;

// Values in [-1, 1) that differ pairwise by more than 2 * kStep, so a finite
// difference never swaps which value of a pooling window is the largest.
void fillDistinct(Tensor& t, uint64_t seed) {
    std::vector<int64_t> order(static_cast<size_t>(t.size()));
    for (size_t i = 0; i < order.size(); ++i) order[i] = int64_t(i);
    Rng rng(seed);
    rng.shuffle(order);
    const double spacing = 2.0 / double(std::max<int64_t>(t.size(), 1));
    for (int64_t i = 0; i < t.size(); ++i) t[i] = float(-1.0 + spacing * (double(order[size_t(i)]) + 0.5)); // never exactly 0 (ReLU kink)
}

} // namespace

GradientCheckResult checkLayerGradients(Layer& layer, const std::vector<Shape>& shapes, int batch,
                                        bool training, int chunks, uint64_t seed) {
    gradientCoverage().noteLayerType(layer.className());
    Rng rng(seed);
    layer.build(shapes, rng);
    // Non-zero biases/gammas so every parameter's gradient path is exercised.
    for (size_t p = 0; p < layer.params().size(); ++p)
        if (layer.params()[p].trainable) fillRandom(layer.params()[p].value, seed + 100 + p, -0.5f, 0.5f);
    std::vector<Tensor> inputs;
    for (size_t i = 0; i < shapes.size(); ++i) {
        inputs.emplace_back(shapes[i].withBatch(batch));
        fillDistinct(inputs.back(), seed + 1 + i);
    }
    std::vector<const Tensor*> in;
    for (auto& t : inputs) in.push_back(&t);
    RunContext ctx;
    ctx.training = training;
    ctx.chunks = chunks;
    ctx.seed = 3;
    ctx.step = 5;

    Tensor out;
    auto lossAt = [&]() {
        layer.forward(in, out, ctx);
        return out;
    };
    layer.forward(in, out, ctx);
    Tensor weights(out.shape());
    fillRandom(weights, seed + 50);
    auto loss = [&]() {
        Tensor o = lossAt();
        double s = 0;
        for (int64_t i = 0; i < o.size(); ++i) s += double(o[i]) * weights[i];
        for (const Param& p : layer.params()) // the kernel_regularizer's share of the loss
            for (int64_t i = 0; p.l2 > 0 && i < p.value.size(); ++i) s += double(p.l2) * p.value[i] * p.value[i];
        return s;
    };

    // Analytic gradients.
    layer.forward(in, out, ctx);
    Tensor dOut = weights;
    std::vector<Tensor> dInputs(inputs.size());
    std::vector<Tensor*> dIn;
    for (size_t i = 0; i < inputs.size(); ++i) {
        dInputs[i].resize(inputs[i].shape());
        dIn.push_back(&dInputs[i]);
    }
    layer.backward(in, out, dOut, dIn, ctx);
    std::vector<Tensor> paramGrads;
    for (Param& p : layer.params()) paramGrads.push_back(p.grad);

    GradientCheckResult r;
    for (size_t i = 0; i < inputs.size(); ++i)
        for (int64_t k : probeIndices(inputs[i].size())) {
            const float keep = inputs[i][k];
            inputs[i][k] = keep + kStep;
            const double plus = loss();
            inputs[i][k] = keep - kStep;
            const double minus = loss();
            inputs[i][k] = keep;
            compare(r, (plus - minus) / (2.0 * kStep), dInputs[i][k],
                    "input " + std::to_string(i) + "[" + std::to_string(k) + "]");
        }
    for (size_t p = 0; p < layer.params().size() && training; ++p) { // inference learns nothing
        Param& param = layer.params()[p];
        if (!param.trainable) continue;
        for (int64_t k : probeIndices(param.value.size())) {
            const float keep = param.value[k];
            param.value[k] = keep + kStep;
            const double plus = loss();
            param.value[k] = keep - kStep;
            const double minus = loss();
            param.value[k] = keep;
            compare(r, (plus - minus) / (2.0 * kStep), paramGrads[p][k],
                    param.name + "[" + std::to_string(k) + "]");
        }
    }
    return r;
}

GradientCheckResult checkModelGradients(Model& model, const std::string& lossName, int batch, int classes,
                                        int chunks, uint64_t seed) {
    gradientCoverage().noteModel(model);
    model.build(seed);
    Tensor input(model.inputShape().withBatch(batch));
    fillRandom(input, seed + 1);
    std::vector<int32_t> labels(static_cast<size_t>(batch));
    Rng rng(seed + 2);
    for (auto& l : labels) l = int32_t(rng.below(uint64_t(classes)));
    const Loss loss = lossFromName(lossName);
    RunContext ctx;
    ctx.training = true;
    ctx.chunks = chunks;
    ctx.seed = 1;
    auto lossValue = [&]() {
        const Tensor& out = model.forward(input, ctx);
        return computeLoss(loss, model.outputActivation(), out, labels.data(), nullptr).loss +
               model.regularizationLoss();
    };
    const Tensor& out = model.forward(input, ctx);
    Tensor grad;
    LossResult lr = computeLoss(loss, model.outputActivation(), out, labels.data(), &grad);
    model.backward(grad, ctx, lr.gradientIsPreActivation);
    GradientCheckResult r;
    for (int n = 0; n < model.nodeCount(); ++n) {
        Layer& layer = model.layer(n);
        for (Param& p : layer.params()) {
            if (!p.trainable) continue;
            const Tensor analytic = p.grad;
            for (int64_t k : probeIndices(p.value.size(), 25)) {
                const float keep = p.value[k];
                p.value[k] = keep + kStep;
                const double plus = lossValue();
                p.value[k] = keep - kStep;
                const double minus = lossValue();
                p.value[k] = keep;
                compare(r, (plus - minus) / (2.0 * kStep), analytic[k],
                        layer.name() + "." + p.name + "[" + std::to_string(k) + "]");
            }
        }
    }
    return r;
}

} // namespace cs::test
