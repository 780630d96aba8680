// Pooling2D: what MaxPooling2D and AveragePooling2D share — Keras's
// pool_size, strides (None = pool_size) and padding, and the window geometry.
// Windows are per channel; padded positions never count (TensorFlow's rule:
// max ignores them, average divides by the number of real values).
#pragma once

#include "engine/core/kernels/kernel_table.h"
#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"
#include "engine/layers/window_geometry.h"

namespace cs {

class Pooling2D : public Layer {
public:
    Pooling2D(std::string className, const Json& config);
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;

protected:
    static std::vector<AttributeSpec> attributes();
    static std::vector<SummaryPart> summaryParts(); // "2×2 · stride 1×1 · valid"
    struct Geometry {
        WindowAxis y, x;
        int channels = 0;
    };
    Geometry geometry(const Shape& input) const;
    // g_ as the pooling kernels (core/kernels.h) take it.
    kernels::PoolGeometry kernelGeometry() const;

    int ph_, pw_, sh_, sw_;
    bool same_;
    Geometry g_;
};

} // namespace cs
