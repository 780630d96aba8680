// Shape and Tensor: the engine's float32 arrays.
//
// A Tensor is a contiguous, 64-byte aligned float32 buffer with a shape in
// NHWC order (batch, height, width, channels), like Keras. resize() keeps the
// allocation whenever it is large enough, so buffers made once at warm-up are
// reused by every training step (fresh pages are slow to touch on this kind of
// machine: allocation per step is what we avoid).
#pragma once

#include "engine/core/checks.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace cs {

class Shape {
public:
    Shape() = default;
    Shape(std::initializer_list<int> dims) : dims_(dims) {}
    explicit Shape(std::vector<int> dims) : dims_(std::move(dims)) {}

    int rank() const { return int(dims_.size()); }
    int operator[](int i) const { return dims_[size_t(i)]; }
    int& operator[](int i) { return dims_[size_t(i)]; }
    const std::vector<int>& dims() const { return dims_; }
    int64_t numel() const;
    // The same shape with a batch dimension in front.
    Shape withBatch(int batch) const;
    // The shape without its first (batch) dimension.
    Shape withoutBatch() const;
    // "(28, 28, 1)"; with batchNone, "(None, 28, 28, 1)" as Keras prints it.
    std::string toString(bool batchNone = false) const;

    bool operator==(const Shape& other) const = default;

private:
    std::vector<int> dims_;
};

class Tensor {
public:
    Tensor() = default;
    explicit Tensor(const Shape& shape) { resize(shape); }
    Tensor(const Tensor& other);
    Tensor& operator=(const Tensor& other);
    Tensor(Tensor&&) noexcept = default;
    Tensor& operator=(Tensor&&) noexcept = default;

    // Changes the shape; reallocates only when the capacity is too small.
    // Contents are unspecified after a resize that grows.
    void resize(const Shape& shape);
    void zero();
    void fill(float value);

    const Shape& shape() const { return shape_; }
    int64_t size() const { return size_; }
    float* data() { return data_.get(); }
    const float* data() const { return data_.get(); }
    float& operator[](int64_t i) {
        CS_PRECONDITION(i >= 0 && i < size_, "the index is inside the tensor");
        return data_.get()[i];
    }
    float operator[](int64_t i) const {
        CS_PRECONDITION(i >= 0 && i < size_, "the index is inside the tensor");
        return data_.get()[i];
    }
    // Size of one sample (product of all dimensions but the first).
    int64_t sampleSize() const { return shape_.rank() ? size_ / shape_[0] : 0; }
    // Sample i's first value; i == batch size gives the end of the data.
    float* sample(int i) {
        CS_PRECONDITION(shape_.rank() > 0 && i >= 0 && i <= shape_[0], "the sample is inside the batch");
        return data() + i * sampleSize();
    }
    const float* sample(int i) const {
        CS_PRECONDITION(shape_.rank() > 0 && i >= 0 && i <= shape_[0], "the sample is inside the batch");
        return data() + i * sampleSize();
    }
    size_t capacity() const { return capacity_; }

private:
    struct AlignedFree {
        void operator()(float* p) const;
    };
    Shape shape_;
    int64_t size_ = 0;
    size_t capacity_ = 0;
    std::unique_ptr<float[], AlignedFree> data_;
};

} // namespace cs
