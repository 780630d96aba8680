// ScientificSpinBox: a spin box for values that span many powers of ten (a
// learning rate from 1e-12 to 10). It shows and reads the short 'g' form
// ("0.001", "1e-09"), keeps every significant digit a person types (a
// QDoubleSpinBox rounds to a fixed number of decimals), and steps along
// 1, 2, 5, 10, 20 ... of each power of ten. A typed value outside the range is
// clamped to the nearest end when editing finishes, and valueClamped() says
// so, for the caller to show.
#pragma once

#include <QDoubleSpinBox>

namespace ui {

class ScientificSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
    void stepBy(int steps) override;

    // The next value of the 1-2-5 sequence above (up) or below `value`.
    static double nextStep(double value, bool up);

Q_SIGNALS:
    // A typed value outside [minimum(), maximum()] became `applied`.
    void valueClamped(double typed, double applied) const;
};

} // namespace ui
