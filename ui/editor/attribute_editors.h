// Typed editors for layer attributes, made from the engine's AttributeSpec:
// a spin box with the attribute's range for Int, a spin box that also reads
// "1e-3" for Float, a check box for Bool, a combo box for Choice, two spin
// boxes for IntPair (kernel_size 3 × 3), a text field for IntList (a shape).
// Attributes whose Keras default is None (pooling strides) get a "default"
// check box in front. Each editor reports edited(value) as the person types
// or drags, and gestureFinished() when they are done (focus out, Enter).
#pragma once

#include "engine/layers/layer_spec.h"

#include <QDoubleSpinBox>
#include <QWidget>

namespace ui {

class AttributeEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    // Shows a value without emitting edited().
    virtual void setValue(const cs::Json& value) = 0;

Q_SIGNALS:
    void edited(const cs::Json& value);
    void gestureFinished();
};

AttributeEditor* createAttributeEditor(const cs::AttributeSpec& spec, QWidget* parent);

// A QDoubleSpinBox that shows the shortest form of its value ("0.001", "1e-07").
class CompactDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit CompactDoubleSpinBox(QWidget* parent = nullptr);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

} // namespace ui
