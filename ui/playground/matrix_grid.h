// MatrixGrid: a small matrix shown as a grid of square cells, the way the
// course's lessons print them. Editable grids (the input matrix, the kernel)
// read back as a cs::PlaygroundMatrix, naming the cell a typo is in; the
// read-only output grid shows values with a shade that follows their sign and
// size, and any grid can outline a window (the receptive field of an output
// cell). Cells accept what parseMatrix accepts for one number ("1/9" too).
#pragma once

#include "engine/tools/playground_matrix.h"

#include <QRect>
#include <QTableWidget>

namespace ui {

class MatrixGrid : public QTableWidget {
    Q_OBJECT
public:
    explicit MatrixGrid(bool editable, QWidget* parent = nullptr);

    // Changes the size keeping the values that still fit; new cells are 0.
    void setDimensions(int rows, int cols);
    void setMatrix(const cs::PlaygroundMatrix& m, int decimals = 2);
    // Throws cs::ConfigError naming the cell ("`what` row 2, column 3: 'abc' is not a number").
    cs::PlaygroundMatrix matrix(const QString& what) const;
    // The cell's number as shown, or NaN when it does not parse.
    double value(int row, int col) const;

    // Outlines the cells of `window` (row/col coordinates, clipped); an empty rect clears.
    void setHighlight(const QRect& window);
    QRect highlight() const { return highlight_; }
    // Shade cells by value (output grids): blue below 0, orange above, by |v| / max|v|.
    void setShadeByValue(bool on) { shade_ = on; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A person changed a cell (not emitted by setMatrix/setDimensions).
    void edited();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void applyCellSize();
    void refreshShades();

    bool editable_;
    bool shade_ = false;
    bool filling_ = false; // programmatic changes do not count as edits
    QRect highlight_;
};

} // namespace ui
