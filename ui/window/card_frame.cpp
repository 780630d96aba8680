#include "ui/window/card_frame.h"

#include <QPainter>

namespace ui {

CardFrame::CardFrame(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::NoFrame); // the border is painted with the card
}

void CardFrame::setColour(const QColor& colour) {
    colour_ = colour;
    update();
}

void CardFrame::paintEvent(QPaintEvent*) {
    QColor fill = palette().color(QPalette::AlternateBase), border = palette().color(QPalette::Mid);
    if (colour_.isValid()) {
        fill = colour_;
        fill.setAlphaF(0.12f);
        border = colour_;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(border);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

} // namespace ui
