// The training charts as a reader sees them: ticks on 1-2-5 steps with
// whole epochs, labels that tell the ticks apart without needless digits, a
// constant learning rate as a line of text, the callback box never an empty
// frame, and the value under the pointer.
#include "tests/ui/ui_test_support.h"

#include "ui/charts/axis_ticks.h"
#include "ui/charts/line_chart.h"
#include "ui/training/training_charts.h"

#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QtTest>
#include <cmath>

using namespace ui;

namespace {

QStringList labels(const AxisTicks& t) {
    QStringList out;
    for (int i = 0; i < t.tickCount(); ++i) out << t.label(t.from + i * t.step);
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
        // A new run starts compact again.
        charts.begin(3);
        QVERIFY(!charts.learningRateChart()->isVisible());
        QVERIFY(charts.noEventsNote()->isVisible());
        QCOMPARE(charts.learningRateNote()->text(), QString("Learning rate: shown when a run starts."));
    }
};

UI_TEST_CLASS(TrainingChartsTest);
#include "test_training_charts.moc"
