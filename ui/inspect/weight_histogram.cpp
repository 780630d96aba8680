#include "ui/inspect/weight_histogram.h"

#include "ui/export/export_target.h"

#include <QPainter>
#include <algorithm>

namespace ui {

WeightHistogram::WeightHistogram(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* target = ExportTarget::attach(this, tr("Weight histogram"), QStringLiteral("weight_histogram"));
    target->addTable(tr("histogram"), [this] {
        DataTable t;
        t.header = {"from", "to", "count"};
        const double w = histogram_.binWidth();
        for (size_t i = 0; i < histogram_.counts.size(); ++i)
            t.rows.append({cellNumber(histogram_.lo + w * double(i)), cellNumber(histogram_.lo + w * double(i + 1)),
                           QString::number(histogram_.counts[i])});
        return t;
    });
    target->setAvailable([this] { return !histogram_.counts.empty(); });
}

void WeightHistogram::setHistogram(const cs::Histogram& histogram, const QString& title) {
    histogram_ = histogram;
    title_ = title;
    if (ExportTarget* target = ExportTarget::of(this)) target->setFileStem(title + QStringLiteral("_weights"));
    setToolTip(tr("%1 weights, mean %2, standard deviation %3")
                   .arg(histogram.total)
                   .arg(histogram.mean, 0, 'g', 3)
                   .arg(histogram.stddev, 0, 'g', 3));
    update();
}

void WeightHistogram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(text);
    const QString heading = histogram_.counts.empty()
                                ? tr("No weights")
                                : tr("%1 — mean %2, std %3")
                                      .arg(title_)
                                      .arg(histogram_.mean, 0, 'g', 3)
                                      .arg(histogram_.stddev, 0, 'g', 3);
    p.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignLeft, fm.elidedText(heading, Qt::ElideRight, width()));
    if (histogram_.counts.empty()) return;
    const QRect plot(4, fm.height() + 6, width() - 8, height() - 2 * fm.height() - 12);
    if (plot.height() < 10) return;
    const int most = *std::max_element(histogram_.counts.begin(), histogram_.counts.end());
    const int bins = int(histogram_.counts.size());
    const double binWidth = double(plot.width()) / bins;
    const QColor bar = palette().color(QPalette::Highlight);
    for (int b = 0; b < bins; ++b) {
        const int h = most ? int(double(plot.height()) * histogram_.counts[size_t(b)] / most + 0.5) : 0;
        const QRectF r(plot.left() + b * binWidth + 0.5, plot.bottom() - h + 1, std::max(1.0, binWidth - 1.0), h);
        p.fillRect(r, bar);
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    if (histogram_.lo < 0 && histogram_.hi > 0) { // zero, dashed
        const double x = plot.left() + (0 - histogram_.lo) / (histogram_.hi - histogram_.lo) * plot.width();
        p.setPen(QPen(text, 1, Qt::DashLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    p.setPen(text);
    const QRect labels(plot.left(), plot.bottom() + 3, plot.width(), fm.height());
    p.drawText(labels, Qt::AlignLeft, QString::number(histogram_.lo, 'g', 3));
    p.drawText(labels, Qt::AlignRight, QString::number(histogram_.hi, 'g', 3));
}

} // namespace ui
