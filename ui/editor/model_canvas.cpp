#include "ui/editor/model_canvas.h"

#include "ui/document/project_document.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/drag_picture.h"
#include "ui/editor/graph_navigation.h"
#include "ui/editor/layer_style.h"
#include "ui/window/engine_text.h"

#include "engine/layers/layer_registry.h"
#include "engine/model/transfer_learning.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QGraphicsLineItem>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr qreal kRowHeight = kBlockHeight + kBlockGap;
constexpr qreal kMinZoom = 0.25, kMaxZoom = 3.0;

std::string str(const QString& s) {
    return s.toStdString();
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

ModelCanvas::ModelCanvas(ProjectDocument* document, QWidget* parent)
    : QGraphicsView(parent), document_(document), scene_(new QGraphicsScene(this)) {
    setScene(scene_);
    setAcceptDrops(true);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::NoAnchor); // the issue bar appearing must not scroll the model
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setFrameShape(QFrame::NoFrame);
    connect(document_, &ProjectDocument::modelChanged, this, &ModelCanvas::rebuild);
    connect(document_, &ProjectDocument::focusedLayerChanged, this, [this](const QString& name) {
        updateCurrent();
        if (!name.isEmpty()) ensureLayerVisible(name);
    });
    connect(document_, &ProjectDocument::documentReplaced, this, [this] {
        firstLayout_ = true;
        fitToView();
    });
    rebuild();
    pendingFit_ = true;
}

void ModelCanvas::rebuild() {
    clearDropTarget();
    connectTarget_ = nullptr;
    rubberLine_ = nullptr;
    connecting_ = false;
    scene_->clear();
    blocks_.clear();
    connections_.clear();
    const ModelGraph& g = document_->graph();
    const ModelReport& report = document_->report();
    for (int i = 0; i < g.size(); ++i) {
        const LayerNode& node = g.node(i);
        const LayerReport& r = report.layers[size_t(i)];
        const cs::LayerSpec& spec = cs::layerSpec(node.className);
        BlockContent c;
        c.name = qs(node.name());
        c.className = qs(node.className);
        c.category = qs(spec.category);
        c.settings = configSummary(node);
        c.shape = r.shapeKnown ? qs(shortShape(r.outputShape)) : QString();
        c.parameters =
            r.parametersKnown ? tr("%1 params").arg(withThousands(r.parameters)) : QString();
        c.problem = engineText(r.problem);
        c.warning = r.isWarning;
        c.mergeLayer = spec.maxInputs > 1;
        c.frozen = !cs::json::getBool(node.config, "trainable", true);
        auto* item = new LayerBlockItem(c);
        item->setPos(0, i * kRowHeight);
        scene_->addItem(item);
        blocks_.insert(c.name, item);
    }
    // Skip connections get lanes on the right so that overlapping arcs stay apart.
    std::vector<std::vector<std::pair<int, int>>> lanes;
    for (int i = 0; i < g.size(); ++i)
        for (const std::string& input : g.node(i).inputs) {
            const int k = g.indexOf(input);
            if (k < 0) continue;
            LayerBlockItem* from = blocks_.value(qs(input));
            LayerBlockItem* to = blocks_.value(qs(g.node(i).name()));
            ConnectionItem* item;
            if (k == i - 1) {
                item = new ConnectionItem({input, g.node(i).name()},
                                          from->mapToScene(from->outputPoint()),
                                          to->mapToScene(to->inputPoint()), -1);
            } else {
                size_t lane = 0;
                for (; lane < lanes.size(); ++lane)
                    if (std::none_of(lanes[lane].begin(), lanes[lane].end(),
                                     [&](auto& span) { return k < span.second && span.first < i; }))
                        break;
                if (lane == lanes.size()) lanes.emplace_back();
                lanes[lane].push_back({k, i});
                item = new ConnectionItem({input, g.node(i).name()},
                                          from->mapToScene(QPointF(kBlockWidth, kBlockHeight / 2)),
                                          to->mapToScene(QPointF(kBlockWidth, kBlockHeight / 2)),
                                          int(lane));
            }
            scene_->addItem(item);
            connections_.push_back(item);
        }
    endSlot_ = new EndSlotItem;
    endSlot_->setPos(0, g.size() * kRowHeight);
    scene_->addItem(endSlot_);
    setSceneRect(scene_->itemsBoundingRect().adjusted(-40, -30, 40, 40));
    updateCurrent();
}

void ModelCanvas::updateCurrent() {
    for (LayerBlockItem* b : blocks_) {
        const bool current = b->name() == document_->focusedLayer();
        b->setCurrent(current);
        b->setFocusRing(current && hasFocus());
    }
}

void ModelCanvas::focusInEvent(QFocusEvent* event) {
    QGraphicsView::focusInEvent(event);
    updateCurrent();
}

