#include "engine/training/metrics.h"

#include <algorithm>
#include <cstdio>

namespace cs {

std::vector<int32_t> predictedClasses(const Tensor& pred) {
    const int n = pred.shape()[0];
    const int units = int(pred.sampleSize());
    std::vector<int32_t> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const float* p = pred.sample(i);
        out[size_t(i)] = units == 1 ? (p[0] > 0.5f ? 1 : 0) : int32_t(std::max_element(p, p + units) - p);
    }
    return out;
}

int64_t ConfusionMatrix::total() const {
    int64_t t = 0;
    for (int64_t c : counts) t += c;
    return t;
}

double ConfusionMatrix::accuracy() const {
    int64_t right = 0;
    for (int k = 0; k < classes; ++k) right += at(k, k);
    const int64_t t = total();
    return t ? double(right) / double(t) : 0.0;
}

std::vector<ClassMetrics> ConfusionMatrix::perClass() const {
    std::vector<ClassMetrics> out(static_cast<size_t>(classes));
    for (int k = 0; k < classes; ++k) {
        int64_t predicted = 0, actual = 0;
        for (int j = 0; j < classes; ++j) {
            predicted += at(j, k);
            actual += at(k, j);
        }
        ClassMetrics& m = out[size_t(k)];
        m.support = actual;
        m.precision = predicted ? double(at(k, k)) / double(predicted) : 0.0;
        m.recall = actual ? double(at(k, k)) / double(actual) : 0.0;
        m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
    }
    return out;
}

ClassMetrics ConfusionMatrix::macroAverage() const {
    ClassMetrics avg;
    auto per = perClass();
    for (auto& m : per) {
        avg.precision += m.precision;
        avg.recall += m.recall;
        avg.f1 += m.f1;
        avg.support += m.support;
    }
    if (!per.empty()) {
        avg.precision /= double(per.size());
        avg.recall /= double(per.size());
        avg.f1 /= double(per.size());
    }
    return avg;
}

namespace {
std::string className(const std::vector<std::string>& names, int k) {
    return size_t(k) < names.size() ? names[size_t(k)] : std::to_string(k);
}
} // namespace

std::string ConfusionMatrix::reportText(const std::vector<std::string>& names) const {
    size_t width = 12;
    for (int k = 0; k < classes; ++k) width = std::max(width, className(names, k).size() + 2);
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%*s %10s %10s %10s %10s\n", int(width), "", "precision",
                  "recall", "f1-score", "support");
    out += line;
    auto per = perClass();
    for (int k = 0; k < classes; ++k) {
        const ClassMetrics& m = per[size_t(k)];
        std::snprintf(line, sizeof line, "%*s %10.4f %10.4f %10.4f %10lld\n", int(width),
                      className(names, k).c_str(), m.precision, m.recall, m.f1, (long long)m.support);
        out += line;
    }
    ClassMetrics avg = macroAverage();
    std::snprintf(line, sizeof line, "%*s %10.4f %10.4f %10.4f %10lld\n", int(width), "macro avg",
                  avg.precision, avg.recall, avg.f1, (long long)avg.support);
    out += line;
    return out;
}

std::string ConfusionMatrix::matrixText(const std::vector<std::string>& names) const {
    size_t width = 6;
    for (int k = 0; k < classes; ++k) width = std::max(width, className(names, k).size() + 1);
    std::string out = "rows: true class, columns: predicted class\n";
    char cell[64];
    std::snprintf(cell, sizeof cell, "%*s", int(width), "");
    out += cell;
    for (int j = 0; j < classes; ++j) {
        std::snprintf(cell, sizeof cell, "%7d", j);
        out += cell;
    }
    out += "\n";
    for (int k = 0; k < classes; ++k) {
        std::snprintf(cell, sizeof cell, "%*s", int(width), className(names, k).c_str());
        out += cell;
        for (int j = 0; j < classes; ++j) {
            std::snprintf(cell, sizeof cell, "%7lld", (long long)at(k, j));
            out += cell;
        }
        out += "\n";
    }
    return out;
}

} // namespace cs
