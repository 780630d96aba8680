// The pictures on the model canvas: a block per layer (class, name, settings,
// output shape and parameter count, or its problem in red), an arrow per
// connection, and the slot at the end of the chain where drops append.
#pragma once

#include "ui/document/model_graph.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QString>

namespace ui {

inline constexpr qreal kBlockWidth = 380;
inline constexpr qreal kBlockHeight = 54;
inline constexpr qreal kBlockGap = 26;

struct BlockContent {
    QString name, className, category;
    QString settings;   // "64 filters · 3×3 · same · relu"
    QString shape;      // "28×28×64" (empty when unknown)
    QString parameters; // "640 params"
    QString problem;    // empty when fine
    bool warning = false;
    bool mergeLayer = false;
    bool frozen = false; // trainable = false: drawn tinted, with a snowflake on its name row
};

class LayerBlockItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    explicit LayerBlockItem(BlockContent content);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const BlockContent& content() const { return content_; }
    QString name() const { return content_.name; }
    bool hasProblem() const { return !content_.problem.isEmpty(); }
    void setCurrent(bool current);
    bool isCurrent() const { return current_; }
    void setConnectTarget(bool on); // highlighted while a connection is dragged onto it
    // The output port (bottom centre) in item coordinates: drag from it to connect.
    QRectF outputPort() const;
    QPointF inputPoint() const { return {kBlockWidth / 2, 0}; }
    QPointF outputPoint() const { return {kBlockWidth / 2, kBlockHeight}; }

private:
    BlockContent content_;
    bool current_ = false;
    bool connectTarget_ = false;
};

class ConnectionItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };
    // lane < 0: the straight arrow between neighbours; else a skip arc on the right.
    ConnectionItem(Connection connection, QPointF start, QPointF end, int lane);
    int type() const override { return Type; }
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const Connection& connection() const { return connection_; }
    bool isSkip() const { return lane_ >= 0; }
    void setDropTarget(bool on);
    // Where a drop lands on this connection (the middle of the arrow), scene coordinates.
    QPointF dropPoint() const;

private:
    Connection connection_;
    QPointF start_, end_;
    int lane_;
    bool dropTarget_ = false;
};

class EndSlotItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    EndSlotItem();
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    void setDropTarget(bool on);

private:
    bool dropTarget_ = false;
};

} // namespace ui
