#include "ui/training/training_charts.h"

#include "ui/charts/line_chart.h"
#include "ui/export/export_target.h"
#include "ui/training/run_history.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <tuple>

namespace ui {

namespace {
const QColor kTrain(0x2f, 0x80, 0xd0);
const QColor kValidation(0xd9, 0x8a, 0x1c);
const QColor kLearningRate(0x1f, 0xa0, 0x8a);

QColor faded(QColor c) {
    c.setAlphaF(0.45f);
    return c;
}

// Legend names: five of them share a chart's width (a third of the page), so each language
// keeps them short (the .ts's "legend" entries).
void addCurves(LineChart* chart) {
    chart->addSeries(QCoreApplication::translate("ui::TrainingCharts", "training", "legend"), {kTrain, false, true, 2.0});
    chart->addSeries(QCoreApplication::translate("ui::TrainingCharts", "validation", "legend"),
                     {kValidation, false, true, 2.0});
    chart->addSeries(QCoreApplication::translate("ui::TrainingCharts", "per batch", "legend"),
                     {faded(kTrain), false, false, 1.5});
    chart->addSeries(QCoreApplication::translate("ui::TrainingCharts", "earlier run train", "legend"),
                     {faded(kTrain), true, false, 1.5});
    chart->addSeries(QCoreApplication::translate("ui::TrainingCharts", "earlier run val", "legend"),
                     {faded(kValidation), true, false, 1.5});
}
} // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent), loss_(new LineChart(this)), accuracy_(new LineChart(this)),
      learningRate_(new LineChart(this)), events_(new QListWidget(this)),
      learningRateNote_(new QLabel(this)), noEvents_(new QLabel(this)), grid_(new QGridLayout(this)) {
    loss_->setTitle(tr("Loss"));
    loss_->setAxisTitles(tr("epoch"), tr("loss"));
    loss_->setLogScaleOffered(true); // losses span decades; accuracy's 0..1 does not
    addCurves(loss_);
    accuracy_->setTitle(tr("Accuracy"));
    accuracy_->setAxisTitles(tr("epoch"), tr("accuracy"));
    accuracy_->setFixedYRange(0, 1);
    addCurves(accuracy_);
    learningRate_->setTitle(tr("Learning rate"));
    // Short under the two big charts: its title says what the line is and the epochs
    // line up with the charts above, so no axis title or legend takes the labels' room.
    learningRate_->setAxisTitles(QString(), QString());
    learningRate_->addSeries(tr("learning rate"), {kLearningRate, false, false, 2.0});
    learningRate_->setLegendVisible(false);
    learningRateNote_->setObjectName("learningRateNote");
    learningRateNote_->setWordWrap(true);
    noEvents_->setObjectName("noEventsNote");
    noEvents_->setWordWrap(true);

    noEvents_->setEnabled(false); // greyed: a placeholder, not a message
    noEvents_->setText(tr("No callback events yet: early stopping, saved checkpoints and learning-rate "
                          "reductions are listed here with their epoch."));

    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->addWidget(loss_, 0, 0);
    grid_->addWidget(accuracy_, 0, 1);
    auto* rateBox = new QVBoxLayout;
    rateBox->addWidget(learningRate_, 1);
    rateBox->addWidget(learningRateNote_);
    rateBox->addStretch(0);
    grid_->addLayout(rateBox, 1, 0);
    auto* eventsBox = new QVBoxLayout;
    eventsBox->addWidget(new QLabel(tr("Callback events"), this));
    events_->setWordWrap(true);
    events_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long entries wrap instead
    events_->setResizeMode(QListView::Adjust);
    events_->viewport()->installEventFilter(this);
    eventsBox->addWidget(events_);
    eventsBox->addWidget(noEvents_);
    eventsBox->addStretch(1); // a short list sits at the top, not in a tall empty frame
    grid_->addLayout(eventsBox, 1, 1);
    grid_->setRowStretch(0, 3);
    for (auto [chart, title, stem] : {std::tuple{loss_, tr("Loss chart"), QStringLiteral("loss")},
                                      std::tuple{accuracy_, tr("Accuracy chart"), QStringLiteral("accuracy")},
                                      std::tuple{learningRate_, tr("Learning-rate chart"),
                                                 QStringLiteral("learning_rate")}}) {
        ExportTarget* target = ExportTarget::attach(chart, title, stem);
        target->addTable(tr("history"), [this] { return historyTable(); });
        target->setPainter([chart] { return chart->size(); }, [chart](QPainter& p) { chart->renderChart(p); });
    }
    updateBottomRow();
}

DataTable TrainingCharts::historyTable() const {
    DataTable t;
    t.name = tr("history");
    t.header = {"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"};
    for (const EpochUpdate& e : epochs_)
        t.rows.append({QString::number(e.epoch + 1), cellNumber(e.loss), cellNumber(e.accuracy),
                       cellNumber(e.valLoss), cellNumber(e.valAccuracy), cellNumber(e.learningRate)});
    return t;
}

void TrainingCharts::fitEventsHeight() {
    // Up to eight entries; more scroll. Each entry's lines at the list's width, measured here:
    // the view lays its items out later. Only the height changes, so no resize loop.
    const int width = std::max(1, events_->viewport()->width() - 12); // less the item's margins
    int height = 2 * events_->frameWidth();
    for (int i = 0; i < std::min(events_->count(), 8); ++i)
        height += std::max(events_->sizeHintForRow(i),
                           events_->fontMetrics()
                                   .boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap,
                                                 events_->item(i)->text())
                                   .height() + 4);
    events_->setMaximumHeight(std::max(height, 2 * events_->frameWidth() + 1));
}

