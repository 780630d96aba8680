#include "ui/inspect/map_grid_widget.h"

#include "ui/imaging/image_converter.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace ui {

namespace {
constexpr int kGap = 8; // between cells and around the grid
}

MapGridWidget::MapGridWidget(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void MapGridWidget::setCells(std::vector<MapCell> cells) {
    cells_ = std::move(cells);
    updateGeometry();
    update();
}

void MapGridWidget::setCellSide(int side) {
    side_ = std::max(8, side);
    updateGeometry();
    update();
}

void MapGridWidget::setFixedColumns(int columns) {
    fixedColumns_ = std::max(0, columns);
    updateGeometry();
    update();
}

int MapGridWidget::cellWidth() const {
    return side_ + kGap;
}

int MapGridWidget::rowHeight() const {
    return side_ + fontMetrics().height() + kGap + 2;
}

int MapGridWidget::columnsFor(int width) const {
    if (fixedColumns_ > 0) return fixedColumns_;
    return std::max(1, (width - kGap) / cellWidth());
}

int MapGridWidget::columns() const {
    return columnsFor(width());
}

int MapGridWidget::heightForWidth(int width) const {
    const int cols = columnsFor(width);
    const int rows = (int(cells_.size()) + cols - 1) / cols;
    return kGap + rows * rowHeight();
}

QSize MapGridWidget::sizeHint() const {
    const int cols = fixedColumns_ > 0 ? fixedColumns_ : std::min(8, std::max(1, int(cells_.size())));
    const int w = kGap + cols * cellWidth();
    return {w, heightForWidth(w)};
}

QRect MapGridWidget::cellRect(int i) const {
    const int cols = columns();
    return {kGap + (i % cols) * cellWidth(), kGap + (i / cols) * rowHeight(), side_, side_};
}

int MapGridWidget::cellAt(const QPoint& pos) const {
    for (int i = 0; i < int(cells_.size()); ++i)
        if (cellRect(i).contains(pos)) return i;
    return -1;
}

void MapGridWidget::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    const qreal dpr = devicePixelRatioF();
    const QColor frame = palette().color(QPalette::Mid);
    for (int i = 0; i < int(cells_.size()); ++i) {
        const QRect r = cellRect(i);
        const QRect area = r.adjusted(0, 0, 0, fontMetrics().height() + 2);
        if (!area.intersects(event->rect())) continue;
        const MapCell& c = cells_[size_t(i)];
        if (!c.image.isNull()) {
            QPixmap pix = crispPixmap(c.image, side_, dpr);
            pix.setDevicePixelRatio(dpr);
            const QSizeF logical = pix.deviceIndependentSize();
            const QPointF at(r.x() + (side_ - logical.width()) / 2.0, r.y() + (side_ - logical.height()) / 2.0);
            p.drawPixmap(at, pix);
            p.setPen(frame);
            p.drawRect(QRectF(at, logical).adjusted(-0.5, -0.5, 0.5, 0.5));
        }
        p.setPen(palette().color(QPalette::WindowText));
        const QRect text(r.x() - kGap / 2, r.bottom() + 2, side_ + kGap, fontMetrics().height());
        p.drawText(text, Qt::AlignHCenter | Qt::AlignTop,
                   fontMetrics().elidedText(c.caption, Qt::ElideRight, text.width()));
    }
}

bool MapGridWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = cellAt(help->pos());
        if (i >= 0 && !cells_[size_t(i)].toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), cells_[size_t(i)].toolTip, this, cellRect(i));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void MapGridWidget::mousePressEvent(QMouseEvent* event) {
    const int i = cellAt(event->position().toPoint());
    if (i >= 0) Q_EMIT cellClicked(i);
    QWidget::mousePressEvent(event);
}

void MapGridWidget::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateGeometry(); // the height follows the columns that fit
}

} // namespace ui
