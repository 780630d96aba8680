#include "model_flops.h"

namespace bench {

ModelFlops countFlops(const cs::Model& model) {
    const std::vector<cs::Shape> shapes = model.inferShapes();
    ModelFlops f;
    bool firstWeighted = true;
    for (int k = 1; k < model.nodeCount(); ++k) {
        const cs::Layer& layer = model.layer(k);
        const cs::Shape& out = shapes[size_t(k)];
        const cs::Shape& in = shapes[size_t(model.inputsOf(k)[0])];
        double macs = 0;
        if (layer.className() == "Conv2D") {
            const auto& ks = cs::json::at(layer.config(), "kernel_size");
            macs = double(out[0]) * out[1] * out[2] * cs::json::asInt(ks[0]) *
                   cs::json::asInt(ks[1]) * in[2];
        } else if (layer.className() == "Dense") {
            macs = double(in[0]) * out[0];
        }
        if (macs == 0) continue;
        f.forward += 2 * macs;
        f.training += 2 * macs * (firstWeighted ? 2 : 3);
        firstWeighted = false;
    }
    return f;
}

} // namespace bench
