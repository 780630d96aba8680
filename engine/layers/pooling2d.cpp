#include "engine/layers/pooling2d.h"

#include "engine/core/errors.h"

namespace cs {

std::vector<SummaryPart> Pooling2D::summaryParts() {
    return {{"pool_size"}, {"strides", CS_NOOP("cs::LayerSpec", "stride %1"), nullptr, "pool_size"}, {"padding"}};
}

std::vector<AttributeSpec> Pooling2D::attributes() {
    return {
        {"pool_size",
         AttributeType::IntPair,
         Json(std::vector<int>{2, 2}),
         1,
         64,
         {},
         CS_NOOP("cs::LayerSpec", "Height and width of the pooling window")},
        {"strides",
         AttributeType::IntPair,
         Json(),
         1,
         64,
         {},
         CS_NOOP("cs::LayerSpec", "Step between windows (None = pool_size)")},
        {"padding",
         AttributeType::Choice,
         "valid",
         0,
         0,
         {"valid", "same"},
         CS_NOOP("cs::LayerSpec",
                 "valid: drop incomplete windows; same: output = ceil(input / stride)")},
    };
}

Pooling2D::Pooling2D(std::string className, const Json& c)
    : Layer(std::move(className), c), ph_(json::asInt(json::at(c, "pool_size")[0])),
      pw_(json::asInt(json::at(c, "pool_size")[1])),
      sh_(json::at(c, "strides").is_null() ? ph_ : json::asInt(json::at(c, "strides")[0])),
      sw_(json::at(c, "strides").is_null() ? pw_ : json::asInt(json::at(c, "strides")[1])),
      same_(isSamePadding(json::asString(json::at(c, "padding")))) {}

Pooling2D::Geometry Pooling2D::geometry(const Shape& in) const {
    if (in.rank() != 3)
        throw ShapeError(CS_TEXT("cs::Layer", "needs an image input (height, width, channels), got "
                                              "%1: pooling must come before Flatten")
                             .arg(in.toString(true))
                             .about(layerLabel()));
    Geometry g;
    g.y = windowAxis(in[0], ph_, sh_, same_);
    g.x = windowAxis(in[1], pw_, sw_, same_);
    g.channels = in[2];
    if (g.y.out <= 0 || g.x.out <= 0)
        throw ShapeError(CS_TEXT("cs::Layer",
                                 "the %1x%2 window is larger than its %3x%4 input: use padding "
                                 "'same' or a smaller pool_size")
                             .arg(ph_)
                             .arg(pw_)
                             .arg(in[0])
                             .arg(in[1])
                             .about(layerLabel()));
    return g;
}

Shape Pooling2D::outputShape(const std::vector<Shape>& inputs) const {
    Geometry g = geometry(inputs.at(0));
    return {g.y.out, g.x.out, g.channels};
}

kernels::PoolGeometry Pooling2D::kernelGeometry() const {
    kernels::PoolGeometry k;
    k.inH = g_.y.in;
    k.inW = g_.x.in;
    k.channels = g_.channels;
    k.outH = g_.y.out;
    k.outW = g_.x.out;
    k.poolH = ph_;
    k.poolW = pw_;
    k.strideH = sh_;
    k.strideW = sw_;
    k.padTop = g_.y.padBefore;
    k.padLeft = g_.x.padBefore;
    return k;
}

void Pooling2D::build(const std::vector<Shape>& inputs, Rng&) { g_ = geometry(inputs.at(0)); }

} // namespace cs
