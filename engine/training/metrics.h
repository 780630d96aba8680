// Classification metrics: accuracy, the confusion matrix, and per-class
// precision / recall / F1 with their macro averages (scikit-learn's
// classification_report, which the course uses).
#pragma once

#include "engine/core/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// Predicted class of each row: argmax, or p > 0.5 for a single sigmoid unit.
std::vector<int32_t> predictedClasses(const Tensor& predictions);

struct ClassMetrics {
    double precision = 0, recall = 0, f1 = 0;
    int64_t support = 0; // images whose true class this is
};

struct ConfusionMatrix {
    int classes = 0;
    std::vector<int64_t> counts; // [true][predicted], row-major

    explicit ConfusionMatrix(int classCount = 0)
        : classes(classCount), counts(size_t(classCount) * size_t(classCount), 0) {}
    void add(int32_t truth, int32_t predicted) { ++counts[size_t(truth) * size_t(classes) + size_t(predicted)]; }
    int64_t at(int truth, int predicted) const { return counts[size_t(truth) * size_t(classes) + size_t(predicted)]; }
    int64_t total() const;
    double accuracy() const;
    std::vector<ClassMetrics> perClass() const;
    ClassMetrics macroAverage() const;
    // A text table with class names, as `convstudio-cli evaluate` prints it.
    std::string reportText(const std::vector<std::string>& classNames) const;
    std::string matrixText(const std::vector<std::string>& classNames) const;
};

} // namespace cs
