// DatasetSummaryPanel: what the loaded data set holds — name, kind, folder,
// image size and channels, classes, images per split, class balance, skipped
// files — and a bar chart of images per class and split (ui/charts).
#pragma once

#include "ui/datapage/loaded_dataset.h"

#include <QWidget>
#include <memory>

class QLabel;

namespace ui {

class BarChart;

class DatasetSummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetSummaryPanel(QWidget* parent = nullptr);

    void showDataset(const std::shared_ptr<const LoadedDataset>& data);
    void showMessage(const QString& text); // loading, or why it failed
    BarChart* chart() const { return chart_; }
    QString factsText() const;
    // The skipped files as the facts' tooltip lists them, reasons in the
    // window's language (the first 10; empty when none was skipped).
    static QString skippedText(const std::vector<cs::SkippedFile>& skipped);

private:
    QLabel* facts_;
    BarChart* chart_;
};

} // namespace ui
