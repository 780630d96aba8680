// Small form pieces the Playground's operation panels share: a named spin
// box, a grey explanatory note, and a "rows × cols" pair for sizes and strides.
#pragma once

class QLabel;
class QSpinBox;
class QWidget;

namespace ui {

QSpinBox* spinBox(const char* name, int lo, int hi, int value, QWidget* parent);
QLabel* noteLabel(const char* name, QWidget* parent);
// Axis-pair row: "rows [n] × cols [n]" reads as a size or a stride.
QWidget* pairRow(QSpinBox* rows, QSpinBox* cols, QWidget* parent);

} // namespace ui
