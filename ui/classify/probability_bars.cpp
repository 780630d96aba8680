#include "ui/classify/probability_bars.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace ui {

namespace {
constexpr int kNameWidthMax = 160; // long names elide instead of squeezing the bars
constexpr int kPercentWidth = 56;
constexpr int kGap = 8;
} // namespace

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Click a class to see its Grad-CAM heat map"));
}

void ProbabilityBars::setScores(std::vector<cs::ClassScore> scores) {
    scores_ = std::move(scores);
    hovered_ = -1;
    updateGeometry();
    update();
}

void ProbabilityBars::setMarkedClass(int classIndex) {
    marked_ = classIndex;
    update();
}

QStringList ProbabilityBars::classNames() const {
    QStringList names;
    for (const cs::ClassScore& s : scores_)
        names << QString::fromStdString(s.name);
    return names;
}

int ProbabilityBars::rowHeight() const {
    return fontMetrics().height() + 8;
}

QRect ProbabilityBars::rowRect(int row) const {
    return QRect(0, row * rowHeight(), width(), rowHeight());
}

int ProbabilityBars::rowAt(QPoint pos) const {
    const int row = pos.y() / rowHeight();
    return pos.y() >= 0 && row < count() ? row : -1;
}

QSize ProbabilityBars::sizeHint() const {
    return QSize(360, std::max(1, count()) * rowHeight());
}

QSize ProbabilityBars::minimumSizeHint() const {
    return QSize(200, std::max(1, count()) * rowHeight());
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QFont bold = font();
    bold.setBold(true);
    // Measured in bold (the marked row is) with a little slack, so no name elides needlessly.
    const QFontMetrics fm(bold);
    int nameWidth = 0;
    for (const cs::ClassScore& s : scores_)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(QString::fromStdString(s.name)) + 4);
    nameWidth = std::min(nameWidth, kNameWidthMax);
    const int barLeft = 4 + nameWidth + kGap;
    const int barSpace = std::max(10, width() - barLeft - kGap - kPercentWidth);
    QColor track = pal.color(QPalette::WindowText);
    track.setAlphaF(0.08f);
    QColor bar = pal.color(QPalette::Highlight);
    QColor markBand = bar;
    markBand.setAlphaF(0.14f);

    for (int row = 0; row < count(); ++row) {
        const cs::ClassScore& s = scores_[size_t(row)];
        const QRect r = rowRect(row);
        const bool marked = s.index == marked_;
        if (marked || row == hovered_) {
            QColor band = markBand;
            if (!marked) band.setAlphaF(0.07f);
            p.setPen(Qt::NoPen);
            p.setBrush(band);
            p.drawRoundedRect(r.adjusted(0, 1, 0, -1), 4, 4);
        }
        p.setFont(marked ? bold : font());
        p.setPen(pal.color(QPalette::WindowText));
        const QString name =
            fm.elidedText(QString::fromStdString(s.name), Qt::ElideRight, nameWidth);
        p.drawText(QRect(4, r.top(), nameWidth, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   name);
        const QRect trackRect(barLeft, r.top() + 5, barSpace, r.height() - 10);
        p.setPen(Qt::NoPen);
        p.setBrush(track);
        p.drawRoundedRect(trackRect, 3, 3);
        const int length = int(std::lround(std::clamp(s.probability, 0.0, 1.0) * barSpace));
        if (length > 0) {
            p.setBrush(bar);
            p.drawRoundedRect(QRect(trackRect.left(), trackRect.top(), length, trackRect.height()),
                              3, 3);
        }
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(trackRect.right() + kGap, r.top(), kPercentWidth, r.height()),
                   Qt::AlignVCenter | Qt::AlignRight,
                   QString::number(100.0 * s.probability, 'f', 1) + " %");
    }
}

void ProbabilityBars::mousePressEvent(QMouseEvent* event) {
    const int row = rowAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0) {
        Q_EMIT classClicked(scores_[size_t(row)].index);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ProbabilityBars::mouseMoveEvent(QMouseEvent* event) {
    const int row = rowAt(event->position().toPoint());
    if (row != hovered_) {
        hovered_ = row;
        setCursor(row >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void ProbabilityBars::leaveEvent(QEvent* event) {
    hovered_ = -1;
    update();
    QWidget::leaveEvent(event);
}

} // namespace ui
