#include "tests/engine/onnx_test_support.h"

#include "tests/engine/layer_test_support.h"

#include <cmath>
#include <limits>

namespace cs::test {

void randomizeWeights(Model& model, uint64_t seed) {
    for (Param* p : model.parameters()) {
        if (p->name == "kernel") continue; // build()'s glorot_uniform keeps activations in range
        if (p->name == "gamma") fillRandom(p->value, ++seed, 0.5f, 1.5f);
        else if (p->name == "moving_variance") fillRandom(p->value, ++seed, 0.5f, 2.0f);
        else fillRandom(p->value, ++seed, -0.2f, 0.2f);
    }
}

Tensor randomBatch(const Model& model, int n, uint64_t seed) {
    Tensor batch(model.inputShape().withBatch(n));
    fillRandom(batch, seed, 0.0f, 1.0f);
    return batch;
}

Tensor predict(Model& model, const Tensor& batch) {
    RunContext ctx;
    ctx.chunks = 2;
    return model.forward(batch, ctx);
}

double maxAbsDifference(const Tensor& a, const Tensor& b) {
    if (a.size() != b.size()) return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (int64_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(double(a[i]) - double(b[i]));
        if (std::isnan(d)) return d; // fails every <= check of the caller
        worst = std::max(worst, d);
    }
    return worst;
}

double spreadAcrossSamples(const Tensor& outputs) {
    double spread = 0;
    const int64_t per = outputs.sampleSize();
    for (int s = 1; s < outputs.shape()[0]; ++s)
        for (int64_t i = 0; i < per; ++i)
            spread = std::max(spread, std::fabs(double(outputs.sample(s)[i]) - double(outputs.sample(0)[i])));
    return spread;
}

} // namespace cs::test
