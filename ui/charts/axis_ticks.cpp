#include "ui/charts/axis_ticks.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// The smallest 1, 2 or 5 x 10^k that is at least `raw`.
double niceStep(double raw) {
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw * (1 - 1e-9)) return m * power;
    return 10 * power;
}

int decade(double v) { return int(std::floor(std::log10(v) + 1e-9)); }

} // namespace

QString AxisTicks::label(double value) const {
    if (logarithmic) return QString::asprintf(labelFormat().toLatin1().constData(), value); // never 0
    if (std::abs(value) < step * 1e-6) value = 0; // -0 and rounding dust print as 0
    return QString::asprintf(labelFormat().toLatin1().constData(), value);
}

int AxisTicks::tickCount() const {
    if (logarithmic) return int(std::lround(std::log10(to / from) / std::log10(step))) + 1;
    return int(std::lround((to - from) / step)) + 1;
}

double AxisTicks::tick(int i) const {
    return logarithmic ? from * std::pow(step, i) : from + i * step;
}

AxisTicks niceTicks(double lo, double hi, int maxTicks, bool integers) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (hi < lo) std::swap(lo, hi);
    if (hi - lo <= std::abs(hi) * 1e-12) { // flat: a constant learning rate
        if (hi == 0) {
            hi = 1;
        } else {
            const double half = std::abs(hi) * 0.05;
            lo -= half;
            hi += half;
        }
    }
    maxTicks = std::max(2, maxTicks);
    AxisTicks t;
    // Widening to whole steps can add a step at each end: try coarser steps
    // until the ticks fit.
    double step = niceStep((hi - lo) / (maxTicks - 1));
    if (integers) step = std::max(step, 1.0);
    for (;;) {
        t.from = std::floor(lo / step + 1e-9) * step;
        t.to = std::ceil(hi / step - 1e-9) * step;
        t.step = step;
        if (t.tickCount() <= maxTicks) break;
        step = niceStep(step * 1.5);
    }
    const double largest = std::max(std::abs(t.from), std::abs(t.to));
    const int whole = largest > 0 ? decade(largest) + 1 : 1; // digits left of the point
    const int afterStep = largest > 0 ? decade(largest) - decade(t.step) + 1 : 1;
    t.significantDigits = std::clamp(std::max(whole, afterStep), 1, 8);
    return t;
}

AxisTicks logTicks(double lo, double hi, int maxTicks) {
    if (!std::isfinite(hi) || hi <= 0) hi = 1;
    if (!std::isfinite(lo) || lo <= 0 || lo > hi) lo = hi / 10;
    int first = int(std::floor(std::log10(lo) + 1e-9)), last = int(std::ceil(std::log10(hi) - 1e-9));
    if (last <= first) last = first + 1; // at least one decade: two ticks
    maxTicks = std::max(3, maxTicks); // 0.1, 1, 10: a range across 1 needs three
    // Every k-th decade, the range widened to multiples of k decades (a log axis
    // ticks at the powers of its base, 10^k): the smallest k whose ticks fit.
    for (int k = 1;; ++k) {
        const int from = int(std::floor(double(first) / k)) * k, to = int(std::ceil(double(last) / k)) * k;
        if ((to - from) / k + 1 <= std::max(2, maxTicks)) {
            AxisTicks t;
            t.logarithmic = true;
            t.from = std::pow(10.0, from);
            t.to = std::pow(10.0, to);
            t.step = std::pow(10.0, k);
            t.significantDigits = 6; // %.6g: "0.001", "100", "1e-07" (a decade has one significant digit)
            return t;
        }
    }
}

} // namespace ui
