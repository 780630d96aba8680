#include "ui/charts/line_chart.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

struct LineChart::Impl {
    QChartView* view = nullptr;
    QChart* chart = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    QList<QLineSeries*> lines;   // one per series
    QList<QLineSeries*> markers; // one vertical line per marker
};

LineChart::LineChart(QWidget* parent) : QWidget(parent), impl_(new Impl), timer_(new QTimer(this)) {
    QChart* chart = impl_->chart = new QChart;
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    impl_->x = new QValueAxis;
    impl_->y = new QValueAxis;
    for (QValueAxis* axis : {impl_->x, impl_->y}) {
        axis->setTickType(QValueAxis::TicksDynamic); // at the anchor + k * interval of niceTicks()
        axis->setMinorTickCount(0);
    }
    chart->addAxis(impl_->x, Qt::AlignBottom);
    chart->addAxis(impl_->y, Qt::AlignLeft);
    impl_->view = new QChartView(chart, this);
    impl_->view->setRenderHint(QPainter::Antialiasing);
    impl_->view->setStyleSheet("background: transparent");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(impl_->view);
    setMinimumHeight(160);
    timer_->setSingleShot(true);
    timer_->setInterval(1000 / 15);
    connect(timer_, &QTimer::timeout, this, &LineChart::repaintNow);
    applyTheme();
    repaintNow();
}

LineChart::~LineChart() {
    delete impl_;
}

void LineChart::setTitle(const QString& title) {
    title_ = title;
    impl_->chart->setTitle(title);
}

void LineChart::setAxisTitles(const QString& x, const QString& y) {
    xTitle_ = x;
    yTitle_ = y;
    impl_->x->setTitleText(x);
    impl_->y->setTitleText(y);
}

void LineChart::setMinimumXRange(double from, double to) {
    minX0_ = from;
    minX1_ = to;
    scheduleRepaint();
}

void LineChart::setFixedYRange(double from, double to) {
    fixedY_ = true;
    y0_ = from;
    y1_ = to;
    scheduleRepaint();
}

void LineChart::setIntegerX(bool on) {
    integerX_ = on;
    scheduleRepaint();
}

void LineChart::setMaxRepaintRate(int perSecond) {
    timer_->setInterval(1000 / std::max(1, perSecond));
}

int LineChart::addSeries(const QString& name, const LineStyle& style) {
    series_.append({name, style, {}});
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(style.color, style.width);
    if (style.dashed) pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->setPointsVisible(style.points);
    impl_->chart->addSeries(line);
    line->attachAxis(impl_->x);
    line->attachAxis(impl_->y);
    impl_->lines.append(line);
    const int index = int(series_.size()) - 1;
    connect(line, &QLineSeries::hovered, this, [this, index](const QPointF& at, bool entered) {
        if (entered)
            QToolTip::showText(QCursor::pos(), readout(index, at.x()), this);
        else
            QToolTip::hideText();
    });
    return index;
}

void LineChart::append(int series, double x, double y) {
    if (series < 0 || series >= series_.size() || !std::isfinite(y)) return;
    series_[series].points.append({x, y});
    scheduleRepaint();
}

void LineChart::setPoints(int series, const QVector<QPointF>& points) {
    if (series < 0 || series >= series_.size()) return;
    series_[series].points = points;
    impl_->lines[series]->clear(); // redrawn whole even when the count is the same
    scheduleRepaint();
}

void LineChart::setSeriesName(int series, const QString& name) {
    if (series < 0 || series >= series_.size()) return;
    series_[series].name = name;
    impl_->lines[series]->setName(name);
}

void LineChart::addMarker(double x, const QString& label) {
    markers_.append({x, label});
    scheduleRepaint();
}

void LineChart::clearData(const QList<int>& keep) {
    for (int i = 0; i < series_.size(); ++i)
        if (!keep.contains(i)) series_[i].points.clear();
    markers_.clear();
    for (QLineSeries* m : impl_->markers) {
        impl_->chart->removeSeries(m);
        delete m;
    }
    impl_->markers.clear();
    repaintNow();
}

