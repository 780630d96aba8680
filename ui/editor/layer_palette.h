// LayerPalette: every layer type of the engine's registry, grouped by
// category, with its one-line description on hover and below the list.
// Drag an entry onto the model canvas to insert it (kLayerTypeMime), or
// double-click it to append it to the end of the chain.
#pragma once

#include <QMimeData>
#include <QTreeWidget>
#include <QWidget>

class QDrag;
class QLabel;
class QLineEdit;

namespace ui {

class PaletteTree : public QTreeWidget {
    Q_OBJECT
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override;
    // Entries are only ever copied out: a drop never removes them from the palette.
    Qt::DropActions supportedDropActions() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    void startDrag(Qt::DropActions supportedActions) override;
};

class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget* parent = nullptr);

    // The drag payload for a layer type (what a drag from the list carries).
    static QMimeData* mimeDataFor(const QString& className);
    QTreeWidget* tree() const { return tree_; }
    QLineEdit* search() const { return search_; }
    QTreeWidgetItem* itemFor(const QString& className) const;
    // What dragging this entry carries and shows (the tree's startDrag runs it).
    QDrag* createDrag(QTreeWidgetItem* item);

Q_SIGNALS:
    // Double-click or Enter on an entry, or Return in the filter (the first match): append it.
    void layerActivated(const QString& className);

private:
    void populate();
    void filter(const QString& text);
    QTreeWidgetItem* firstVisibleLayer() const; // the best match of the filter text
    void showDescription(QTreeWidgetItem* item);

    QLineEdit* search_;
    PaletteTree* tree_;
    QLabel* description_;
};

} // namespace ui
