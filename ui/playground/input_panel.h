// InputPanel: what the playground slides its window over. Either a small
// matrix typed in a grid (its size set with two spin boxes, or filled with the
// course's 5x5 "kernel en acción" matrix or 4x4 pooling map), or an image
// (opened from a file, dropped on the page, or sent by another page through
// setImage) shown as it will be computed: in colour, one channel at a time,
// or converted to grey. Large images are scaled down so a change stays quick.
#pragma once

#include "engine/tools/playground_matrix.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QSpinBox;
class QTabWidget;

namespace ui {

class MatrixGrid;

class InputPanel : public QWidget {
    Q_OBJECT
public:
    explicit InputPanel(QWidget* parent = nullptr);

    bool imageMode() const;
    // Throws cs::ConfigError naming a cell that does not parse.
    cs::PlaygroundMatrix matrix() const;
    // The image as it is computed (grey if so chosen); null when none is loaded.
    QImage image() const;
    MatrixGrid* grid() const { return grid_; }

    void setMatrix(const cs::PlaygroundMatrix& m);
    void setImage(const QImage& image, const QString& caption);
    // Reads an image file; false (and `error` set) when Qt cannot read it.
    bool openImageFile(const QString& path, QString* error);
    void showConvolutionExample(); // the 5x5 matrix of "El kernel en acción"
    void showPoolingExample();     // the 4x4 map of "Capa de pooling"

    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

    // Images longer than this on a side are scaled down before computing.
    static constexpr int kMaxImageSide = 512;

Q_SIGNALS:
    void changed();
    // Asks the page to show a file dialog (the page owns where the last folder was).
    void openImageRequested();

private:
    void sizeChanged();
    void showImage();

    QTabWidget* source_;
    QSpinBox* rows_;
    QSpinBox* cols_;
    MatrixGrid* grid_;
    QComboBox* colour_;
    QLabel* picture_;
    QLabel* caption_;
    QImage image_; // as given (after the size cap)
    QString captionText_;
};

} // namespace ui