QString LineChart::readout(int series, double x) const {
    if (series < 0 || series >= series_.size() || series_[series].points.isEmpty()) return {};
    const QVector<QPointF>& pts = series_[series].points;
    const QPointF* nearest = &pts.front();
    for (const QPointF& p : pts)
        if (std::abs(p.x() - x) < std::abs(nearest->x() - x)) nearest = &p;
    const QString where = xTitle_.isEmpty() ? QString::number(nearest->x(), 'g', 4)
                                            : xTitle_ + ' ' + QString::number(nearest->x(), 'g', 4);
    return tr("%1, %2: %3").arg(series_[series].name, where, QString::number(nearest->y(), 'g', 6));
}

int LineChart::drawnPointCount(int series) const {
    return series >= 0 && series < impl_->lines.size() ? int(impl_->lines[series]->count()) : 0;
}

void LineChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyTheme();
    QWidget::changeEvent(event);
}

void LineChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    scheduleRepaint(); // how many ticks fit depends on the size
}

void LineChart::scheduleRepaint() {
    if (!timer_->isActive()) timer_->start();
}

void LineChart::repaintNow() {
    timer_->stop();
    double x0 = minX0_, x1 = minX1_;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    bool legendChanged = false;
    for (int s = 0; s < series_.size(); ++s) {
        const QVector<QPointF>& pts = series_[s].points;
        if (impl_->lines[s]->count() != pts.size()) impl_->lines[s]->replace(pts);
        // An empty series (no comparison chosen, no validation data) stays out of the legend.
        for (QLegendMarker* m : impl_->chart->legend()->markers(impl_->lines[s]))
            if (m->isVisible() != !pts.isEmpty()) {
                m->setVisible(!pts.isEmpty());
                legendChanged = true;
            }
        for (const QPointF& p : pts) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    }
    if (fixedY_) {
        lo = y0_;
        hi = y1_;
    } else if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    // About one tick per 45 pixels of height and 60 of width: fewer ticks on a
    // small chart rather than labels Qt would shorten to "...".
    const QSize size = impl_->view->size();
    yTicks_ = niceTicks(lo, hi, std::clamp(size.height() / 45, 2, 8), false);
    xTicks_ = niceTicks(x0, x1, std::clamp(size.width() / 60, 2, 11), integerX_);
    x0 = xTicks_.from;
    x1 = xTicks_.to;
    lo = yTicks_.from;
    hi = yTicks_.to;
    if (legendChanged) { // Qt Charts lays the labels out again only when the legend is re-shown
        impl_->chart->legend()->hide();
        impl_->chart->legend()->show();
    }
    for (auto [axis, ticks] : {std::pair{impl_->x, &xTicks_}, std::pair{impl_->y, &yTicks_}}) {
        axis->setRange(ticks->from, ticks->to);
        axis->setTickAnchor(ticks->from);
        axis->setTickInterval(ticks->step);
        axis->setLabelFormat(ticks->labelFormat());
    }
    // Markers: vertical dashed lines across the whole y range, not in the legend.
    while (impl_->markers.size() < markers_.size()) {
        auto* line = new QLineSeries;
        line->setName(markers_[impl_->markers.size()].label);
        QColor c = palette().color(QPalette::WindowText);
        c.setAlphaF(0.5f);
        line->setPen(QPen(c, 1, Qt::DotLine));
        impl_->chart->addSeries(line);
        line->attachAxis(impl_->x);
        line->attachAxis(impl_->y);
        for (QLegendMarker* m : impl_->chart->legend()->markers(line))
            m->setVisible(false);
        impl_->markers.append(line);
    }
    for (int i = 0; i < markers_.size(); ++i)
        impl_->markers[i]->replace({{markers_[i].x, lo}, {markers_[i].x, hi}});
    ++repaints_;
    Q_EMIT repainted();
}

void LineChart::applyTheme() {
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15f);
    QFont titleFont = font();
    titleFont.setBold(true);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    impl_->chart->setTitleFont(titleFont);
    impl_->chart->setTitleBrush(text);
    impl_->chart->legend()->setLabelColor(text);
    impl_->chart->legend()->setFont(small);
    for (QValueAxis* axis : {impl_->x, impl_->y}) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(small);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setTitleBrush(text);
        axis->setTitleFont(small);
    }
}

} // namespace ui
