#include "engine/core/tensor.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace cs {

int64_t Shape::numel() const {
    int64_t n = 1;
    for (int d : dims_) n *= d;
    return n;
}

Shape Shape::withBatch(int batch) const {
    std::vector<int> dims{batch};
    dims.insert(dims.end(), dims_.begin(), dims_.end());
    return Shape(std::move(dims));
}

Shape Shape::withoutBatch() const {
    if (dims_.empty()) return {};
    return Shape(std::vector<int>(dims_.begin() + 1, dims_.end()));
}

std::string Shape::toString(bool batchNone) const {
    std::string s = "(";
    bool first = true;
    if (batchNone) {
        s += "None";
        first = false;
    }
    for (int d : dims_) {
        if (!first) s += ", ";
        s += std::to_string(d);
        first = false;
    }
    if (dims_.size() == 1 && !batchNone) s += ",";
    return s + ")";
}

void Tensor::AlignedFree::operator()(float* p) const { std::free(p); }

Tensor::Tensor(const Tensor& other) { *this = other; }

Tensor& Tensor::operator=(const Tensor& other) {
    if (this == &other) return *this;
    if (!other.data_) { // a default-constructed tensor holds nothing, not a scalar
        shape_ = other.shape_;
        size_ = 0;
        return *this;
    }
    resize(other.shape_);
    if (size_) std::memcpy(data(), other.data(), size_t(size_) * sizeof(float));
    return *this;
}

void Tensor::resize(const Shape& shape) {
    for (int d : shape.dims())
        if (d < 0) throw ShapeError("negative tensor dimension in " + shape.toString());
    int64_t n = shape.numel();
    if (size_t(n) > capacity_) {
        // Round up to whole cache lines so that aligned_alloc's size rule holds.
        size_t bytes = (size_t(n) * sizeof(float) + 63) / 64 * 64;
        auto* p = static_cast<float*>(std::aligned_alloc(64, bytes));
        if (!p) throw std::bad_alloc();
        data_.reset(p);
        capacity_ = bytes / sizeof(float);
    }
    shape_ = shape;
    size_ = n;
}

void Tensor::zero() {
    if (size_) std::memset(data(), 0, size_t(size_) * sizeof(float));
}

void Tensor::fill(float value) { std::fill(data(), data() + size_, value); }

} // namespace cs
