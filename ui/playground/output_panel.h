// OutputPanel: what the playground shows after each computation. The output
// size and its arithmetic per axis (the engine's formula with the numbers
// filled in), then either the output matrix in a read-only grid (click a cell
// to see which input window produced it) or, for an image, one picture per
// channel with the display range as a small legend. An engine error replaces
// none of that silently: it shows in a red line above, and the stale output
// is dimmed until the next good result.
#pragma once

#include "ui/export/data_table.h"
#include "ui/playground/playground_job.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedWidget;

namespace ui {

class MatrixGrid;

class OutputPanel : public QWidget {
    Q_OBJECT
public:
    explicit OutputPanel(QWidget* parent = nullptr);

    // `what` names the input and the window for the headline ("5×5 input, 3×3 kernel").
    void showResult(const PlaygroundResult& result, const QString& what);
    void showError(const QString& message);
    void showBusy();                    // an image computation is running
    void showNote(const QString& text); // nothing to compute yet, and why
    void setWindowNote(const QString& text);

    MatrixGrid* grid() const { return grid_; }
    // The output matrix shown (empty for images, errors and notes): its CSV export.
    DataTable outputTable() const;

Q_SIGNALS:
    void cellSelected(int row, int col);

private:
    void clearImages();
    PlaygroundResult shown_; // the result on the panel (none after a note)
    bool hasResult_ = false;

    QLabel* shape_;
    QLabel* arithmetic_;
    QLabel* error_;
    QStackedWidget* stack_;
    MatrixGrid* grid_;
    QLabel* windowNote_;
    QWidget* images_;
    QGridLayout* imageGrid_;
    QLabel* legend_;
    QLabel* legendText_;
};

} // namespace ui
