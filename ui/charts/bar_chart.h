// BarChart: the project's bar chart, a thin wrapper over Qt Charts so the rest
// of the UI never includes a Qt Charts header (Qt Charts is deprecated from
// Qt 6.10; moving to another chart library then touches ui/charts only).
// Bars run horizontally, so long class names ("T-shirt/top") read on the axis.
//
//   chart->setData({"cat", "dog"}, {{"train", {1000, 1000}}, {"validation", {500, 500}}});
#pragma once

#include <QColor>
#include <QList>
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace ui {

struct BarSeries {
    QString name;
    QVector<double> values; // one per category
};

class BarChart : public QWidget {
    Q_OBJECT
public:
    explicit BarChart(QWidget* parent = nullptr);
    ~BarChart() override;

    void setTitle(const QString& title);
    void setValueTitle(const QString& title);
    QStringList titles() const { return {title_, valueTitle_}; } // what the chart writes
    void setData(const QStringList& categories, const QList<BarSeries>& series);
    void clear();

    QStringList categories() const { return categories_; }
    int seriesCount() const { return int(series_.size()); }
    double value(int series, int category) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    struct Impl;
    Impl* impl_;
    QString title_, valueTitle_;
    QStringList categories_;
    QList<BarSeries> series_;
};

} // namespace ui