void ModelCanvas::focusOutEvent(QFocusEvent* event) {
    QGraphicsView::focusOutEvent(event);
    updateCurrent();
}

std::optional<QPoint> ModelCanvas::connectionPosition(const QString& from,
                                                      const QString& to) const {
    for (ConnectionItem* c : connections_)
        if (c->connection() == Connection{str(from), str(to)}) return mapFromScene(c->dropPoint());
    return std::nullopt;
}

QPoint ModelCanvas::blockPosition(const QString& name) const {
    LayerBlockItem* b = blocks_.value(name);
    return b ? mapFromScene(b->mapToScene(QPointF(kBlockWidth / 2, kBlockHeight / 2))) : QPoint();
}

LayerBlockItem* ModelCanvas::blockAt(const QPoint& viewportPos) const {
    for (QGraphicsItem* item : items(viewportPos))
        if (item->type() == LayerBlockItem::Type) return static_cast<LayerBlockItem*>(item);
    return nullptr;
}

ModelCanvas::DropTarget ModelCanvas::dropTargetAt(const QPoint& viewportPos) const {
    const QPointF s = mapToScene(viewportPos);
    for (ConnectionItem* c : connections_)
        if (c->isSkip() && c->shape().contains(c->mapFromScene(s))) return {c->connection(), {}};
    for (ConnectionItem* c : connections_) {
        if (c->isSkip()) continue;
        LayerBlockItem* from = blocks_.value(qs(c->connection().from));
        const qreal top = from->scenePos().y() + kBlockHeight - 8;
        if (QRectF(-30, top, kBlockWidth + 60, kBlockGap + 16).contains(s))
            return {c->connection(), {}};
    }
    if (LayerBlockItem* b = blockAt(viewportPos)) {
        const LayerNode* node = document_->graph().find(str(b->name()));
        const bool upperHalf = b->mapFromScene(s).y() < kBlockHeight / 2;
        if (upperHalf && node && !node->inputs.empty())
            return {Connection{node->inputs[0], node->name()}, {}};
        const auto consumers = document_->graph().consumersOf(str(b->name()));
        if (!consumers.empty()) return {Connection{str(b->name()), consumers.front()}, b->name()};
    }
    return {};
}

void ModelCanvas::showDropTarget(const DropTarget& target) {
    for (ConnectionItem* c : connections_)
        c->setDropTarget(target.connection && c->connection() == *target.connection);
    if (endSlot_) endSlot_->setDropTarget(!target.connection);
}

void ModelCanvas::clearDropTarget() {
    for (ConnectionItem* c : connections_)
        c->setDropTarget(false);
    if (endSlot_) endSlot_->setDropTarget(false);
}

namespace {
// A palette entry is copied (the palette keeps it, whatever the modifiers); a block is moved.
bool acceptLayerDrag(QDropEvent* event) {
    if (event->mimeData()->hasFormat(kLayerTypeMime))
        event->setDropAction(Qt::CopyAction);
    else if (event->mimeData()->hasFormat(kLayerNodeMime))
        event->setDropAction(Qt::MoveAction);
    else {
        event->ignore();
        return false;
    }
    event->accept();
    return true;
}
} // namespace

void ModelCanvas::dragEnterEvent(QDragEnterEvent* event) {
    if (acceptLayerDrag(event)) showDropTarget(dropTargetAt(event->position().toPoint()));
}

void ModelCanvas::dragMoveEvent(QDragMoveEvent* event) {
    if (acceptLayerDrag(event)) showDropTarget(dropTargetAt(event->position().toPoint()));
}

void ModelCanvas::dragLeaveEvent(QDragLeaveEvent* event) {
    clearDropTarget();
    event->accept(); // not QGraphicsView's: it warns, as its own dragEnterEvent never ran
}

void ModelCanvas::dropEvent(QDropEvent* event) {
    const DropTarget target = dropTargetAt(event->position().toPoint());
    clearDropTarget();
    const Connection where = target.connection.value_or(Connection{});
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(kLayerTypeMime)) {
        const QString cls = QString::fromUtf8(mime->data(kLayerTypeMime));
        const QString name = document_->insertLayer(cls, where);
        if (!name.isEmpty()) document_->setFocusedLayer(name);
    } else if (mime->hasFormat(kLayerNodeMime)) {
        document_->moveLayer(QString::fromUtf8(mime->data(kLayerNodeMime)), where);
    } else {
        event->ignore();
        return;
    }
    acceptLayerDrag(event);
    setFocus();
}

