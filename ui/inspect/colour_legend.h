// ColourLegend: the scale next to the kernel or feature-map grid — a
// horizontal gradient with its values at the ends (and zero in the middle of
// a diverging scale), so a person reads what a colour means.
#pragma once

#include <QWidget>

namespace ui {

class ColourLegend : public QWidget {
    Q_OBJECT
public:
    enum Kind { Diverging, Grey, RgbAroundGrey };
    explicit ColourLegend(QWidget* parent = nullptr);

    void setScale(Kind kind, double lo, double hi, const QString& note = {});
    Kind kind() const { return kind_; }
    double low() const { return lo_; }
    double high() const { return hi_; }
    QString text() const; // what the legend says, for tests and accessibility

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Kind kind_ = Diverging;
    double lo_ = -1, hi_ = 1;
    QString note_;
};

} // namespace ui
