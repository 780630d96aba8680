#include "ui/training/scientific_spin_box.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Reads "1e-9", "0.001", "2.5E-4" (and the locale's decimal point).
bool parse(QString text, double& value) {
    text = text.trimmed();
    bool ok = false;
    value = QLocale().toDouble(text, &ok);
    if (!ok) value = QLocale::c().toDouble(text, &ok);
    return ok && std::isfinite(value);
}

// What a number can still become while being typed: "1e", "1e-", "-", "".
bool isPrefixOfNumber(const QString& text) {
    static const QString allowed = "0123456789.,eE+-";
    for (QChar c : text)
        if (!allowed.contains(c)) return false;
    return true;
}

} // namespace

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    // QDoubleSpinBox rounds every value to decimals(); enough decimals keep
    // the digits of 1e-12-sized values (the text itself is 'g' form).
    setDecimals(20);
    setKeyboardTracking(false);
}

QString ScientificSpinBox::textFromValue(double value) const {
    return QLocale().toString(value, 'g', 6);
}

double ScientificSpinBox::valueFromText(const QString& text) const {
    double v = 0;
    return parse(text, v) ? v : value();
}

QValidator::State ScientificSpinBox::validate(QString& text, int&) const {
    double v = 0;
    if (!parse(text, v)) return isPrefixOfNumber(text.trimmed()) ? QValidator::Intermediate : QValidator::Invalid;
    // Out of range: may still become a valid value (1 -> 1e-5); fixup() clamps it.
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

void ScientificSpinBox::fixup(QString& text) const {
    double typed = 0;
    if (!parse(text, typed)) return; // not a number: the box keeps its value
    const double applied = std::clamp(typed, minimum(), maximum());
    if (applied == typed) return;
    text = textFromValue(applied);
    Q_EMIT valueClamped(typed, applied);
}

double ScientificSpinBox::nextStep(double value, bool up) {
    if (!(value > 0)) return up ? 1e-12 : 0;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    static const double kSteps[] = {1, 2, 5, 10, 20};
    // The candidates around value: 1, 2, 5 of its decade and the next.
    double best = up ? decade * 20 : decade * 0.5;
    for (double m : kSteps) {
        const double c = decade * m;
        // A relative tolerance: 0.001 is not a step above 0.0009999999.
        if (up && c > value * (1 + 1e-9)) {
            best = c;
            break;
        }
        if (!up && c < value * (1 - 1e-9)) best = c;
    }
    return best;
}

void ScientificSpinBox::stepBy(int steps) {
    double v = value();
    for (int i = 0; i < std::abs(steps); ++i) v = nextStep(v, steps > 0);
    setValue(std::clamp(v, minimum(), maximum()));
    selectAll();
}

} // namespace ui
