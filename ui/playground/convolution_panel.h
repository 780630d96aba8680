// ConvolutionPanel: the kernel and the sliding rule of the playground's
// Convolution mode. A preset from the engine's kernelPresets() (its
// description shown) or a kernel typed in a grid of 1..7 x 1..7, cross-
// correlation (Conv2D) or mathematical convolution (scipy's convolve2d) with
// the engine's sentence on the difference, valid/same/full padding and a
// stride per axis. The page reads kernel() and settings() on every changed().
#pragma once

#include "engine/tools/convolution_playground.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QSpinBox;

namespace ui {

class MatrixGrid;

class ConvolutionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConvolutionPanel(QWidget* parent = nullptr);

    // Throws cs::ConfigError naming a cell that does not parse.
    cs::PlaygroundMatrix kernel() const;
    cs::ConvolutionSettings settings() const;
    // Sets padding, strides and mode as a person would (one changed() per widget that changes).
    void setSettings(const cs::ConvolutionSettings& settings);
    // Loads a preset by its engine name ("vertical_edge"); false if there is none.
    bool selectPreset(const QString& name);

    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

Q_SIGNALS:
    void changed();

private:
    void presetChosen();
    void kernelSizeChanged();
    void kernelEdited();
    void describeMode();

    QComboBox* preset_;
    QLabel* presetDescription_;
    QSpinBox* kernelRows_;
    QSpinBox* kernelCols_;
    MatrixGrid* kernel_;
    QComboBox* mode_;
    QLabel* modeDescription_;
    QComboBox* padding_;
    QSpinBox* strideRows_;
    QSpinBox* strideCols_;
};

} // namespace ui
