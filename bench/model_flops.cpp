#include "bench/model_flops.h"

namespace bench {

std::vector<LayerFlops> countLayerFlops(const cs::Model& model) {
    const std::vector<cs::Shape> shapes = model.inferShapes();
    std::vector<LayerFlops> flops(size_t(model.nodeCount()));
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
        flops[size_t(k)].forward = 2 * macs;
        flops[size_t(k)].backward = 2 * macs * (firstWeighted ? 1 : 2);
        firstWeighted = false;
    }
    return flops;
}

ModelFlops countFlops(const cs::Model& model) {
    ModelFlops f;
    for (const LayerFlops& l : countLayerFlops(model)) {
        f.forward += l.forward;
        f.training += l.forward + l.backward;
    }
    return f;
}

} // namespace bench
