#include "ui/datapage/image_viewer_dialog.h"

#include "ui/imaging/image_converter.h"
#include "ui/window/engine_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ui {

PixelView::PixelView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
}

void PixelView::setImage(const QImage& image) {
    image_ = image;
    resize(sizeHint());
    update();
}

void PixelView::setZoom(double zoom) {
    zoom_ = std::clamp(zoom, 0.05, 64.0);
    resize(sizeHint());
    update();
}

QSize PixelView::sizeHint() const {
    return image_.isNull() ? QSize(64, 64)
                           : QSize(int(std::ceil(image_.width() * zoom_)),
                                   int(std::ceil(image_.height() * zoom_)));
}

void PixelView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (image_.isNull()) return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom_ < 1.0);
    p.drawImage(QRectF(0, 0, image_.width() * zoom_, image_.height() * zoom_), image_);
    if (zoom_ >= 8) {
        QColor grid = palette().color(QPalette::Mid);
        grid.setAlphaF(0.35f);
        p.setPen(QPen(grid, 0));
        for (int x = 0; x <= image_.width(); ++x)
            p.drawLine(QPointF(x * zoom_, 0), QPointF(x * zoom_, height()));
        for (int y = 0; y <= image_.height(); ++y)
            p.drawLine(QPointF(0, y * zoom_), QPointF(width(), y * zoom_));
    }
}

void PixelView::mouseMoveEvent(QMouseEvent* event) {
    const int x = int(event->position().x() / zoom_), y = int(event->position().y() / zoom_);
    if (x >= 0 && y >= 0 && x < image_.width() && y < image_.height())
        Q_EMIT hovered(x, y);
    else
        Q_EMIT hovered(-1, -1);
}

void PixelView::leaveEvent(QEvent*) {
    Q_EMIT hovered(-1, -1);
}

void PixelView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier)
        Q_EMIT zoomRequested(event->angleDelta().y() > 0 ? 1.25 : 0.8);
    else
        QWidget::wheelEvent(event);
}

ImageViewerDialog::ImageViewerDialog(std::shared_ptr<const LoadedDataset> data, QString split,
                                     std::vector<int> indices, int position, QWidget* parent)
    : QDialog(parent), data_(std::move(data)), split_(std::move(split)),
      indices_(std::move(indices)) {
    setWindowTitle(tr("Image"));
    auto* layout = new QVBoxLayout(this);
    view_ = new PixelView;
    scroll_ = new QScrollArea(this);
    scroll_->setWidget(view_);
    scroll_->setAlignment(Qt::AlignCenter);
    scroll_->setBackgroundRole(QPalette::Dark);
    info_ = new QLabel(this);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hover_ = new QLabel(this);
    hover_->setMinimumWidth(
        hover_->fontMetrics().horizontalAdvance("x 000, y 000: (255, 255, 255)"));
    auto* controls = new QHBoxLayout;
    previous_ = new QToolButton(this);
    previous_->setArrowType(Qt::LeftArrow);
    previous_->setShortcut(Qt::Key_Left);
    next_ = new QToolButton(this);
    next_->setArrowType(Qt::RightArrow);
    next_->setShortcut(Qt::Key_Right);
    auto addButton = [&](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, this, slot);
        controls->addWidget(b);
    };
    controls->addWidget(previous_);
    controls->addWidget(next_);
    controls->addSpacing(12);
    addButton("\u2212", tr("Zoom out"), &ImageViewerDialog::zoomOut);
    addButton("+", tr("Zoom in"), &ImageViewerDialog::zoomIn);
    addButton(tr("Fit"), tr("Fit the window"), &ImageViewerDialog::fit);
    controls->addSpacing(12);
    auto* inspect = new QToolButton(this);
    inspect->setObjectName("inspectImageButton");
    inspect->setText(tr("Feature Maps"));
    inspect->setToolTip(tr("See what every layer of the model makes of this image (the Inspect page)"));
    connect(inspect, &QToolButton::clicked, this, [this] {
        if (position_ >= 0 && position_ < int(indices_.size()))
            Q_EMIT inspectRequested(split_, indices_[size_t(position_)]);
    });
    controls->addWidget(inspect);
    controls->addSpacing(12);
    controls->addWidget(hover_, 1);
    layout->addWidget(info_);
    layout->addWidget(scroll_, 1);
    layout->addLayout(controls);
    connect(previous_, &QToolButton::clicked, this, [this] { showPosition(position_ - 1); });
    connect(next_, &QToolButton::clicked, this, [this] { showPosition(position_ + 1); });
    connect(view_, &PixelView::hovered, this, &ImageViewerDialog::showHover);
    connect(view_, &PixelView::zoomRequested, this,
            [this](double f) { view_->setZoom(view_->zoom() * f); });
    resize(560, 600);
    showPosition(position);
    fit();
}

