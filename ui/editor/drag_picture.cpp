#include "ui/editor/drag_picture.h"

#include "ui/editor/layer_style.h"

#include "engine/layers/layer_registry.h"

#include <QPainter>
#include <QWidget>

namespace ui {

namespace {
// Room between the cursor and the chip: the insert marker is a disc of radius 10 at
// 100% zoom centred on the arrow the cursor points at, and the cursor's own arrow
// takes the first dozen pixels.
constexpr int kGap = 26;
} // namespace

DragPicture layerDragPicture(const QString& className, const QString& text, const QWidget* widget) {
    const QFontMetrics fm = widget->fontMetrics();
    const int iconSize = 18, pad = 8;
    const QSize size(pad + iconSize + 6 + fm.horizontalAdvance(text) + pad + 4,
                     std::max(iconSize, fm.height()) + 10);
    const qreal dpr = widget->devicePixelRatioF();
    QPixmap pixmap((QSizeF(size) * dpr).toSize());
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);

    QString category = "core";
    try {
        category = QString::fromStdString(cs::layerSpec(className.toStdString()).category);
    } catch (...) { // an unknown class still gets a neutral chip
    }
    const QPalette pal = widget->palette();
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setOpacity(0.85); // translucent: what is under the chip still shows through
    const QRectF box = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(0.75, 0.75, -0.75, -0.75);
    p.setPen(QPen(categoryColor(category), 1.5));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(box, 6, 6);
    categoryIcon(category).paint(&p,
                                 QRect(pad, (size.height() - iconSize) / 2, iconSize, iconSize));
    p.setPen(pal.color(QPalette::Text));
    p.setFont(widget->font());
    p.drawText(QRectF(pad + iconSize + 6, 0, size.width() - pad - iconSize - 6, size.height()),
               Qt::AlignLeft | Qt::AlignVCenter, text);
    p.end();
    return {pixmap, QPoint(-kGap, size.height() / 2)};
}

} // namespace ui
