// ProbabilityBars: a result card's top-k classes as horizontal bars, best
// first — class name, a bar as long as the probability, the percentage.
// Clicking a row picks that class for the Grad-CAM heat map (the row of the
// class the heat map shows is marked). Drawn with QPainter rather than
// BarChart: bars must be clickable and a card holds a few compact rows.
//
//   bars->setScores({{9, "Ankle boot", 0.93}, {7, "Sneaker", 0.05}});
//   connect(bars, &ProbabilityBars::classClicked, card, &ResultCard::setHeatClass);
#pragma once

#include "engine/inspect/class_scores.h"

#include <QStringList>
#include <QWidget>
#include <vector>

namespace ui {

class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);

    void setScores(std::vector<cs::ClassScore> scores);
    // The class index whose row is marked (the heat map's class); -1 none.
    void setMarkedClass(int classIndex);

    int count() const { return int(scores_.size()); }
    const std::vector<cs::ClassScore>& scores() const { return scores_; }
    QStringList classNames() const;
    int markedClass() const { return marked_; }
    // The row's rectangle (for tests that click a bar).
    QRect rowRect(int row) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void classClicked(int classIndex);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    int rowHeight() const;
    int rowAt(QPoint pos) const;

    std::vector<cs::ClassScore> scores_;
    int marked_ = -1;
    int hovered_ = -1;
};

} // namespace ui
