// Emptying a layout of quick-fix buttons from inside one of their clicks: the
// Model page's issue bar and layer inspector and the Data page's fit strip rebuild
// their rows when a fix changes the document, and the clicked button is the sender
// of that change.
#pragma once

#include <QLayout>
#include <QWidget>

namespace ui {

// Takes every item out of `layout`; its widgets are hidden, taken out of the
// widget tree at once (so findChildren() no longer sees them) and deleted later.
inline void clearFixRows(QLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* w = item->widget()) {
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
}

} // namespace ui
