// The status bar's permanent widgets, visible from every page: the data set
// ("Fashion-MNIST · 60,000 train / 10,000 test · 28×28×1"), the model's state
// ("11 layers · 421,642 params" or its problem count), and training progress
// (epoch, a bar, images per second), which the Train page feeds.
#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace ui {

class ElidedLabel;
class ProjectDocument;
class LoadedDataset;

struct TrainingStatus {
    int epoch = 0, epochs = 0; // 1-based epoch being run; 0: the run is over (text says how)
    double fraction = 0;       // of the whole run, 0..1
    double imagesPerSecond = 0; // 0: not shown (starting, or over)
    QString text; // extra, e.g. "val_accuracy 0.91", or the run's outcome
};

class StatusBarWidgets : public QObject {
    Q_OBJECT
public:
    StatusBarWidgets(QStatusBar* bar, ProjectDocument* document);

    QString dataText() const;
    QString modelText() const;
    QString trainingText() const; // "" while no run is shown

public Q_SLOTS:
    void showDataLoading(const QString& what);
    void showData(const std::shared_ptr<const LoadedDataset>& data);
    void showDataFailed(const QString& message);
    void showTraining(const TrainingStatus& status);
    void hideTraining();

private:
    void refreshModel();

    ProjectDocument* document_;
    ElidedLabel* data_; // gives way first when the window is narrow
    QLabel* model_;
    QLabel* epoch_;
    QProgressBar* progress_;
    QLabel* speed_;
};

} // namespace ui
