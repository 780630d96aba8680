#include "ui/editor/canvas_items.h"

#include "ui/editor/layer_style.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace ui {

namespace {

QPalette paletteOf(const QGraphicsItem* item) {
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

const QColor kError(0xd3, 0x2f, 0x2f);
const QColor kWarning(0xd8, 0x84, 0x00);

QColor secondaryText(const QPalette& pal) {
    QColor c = pal.color(QPalette::Text);
    c.setAlphaF(0.62f);
    return c;
}

} // namespace

// ---- LayerBlockItem ------------------------------------------------------------------

LayerBlockItem::LayerBlockItem(BlockContent content) : content_(std::move(content)) {
    setAcceptHoverEvents(true);
    setToolTip(content_.problem.isEmpty()
                   ? QString("<b>%1</b> (%2)<br>%3")
                         .arg(content_.name, content_.className, content_.settings)
                   : QString("<b>%1</b>: %2").arg(content_.name, content_.problem.toHtmlEscaped()));
}

QRectF LayerBlockItem::boundingRect() const {
    return QRectF(-4, -4, kBlockWidth + 8, kBlockHeight + 10);
}

QRectF LayerBlockItem::outputPort() const {
    return QRectF(kBlockWidth / 2 - 7, kBlockHeight - 7, 14, 14);
}

void LayerBlockItem::setCurrent(bool current) {
    if (current_ == current) return;
    current_ = current;
    update();
}

void LayerBlockItem::setConnectTarget(bool on) {
    if (connectTarget_ == on) return;
    connectTarget_ = on;
    update();
}

void LayerBlockItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget* widget) {
    const QPalette pal = paletteOf(this);
    const QColor accent = categoryColor(content_.category);
    const QRectF box(0, 0, kBlockWidth, kBlockHeight);
    p->setRenderHint(QPainter::Antialiasing);

    QColor border = pal.color(QPalette::Mid);
    qreal borderWidth = 1.0;
    if (!content_.problem.isEmpty()) {
        border = content_.warning ? kWarning : kError;
        borderWidth = 2.5;
    }
    if (current_ || connectTarget_) {
        border =
            content_.problem.isEmpty() || connectTarget_ ? pal.color(QPalette::Highlight) : border;
        borderWidth = 2.5;
    }
    p->setPen(QPen(border, borderWidth));
    QColor fill = pal.color(QPalette::Base);
    if (content_.frozen) {
        // A frozen layer (transfer learning) reads as "ice": the base tinted blue,
        // light or dark theme alike, so it stands out even when its text is cut.
        const QColor ice(80, 150, 230);
        fill = QColor((fill.red() * 4 + ice.red()) / 5, (fill.green() * 4 + ice.green()) / 5,
                      (fill.blue() * 4 + ice.blue()) / 5);
    }
    p->setBrush(fill);
    p->drawRoundedRect(box, 8, 8);
    // The category stripe on the left.
    QPainterPath stripe;
    stripe.addRoundedRect(QRectF(0, 0, 14, kBlockHeight), 8, 8);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 7, kBlockHeight));
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    p->drawPath(stripe.intersected(clip));

    const QFont base = widget ? widget->font() : QApplication::font();
    QFont title = base;
    title.setBold(true);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    const QFontMetricsF fm(base), fmTitle(title), fmSmall(small);

    // Row 1: icon, class, settings.
    const qreal row1 = 5, row1Height = 24, row2 = 28, row2Height = 20;
    layerIcon(content_.className).paint(p, QRect(15, int(row1 + 1), 22, 22));
    const qreal left = 46, right = kBlockWidth - 12;
    p->setFont(title);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(QRectF(left, row1, right - left, row1Height), Qt::AlignLeft | Qt::AlignVCenter,
                content_.className);
    const qreal settingsLeft = left + fmTitle.horizontalAdvance(content_.className) + 10;
    p->setFont(base);
    p->drawText(QRectF(settingsLeft, row1, right - settingsLeft, row1Height),
                Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(content_.settings, Qt::ElideRight, right - settingsLeft));

    // Row 2: name and output, or the problem.
    const QRectF bottom(left, row2, right - left, row2Height);
    if (!content_.problem.isEmpty()) {
        p->setPen(content_.warning ? kWarning : kError);
        QFont bold = small;
        bold.setBold(true);
        p->setFont(bold);
        const QString text =
            (content_.warning ? QString("\u26a0 ") : QString("\u2716 ")) + content_.problem;
        p->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(bold).elidedText(text, Qt::ElideRight, bottom.width()));
    } else {
        p->setFont(small);
        p->setPen(secondaryText(pal));
        QString output =
            content_.shape.isEmpty() ? QString() : QString("\u2192 %1").arg(content_.shape);
        if (!content_.parameters.isEmpty()) output += "   " + content_.parameters;
        const qreal outputWidth = fmSmall.horizontalAdvance(output);
        p->drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, output);
        // A snowflake before the name of a frozen layer (its weights do not train).
        const QString name = content_.frozen ? QString("\u2744 ") + content_.name : content_.name;
        p->drawText(
            QRectF(left, row2, bottom.width() - outputWidth - 12, row2Height),
            Qt::AlignLeft | Qt::AlignVCenter,
            fmSmall.elidedText(name, Qt::ElideMiddle, bottom.width() - outputWidth - 12));
    }
    // Output port: drag from it onto an Add/Concatenate to connect by hand.
    p->setPen(QPen(pal.color(QPalette::Mid), 1.2));
    p->setBrush(pal.color(QPalette::Base));
    p->drawEllipse(outputPort().adjusted(2, 2, -2, -2));
}

