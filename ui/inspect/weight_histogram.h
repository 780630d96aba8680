// WeightHistogram: the distribution of a layer's weights as vertical bars
// (the engine's cs::Histogram), with zero marked and the mean and standard
// deviation written above — how a course shows that training spreads the
// initial glorot-uniform weights out.
#pragma once

#include "engine/inspect/kernel_view.h"

#include <QWidget>

namespace ui {

class WeightHistogram : public QWidget {
    Q_OBJECT
public:
    explicit WeightHistogram(QWidget* parent = nullptr);
    void setHistogram(const cs::Histogram& histogram, const QString& title);
    const cs::Histogram& histogram() const { return histogram_; }
    QSize sizeHint() const override { return {320, 160}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    cs::Histogram histogram_;
    QString title_;
};

} // namespace ui
