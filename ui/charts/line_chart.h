// LineChart: the project's line chart (training curves), a thin wrapper over
// Qt Charts like BarChart, so nothing else includes a Qt Charts header.
// Points are appended from any rate of updates but drawn at most 15 times a
// second: append() stores them and a coalescing timer hands them to the chart
// (repainted() follows each redraw); empty series stay out of the legend.
// Marks note events such as "checkpoint" or "LR reduced" on the curve they
// concern (a symbol on the series' point at that x, with a tooltip); a
// vertical marker notes one that concerns no curve.
//
// The reader can look closer: the wheel zooms about the pointer, a drag
// zooms to the rectangle drawn, Shift+drag (or the middle button) and the
// arrow keys pan, + and - zoom; double-click, Esc or "Reset zoom" go back to
// the whole data. A zoom sticks while points keep arriving (a live run does
// not undo it) until it is reset. The y axis can be logarithmic (decades),
// offered in the context menu and as a small "log" button.
//
//   int train = chart->addSeries("loss", {QColor("#2f80d0")});
//   chart->append(train, epoch + 1, loss);
//   chart->addMark(train, 3, {"LR reduced", "learning rate 0.0005", QColor("#8a4fd0")});
//   chart->addMarker(3, "NaN loss");
#pragma once

#include "ui/charts/axis_ticks.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <optional>

class QAction;
class QPainter;
class QTimer;
class QToolButton;

namespace ui {

struct LineStyle {
    QColor color;
    bool dashed = false;
    bool points = false; // draw a dot at each point (per-epoch values)
    double width = 2.0;
};

// An event marked on a curve.
struct ChartMark {
    QString label;   // short: "LR reduced"
    QString tooltip; // what hovering it says
    QColor color;
    enum Shape { Circle, Square, Triangle, Star } shape = Circle;
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
    void setLegendVisible(bool on); // default on

    int addSeries(const QString& name, const LineStyle& style);
    void append(int series, double x, double y);
    void setPoints(int series, const QVector<QPointF>& points); // replaces them
    void setSeriesName(int series, const QString& name);
    void addMarker(double x, const QString& label);
    // A mark on `series` at its point at x (drawn once that point exists), or
    // at (x, y) when y is given.
    void addMark(int series, double x, const ChartMark& mark, double y = qQNaN());
    // Every series empty (but those kept), markers and marks gone; the series stay.
    void clearData(const QList<int>& keep = {});

    // The y axis in decades; values <= 0 are left out while it is on. Kept
    // across clearData (a new run), as the reader chose it.
    void setLogScaleY(bool on);
    bool logScaleY() const { return logY_; }
    // Offers the log scale in the context menu and as a small button.
    void setLogScaleOffered(bool on);
    QAction* logScaleAction() const { return logAction_; }
    QAction* resetZoomAction() const { return resetAction_; }

    // Zoom: the range shown, in data values, stays until resetZoom().
    void zoomTo(double x0, double x1, double y0, double y1);
    void resetZoom();
    bool isZoomed() const { return zoomX_ || zoomY_; }
    // The ranges the axes show now (after the last redraw).
    QPointF xRange() const { return {shownX0_, shownX1_}; }
    QPointF yRange() const { return {shownY0_, shownY1_}; }
    // Where the mouse goes (the plot's viewport), and value <-> viewport pixel.
    QWidget* plotArea() const;
    QPointF valueAt(const QPointF& viewportPos) const;
    QPointF positionOf(const QPointF& value) const;
    // Draws the chart alone (no buttons over it): what an export shows.
    void renderChart(QPainter& painter);

    int seriesCount() const { return int(series_.size()); }
    QString seriesName(int series) const { return series_.value(series).name; }
    QVector<QPointF> points(int series) const { return series_.value(series).points; }
    // Points the chart draws now (those appended since the last repaint are not yet).
    int drawnPointCount(int series) const;
    int markerCount() const { return int(markers_.size()); }
    QString markerLabel(int i) const { return markers_.value(i).label; }
    int markCount() const { return int(marks_.size()); }
    ChartMark mark(int i) const { return marks_.value(i).mark; }
    int markSeries(int i) const { return marks_.value(i).series; }
    // Where mark i is drawn: its curve's point at its x (y NaN until that point exists).
    QPointF markPosition(int i) const;
    int repaintCount() const { return repaints_; }
    // The ticks of the last redraw (1-2-5 steps, sized to the chart).
    AxisTicks xTicks() const { return xTicks_; }
    AxisTicks yTicks() const { return yTicks_; }
    // What hovering a curve shows: the series, and its data point nearest to x.
    QString readout(int series, double x) const;
    // What resting the pointer at a place of plotArea() says: the nearest point's
    // read-out or mark's tooltip within a few pixels, else empty.
    QString tooltipAt(const QPointF& viewportPos) const;

Q_SIGNALS:
    void repainted();
    void zoomChanged(bool zoomed);
    void logScaleChanged(bool on);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

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
    struct Mark {
        int series;
        double x, y; // y NaN: on the series' point at x
        ChartMark mark;
    };
    struct Range {
        double from, to;
    };
    void scheduleRepaint();
    void repaintNow();
    void applyTheme();
    void placeButtons();
    void setZoom(std::optional<Range> x, std::optional<Range> y);
    // Zooms by `factor` (< 1: closer) about the value `at`; pans by a fraction of the range.
    void zoomAbout(QPointF at, double factor);
    void panBy(double fx, double fy);
    bool mouseEvent(QEvent* event);
    void redrawMarks();

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
    QList<Mark> marks_;
    QTimer* timer_;
    int repaints_ = 0;
    bool logY_ = false;
    std::optional<Range> zoomX_, zoomY_;
    double shownX0_ = 0, shownX1_ = 1, shownY0_ = 0, shownY1_ = 1;
    QAction* logAction_;
    QAction* resetAction_;
    QToolButton* logButton_;
    QToolButton* resetButton_;
    // A drag in progress: where it began (viewport pixels) and the ranges then.
    enum class Drag { None, Zoom, Pan } drag_ = Drag::None;
    QPoint dragStart_;
    Range dragX_{0, 1}, dragY_{0, 1};
};

} // namespace ui