void ModelCanvas::mousePressEvent(QMouseEvent* event) {
    LayerBlockItem* b = event->button() == Qt::LeftButton ? blockAt(event->pos()) : nullptr;
    if (!b) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    setFocus();
    document_->setFocusedLayer(b->name());
    if (b->outputPort()
            .adjusted(-4, -4, 4, 4)
            .contains(b->mapFromScene(mapToScene(event->pos())))) {
        connecting_ = true;
        pressedBlock_ = b->name();
        const QPointF start = b->mapToScene(b->outputPoint());
        rubberLine_ = scene_->addLine(QLineF(start, start),
                                      QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        viewport()->setCursor(Qt::CrossCursor);
        return;
    }
    pressedBlock_ = b->name();
    pressPos_ = event->pos();
}

void ModelCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (connecting_ && rubberLine_) {
        rubberLine_->setLine(QLineF(rubberLine_->line().p1(), mapToScene(event->pos())));
        LayerBlockItem* over = blockAt(event->pos());
        if (over && (over->name() == pressedBlock_ || !over->content().mergeLayer)) over = nullptr;
        if (connectTarget_ != over) {
            if (connectTarget_) connectTarget_->setConnectTarget(false);
            connectTarget_ = over;
            if (over) over->setConnectTarget(true);
        }
        return;
    }
    if (!pressedBlock_.isEmpty() && (event->buttons() & Qt::LeftButton) &&
        (event->pos() - pressPos_).manhattanLength() >= QApplication::startDragDistance()) {
        LayerBlockItem* b = blocks_.value(pressedBlock_);
        pressedBlock_.clear();
        if (b) startMoveDrag(b);
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void ModelCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (connecting_) {
        finishConnect(event->pos());
        return;
    }
    pressedBlock_.clear();
    QGraphicsView::mouseReleaseEvent(event);
}

void ModelCanvas::finishConnect(const QPoint& viewportPos) {
    const QString from = pressedBlock_;
    LayerBlockItem* target = blockAt(viewportPos);
    const QString to = target ? target->name() : QString();
    connecting_ = false;
    pressedBlock_.clear();
    viewport()->unsetCursor();
    if (rubberLine_) {
        delete rubberLine_;
        rubberLine_ = nullptr;
    }
    if (connectTarget_) connectTarget_->setConnectTarget(false);
    connectTarget_ = nullptr;
    if (!to.isEmpty() && to != from) document_->connectLayers(from, to);
}

void ModelCanvas::startMoveDrag(LayerBlockItem* block) {
    if (QDrag* drag = createMoveDrag(block->name())) drag->exec(Qt::MoveAction);
}

QDrag* ModelCanvas::createMoveDrag(const QString& name) {
    LayerBlockItem* block = blocks_.value(name);
    const LayerNode* node = document_->graph().find(str(name));
    if (!block || !node || isInputLayer(node->className) || node->inputs.size() > 1)
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(kLayerNodeMime, block->name().toUtf8());
    // A label beside the cursor, not the whole block under it: the insert marker stays visible.
    const DragPicture picture = layerDragPicture(qs(node->className), name, this);
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(picture.pixmap);
    drag->setHotSpot(picture.hotSpot);
    return drag;
}

void ModelCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && connecting_) {
        finishConnect(QPoint(-1, -1));
        return;
    }
    if (!connecting_ && handleEditingKey(event)) return;
    QGraphicsView::keyPressEvent(event); // the view's own keys (page up/down scroll)
}

bool ModelCanvas::handleEditingKey(QKeyEvent* event) {
    const QString current = document_->focusedLayer();
    const std::string name = str(current);
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_D && mods == Qt::ControlModifier) {
        if (!current.isEmpty()) document_->duplicateLayer(current);
        return true;
    }
    // The keys themselves, not QKeySequence::Delete: on X11 that also means Ctrl+D.
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        mods == Qt::NoModifier) {
        if (current.isEmpty()) return false;
        // The next block takes the selection, so Delete can be pressed again.
        std::string next = stepFrom(document_->graph(), name, GraphStep::Down);
        if (next == name) next = stepFrom(document_->graph(), name, GraphStep::Up);
        document_->removeLayer(current, next == name ? QString() : qs(next));
        return true;
    }
    if (mods != Qt::NoModifier) return false;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current.isEmpty()) return false;
        Q_EMIT editRequested(current);
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const GraphStep step = event->key() == Qt::Key_Up     ? GraphStep::Up
                               : event->key() == Qt::Key_Down ? GraphStep::Down
                               : event->key() == Qt::Key_Left ? GraphStep::Left
                                                              : GraphStep::Right;
        const std::string next = stepFrom(document_->graph(), name, step);
        if (next != name) document_->setFocusedLayer(qs(next));
        return true;
    }
    default:
        return false;
    }
}

void ModelCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(zoom() * std::pow(1.15, event->angleDelta().y() / 120.0));
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void ModelCanvas::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    if (LayerBlockItem* b = blockAt(event->pos())) {
        document_->setFocusedLayer(b->name());
        fillBlockMenu(menu, b->name());
    } else {
        menu.addAction(tr("Fit to view"), this, &ModelCanvas::fitToView);
        menu.addAction(tr("Actual size"), this, &ModelCanvas::resetZoom);
    }
    menu.exec(event->globalPos());
}

void ModelCanvas::fillBlockMenu(QMenu& menu, const QString& name) {
    LayerBlockItem* b = block(name);
    if (!b) return;
    const ModelGraph& g = document_->graph();
    const LayerNode* node = g.find(str(name));
    if (b->content().mergeLayer && node) {
        QMenu* connectMenu = menu.addMenu(tr("Connect input from"));
        for (int i = 0; i < g.indexOf(str(name)); ++i) {
            const QString from = qs(g.node(i).name());
            if (std::find(node->inputs.begin(), node->inputs.end(), g.node(i).name()) !=
                node->inputs.end())
                continue;
            connectMenu->addAction(
                from, this, [this, from, name] { document_->connectLayers(from, name); });
        }
        connectMenu->setEnabled(!connectMenu->isEmpty());
        QMenu* disconnectMenu = menu.addMenu(tr("Disconnect input"));
        for (const std::string& in : node->inputs) {
            const QString from = qs(in);
            disconnectMenu->addAction(
                from, this, [this, from, name] { document_->disconnectLayers(from, name); });
        }
        disconnectMenu->setEnabled(!disconnectMenu->isEmpty());
        menu.addSeparator();
    }
    // Transfer learning: keep what a trained network learned, retrain the rest.
    QAction* freeze = menu.addAction(tr("Freeze This and the Layers Before It"), this,
                                     [this, name] { document_->freezeUpTo(name); });
    freeze->setEnabled(g.indexOf(str(name)) > 0);
    freeze->setToolTip(tr("Their weights stay as they are while training (Keras's "
                          "trainable = False); a run then starts from the weights of the "
                          "model in memory"));
    if (cs::hasFrozenLayers(g))
        menu.addAction(tr("Unfreeze All Layers"), this, [this] { document_->unfreezeAll(); });
    const int classes = document_->dataShape().classCount;
    QAction* head = menu.addAction(
        classes >= 2 ? tr("New Classifier for This Data Set (%1 classes)").arg(classes)
                     : tr("New Classifier for This Data Set"),
        this, [this] { document_->replaceClassifierHead(); });
    head->setEnabled(classes >= 2);
    menu.addSeparator();
    QAction* remove = menu.addAction(tr("Delete %1").arg(name), this,
                                     [this, name] { document_->removeLayer(name); });
    remove->setShortcut(QKeySequence::Delete);
    remove->setEnabled(!isInputLayer(b->content().className.toStdString()));
}

void ModelCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        scene_->setPalette(palette());
        viewport()->update();
    }
    QGraphicsView::changeEvent(event);
}

void ModelCanvas::drawBackground(QPainter* painter, const QRectF& rect) {
    const QColor window = palette().color(QPalette::Window);
    painter->fillRect(rect, window);
    // A faint dot grid, like a drawing board.
    QColor dot = palette().color(QPalette::Text);
    dot.setAlphaF(0.12f);
    painter->setPen(QPen(dot, 1.5 / zoom()));
    const qreal step = 24;
    for (qreal x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (qreal y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            painter->drawPoint(QPointF(x, y));
}

void ModelCanvas::setZoom(qreal z) {
    z = std::clamp(z, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(z, z));
    Q_EMIT zoomChanged(z);
}

void ModelCanvas::zoomIn() {
    setZoom(zoom() * 1.25);
}
void ModelCanvas::zoomOut() {
    setZoom(zoom() / 1.25);
}
void ModelCanvas::resetZoom() {
    setZoom(1.0);
}

void ModelCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (pendingFit_ && isVisible()) fitToView();
}

void ModelCanvas::fitToView() {
    if (!isVisible() || viewport()->height() < 100) {
        pendingFit_ = true;
        return;
    }
    pendingFit_ = false;
    const QRectF r = scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (r.isEmpty()) return;
    const qreal sx = viewport()->width() / r.width(), sy = viewport()->height() / r.height();
    // Never enlarge past 100%; on the first layout keep text comfortably large and start at the
    // top.
    qreal z = std::min({sx, sy, 1.0});
    if (firstLayout_) z = std::max(z, std::min(0.75, sx));
    setZoom(z);
    if (firstLayout_ && sy < z)
        centerOn(r.center().x(), r.top() + viewport()->height() / z / 2);
    else
        centerOn(r.center());
    firstLayout_ = false;
}

void ModelCanvas::ensureLayerVisible(const QString& name) {
    if (LayerBlockItem* b = blocks_.value(name)) ensureVisible(b, 20, 20);
}

} // namespace ui