bool TrainingCharts::eventFilter(QObject* watched, QEvent* event) {
    if (watched == events_->viewport() && event->type() == QEvent::Resize) fitEventsHeight(); // a new width rewraps
    return QWidget::eventFilter(watched, event);
}

void TrainingCharts::updateBottomRow() {
    // A constant learning rate is one line of text, not a quarter of the page
    // for a flat line; its chart appears when the rate first changes.
    learningRate_->setVisible(learningRateVaries_);
    learningRateNote_->setVisible(!learningRateVaries_);
    learningRateNote_->setText(
        learningRateSeen_ ? tr("Learning rate: %1, constant so far.").arg(QString::number(firstLearningRate_, 'g', 6))
                          : tr("Learning rate: shown when a run starts."));
    events_->setVisible(events_->count() > 0);
    noEvents_->setVisible(events_->count() == 0);
    fitEventsHeight();
    const bool tall = learningRateVaries_ || events_->count() > 8;
    grid_->setRowStretch(1, tall ? 2 : 0);
}

void TrainingCharts::begin(int epochs) {
    for (LineChart* chart : {loss_, accuracy_, learningRate_}) {
        chart->clearData({CompareTrain, CompareValidation});
        chart->setMinimumXRange(0, epochs);
    }
    events_->clear();
    noEvents_->setText(tr("No callback events yet: early stopping, saved checkpoints and learning-rate "
                          "reductions are listed here with their epoch."));
    epochs_.clear();
    smooth_ = {};
    learningRateSeen_ = learningRateVaries_ = false;
    updateBottomRow();
}

void TrainingCharts::end() {
    if (events_->count() == 0) noEvents_->setText(tr("No callback fired in this run."));
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
    if (!learningRateSeen_) {
        learningRateSeen_ = true;
        firstLearningRate_ = u.learningRate;
        updateBottomRow();
    } else if (!learningRateVaries_ &&
               std::abs(u.learningRate - firstLearningRate_) > 1e-9 * std::abs(firstLearningRate_)) {
        learningRateVaries_ = true;
        updateBottomRow();
    }
}

void TrainingCharts::addEpoch(const EpochUpdate& u) {
    const double x = u.epoch + 1;
    epochs_.push_back(u);
    epochs_.back().snapshot.reset(); // the table keeps numbers, not the epoch's model
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
    const QString name = run ? tr("run %1", "legend").arg(run->number) : tr("earlier run", "legend");
    for (LineChart* chart : {loss_, accuracy_}) {
        chart->setSeriesName(CompareTrain, tr("%1 train", "legend").arg(name));
        chart->setSeriesName(CompareValidation, tr("%1 val", "legend").arg(name));
    }
    loss_->setPoints(CompareTrain, loss);
    loss_->setPoints(CompareValidation, valLoss);
    accuracy_->setPoints(CompareTrain, accuracy);
    accuracy_->setPoints(CompareValidation, valAccuracy);
}

void TrainingCharts::addEvent(const EventUpdate& e) {
    const double x = e.epoch + 1;
    const QString tooltip = e.listText() + (e.message.isEmpty() ? QString() : "\n" + e.message);
    // On the curve the callback watches, at the epoch it acted (its point may come later).
    LineChart* chart = nullptr;
    int series = -1;
    if (e.monitor == "loss" || e.monitor == "val_loss") chart = loss_;
    if (e.monitor == "accuracy" || e.monitor == "val_accuracy") chart = accuracy_;
    if (chart) series = e.monitor.startsWith("val_") ? ValidationEpoch : TrainEpoch;
    static const QColor kStop(0xc8, 0x3c, 0x3c), kSaved(0x2e, 0x9d, 0x4f), kReduced(0x8a, 0x4f, 0xd0);
    switch (e.kind) {
    case EventUpdate::BestWeightsRestored:
        break; // listed: the early stop's mark already stands there
    case EventUpdate::EarlyStopping:
    case EventUpdate::CheckpointSaved:
    case EventUpdate::LearningRateReduced: {
        const ChartMark mark{e.shortName(), tooltip,
                             e.kind == EventUpdate::EarlyStopping     ? kStop
                             : e.kind == EventUpdate::CheckpointSaved ? kSaved
                                                                      : kReduced,
                             e.kind == EventUpdate::EarlyStopping     ? ChartMark::Square
                             : e.kind == EventUpdate::CheckpointSaved ? ChartMark::Star
                                                                      : ChartMark::Triangle};
        if (chart) chart->addMark(series, x, mark);
        else // a monitor with no curve here: a line across the epoch
            for (LineChart* c : {loss_, accuracy_}) c->addMarker(x, e.shortName());
        if (e.kind == EventUpdate::LearningRateReduced) learningRate_->addMark(0, x, mark, e.value);
        break;
    }
    default: // a NaN loss, a file that could not be written: no curve holds them
        for (LineChart* c : {loss_, accuracy_}) c->addMarker(x, e.shortName());
        break;
    }
    auto* item = new QListWidgetItem(e.listText(), events_);
    item->setToolTip(tooltip);
    updateBottomRow();
}

} // namespace ui
