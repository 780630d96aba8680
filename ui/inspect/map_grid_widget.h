// MapGridWidget: a grid of small images with a caption under each — the
// kernels of a Conv2D layer or the feature maps of a layer. Images are
// enlarged crisply (whole factors, nearest neighbour) to the cell side, the
// columns follow the widget's width, and hovering a cell shows its tooltip
// (a kernel's weights, a map's size and value range). Put it in a QScrollArea.
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

namespace ui {

struct MapCell {
    QImage image;
    QString caption; // under the image ("filter 3", "map 12")
    QString toolTip; // on hover
};

class MapGridWidget : public QWidget {
    Q_OBJECT
public:
    explicit MapGridWidget(QWidget* parent = nullptr);

    void setCells(std::vector<MapCell> cells);
    // Side of a cell's image in logical pixels (default 64).
    void setCellSide(int side);
    // Cells per row; 0 (default) fits the width.
    void setFixedColumns(int columns);
    int cellCount() const { return int(cells_.size()); }
    const MapCell& cell(int i) const { return cells_[size_t(i)]; }
    int cellSide() const { return side_; }
    int columns() const;
    int cellAt(const QPoint& pos) const; // -1 outside the cells
    QRect cellRect(int i) const;         // the image area of cell i

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void cellClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int columnsFor(int width) const;
    int rowHeight() const;
    int cellWidth() const;

    std::vector<MapCell> cells_;
    int side_ = 64;
    int fixedColumns_ = 0;
};

} // namespace ui
