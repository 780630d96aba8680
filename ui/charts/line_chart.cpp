#include "ui/charts/line_chart.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

struct LineChart::Impl {
    QChartView* view = nullptr;
    QChart* chart = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    QLogValueAxis* logY = nullptr; // in the chart instead of y while the log scale is on
    QList<QLineSeries*> lines;     // one per series
    QList<QLineSeries*> markers;   // one vertical line per marker
    QList<QScatterSeries*> marks;  // one symbol per mark
    QRubberBand* band = nullptr;   // the rectangle a zoom drag draws

    QAbstractAxis* yAxis(bool log) const { return log ? static_cast<QAbstractAxis*>(logY) : y; }
    void attach(QAbstractSeries* series, bool log) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(yAxis(log));
        if (auto* xy = qobject_cast<QXYSeries*>(series); xy && !lines.contains(xy))
            for (QLegendMarker* m : chart->legend()->markers(series))
                m->setVisible(false); // markers and marks stay out of the legend
    }
};

namespace {
constexpr double kWheelStep = 0.8; // one notch of the wheel shows 80% of the range

// lo..hi scaled by `factor` about c, on a log10 scale when `log`.
std::pair<double, double> scaled(double lo, double hi, double c, double factor, bool log) {
    if (log) {
        const auto [a, b] = scaled(std::log10(lo), std::log10(hi), std::log10(c), factor, false);
        return {std::pow(10.0, a), std::pow(10.0, b)};
    }
    return {c - (c - lo) * factor, c + (hi - c) * factor};
}

// lo..hi moved by `fraction` of its width (of its decades when `log`).
std::pair<double, double> shifted(double lo, double hi, double fraction, bool log) {
    if (log) {
        const double d = (std::log10(hi) - std::log10(lo)) * fraction;
        return {lo * std::pow(10.0, d), hi * std::pow(10.0, d)};
    }
    const double d = (hi - lo) * fraction;
    return {lo + d, hi + d};
}

QScatterSeries::MarkerShape shapeOf(ChartMark::Shape shape) {
    switch (shape) {
    case ChartMark::Square: return QScatterSeries::MarkerShapeRectangle;
    case ChartMark::Triangle: return QScatterSeries::MarkerShapeTriangle;
    case ChartMark::Star: return QScatterSeries::MarkerShapeStar;
    case ChartMark::Circle: break;
    }
    return QScatterSeries::MarkerShapeCircle;
}
} // namespace

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
    impl_->logY = new QLogValueAxis;
    impl_->logY->setMinorTickCount(-1); // 2, 3 ... 9 between decades: faint grid lines, no labels
    impl_->view = new QChartView(chart, this);
    impl_->view->setRenderHint(QPainter::Antialiasing);
    impl_->view->setStyleSheet("background: transparent");
    // Keys go to the chart (pan, zoom, Esc); the mouse on the plot zooms and pans.
    impl_->view->setFocusPolicy(Qt::NoFocus);
    setFocusPolicy(Qt::StrongFocus);
    impl_->view->viewport()->installEventFilter(this);
    impl_->band = new QRubberBand(QRubberBand::Rectangle, impl_->view->viewport());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(impl_->view);
    setMinimumHeight(160);

    resetAction_ = new QAction(tr("Reset zoom"), this);
    resetAction_->setObjectName("resetZoomAction");
    resetAction_->setToolTip(tr("Show all the data again (double-click or Esc)"));
    resetAction_->setEnabled(false);
    connect(resetAction_, &QAction::triggered, this, &LineChart::resetZoom);
    addAction(resetAction_);
    logAction_ = nullptr;
    // Small buttons over the chart's top-right corner; an export draws the chart without them.
    logButton_ = new QToolButton(this);
    logButton_->setObjectName("logScaleButton");
    logButton_->setText(tr("log"));
    logButton_->setToolTip(tr("Logarithmic scale for the values (decades)"));
    logButton_->setCheckable(true);
    logButton_->setAutoRaise(true);
    logButton_->hide();
    connect(logButton_, &QToolButton::toggled, this, &LineChart::setLogScaleY);
    resetButton_ = new QToolButton(this);
    resetButton_->setObjectName("resetZoomButton");
    resetButton_->setText(tr("Reset zoom"));
    resetButton_->setToolTip(resetAction_->toolTip());
    resetButton_->setAutoRaise(true);
    resetButton_->hide();
    connect(resetButton_, &QToolButton::clicked, this, &LineChart::resetZoom);
    timer_->setSingleShot(true);
    timer_->setInterval(1000 / 15);
    connect(timer_, &QTimer::timeout, this, &LineChart::repaintNow);
    applyTheme();
    repaintNow();
}

