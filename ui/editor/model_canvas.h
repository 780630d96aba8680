// ModelCanvas: the model drawn as blocks from top to bottom with arrows
// between them (skip connections as arcs on the right).
//
// Drops from the palette land on the connection under the cursor (inserted
// there), on a block (inserted after it) or on empty space (appended); a
// block dragged by its body moves; a drag from a block's output port onto an
// Add/Concatenate connects them. Delete removes the current block. Ctrl+wheel
// zooms, dragging the background pans. Every change goes through the
// document; the canvas redraws on its signals.
#pragma once

#include "ui/document/model_graph.h"

#include <QGraphicsView>
#include <QHash>
#include <optional>

class QMenu;

namespace ui {

class ProjectDocument;
class LayerBlockItem;
class ConnectionItem;
class EndSlotItem;

class ModelCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit ModelCanvas(ProjectDocument* document, QWidget* parent = nullptr);

    LayerBlockItem* block(const QString& name) const { return blocks_.value(name); }
    // The right-click menu of the block `name` (its actions act on the document).
    void fillBlockMenu(QMenu& menu, const QString& name);
    QList<ConnectionItem*> connectionItems() const { return connections_; }
    // Viewport position of the middle of the arrow from -> to (to aim drops in tests and tours).
    std::optional<QPoint> connectionPosition(const QString& from, const QString& to) const;
    QPoint blockPosition(const QString& name) const;
    qreal zoom() const { return transform().m11(); }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();
    void ensureLayerVisible(const QString& name);

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Where a drop at this viewport point goes: a connection, or nullopt = append.
    struct DropTarget {
        std::optional<Connection> connection;
        QString afterBlock; // dropped on a block: after it
    };
    DropTarget dropTargetAt(const QPoint& viewportPos) const;
    void showDropTarget(const DropTarget& target);
    void clearDropTarget();
    void rebuild();
    void updateCurrent();
    void setZoom(qreal zoom);
    LayerBlockItem* blockAt(const QPoint& viewportPos) const;
    void startMoveDrag(LayerBlockItem* block);
    void finishConnect(const QPoint& viewportPos);

    ProjectDocument* document_;
    QGraphicsScene* scene_;
    QHash<QString, LayerBlockItem*> blocks_;
    QList<ConnectionItem*> connections_;
    EndSlotItem* endSlot_ = nullptr;
    // Mouse gestures.
    QString pressedBlock_;
    QPoint pressPos_;
    bool connecting_ = false;
    QGraphicsLineItem* rubberLine_ = nullptr;
    LayerBlockItem* connectTarget_ = nullptr;
    bool firstLayout_ = true;
    bool pendingFit_ = false; // fit once the view has its real size
};

} // namespace ui
