#include "ui/inspect/colour_legend.h"

#include "engine/inspect/kernel_view.h"

#include <QLinearGradient>
#include <QPainter>

namespace ui {

ColourLegend::ColourLegend(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColourLegend::setScale(Kind kind, double lo, double hi, const QString& note) {
    kind_ = kind;
    lo_ = lo;
    hi_ = hi;
    note_ = note;
    setToolTip(text());
    update();
}

QString ColourLegend::text() const {
    const QString ends = QString("%1 … %2").arg(lo_, 0, 'g', 3).arg(hi_, 0, 'g', 3);
    switch (kind_) {
    case Diverging: return tr("blue negative, white 0, red positive: %1 %2").arg(ends, note_).trimmed();
    case RgbAroundGrey: return tr("grey = 0; each colour channel brighter positive, darker negative: %1 %2").arg(ends, note_).trimmed();
    case Grey: break;
    }
    return tr("black lowest, white highest: %1 %2").arg(ends, note_).trimmed();
}

QSize ColourLegend::sizeHint() const {
    return {260, fontMetrics().height() * 3 + 14};
}

QSize ColourLegend::minimumSizeHint() const {
    return {140, sizeHint().height()};
}

void ColourLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const int barHeight = 12;
    const QRect bar(4, 2, width() - 8, barHeight);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    if (kind_ == Diverging) {
        for (int i = 0; i <= 10; ++i) {
            const cs::Rgb8 c = cs::divergingColour(float(i - 5) / 5.0f);
            g.setColorAt(i / 10.0, QColor(c.r, c.g, c.b));
        }
    } else if (kind_ == RgbAroundGrey) {
        g.setColorAt(0, QColor(1, 1, 1));
        g.setColorAt(0.5, QColor(128, 128, 128));
        g.setColorAt(1, QColor(255, 255, 255));
    } else {
        g.setColorAt(0, Qt::black);
        g.setColorAt(1, Qt::white);
    }
    p.fillRect(bar, g);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    const QRect labels(bar.left(), bar.bottom() + 3, bar.width(), fontMetrics().height());
    p.drawText(labels, Qt::AlignLeft, QString::number(lo_, 'g', 3));
    p.drawText(labels, Qt::AlignRight, QString::number(hi_, 'g', 3));
    if (kind_ != Grey) p.drawText(labels, Qt::AlignHCenter, "0");
    if (!note_.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(labels.translated(0, fontMetrics().height()), Qt::AlignLeft, note_);
    }
}

} // namespace ui
