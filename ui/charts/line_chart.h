// LineChart: the project's line chart (training curves), a thin wrapper over
// Qt Charts like BarChart, so nothing else includes a Qt Charts header.
// Points are appended from any rate of updates but drawn at most 15 times a
// second: append() stores them and a coalescing timer hands them to the chart
// (repainted() follows each redraw); empty series stay out of the legend.
// Vertical markers note events such as "checkpoint" or "LR reduced" at an x
// position.
//
//   int train = chart->addSeries("loss", {QColor("#2f80d0")});
//   chart->append(train, epoch + 1, loss);
//   chart->addMarker(3, "LR reduced");
#pragma once

#include "ui/charts/axis_ticks.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QTimer;

namespace ui {

struct LineStyle {
    QColor color;
    bool dashed = false;
    bool points = false; // draw a dot at each point (per-epoch values)
    double width = 2.0;
};

class LineChart : public QWidget {
    Q_OBJECT
public:
    explicit LineChart(QWidget* parent = nullptr);
    ~LineChart() override;

    void setTitle(const QString& title);
    void setAxisTitles(const QString& x, const QString& y);
    QStringList titles() const { return {title_, xTitle_, yTitle_}; } // what the chart writes
    // The x range shown at least (it grows with the data), e.g. 0..epochs.
    void setMinimumXRange(double from, double to);
    // A fixed y range (accuracy 0..1); without it y follows the data.
    void setFixedYRange(double from, double to);
    // x counts whole things (epochs): ticks at integers only. Default: on.
    void setIntegerX(bool on);
    // Drawn at most `perSecond` times a second (default 15: smooth enough for curves,
    // and each redraw of three antialiased charts takes CPU from training).
    void setMaxRepaintRate(int perSecond);

    int addSeries(const QString& name, const LineStyle& style);
    void append(int series, double x, double y);
    void setPoints(int series, const QVector<QPointF>& points); // replaces them
    void setSeriesName(int series, const QString& name);
    void addMarker(double x, const QString& label);
    // Every series empty (but those kept), markers gone; the series stay.
    void clearData(const QList<int>& keep = {});

    int seriesCount() const { return int(series_.size()); }
    QString seriesName(int series) const { return series_.value(series).name; }
    QVector<QPointF> points(int series) const { return series_.value(series).points; }
    // Points the chart draws now (those appended since the last repaint are not yet).
    int drawnPointCount(int series) const;
    int markerCount() const { return int(markers_.size()); }
    QString markerLabel(int i) const { return markers_.value(i).label; }
    int repaintCount() const { return repaints_; }
    // The ticks of the last redraw (1-2-5 steps, sized to the chart).
    AxisTicks xTicks() const { return xTicks_; }
    AxisTicks yTicks() const { return yTicks_; }
    // What hovering a curve shows: the series, and its data point nearest to x.
    QString readout(int series, double x) const;

Q_SIGNALS:
    void repainted();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Series {
        QString name;
        LineStyle style;
        QVector<QPointF> points;
    };
    struct Marker {
        double x;
        QString label;
    };
    void scheduleRepaint();
    void repaintNow();
    void applyTheme();

    struct Impl;
    Impl* impl_;
    QString title_, xTitle_, yTitle_;
    double minX0_ = 0, minX1_ = 1;
    bool fixedY_ = false;
    bool integerX_ = true;
    AxisTicks xTicks_, yTicks_;
    double y0_ = 0, y1_ = 1;
    QList<Series> series_;
    QList<Marker> markers_;
    QTimer* timer_;
    int repaints_ = 0;
};

} // namespace ui
