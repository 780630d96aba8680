#include "ui/charts/bar_chart.h"

#include "ui/export/export_target.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ui {

struct BarChart::Impl {
    QChartView* view = nullptr;
    QChart* chart = nullptr;
};

namespace {
const QColor kSeriesColors[] = {QColor(0x2f, 0x80, 0xd0), QColor(0xd9, 0x8a, 0x1c),
                                QColor(0x1f, 0xa0, 0x8a), QColor(0x8a, 0x5c, 0xd6)};

double niceCeiling(double v) {
    if (v <= 0) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (v <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
}
} // namespace

BarChart::BarChart(QWidget* parent) : QWidget(parent), impl_(new Impl) {
    impl_->chart = new QChart;
    impl_->chart->setBackgroundVisible(false);
    impl_->chart->setMargins(QMargins(4, 4, 4, 4));
    impl_->chart->legend()->setAlignment(Qt::AlignBottom);
    impl_->chart->setAnimationOptions(QChart::NoAnimation);
    impl_->view = new QChartView(impl_->chart, this);
    impl_->view->setRenderHint(QPainter::Antialiasing);
    impl_->view->setStyleSheet("background: transparent");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(impl_->view);
    setMinimumHeight(180);
    ExportTarget::attach(this, tr("Chart"), QStringLiteral("chart"))->addTable(tr("values"), [this] {
        DataTable t;
        t.header.append(tr("category"));
        for (const BarSeries& s : series_)
            t.header.append(s.name);
        for (int c = 0; c < categories_.size(); ++c) {
            QStringList row{categories_[c]};
            for (const BarSeries& s : series_)
                row.append(cellNumber(s.values.value(c)));
            t.rows.append(row);
        }
        return t;
    });
    rebuild();
}

BarChart::~BarChart() {
    delete impl_;
}

void BarChart::setTitle(const QString& title) {
    title_ = title;
    if (ExportTarget* target = ExportTarget::of(this)) {
        target->setTitle(title.isEmpty() ? tr("Chart") : title);
        target->setFileStem(title.isEmpty() ? QStringLiteral("chart") : title.toLower());
    }
    rebuild();
}

void BarChart::setValueTitle(const QString& title) {
    valueTitle_ = title;
    rebuild();
}

void BarChart::setData(const QStringList& categories, const QList<BarSeries>& series) {
    categories_ = categories;
    series_ = series;
    rebuild();
}

void BarChart::clear() {
    setData({}, {});
}

double BarChart::value(int series, int category) const {
    if (series < 0 || series >= series_.size() || category < 0 ||
        category >= series_[series].values.size())
        return 0;
    return series_[series].values[category];
}

void BarChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) rebuild();
    QWidget::changeEvent(event);
}

void BarChart::rebuild() {
    QChart* chart = impl_->chart;
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15f);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(text);
    chart->setTitle(title_);
    chart->legend()->setLabelColor(text);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    chart->legend()->setFont(small);
    chart->legend()->setVisible(series_.size() > 1);
    if (categories_.isEmpty()) return;

    auto* bars = new QHorizontalBarSeries;
    double top = 0;
    for (int s = 0; s < series_.size(); ++s) {
        auto* set = new QBarSet(series_[s].name);
        // Qt draws the first category at the bottom: add them last-first so the list reads
        // top-down.
        for (int c = int(categories_.size()) - 1; c >= 0; --c) {
            const double v = c < series_[s].values.size() ? series_[s].values[c] : 0.0;
            *set << v;
            top = std::max(top, v);
        }
        set->setColor(kSeriesColors[s % 4]);
        set->setBorderColor(kSeriesColors[s % 4]);
        bars->append(set);
    }
    bars->setBarWidth(0.8);
    chart->addSeries(bars);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(QStringList(categories_.rbegin(), categories_.rend()));
    categoryAxis->setLabelsColor(text);
    categoryAxis->setLabelsFont(small);
    categoryAxis->setGridLineVisible(false);
    categoryAxis->setTruncateLabels(false);
    categoryAxis->setLinePenColor(grid);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    bars->attachAxis(categoryAxis);
    auto* valueAxis = new QValueAxis;
    valueAxis->setRange(0, niceCeiling(top * 1.05));
    valueAxis->setLabelFormat("%d");
    valueAxis->setTickCount(5);
    valueAxis->setLabelsColor(text);
    valueAxis->setLabelsFont(small);
    valueAxis->setGridLineColor(grid);
    valueAxis->setLinePenColor(grid);
    valueAxis->setTitleText(valueTitle_);
    valueAxis->setTitleBrush(text);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    bars->attachAxis(valueAxis);
}

} // namespace ui