QString ImageViewerDialog::infoText() const {
    return info_->text();
}

double ImageViewerDialog::zoom() const {
    return view_->zoom();
}

void ImageViewerDialog::showPosition(int position) {
    if (!data_ || indices_.empty()) return;
    position_ = std::clamp(position, 0, int(indices_.size()) - 1);
    const int index = indices_[size_t(position_)];
    cs::UserText why;
    const bool ok = data_->pixels(split_, index, pixels_, &why);
    view_->setImage(
        ok ? imageFromPixels(pixels_.data(), data_->height(), data_->width(), data_->channels())
           : QImage());
    const int label = data_->label(split_, index);
    const QString name = label >= 0 && label < data_->classCount()
                             ? QString::fromStdString(data_->classNames()[size_t(label)])
                             : QString::number(label);
    const int c = data_->channels();
    QString text = tr("<b>%1</b> — %2 #%3 · %4 × %5 px · %6")
                       .arg(name.toHtmlEscaped(), split_)
                       .arg(index)
                       .arg(data_->width())
                       .arg(data_->height())
                       .arg(c == 1   ? tr("1 channel (grey)")
                            : c == 3 ? tr("3 channels (RGB)")
                                     : tr("%1 channels").arg(c));
    const QString path = data_->filePath(split_, index);
    if (!path.isEmpty()) text += "<br><small>" + path.toHtmlEscaped() + "</small>";
    if (!ok)
        text += "<br><span style='color:#d32f2f'>" + engineText(why).toHtmlEscaped() + "</span>";
    info_->setText(text);
    setWindowTitle(tr("%1 — image %2 of %3").arg(name).arg(position_ + 1).arg(indices_.size()));
    previous_->setEnabled(position_ > 0);
    next_->setEnabled(position_ + 1 < int(indices_.size()));
}

void ImageViewerDialog::zoomIn() {
    view_->setZoom(view_->zoom() * 1.5);
}
void ImageViewerDialog::zoomOut() {
    view_->setZoom(view_->zoom() / 1.5);
}

void ImageViewerDialog::fit() {
    if (!data_) return;
    const QSize area = scroll_->viewport()->size() - QSize(4, 4);
    const double z =
        std::min(double(area.width()) / data_->width(), double(area.height()) / data_->height());
    view_->setZoom(z >= 1 ? std::floor(z) : z);
}

void ImageViewerDialog::showHover(int x, int y) {
    if (x < 0 || pixels_.empty()) {
        hover_->clear();
        return;
    }
    const int c = data_->channels();
    const uint8_t* p =
        pixels_.data() + (size_t(y) * size_t(data_->width()) + size_t(x)) * size_t(c);
    hover_->setText(c == 3
                        ? tr("x %1, y %2: (%3, %4, %5)").arg(x).arg(y).arg(p[0]).arg(p[1]).arg(p[2])
                        : tr("x %1, y %2: %3").arg(x).arg(y).arg(p[0]));
}

} // namespace ui
