#include "ui/training/setting_editors.h"

#include "ui/window/engine_text.h"

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Decimals that write x exactly (0.05 -> 2, 0.999 -> 3), at most 8.
int decimalsOf(double x) {
    int d = 0;
    while (d < 8 && std::abs(x * std::pow(10.0, d) - std::round(x * std::pow(10.0, d))) > 1e-9) ++d;
    return d;
}

} // namespace

QString settingTooltip(const cs::SettingSpec& spec) {
    const QString help = specText(cs::kSettingTextContext, spec.help);
    // An unbounded setting (min_delta) has no range worth saying, and "any" is not translated.
    if (std::isinf(spec.min) && std::isinf(spec.max)) return help;
    return help + " \u2014 " + QString::fromStdString(spec.rangeText());
}

int decimalsFor(const cs::SettingSpec& spec) {
    const double lo = spec.lowestEditable(), hi = spec.highestEditable();
    const double step = spec.step > 0 ? spec.step : 0.01;
    if (step >= 1 && decimalsOf(lo) == 0 && decimalsOf(hi) == 0) return 0;
    // A fine step gets one more decimal than it needs, to type between steps.
    return std::max({2, decimalsOf(step) + (step < 0.01 ? 1 : 0), decimalsOf(lo), decimalsOf(hi)});
}

void applySpec(QDoubleSpinBox* spin, const cs::SettingSpec& spec) {
    spin->setDecimals(decimalsFor(spec)); // before the range: QDoubleSpinBox rounds it to the decimals
    spin->setRange(spec.lowestEditable(), spec.highestEditable());
    spin->setSingleStep(spec.step > 0 ? spec.step : 0.01);
    spin->setSuffix(QString::fromStdString(spec.unit));
    spin->setToolTip(settingTooltip(spec));
}

void applySpec(QSpinBox* spin, const cs::SettingSpec& spec) {
    spin->setRange(int(spec.lowestEditable()), int(spec.highestEditable()));
    spin->setSingleStep(spec.step >= 1 ? int(spec.step) : 1);
    spin->setToolTip(settingTooltip(spec));
}

} // namespace ui
