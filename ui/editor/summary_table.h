// SummaryTable: the course's model.summary() as a live table — layer (type),
// output shape, parameter count (and "connected to" for graphs), with the
// totals trainable / non-trainable underneath. Rows of layers with a problem
// are tinted; clicking a row selects that layer on the canvas.
#pragma once

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace ui {

class ProjectDocument;

class SummaryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SummaryTableModel(ProjectDocument* document, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // The graph node shown on a row (Sequential summaries hide the InputLayer, as Keras does).
    int nodeOfRow(int row) const;
    int rowOfNode(int node) const;

private:
    ProjectDocument* document_;
};

class SummaryTable : public QWidget {
    Q_OBJECT
public:
    explicit SummaryTable(ProjectDocument* document, QWidget* parent = nullptr);
    QTableView* view() const { return view_; }
    const SummaryTableModel* model() const { return model_; }
    QString totalsText() const; // what the totals label shows

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void selectFocused();
    // Columns sized to their contents and the view at least as wide as all of them:
    // done again whenever the view is shown or its font or style changes, because
    // sizes computed while the page was hidden (before its final font) clip numbers.
    void fitColumns();

    ProjectDocument* document_;
    SummaryTableModel* model_;
    QTableView* view_;
    QLabel* title_;
    QLabel* totals_;
};

} // namespace ui
