#include "engine/inspect/class_scores.h"

#include <algorithm>
#include <numeric>

namespace cs {

std::vector<double> classProbabilities(const Tensor& output, int i) {
    const float* row = output.sample(i);
    const int64_t units = output.sampleSize();
    if (units == 1) return {1.0 - double(row[0]), double(row[0])};
    return std::vector<double>(row, row + units);
}

std::string className(const std::vector<std::string>& names, int index) {
    return index >= 0 && size_t(index) < names.size() ? names[size_t(index)] : "class " + std::to_string(index);
}

std::vector<ClassScore> topClasses(const std::vector<double>& probabilities,
                                   const std::vector<std::string>& names, int k) {
    std::vector<int> order(probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return probabilities[size_t(a)] > probabilities[size_t(b)];
    });
    order.resize(std::min(order.size(), size_t(std::max(k, 0))));
    std::vector<ClassScore> top;
    for (int c : order) {
        top.push_back({c, className(names, c), probabilities[size_t(c)]});
    }
    return top;
}

} // namespace cs
