// The training charts as a reader sees them: ticks on 1-2-5 steps with
// whole epochs, labels that tell the ticks apart without needless digits, a
// constant learning rate as a line of text, the callback box never an empty
// frame, and the value under the pointer; a log scale for the loss, zoom and
// pan that a live run does not undo, callback events marked on the curve they
// concern and listed with epoch and value.
#include "tests/ui/ui_test_support.h"

#include "ui/charts/axis_ticks.h"
#include "ui/charts/line_chart.h"
#include "ui/training/training_charts.h"

#include <QAction>
#include <QApplication>
#include <QScrollBar>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QToolTip>
#include <QWheelEvent>
#include <QtTest>
#include <algorithm>
#include <cmath>

using namespace ui;

namespace {

QStringList labels(const AxisTicks& t) {
    QStringList out;
    for (int i = 0; i < t.tickCount(); ++i) out << t.label(t.tick(i));
    return out;
}

BatchUpdate batch(int epoch, int b, double loss, double learningRate) {
    BatchUpdate u;
    u.epoch = epoch;
    u.epochs = 3;
    u.batch = b;
    u.batches = 10;
    u.loss = loss;
    u.accuracy = 0.5;
    u.learningRate = learningRate;
    return u;
}

const int kHang = qEnvironmentVariableIntValue("CS_TEST_HANG_MS") > 0 ? qEnvironmentVariableIntValue("CS_TEST_HANG_MS") : 120000; // only a hang takes this long

// The texts Qt Charts draws now: titles, tick labels, legend.
QStringList drawnTexts(LineChart* chart) {
    QStringList out;
    auto* view = chart->findChild<QGraphicsView*>();
    if (!view) return out;
    for (QGraphicsItem* item : view->scene()->items()) {
        if (!item->isVisible()) continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item)) out << text->toPlainText();
        else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item)) out << simple->text();
    }
    return out;
}

// Every one of `labels` is drawn.
bool drawsAll(LineChart* chart, const QStringList& labels) {
    const QStringList texts = drawnTexts(chart);
    return std::all_of(labels.begin(), labels.end(), [&](const QString& l) { return texts.contains(l); });
}

void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons,
           Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget* w, QPointF from, QPointF to, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    mouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    mouse(w, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

// Waits for the chart's next redraw (points, zoom and scale reach the axes there).
bool redrawn(LineChart* chart) {
    QSignalSpy repainted(chart, &LineChart::repainted);
    return repainted.wait(kHang);
}

bool near(QPointF a, QPointF b, double tolerance) {
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}

EpochUpdate epoch(int e, double loss, double valLoss, double accuracy, double valAccuracy) {
    EpochUpdate u;
    u.epoch = e;
    u.epochs = 4;
    u.loss = loss;
    u.valLoss = valLoss;
    u.accuracy = accuracy;
    u.valAccuracy = valAccuracy;
    u.learningRate = 0.001;
    return u;
}

} // namespace

class TrainingChartsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ticksFallOnOneTwoFiveSteps() {
        // The losses 0.111 .. 2.56 (Qt's own ticks: 0.111 / 0.723 / 1.34 ...).
        const AxisTicks loss = niceTicks(0.111, 2.56, 7, false);
        QCOMPARE(loss.step, 0.5);
        QCOMPARE(labels(loss), (QStringList{"0", "0.5", "1", "1.5", "2", "2.5", "3"}).mid(0, loss.tickCount()));
        QCOMPARE(loss.from, 0.0);
        QVERIFY(loss.to >= 2.56 && loss.tickCount() <= 7);
        // Epochs: never 0.75 or 2.25.
        const AxisTicks epochs = niceTicks(0, 3, 8, true);
        QCOMPARE(labels(epochs), (QStringList{"0", "1", "2", "3"}));
        const AxisTicks many = niceTicks(0, 37, 5, true);
        QCOMPARE(many.step, 10.0);
        QCOMPARE(labels(many), (QStringList{"0", "10", "20", "30", "40"}));
        QCOMPARE(niceTicks(0, 0.4, 8, true).step, 1.0);
        // Accuracy's fixed 0..1.
        QCOMPARE(labels(niceTicks(0, 1, 6, false)), (QStringList{"0", "0.2", "0.4", "0.6", "0.8", "1"}));
        // Every count of ticks asked for is respected, whatever the range.
        for (int maxTicks = 2; maxTicks <= 11; ++maxTicks)
            for (double hi : {0.0013, 0.9, 1.0, 7.3, 64.0, 1234.5}) {
                const AxisTicks t = niceTicks(hi / 7, hi, maxTicks, false);
                QVERIFY2(t.tickCount() <= maxTicks && t.tickCount() >= 2,
                         qPrintable(QString("%1 ticks for max %2 up to %3").arg(t.tickCount()).arg(maxTicks).arg(hi)));
                QVERIFY(t.from <= hi / 7 && t.to >= hi);
                const QStringList l = labels(t);
                QCOMPARE(QSet<QString>(l.begin(), l.end()).size(), l.size()); // distinct labels
            }
    }

    void smallValuesGetShortDistinctLabels() {
        // The learning rate 0.000975 .. 0.00105 (labels 0.00105 / 0.00102 / 0.000975).
        const AxisTicks lr = niceTicks(0.000975, 0.00105, 5, false);
        const QStringList l = labels(lr);
        QCOMPARE(l.size(), lr.tickCount());
        QCOMPARE(QSet<QString>(l.begin(), l.end()).size(), l.size());
        for (const QString& s : l) QVERIFY2(s.size() <= 7, qPrintable(s));
        QVERIFY(l.contains("0.001"));
        // A flat line gets a range around its value, with the value a tick.
        const AxisTicks flat = niceTicks(0.001, 0.001, 5, false);
        QVERIFY(flat.from < 0.001 && flat.to > 0.001);
        QVERIFY(labels(flat).contains("0.001"));
        QCOMPARE(niceTicks(0, 0, 5, false).to, 1.0);
        QCOMPARE(niceTicks(200, 1000, 5, false).label(1000), QString("1000"));
    }

    void chartsUseTheTicksAndSayTheValueUnderThePointer() {
        TrainingCharts charts;
        charts.resize(1000, 700);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.begin(3);
        EpochUpdate e;
        e.epochs = 3;
        const double losses[] = {2.56, 0.723, 0.111};
        for (int epoch = 0; epoch < 3; ++epoch) {
            e.epoch = epoch;
            e.loss = losses[epoch];
            e.accuracy = 0.3 * (epoch + 1);
            charts.addEpoch(e);
        }
        QTRY_VERIFY_WITH_TIMEOUT(charts.lossChart()->drawnPointCount(TrainingCharts::TrainEpoch) == 3, 600000);
        const AxisTicks x = charts.lossChart()->xTicks(), y = charts.lossChart()->yTicks();
        QCOMPARE(x.step, 1.0);
        QCOMPARE(x.from, 0.0);
        QCOMPARE(x.to, 3.0);
        QCOMPARE(y.from, 0.0);
        QVERIFY(y.to >= 2.56);
        const double m = y.step / std::pow(10.0, std::floor(std::log10(y.step)));
        QVERIFY2(qFuzzyCompare(m, 1.0) || qFuzzyCompare(m, 2.0) || qFuzzyCompare(m, 5.0), qPrintable(QString::number(y.step)));
        QCOMPARE(charts.accuracyChart()->yTicks().from, 0.0);
        QCOMPARE(charts.accuracyChart()->yTicks().to, 1.0);
        // Hovering near x = 2.1 names the series and epoch 2's value.
        QCOMPARE(charts.lossChart()->readout(TrainingCharts::TrainEpoch, 2.1), QString("training, epoch 2: 0.723"));
        QVERIFY(charts.lossChart()->readout(TrainingCharts::CompareTrain, 2).isEmpty());
        // Resting the pointer on epoch 2's point shows that read-out, and it stays
        // (Qt's scene would hide it when the pointer rests).
        LineChart* loss = charts.lossChart();
        const QPointF at = loss->positionOf({2, 0.723}) + QPointF(3, -2);
        QCOMPARE(loss->tooltipAt(at), QString("training, epoch 2: 0.723"));
        QHelpEvent help(QEvent::ToolTip, at.toPoint(), loss->plotArea()->mapToGlobal(at.toPoint()));
        QApplication::sendEvent(loss->plotArea(), &help);
        QCOMPARE(QToolTip::text(), QString("training, epoch 2: 0.723"));
        // Away from the curves: no value.
        QVERIFY(loss->tooltipAt(loss->positionOf({1.5, 2.0})).isEmpty());
    }

    void aConstantLearningRateIsALineOfTextUntilItChanges() {
        TrainingCharts charts;
        charts.resize(1000, 700);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.begin(3);
        // Before any batch, and with no events: notes, no empty frames.
        QVERIFY(!charts.learningRateChart()->isVisible());
        QVERIFY(charts.learningRateNote()->isVisible());
        QVERIFY(!charts.events()->isVisible());
        QVERIFY(charts.noEventsNote()->isVisible());
        for (int b = 1; b <= 5; ++b) charts.addBatch(batch(0, b, 1.0 / b, 0.001));
        QVERIFY(!charts.learningRateChart()->isVisible());
        QCOMPARE(charts.learningRateNote()->text(), QString("Learning rate: 0.001, constant so far."));
        // ReduceLROnPlateau: the chart appears with the whole history.
        EventUpdate reduced;
        reduced.kind = EventUpdate::LearningRateReduced;
        reduced.epoch = 0;
        reduced.value = 0.0001;
        reduced.message = "learning rate reduced to 0.0001";
        charts.addEvent(reduced);
        charts.addBatch(batch(1, 1, 0.2, 0.0001));
        QVERIFY(charts.learningRateChart()->isVisible());
        QVERIFY(!charts.learningRateNote()->isVisible());
        QCOMPARE(charts.learningRateChart()->points(0).size(), 6);
        QVERIFY(charts.events()->isVisible());
        QVERIFY(!charts.noEventsNote()->isVisible());
        QCOMPARE(charts.events()->count(), 1);
        // One event is one row high, not a tall empty frame.
        QApplication::processEvents();
        QVERIFY2(charts.events()->height() < 2 * charts.events()->fontMetrics().height() + 2 * charts.events()->frameWidth(),
                 qPrintable(QString::number(charts.events()->height())));
        // Narrow, a long entry wraps: no sideways scroll bar taking the row's place, and the
        // list grows to its lines.
        charts.resize(520, 700);
        QApplication::processEvents();
        QApplication::processEvents();
        QVERIFY(!charts.events()->horizontalScrollBar()->isVisible());
        const QRect line = charts.events()->visualItemRect(charts.events()->item(0));
        QVERIFY2(line.height() > charts.events()->fontMetrics().height() * 3 / 2, // two lines or more
                 qPrintable(QString::number(line.height())));
        QVERIFY2(charts.events()->viewport()->height() >= line.bottom(),
                 qPrintable(QString("%1 < %2").arg(charts.events()->viewport()->height()).arg(line.bottom())));
        charts.resize(1000, 700);
        // Short as it is under the loss and accuracy, its labels are drawn whole.
        charts.resize(900, 420);
        LineChart* rate = charts.learningRateChart();
        QVERIFY(redrawn(rate));
        QTRY_VERIFY2_WITH_TIMEOUT(drawsAll(rate, labels(rate->yTicks())), qPrintable(drawnTexts(rate).join('|')), kHang);
        for (const QString& t : drawnTexts(rate)) QVERIFY2(!t.contains("..."), qPrintable(drawnTexts(rate).join('|')));
        // A new run starts compact again.
        charts.begin(3);
        QVERIFY(!charts.learningRateChart()->isVisible());
        QVERIFY(charts.noEventsNote()->isVisible());
        QCOMPARE(charts.learningRateNote()->text(), QString("Learning rate: shown when a run starts."));
        // A run that ends with no event says so, rather than "yet".
        charts.end();
        QVERIFY(charts.noEventsNote()->isVisible());
        QCOMPARE(charts.noEventsNote()->text(), QString("No callback fired in this run."));
        charts.begin(3);
        QVERIFY(charts.noEventsNote()->text().startsWith("No callback events yet"));
    }

    void logTicksAreDecades() {
        const AxisTicks t = logTicks(0.0031, 2.3, 8);
        QVERIFY(t.logarithmic);
        QCOMPARE(labels(t), (QStringList{"0.001", "0.01", "0.1", "1", "10"}));
        // Little room: every other decade, still whole powers of ten.
        const AxisTicks sparse = logTicks(0.00012, 2.3, 3);
        QVERIFY(sparse.tickCount() <= 3);
        QCOMPARE(sparse.step, 1e4); // whole powers of the axis's base, 10^4
        QCOMPARE(labels(sparse), (QStringList{"0.0001", "1", "10000"}));
        QVERIFY(sparse.from <= 0.00012 && sparse.to >= 2.3);
        // A range within one decade still spans one; big values print whole.
        QCOMPARE(labels(logTicks(0.2, 0.3, 6)), (QStringList{"0.1", "1"}));
        QCOMPARE(labels(logTicks(150, 900, 6)), (QStringList{"100", "1000"}));
    }

    void theLossChartTakesALogScaleWithDecadeTicks() {
        TrainingCharts charts;
        charts.resize(900, 560);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.begin(4);
        const double losses[] = {2.3, 0.61, 0.052, 0.0031}, valLosses[] = {2.1, 0.7, 0.2, 0.15};
        for (int e = 0; e < 4; ++e) charts.addEpoch(epoch(e, losses[e], valLosses[e], 0.5, 0.5));
        LineChart* loss = charts.lossChart();
        QTRY_COMPARE_WITH_TIMEOUT(loss->drawnPointCount(TrainingCharts::TrainEpoch), 4, kHang);
        QVERIFY(!loss->yTicks().logarithmic);
        // Offered in the loss chart's context menu (its actions), not for accuracy's 0..1.
        QVERIFY(loss->logScaleAction());
        QVERIFY(loss->actions().contains(loss->logScaleAction()));
        QVERIFY(!charts.accuracyChart()->logScaleAction());
        loss->logScaleAction()->trigger();
        QVERIFY(loss->logScaleY());
        QVERIFY(redrawn(loss));
        const AxisTicks y = loss->yTicks();
        QVERIFY(y.logarithmic);
        QCOMPARE(labels(y), (QStringList{"0.001", "0.01", "0.1", "1", "10"}));
        QCOMPARE(loss->yRange(), QPointF(0.001, 10));
        // The labels are drawn whole (never "..."), here and on a small chart (Qt Charts
        // lays its labels out after the redraw: wait for them).
        QTRY_VERIFY2_WITH_TIMEOUT(drawsAll(loss, labels(y)), qPrintable(drawnTexts(loss).join('|')), kHang);
        QStringList texts = drawnTexts(loss);
        for (const QString& t : texts) QVERIFY2(!t.contains("..."), qPrintable(texts.join('|')));
        charts.resize(620, 380);
        QVERIFY(redrawn(loss));
        QVERIFY(loss->yTicks().tickCount() >= 3);
        QTRY_VERIFY2_WITH_TIMEOUT(drawsAll(loss, labels(loss->yTicks())), qPrintable(drawnTexts(loss).join('|')), kHang);
        texts = drawnTexts(loss);
        for (const QString& t : texts) QVERIFY2(!t.contains("..."), qPrintable(texts.join('|')));
        // A new run keeps the reader's choice.
        charts.begin(4);
        QVERIFY(loss->logScaleY());
        QVERIFY(loss->logScaleAction()->isChecked());
        charts.addEpoch(epoch(0, 0.4, 0.5, 0.5, 0.5));
        QVERIFY(redrawn(loss));
        QVERIFY(loss->yTicks().logarithmic);
        // Off again: linear 1-2-5 ticks.
        loss->logScaleAction()->trigger();
        QVERIFY(redrawn(loss));
        QVERIFY(!loss->yTicks().logarithmic);
        QVERIFY(loss->yRange().x() <= 0.4 && loss->yRange().y() >= 0.5 && loss->yRange().y() < 1);
    }

    void zoomAndPanStickWhilePointsArriveUntilReset() {
        LineChart chart;
        chart.setAxisTitles("epoch", "loss");
        const int s = chart.addSeries("training", {QColor(Qt::blue)});
        for (int i = 0; i <= 10; ++i) chart.append(s, i, 10 - i);
        chart.resize(640, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTRY_COMPARE_WITH_TIMEOUT(chart.drawnPointCount(s), 11, kHang);
        QCOMPARE(chart.xRange(), QPointF(0, 10));
        QVERIFY(!chart.isZoomed());
        QVERIFY(!chart.resetZoomAction()->isEnabled());
        QVERIFY(chart.actions().contains(chart.resetZoomAction())); // in the context menu

        // A drag from (2, 8) to (5, 3) shows that rectangle.
        QWidget* area = chart.plotArea();
        const QPointF a = chart.positionOf({2, 8}), b = chart.positionOf({5, 3});
        QVERIFY(near(chart.valueAt(a), {2, 8}, 0.05));
        drag(area, a, b);
        QVERIFY(chart.isZoomed());
        QVERIFY(chart.resetZoomAction()->isEnabled());
        QVERIFY(redrawn(&chart));
        QVERIFY2(near(chart.xRange(), {2, 5}, 0.05), qPrintable(QString("%1 %2").arg(chart.xRange().x()).arg(chart.xRange().y())));
        QVERIFY(near(chart.yRange(), {3, 8}, 0.05));
        const QPointF zoomedX = chart.xRange(), zoomedY = chart.yRange();

        // A live run's new points do not undo it.
        for (int i = 11; i <= 15; ++i) chart.append(s, i, 0.5);
        QVERIFY(redrawn(&chart));
        QCOMPARE(chart.drawnPointCount(s), 16);
        QCOMPARE(chart.xRange(), zoomedX);
        QCOMPARE(chart.yRange(), zoomedY);

        // Arrow keys pan by a tenth of the range; Shift+drag pans with the pointer.
        QTest::keyClick(&chart, Qt::Key_Right);
        QVERIFY(redrawn(&chart));
        const double width = zoomedX.y() - zoomedX.x();
        QVERIFY(near(chart.xRange(), zoomedX + QPointF(width / 10, width / 10), 1e-9));
        QCOMPARE(chart.yRange(), zoomedY);
        const QPointF before = chart.xRange();
        const QPointF from = chart.positionOf({4, 5}), to = chart.positionOf({3, 5});
        drag(area, from, to, Qt::ShiftModifier);
        QVERIFY(redrawn(&chart));
        QVERIFY(near(chart.xRange(), before + QPointF(1, 1), 0.05));

        // The wheel zooms in about the pointer: the value under it stays put.
        const QPointF pointer = chart.positionOf({4, 5});
        const QPointF rangeBefore = chart.xRange();
        QWheelEvent wheel(pointer, area->mapToGlobal(pointer), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(area, &wheel);
        QVERIFY(redrawn(&chart));
        QVERIFY(chart.xRange().y() - chart.xRange().x() < rangeBefore.y() - rangeBefore.x());
        QVERIFY(near(chart.valueAt(pointer), {4, 5}, 0.05));

        // Esc goes back to all of the data, which has grown meanwhile.
        QTest::keyClick(&chart, Qt::Key_Escape);
        QVERIFY(!chart.isZoomed());
        QVERIFY(redrawn(&chart));
        QCOMPARE(chart.xRange().x(), 0.0);
        QVERIFY(chart.xRange().y() >= 15 && chart.xRange().y() == chart.xTicks().to);
        // So do a double-click and the Reset zoom action.
        chart.zoomTo(1, 2, 1, 2);
        QVERIFY(chart.isZoomed());
        mouse(area, QEvent::MouseButtonDblClick, pointer, Qt::LeftButton, Qt::LeftButton);
        QVERIFY(!chart.isZoomed());
        chart.zoomTo(1, 2, 1, 2);
        chart.resetZoomAction()->trigger();
        QVERIFY(!chart.isZoomed());
        QVERIFY(!chart.resetZoomAction()->isEnabled());
    }

    void callbackEventsAreMarkedOnTheirCurveAndListed() {
        TrainingCharts charts;
        charts.resize(1000, 700);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.begin(4);
        const double valLosses[] = {0.9, 0.8, 0.85, 0.86}, valAccuracies[] = {0.6, 0.7, 0.68, 0.69};
        auto event = [](EventUpdate::Kind kind, int epoch, double value, const char* monitor) {
            EventUpdate e;
            e.kind = kind;
            e.epoch = epoch;
            e.value = value;
            e.monitor = monitor;
            return e;
        };
        charts.addEpoch(epoch(0, 1.0, valLosses[0], 0.5, valAccuracies[0]));
        EventUpdate saved = event(EventUpdate::CheckpointSaved, 0, valLosses[0], "val_loss");
        saved.path = "/somewhere/best_model.safetensors";
        charts.addEvent(saved);
        charts.addEpoch(epoch(1, 0.7, valLosses[1], 0.6, valAccuracies[1]));
        charts.addEvent(event(EventUpdate::LearningRateReduced, 1, 0.0005, "val_loss"));
        // An event can arrive before its epoch's point: its mark waits for the point.
        charts.addEvent(event(EventUpdate::EarlyStopping, 2, valAccuracies[1], "val_accuracy"));
        charts.addEvent(event(EventUpdate::BestWeightsRestored, 2, valAccuracies[1], "val_accuracy"));
        LineChart* accuracy = charts.accuracyChart();
        QCOMPARE(accuracy->markCount(), 1);
        QVERIFY(std::isnan(accuracy->markPosition(0).y()));
        charts.addEpoch(epoch(2, 0.6, valLosses[2], 0.65, valAccuracies[2]));
        EventUpdate nan = event(EventUpdate::NonFiniteLoss, 3, 0, "");
        nan.message = "the loss became NaN";
        charts.addEvent(nan);

        // The loss chart: the checkpoint and the reduction on the validation loss, in order.
        LineChart* loss = charts.lossChart();
        QCOMPARE(loss->markCount(), 2);
        QCOMPARE(loss->mark(0).label, QString("checkpoint"));
        QCOMPARE(loss->markSeries(0), int(TrainingCharts::ValidationEpoch));
        QCOMPARE(loss->markPosition(0), QPointF(1, valLosses[0]));
        QCOMPARE(loss->mark(1).label, QString("LR reduced"));
        QCOMPARE(loss->markPosition(1), QPointF(2, valLosses[1]));
        QVERIFY2(loss->mark(1).tooltip.contains("epoch 2") && loss->mark(1).tooltip.contains("0.0005"),
                 qPrintable(loss->mark(1).tooltip));
        // The early stop on validation accuracy, at the epoch it stopped.
        QCOMPARE(accuracy->markCount(), 1);
        QCOMPARE(accuracy->mark(0).label, QString("early stop"));
        QCOMPARE(accuracy->markSeries(0), int(TrainingCharts::ValidationEpoch));
        QCOMPARE(accuracy->markPosition(0), QPointF(3, valAccuracies[2]));
        // The new learning rate on the learning-rate chart.
        QCOMPARE(charts.learningRateChart()->markCount(), 1);
        QCOMPARE(charts.learningRateChart()->markPosition(0), QPointF(2, 0.0005));
        // An event of no curve (a NaN loss) is a vertical line on loss and accuracy.
        QCOMPARE(loss->markerCount(), 1);
        QCOMPARE(accuracy->markerCount(), 1);

        // The list: each event with its epoch and value, in the order they came.
        QListWidget* list = charts.events();
        QVERIFY(list->isVisible());
        QVERIFY(!charts.noEventsNote()->isVisible());
        QCOMPARE(list->count(), 5);
        const QStringList expected = {"epoch 1 · checkpoint saved · val_loss 0.9 · best_model.safetensors",
                                      "epoch 2 · learning rate reduced to 0.0005 (val_loss stalled)",
                                      "epoch 3 · early stop · best val_accuracy 0.7",
                                      "epoch 3 · best weights restored (val_accuracy 0.7)",
                                      "epoch 4 · NaN loss: the loss became NaN"};
        for (int i = 0; i < list->count(); ++i) QCOMPARE(list->item(i)->text(), expected[i]);
        // A new run: no marks, no list, the note again.
        charts.begin(4);
        QCOMPARE(loss->markCount(), 0);
        QCOMPARE(accuracy->markCount(), 0);
        QCOMPARE(list->count(), 0);
        QVERIFY(charts.noEventsNote()->isVisible());
    }
};

UI_TEST_CLASS(TrainingChartsTest);
#include "test_training_charts.moc"
