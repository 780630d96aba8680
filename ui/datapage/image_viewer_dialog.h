// ImageViewerDialog: one image of the data set, enlarged with square pixels
// (a pixel grid appears from 8× up), its class, pixel size and channels, and
// the value of the pixel under the mouse. Zoom with the buttons or Ctrl+wheel;
// step through the grid's images with the arrows.
#pragma once

#include "ui/datapage/loaded_dataset.h"

#include <QDialog>
#include <QImage>
#include <memory>
#include <vector>

class QLabel;
class QScrollArea;
class QToolButton;

namespace ui {

// Paints an image at an integer-ish zoom without smoothing.
class PixelView : public QWidget {
    Q_OBJECT
public:
    explicit PixelView(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    void setZoom(double zoom);
    double zoom() const { return zoom_; }
    QSize sizeHint() const override;

Q_SIGNALS:
    void hovered(int x, int y); // -1, -1 when outside
    void zoomRequested(double factor);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    QImage image_;
    double zoom_ = 8;
};

class ImageViewerDialog : public QDialog {
    Q_OBJECT
public:
    ImageViewerDialog(std::shared_ptr<const LoadedDataset> data, QString split,
                      std::vector<int> indices, int position, QWidget* parent = nullptr);
    QString infoText() const;
    double zoom() const;

Q_SIGNALS:
    // "Feature Maps": look at what the model's layers make of the image shown.
    void inspectRequested(const QString& split, int index);

public Q_SLOTS:
    void showPosition(int position);
    void zoomIn();
    void zoomOut();
    void fit();

private:
    void showHover(int x, int y);

    std::shared_ptr<const LoadedDataset> data_;
    QString split_;
    std::vector<int> indices_;
    int position_ = 0;
    std::vector<uint8_t> pixels_;
    PixelView* view_;
    QScrollArea* scroll_;
    QLabel* info_;
    QLabel* hover_;
    QToolButton* previous_;
    QToolButton* next_;
};

} // namespace ui
