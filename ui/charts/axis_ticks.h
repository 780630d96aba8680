// Axis ticks a reader can take in at a glance: steps of 1, 2 or 5 times a
// power of ten, the range widened to whole steps, integers where the axis
// counts something (epochs), and labels with just the digits that tell the
// ticks apart ("0.5", "1", "1.5" rather than "0.500", "1.00", "1.50";
// "0.00098", "0.001", "0.00102" rather than "0.000975").
//
//   AxisTicks t = niceTicks(0.11, 2.56, 6, false); // 0 .. 3 in steps of 0.5
//   axis->setRange(t.from, t.to); axis->setTickInterval(t.step);
//   axis->setLabelFormat(t.labelFormat());
//
// On a logarithmic axis (logTicks) the ticks are whole decades (1e-3, 0.01,
// 0.1, 1, 10) — every second or third one when many decades share little room.
#pragma once

#include <QString>

namespace ui {

struct AxisTicks {
    double from = 0, to = 1, step = 0.25; // logarithmic: step is the factor between ticks (10, 100 ...)
    int significantDigits = 2; // printf %g precision that keeps every tick distinct
    bool logarithmic = false;

    QString labelFormat() const { return QStringLiteral("%.%1g").arg(significantDigits); }
    QString label(double value) const; // as the axis writes `value`
    int tickCount() const;             // ticks from `from` to `to`, both included
    double tick(int i) const;          // the i-th tick from `from`
};

// At most `maxTicks` ticks (at least 2) covering lo..hi. `integers`: steps of
// at least 1 (an epoch axis never shows 0.75). An empty or flat range gets a
// small range around its value.
AxisTicks niceTicks(double lo, double hi, int maxTicks, bool integers);

// At most `maxTicks` (at least 3) decade ticks covering lo..hi (both > 0; a
// non-positive lo is taken as hi / 10). from and to are powers of ten, step 10,
// 100, 1000 ... (every decade, every second, every third ...).
AxisTicks logTicks(double lo, double hi, int maxTicks);

} // namespace ui
