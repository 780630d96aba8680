#include "training/training_charts.h"

#include "charts/line_chart.h"
#include "training/run_history.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {
const QColor kTrain(0x2f, 0x80, 0xd0);
const QColor kValidation(0xd9, 0x8a, 0x1c);
const QColor kLearningRate(0x1f, 0xa0, 0x8a);

QColor faded(QColor c) {
    c.setAlphaF(0.45f);
    return c;
}

void addCurves(LineChart* chart) {
    chart->addSeries(QObject::tr("training"), {kTrain, false, true, 2.0});
    chart->addSeries(QObject::tr("validation"), {kValidation, false, true, 2.0});
    chart->addSeries(QObject::tr("per batch"), {faded(kTrain), false, false, 1.5});
    chart->addSeries(QObject::tr("earlier run train"), {faded(kTrain), true, false, 1.5});
    chart->addSeries(QObject::tr("earlier run val"), {faded(kValidation), true, false, 1.5});
}
} // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent), loss_(new LineChart(this)), accuracy_(new LineChart(this)),
      learningRate_(new LineChart(this)), events_(new QListWidget(this)) {
    loss_->setTitle(tr("Loss"));
    loss_->setAxisTitles(tr("epoch"), tr("loss"));
    addCurves(loss_);
    accuracy_->setTitle(tr("Accuracy"));
    accuracy_->setAxisTitles(tr("epoch"), tr("accuracy"));
    accuracy_->setFixedYRange(0, 1);
    addCurves(accuracy_);
    learningRate_->setTitle(tr("Learning rate"));
    learningRate_->setAxisTitles(tr("epoch"), QString());
    learningRate_->addSeries(tr("learning rate"), {kLearningRate, false, false, 2.0});

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(loss_, 0, 0);
    grid->addWidget(accuracy_, 0, 1);
    grid->addWidget(learningRate_, 1, 0);
    auto* eventsBox = new QVBoxLayout;
    eventsBox->addWidget(new QLabel(tr("Callback events"), this));
    events_->setWordWrap(true);
    eventsBox->addWidget(events_, 1);
    grid->addLayout(eventsBox, 1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
}

void TrainingCharts::begin(int epochs) {
    for (LineChart* chart : {loss_, accuracy_, learningRate_}) {
        chart->clearData({CompareTrain, CompareValidation});
        chart->setMinimumXRange(0, epochs);
    }
    events_->clear();
    smooth_ = {};
}

void TrainingCharts::addBatch(const BatchUpdate& u) {
    const double x = u.position();
    Smoother& s = smooth_;
    if (u.epoch != s.epoch) s = {u.epoch, 0, 0, 0, s.smoothLoss, s.smoothAccuracy, s.started};
    const int n = u.batch - s.batch;
    if (n > 0) {
        const double loss = (u.loss * u.batch - s.loss * s.batch) / n;
        const double accuracy = (u.accuracy * u.batch - s.accuracy * s.batch) / n;
        const double alpha = std::min(1.0, 0.05 * n); // about a 20-batch window
        s.smoothLoss = s.started ? s.smoothLoss + alpha * (loss - s.smoothLoss) : loss;
        s.smoothAccuracy =
            s.started ? s.smoothAccuracy + alpha * (accuracy - s.smoothAccuracy) : accuracy;
        s.started = true;
        s.batch = u.batch;
        s.loss = u.loss;
        s.accuracy = u.accuracy;
        loss_->append(TrainBatch, x, s.smoothLoss);
        accuracy_->append(TrainBatch, x, s.smoothAccuracy);
    }
    learningRate_->append(0, x, u.learningRate);
}

void TrainingCharts::addEpoch(const EpochUpdate& u) {
    const double x = u.epoch + 1;
    loss_->append(TrainEpoch, x, u.loss);
    accuracy_->append(TrainEpoch, x, u.accuracy);
    if (u.hasValidation()) {
        loss_->append(ValidationEpoch, x, u.valLoss);
        accuracy_->append(ValidationEpoch, x, u.valAccuracy);
    }
}

void TrainingCharts::showComparison(const TrainingRun* run) {
    QVector<QPointF> loss, valLoss, accuracy, valAccuracy;
    if (run)
        for (const EpochUpdate& e : run->epochs) {
            loss.append({e.epoch + 1.0, e.loss});
            accuracy.append({e.epoch + 1.0, e.accuracy});
            if (e.hasValidation()) {
                valLoss.append({e.epoch + 1.0, e.valLoss});
                valAccuracy.append({e.epoch + 1.0, e.valAccuracy});
            }
        }
    const QString name = run ? tr("run %1").arg(run->number) : tr("earlier run");
    for (LineChart* chart : {loss_, accuracy_}) {
        chart->setSeriesName(CompareTrain, tr("%1 train").arg(name));
        chart->setSeriesName(CompareValidation, tr("%1 val").arg(name));
    }
    loss_->setPoints(CompareTrain, loss);
    loss_->setPoints(CompareValidation, valLoss);
    accuracy_->setPoints(CompareTrain, accuracy);
    accuracy_->setPoints(CompareValidation, valAccuracy);
}

void TrainingCharts::addEvent(const EventUpdate& e) {
    const double x = e.epoch + 1;
    for (LineChart* chart : {loss_, accuracy_, learningRate_})
        chart->addMarker(x, e.shortName());
    events_->addItem(tr("epoch %1 · %2: %3").arg(e.epoch + 1).arg(e.shortName(), e.message));
}

} // namespace ui
