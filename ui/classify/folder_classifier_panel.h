// FolderClassifierPanel: the Classify page's lower part — every image of a
// folder (optionally its sub-folders) classified in the background into a
// sortable table (file, predicted class, confidence, one probability column
// per class, and why a file could not be read), exported with the engine's
// CSV writer (the columns of `convstudio-cli predict FOLDER --csv`).
// Progress shows n / total; Cancel stops between batches and keeps the rows
// done. Double-clicking a row asks the page to show that image as a card.
#pragma once

#include "ui/classify/classify_jobs.h"
#include "ui/training/model_snapshot.h"

#include <QWidget>
#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace ui {

class ElidedLabel;

class FolderClassifierPanel : public QWidget {
    Q_OBJECT
public:
    explicit FolderClassifierPanel(QWidget* parent = nullptr);
    ~FolderClassifierPanel() override;

    // The model the next folder is classified with (null disables the panel).
    void setModel(ModelSnapshotPtr snapshot);

    // Starts classifying `folder` (a running job is cancelled first).
    void classifyFolder(const QString& folder, bool recursive);
    void cancel();
    bool running() const { return bool(job_); }
    // Writes the table with cs::writeClassificationsCsv; false with a message shown.
    bool exportCsv(const QString& path);

    const std::vector<cs::FileClassification>& rows() const { return result_.rows; }
    QTableView* table() const { return table_; }
    QString statusText() const;

Q_SIGNALS:
    void finished();                          // the table holds the (maybe partial) result
    void imageRequested(const QString& path); // a row was double-clicked

private:
    struct Job {
        std::atomic<int> done{0}, total{0};
        std::atomic<bool> cancel{false};
    };
    void pickFolder();
    void pickCsvFile();
    void showProgress();
    void showResult(const FolderClassification& result, const ModelSnapshotPtr& snapshot);
    void fillTable();
    void setStatus(const QString& text, bool error);

    ModelSnapshotPtr snapshot_;       // for the next folder
    ModelSnapshotPtr resultSnapshot_; // the model of the table's rows
    FolderClassification result_;
    std::shared_ptr<Job> job_;
    QThreadPool* pool_;

    QPushButton* classifyButton_;
    QCheckBox* recursive_;
    QProgressBar* progress_;
    QPushButton* cancelButton_;
    QPushButton* exportButton_;
    ElidedLabel* status_;
    QString resultText_; // what the table holds: "20 images classified · FOLDER · with MODEL"
    QStandardItemModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QTimer* progressTimer_;
};

} // namespace ui