LineChart::~LineChart() {
    delete impl_->yAxis(!logY_); // the axis not in the chart is ours
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
    impl_->logY->setTitleText(y);
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

void LineChart::setLegendVisible(bool on) {
    impl_->chart->legend()->setVisible(on);
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
    impl_->lines.append(line);
    impl_->attach(line, logY_);
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
    marks_.clear();
    for (QScatterSeries* m : impl_->marks) {
        impl_->chart->removeSeries(m);
        delete m;
    }
    impl_->marks.clear();
    // New data (a new run): the last one's zoom would show an arbitrary corner of it.
    setZoom(std::nullopt, std::nullopt);
    repaintNow();
}

void LineChart::addMark(int series, double x, const ChartMark& mark, double y) {
    marks_.append({series, x, y, mark});
    scheduleRepaint();
}

QPointF LineChart::markPosition(int i) const {
    if (i < 0 || i >= marks_.size()) return {};
    const Mark& m = marks_[i];
    if (!std::isnan(m.y)) return {m.x, m.y};
    double y = qQNaN();
    for (const QPointF& p : series_.value(m.series).points)
        if (std::abs(p.x() - m.x) < 1e-9) y = p.y();
    return {m.x, y};
}

void LineChart::setLogScaleOffered(bool on) {
    if (on && !logAction_) {
        logAction_ = new QAction(tr("Logarithmic scale"), this);
        logAction_->setObjectName("logScaleAction");
        logAction_->setCheckable(true);
        logAction_->setChecked(logY_);
        connect(logAction_, &QAction::toggled, this, &LineChart::setLogScaleY);
        insertAction(resetAction_, logAction_);
    } else if (!on && logAction_) {
        setLogScaleY(false);
        delete logAction_;
        logAction_ = nullptr;
    }
    logButton_->setVisible(on);
    placeButtons();
}

void LineChart::setLogScaleY(bool on) {
    if (on == logY_) return;
    QAbstractAxis* from = impl_->yAxis(logY_);
    QAbstractAxis* to = impl_->yAxis(on);
    logY_ = on;
    const QList<QAbstractSeries*> all = impl_->chart->series();
    for (QAbstractSeries* s : all)
        s->detachAxis(from);
    impl_->chart->removeAxis(from); // the chart lets go of it: ours until it comes back
    impl_->chart->addAxis(to, Qt::AlignLeft);
    for (QAbstractSeries* s : all)
        s->attachAxis(to);
    zoomY_.reset(); // a linear zoom means nothing in decades
    if (logAction_ && logAction_->isChecked() != on) logAction_->setChecked(on);
    if (logButton_->isChecked() != on) logButton_->setChecked(on);
    resetAction_->setEnabled(isZoomed());
    resetButton_->setVisible(isZoomed());
    for (QLineSeries* line : impl_->lines)
        line->clear(); // redrawn whole: non-positive values come and go
    Q_EMIT logScaleChanged(on);
    scheduleRepaint();
}

void LineChart::zoomTo(double x0, double x1, double y0, double y1) {
    if (x1 < x0) std::swap(x0, x1);
    if (y1 < y0) std::swap(y0, y1);
    const bool yOk = y1 > y0 && (!logY_ || y0 > 0);
    setZoom(x1 > x0 ? std::optional<Range>({x0, x1}) : zoomX_, yOk ? std::optional<Range>({y0, y1}) : zoomY_);
}

void LineChart::resetZoom() {
    setZoom(std::nullopt, std::nullopt);
}

void LineChart::setZoom(std::optional<Range> x, std::optional<Range> y) {
    const bool was = isZoomed();
    zoomX_ = x;
    zoomY_ = y;
    resetAction_->setEnabled(isZoomed());
    resetButton_->setVisible(isZoomed());
    placeButtons();
    if (was != isZoomed()) Q_EMIT zoomChanged(isZoomed());
    scheduleRepaint();
}

void LineChart::zoomAbout(QPointF at, double factor) {
    const auto [x0, x1] = scaled(shownX0_, shownX1_, at.x(), factor, false);
    const auto [y0, y1] = scaled(shownY0_, shownY1_, at.y(), factor, logY_);
    setZoom(Range{x0, x1}, Range{y0, y1});
}

void LineChart::panBy(double fx, double fy) {
    const auto [x0, x1] = shifted(shownX0_, shownX1_, fx, false);
    const auto [y0, y1] = shifted(shownY0_, shownY1_, fy, logY_);
    setZoom(Range{x0, x1}, Range{y0, y1});
}

QWidget* LineChart::plotArea() const {
    return impl_->view->viewport();
}

QPointF LineChart::valueAt(const QPointF& viewportPos) const {
    if (impl_->lines.isEmpty()) return {};
    const QPointF scene = impl_->view->viewportTransform().inverted().map(viewportPos);
    return impl_->chart->mapToValue(impl_->chart->mapFromScene(scene), impl_->lines.front());
}

QPointF LineChart::positionOf(const QPointF& value) const {
    if (impl_->lines.isEmpty()) return {};
    const QPointF inChart = impl_->chart->mapToPosition(value, impl_->lines.front());
    return impl_->view->viewportTransform().map(impl_->chart->mapToScene(inChart));
}

void LineChart::renderChart(QPainter& painter) {
    static_cast<QWidget*>(impl_->view)->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

bool LineChart::eventFilter(QObject* watched, QEvent* event) {
    if (watched == impl_->view->viewport()) switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
            return mouseEvent(event);
        case QEvent::ToolTip: {
            // Ours, not the scene's: the scene would hide a curve's read-out as the pointer rests.
            const auto* help = static_cast<QHelpEvent*>(event);
            QString text = tooltipAt(help->pos());
            if (text.isEmpty())
                text = tr("Drag: zoom · Shift+drag, arrow keys: pan · wheel: zoom at the pointer\n"
                          "Double-click, Esc: everything again · right-click: more");
            QToolTip::showText(help->globalPos(), text, impl_->view->viewport());
            return true;
        }
        default:
            break;
        }
    return QWidget::eventFilter(watched, event);
}

QString LineChart::tooltipAt(const QPointF& viewportPos) const {
    constexpr double kReach = 10; // pixels from a point or mark
    double best = kReach * kReach;
    int bestSeries = -1, bestMark = -1;
    double bestX = 0;
    auto closer = [&](const QPointF& value) {
        if (std::isnan(value.y()) || (logY_ && value.y() <= 0)) return false;
        const QPointF d = positionOf(value) - viewportPos;
        const double distance = QPointF::dotProduct(d, d);
        if (distance > best) return false;
        best = distance;
        return true;
    };
    for (int s = 0; s < series_.size(); ++s)
        for (const QPointF& p : series_[s].points)
            if (closer(p)) {
                bestSeries = s;
                bestX = p.x();
            }
    for (int i = 0; i < marks_.size(); ++i) // a mark wins over the point it stands on
        if (closer(markPosition(i))) bestMark = i;
    if (bestMark >= 0) return marks_[bestMark].mark.tooltip;
    return bestSeries >= 0 ? readout(bestSeries, bestX) : QString();
}

bool LineChart::mouseEvent(QEvent* event) {
    if (event->type() == QEvent::Wheel) {
        const auto* wheel = static_cast<QWheelEvent*>(event);
        const int delta = wheel->angleDelta().y();
        if (delta == 0) return false;
        zoomAbout(valueAt(wheel->position()), std::pow(kWheelStep, delta / 120.0));
        return true;
    }
    const auto* m = static_cast<QMouseEvent*>(event);
    const QPoint at = m->position().toPoint();
    switch (event->type()) {
    case QEvent::MouseButtonDblClick:
        if (m->button() != Qt::LeftButton) return false;
        drag_ = Drag::None;
        impl_->band->hide();
        resetZoom();
        return true;
    case QEvent::MouseButtonPress:
        if (m->button() != Qt::LeftButton && m->button() != Qt::MiddleButton) return false;
        setFocus(Qt::MouseFocusReason);
        drag_ = m->button() == Qt::MiddleButton || (m->modifiers() & Qt::ShiftModifier) ? Drag::Pan : Drag::Zoom;
        dragStart_ = at;
        dragX_ = {shownX0_, shownX1_};
        dragY_ = {shownY0_, shownY1_};
        if (drag_ == Drag::Zoom) {
            impl_->band->setGeometry(QRect(at, QSize()));
            impl_->band->show();
        }
        return true;
    case QEvent::MouseMove:
        if (drag_ == Drag::None) return false; // hovering: the curves' read-out
        if (drag_ == Drag::Zoom) {
            impl_->band->setGeometry(QRect(dragStart_, at).normalized());
        } else {
            // The point grabbed follows the pointer: ranges from the drag's start.
            const QRectF plot = impl_->chart->plotArea();
            if (plot.width() <= 0 || plot.height() <= 0) return true;
            const auto [x0, x1] = shifted(dragX_.from, dragX_.to, -(at.x() - dragStart_.x()) / plot.width(), false);
            const auto [y0, y1] = shifted(dragY_.from, dragY_.to, (at.y() - dragStart_.y()) / plot.height(), logY_);
            setZoom(Range{x0, x1}, Range{y0, y1});
        }
        return true;
    case QEvent::MouseButtonRelease: {
        if (drag_ == Drag::None) return false;
        const Drag was = std::exchange(drag_, Drag::None);
        impl_->band->hide();
        const QRect r = QRect(dragStart_, at).normalized();
        if (was == Drag::Zoom && r.width() >= 4) {
            const QPointF a = valueAt(dragStart_), b = valueAt(at);
            if (r.height() >= 4) zoomTo(a.x(), b.x(), a.y(), b.y());
            else setZoom(Range{std::min(a.x(), b.x()), std::max(a.x(), b.x())}, zoomY_); // a flat drag: x only
        }
        return true;
    }
    default:
        return false;
    }
}

void LineChart::keyPressEvent(QKeyEvent* event) {
    const QPointF centre((shownX0_ + shownX1_) / 2,
                         logY_ ? std::sqrt(shownY0_ * shownY1_) : (shownY0_ + shownY1_) / 2);
    switch (event->key()) {
    case Qt::Key_Left: panBy(-0.1, 0); break;
    case Qt::Key_Right: panBy(0.1, 0); break;
    case Qt::Key_Up: panBy(0, 0.1); break;
    case Qt::Key_Down: panBy(0, -0.1); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAbout(centre, kWheelStep); break;
    case Qt::Key_Minus: zoomAbout(centre, 1 / kWheelStep); break;
    case Qt::Key_Escape:
        if (!isZoomed()) return QWidget::keyPressEvent(event); // a dialog's Esc still works
        resetZoom();
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void LineChart::placeButtons() {
    // Right to left from the top-right corner: Reset zoom, log.
    int right = width() - 4;
    for (QToolButton* b : {resetButton_, logButton_}) {
        if (b->isHidden()) continue;
        b->adjustSize();
        b->move(right - b->width(), 2);
        b->raise();
        right -= b->width() + 2;
    }
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
    placeButtons();
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
        QVector<QPointF> pts = series_[s].points;
        if (logY_) // a log axis has no place for 0 or less
            pts.erase(std::remove_if(pts.begin(), pts.end(), [](const QPointF& p) { return p.y() <= 0; }),
                      pts.end());
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
    if (fixedY_ && !logY_) {
        lo = y0_;
        hi = y1_;
    } else if (!std::isfinite(lo)) {
        lo = logY_ ? 0.1 : 0;
        hi = 1;
    }
    // About one tick per 45 pixels of height and 60 of width: fewer ticks on a
    // small chart rather than labels Qt would shorten to "...". A zoom shows its
    // range exactly, with ticks on the same steps (anchored at a whole step).
    const QSize size = impl_->view->size();
    const int maxY = std::clamp(size.height() / 45, 2, 8), maxX = std::clamp(size.width() / 60, 2, 11);
    if (zoomX_) {
        xTicks_ = niceTicks(zoomX_->from, zoomX_->to, maxX, integerX_ && zoomX_->to - zoomX_->from >= 2);
        shownX0_ = zoomX_->from;
        shownX1_ = zoomX_->to;
    } else {
        xTicks_ = niceTicks(x0, x1, maxX, integerX_);
        shownX0_ = xTicks_.from;
        shownX1_ = xTicks_.to;
    }
    const double zy0 = zoomY_ ? zoomY_->from : lo, zy1 = zoomY_ ? zoomY_->to : hi;
    yTicks_ = logY_ ? logTicks(zy0, zy1, maxY) : niceTicks(zy0, zy1, maxY, false);
    shownY0_ = zoomY_ ? zoomY_->from : yTicks_.from;
    shownY1_ = zoomY_ ? zoomY_->to : yTicks_.to;
    if (legendChanged && impl_->chart->legend()->isVisible()) { // Qt Charts lays the labels out again only when the legend is re-shown
        // A row under the chart shares its width equally among the names and cuts them
        // ("ejec. 1 e…" beside four others): past four names they go in a column at the right.
        int shown = 0;
        for (QLegendMarker* m : impl_->chart->legend()->markers())
            shown += m->isVisible() ? 1 : 0;
        impl_->chart->legend()->setAlignment(shown > 4 ? Qt::AlignRight : Qt::AlignBottom);
        impl_->chart->legend()->hide();
        impl_->chart->legend()->show();
    }
    impl_->x->setRange(shownX0_, shownX1_);
    impl_->x->setTickAnchor(xTicks_.from);
    impl_->x->setTickInterval(xTicks_.step);
    impl_->x->setLabelFormat(xTicks_.labelFormat());
    if (logY_) {
        impl_->logY->setBase(yTicks_.step);
        // A hair wider: Qt finds the first tick as ceil(log10(min) / log10(base)), and
        // log10(0.001) is -2.9999999999999996 — the bottom decade would lose its label.
        impl_->logY->setRange(shownY0_ * (1 - 1e-9), shownY1_ * (1 + 1e-9));
        impl_->logY->setLabelFormat(yTicks_.labelFormat());
    } else {
        impl_->y->setRange(shownY0_, shownY1_);
        impl_->y->setTickAnchor(yTicks_.from);
        impl_->y->setTickInterval(yTicks_.step);
        impl_->y->setLabelFormat(yTicks_.labelFormat());
    }
    // Markers: vertical dashed lines across the whole y range, not in the legend.
    while (impl_->markers.size() < markers_.size()) {
        auto* line = new QLineSeries;
        line->setName(markers_[impl_->markers.size()].label);
        QColor c = palette().color(QPalette::WindowText);
        c.setAlphaF(0.5f);
        line->setPen(QPen(c, 1, Qt::DotLine));
        impl_->attach(line, logY_);
        impl_->markers.append(line);
    }
    for (int i = 0; i < markers_.size(); ++i)
        impl_->markers[i]->replace({{markers_[i].x, shownY0_}, {markers_[i].x, shownY1_}});
    redrawMarks();
    ++repaints_;
    Q_EMIT repainted();
}

void LineChart::redrawMarks() {
    while (impl_->marks.size() < marks_.size()) {
        const int i = int(impl_->marks.size());
        const ChartMark& m = marks_[i].mark;
        auto* symbol = new QScatterSeries;
        symbol->setName(m.label);
        symbol->setMarkerShape(shapeOf(m.shape));
        symbol->setMarkerSize(m.shape == ChartMark::Star ? 16 : 12);
        symbol->setColor(m.color);
        symbol->setBorderColor(palette().color(QPalette::Base));
        impl_->attach(symbol, logY_);
        connect(symbol, &QScatterSeries::hovered, this, [this, i](const QPointF&, bool entered) {
            if (entered)
                QToolTip::showText(QCursor::pos(), marks_.value(i).mark.tooltip, this);
            else
                QToolTip::hideText();
        });
        impl_->marks.append(symbol);
    }
    for (int i = 0; i < marks_.size(); ++i) {
        const QPointF at = markPosition(i);
        const bool drawable = !std::isnan(at.y()) && (!logY_ || at.y() > 0);
        if (!drawable) impl_->marks[i]->clear();
        else if (impl_->marks[i]->count() != 1 || impl_->marks[i]->at(0) != at) impl_->marks[i]->replace({at});
    }
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
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(impl_->x), static_cast<QAbstractAxis*>(impl_->y),
                                static_cast<QAbstractAxis*>(impl_->logY)}) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(small);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setTitleBrush(text);
        axis->setTitleFont(small);
    }
    QColor minorGrid = text;
    minorGrid.setAlphaF(0.06f);
    impl_->logY->setMinorGridLineColor(minorGrid);
}

} // namespace ui
