// MaxPooling2D: the largest value of each window, per channel. The position
// of each maximum is kept so backward routes the gradient to it alone.
#pragma once

#include "layers/pooling2d.h"

namespace cs {

class MaxPooling2D : public Pooling2D {
public:
    explicit MaxPooling2D(const json::Value& config) : Pooling2D("MaxPooling2D", config) {}
    static LayerSpec spec();
    void forward(const std::vector<const Tensor*>& inputs, Tensor& output,
                 const RunContext& ctx) override;
    void backward(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                  const std::vector<Tensor*>& dInputs, const RunContext& ctx) override;

private:
    std::vector<int32_t> argmax_; // per output value: offset of the max inside its input image
};

} // namespace cs
