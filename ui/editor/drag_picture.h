// The picture a layer drag shows (a palette entry or a block being moved):
// a small translucent chip with the layer's category colour, icon and text,
// drawn beside the cursor rather than under it, so the canvas's blue "+"
// insert marker (on the arrow under the cursor) stays visible while dragging.
//
//   DragPicture picture = layerDragPicture("Conv2D", "Conv2D", widget);
//   drag->setPixmap(picture.pixmap);
//   drag->setHotSpot(picture.hotSpot); // negative x: the chip starts right of the cursor
#pragma once

#include <QPixmap>
#include <QPoint>
#include <QString>

class QWidget;

namespace ui {

struct DragPicture {
    QPixmap pixmap;
    QPoint hotSpot; // the cursor's place relative to the pixmap's top-left corner
};

// `widget` gives the font, palette and screen resolution.
DragPicture layerDragPicture(const QString& className, const QString& text, const QWidget* widget);

} // namespace ui
