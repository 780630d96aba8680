// TrainingCharts: the live curves of a run, as Keras users plot them after
// fit() — loss and accuracy per epoch for training and validation, the
// training running mean per batch between them, the learning rate — with
// callback events (early stop, checkpoint, LR reduced) marked where they
// happened. Fed by the TrainingController's signals; each LineChart redraws
// at most 15 times a second however fast batches come.
#pragma once

#include "ui/export/data_table.h"
#include "ui/training/training_progress.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QListWidget;

namespace ui {

class LineChart;
struct TrainingRun;

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    // Series indices of the loss and accuracy charts.
    enum Series { TrainEpoch, ValidationEpoch, TrainBatch, CompareTrain, CompareValidation };

    explicit TrainingCharts(QWidget* parent = nullptr);

    LineChart* lossChart() const { return loss_; }
    LineChart* accuracyChart() const { return accuracy_; }
    LineChart* learningRateChart() const { return learningRate_; }
    QListWidget* events() const { return events_; }
    // While the learning rate has not changed, one line replaces its chart.
    QLabel* learningRateNote() const { return learningRateNote_; }
    QLabel* noEventsNote() const { return noEvents_; }
    // The run's complete epochs as a table (epoch, loss, accuracy, val_loss,
    // val_accuracy, learning_rate): what each chart exports as CSV.
    DataTable historyTable() const;

public Q_SLOTS:
    void begin(int epochs); // a new run: empty curves, x axis 0..epochs
    void addBatch(const ui::BatchUpdate& update);
    void addEpoch(const ui::EpochUpdate& update);
    void addEvent(const ui::EventUpdate& event);
    void end(); // the run is over: with no event, the note says none fired
    // Overlays an earlier run's per-epoch curves (dashed) to compare; null removes them.
    void showComparison(const ui::TrainingRun* run);

private:
    void updateBottomRow();
    void fitEventsHeight(); // as tall as its entries at the list's width (they wrap)
    bool eventFilter(QObject* watched, QEvent* event) override;

    // The mean loss/accuracy of the batches since the previous update (from
    // the epoch's running means), smoothed across updates and epochs.
    struct Smoother {
        int epoch = -1, batch = 0;
        double loss = 0, accuracy = 0;             // running means at the last update
        double smoothLoss = 0, smoothAccuracy = 0; // exponential moving averages
        bool started = false;
    } smooth_;
    LineChart* loss_;
    LineChart* accuracy_;
    LineChart* learningRate_;
    QListWidget* events_;
    QLabel* learningRateNote_;
    QLabel* noEvents_;
    QGridLayout* grid_;
    std::vector<EpochUpdate> epochs_; // of the run shown
    double firstLearningRate_ = 0;
    bool learningRateSeen_ = false, learningRateVaries_ = false;
};

} // namespace ui
