// ConfusionMatrixView: the test evaluation's confusion matrix as a table —
// rows the true classes, columns the predictions, each cell its count shaded
// by its share of the row (the diagonal blue, mistakes orange). Clicking a
// cell emits cellChosen; the Train page then shows the images behind it
// (every "Shirt" predicted as "T-shirt/top") in a CellImagesDialog.
#pragma once

#include "ui/export/data_table.h"
#include "ui/training/training_progress.h"

#include <QDialog>
#include <QTableWidget>

class QListWidget;

namespace ui {

class ConfusionMatrixView : public QTableWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setEvaluation(const TestEvaluation& evaluation,
                       const std::vector<std::string>& classNames);
    void clearMatrix();
    const TestEvaluation& evaluation() const { return evaluation_; }
    QStringList classNames() const { return names_; }
    // What the matrix's export menu writes as CSV: counts (a row per true class,
    // a column per prediction) and the per-class precision / recall / F1 / support.
    DataTable matrixTable() const;
    DataTable reportTable() const;

Q_SIGNALS:
    void cellChosen(int truth, int predicted);

private:
    TestEvaluation evaluation_;
    QStringList names_;
};

// The images of one confusion-matrix cell, with their index in the split.
class CellImagesDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMaxImages = 400; // a diagonal cell can hold thousands

    CellImagesDialog(const TestEvaluation& evaluation, const std::vector<std::string>& classNames,
                     int truth, int predicted, QWidget* parent = nullptr);
    QListWidget* images() const { return list_; }
    const std::vector<int>& indices() const { return indices_; } // all of the cell's images

Q_SIGNALS:
    // Double-click (or Enter) on an image: look at its feature maps.
    void inspectRequested(const QString& split, int index);

private:
    QListWidget* list_;
    std::vector<int> indices_;
};

} // namespace ui
