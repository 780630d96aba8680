// AugmentationPreviewView: what augmentation does to the training images — each
// row one image of a different class, first as it is, then as several random
// draws of the current settings (the engine's Augmenter, as training will use
// it), captioned with the drawn transform. Re-rendered on a pool thread
// whenever a setting changes; "New draws" changes the seed.
#pragma once

#include "ui/datapage/loaded_dataset.h"

#include "engine/data/augmentation.h"

#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <memory>

class QLabel;

namespace ui {

class AugmentationCanvas : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    void setCells(QVector<QImage> images, QStringList captions, int columns);
    QSize sizeHint() const override { return {640, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<QImage> images_;
    QStringList captions_;
    int columns_ = 1;
};

class AugmentationPreviewView : public QWidget {
    Q_OBJECT
public:
    explicit AugmentationPreviewView(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const LoadedDataset> data);
    void setOptions(const cs::AugmentationOptions& options);
    void newDraws();

    int renderCount() const { return renderCount_; }
    const QVector<QImage>& images() const { return images_; }
    const QStringList& captions() const { return captions_; }

Q_SIGNALS:
    void rendered();

private:
    void render();

    std::shared_ptr<const LoadedDataset> data_;
    cs::AugmentationOptions options_;
    uint64_t seed_ = 1;
    int generation_ = 0;
    int renderCount_ = 0;
    QVector<QImage> images_;
    QStringList captions_;
    AugmentationCanvas* canvas_;
    QLabel* note_;
    static constexpr int kRows = 3;
    static constexpr int kDraws = 5;
};

} // namespace ui