// ---- ConnectionItem ------------------------------------------------------------------

ConnectionItem::ConnectionItem(Connection connection, QPointF start, QPointF end, int lane)
    : connection_(std::move(connection)), start_(start), end_(end), lane_(lane) {
    QPainterPath path(start);
    if (lane < 0) {
        path.lineTo(end - QPointF(0, 6));
    } else {
        const qreal x = kBlockWidth + 34 + 22 * lane;
        path.cubicTo(QPointF(x, start.y()), QPointF(x, start.y()), QPointF(x, start.y() + 24));
        path.lineTo(x, end.y() - 24);
        path.cubicTo(QPointF(x, end.y()), QPointF(x, end.y()), end + QPointF(6, 0));
    }
    setPath(path);
    setZValue(-1);
}

QPainterPath ConnectionItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(18);
    return stroker.createStroke(path());
}

QPointF ConnectionItem::dropPoint() const {
    if (lane_ < 0) return mapToScene((start_ + end_) / 2);
    return mapToScene(path().pointAtPercent(0.5));
}

void ConnectionItem::setDropTarget(bool on) {
    if (dropTarget_ == on) return;
    dropTarget_ = on;
    update();
}

void ConnectionItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    QColor color = pal.color(QPalette::Text);
    color.setAlphaF(0.55f);
    if (dropTarget_) color = pal.color(QPalette::Highlight);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(color, dropTarget_ ? 3.0 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    // Arrow head at the end.
    QPolygonF head;
    if (lane_ < 0)
        head << end_ << end_ + QPointF(-5.5, -9) << end_ + QPointF(5.5, -9);
    else
        head << end_ << end_ + QPointF(9, -5.5) << end_ + QPointF(9, 5.5);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawPolygon(head);
    if (dropTarget_) {
        const QPointF c = mapFromScene(dropPoint());
        p->setBrush(pal.color(QPalette::Highlight));
        p->drawEllipse(c, 10, 10);
        p->setPen(QPen(pal.color(QPalette::HighlightedText), 2));
        p->drawLine(c + QPointF(-5, 0), c + QPointF(5, 0));
        p->drawLine(c + QPointF(0, -5), c + QPointF(0, 5));
    }
}

// ---- EndSlotItem ---------------------------------------------------------------------

EndSlotItem::EndSlotItem() {
    setZValue(-2);
}

QRectF EndSlotItem::boundingRect() const {
    return QRectF(-2, -2, kBlockWidth + 4, 48);
}

void EndSlotItem::setDropTarget(bool on) {
    if (dropTarget_ == on) return;
    dropTarget_ = on;
    update();
}

void EndSlotItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = paletteOf(this);
    QColor color = dropTarget_ ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(color, dropTarget_ ? 2.0 : 1.2, Qt::DashLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(QRectF(0, 0, kBlockWidth, 44), 8, 8);
    QColor text = dropTarget_ ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text);
    if (!dropTarget_) text.setAlphaF(0.5f);
    p->setPen(text);
    p->drawText(QRectF(0, 0, kBlockWidth, 44), Qt::AlignCenter,
                QObject::tr("Drop a layer here to append it"));
}

} // namespace ui
