#include "ui/datapage/dataset_summary_panel.h"

#include "ui/charts/bar_chart.h"
#include "ui/editor/layer_style.h"
#include "ui/window/engine_text.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ui {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

DatasetSummaryPanel::DatasetSummaryPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    facts_ = new QLabel(this);
    facts_->setWordWrap(true);
    facts_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int em = facts_->fontMetrics().horizontalAdvance('M');
    facts_->setMinimumWidth(em * 27);
    facts_->setMaximumWidth(em * 36);
    chart_ = new BarChart(this);
    chart_->setTitle(tr("Images per class"));
    chart_->setMinimumHeight(fontMetrics().lineSpacing() * 19);
    layout->addWidget(facts_, 0);
    layout->addWidget(chart_, 1);
}

QString DatasetSummaryPanel::skippedText(const std::vector<cs::SkippedFile>& skipped) {
    if (skipped.empty()) return {};
    const size_t shown = std::min<size_t>(skipped.size(), 10);
    QStringList lines{tr("%n file(s) skipped:", nullptr, int(skipped.size()))};
    for (size_t i = 0; i < shown; ++i)
        lines << tr("%1 (%2)").arg(qs(skipped[i].path), engineText(skipped[i].reason));
    if (skipped.size() > shown) lines << tr("and %1 more").arg(skipped.size() - shown);
    return lines.join('\n');
}

QString DatasetSummaryPanel::factsText() const {
    return facts_->text();
}

void DatasetSummaryPanel::showMessage(const QString& text) {
    facts_->setText(text);
    chart_->clear();
}

void DatasetSummaryPanel::showDataset(const std::shared_ptr<const LoadedDataset>& data) {
    if (!data) {
        showMessage(tr("No data set loaded."));
        return;
    }
    const cs::DatasetSummary& s = data->summary();
    QString html = QString("<h3 style='margin:0'>%1</h3>").arg(qs(s.name).toHtmlEscaped());
    html += "<table cellspacing='0' cellpadding='2'>";
    auto row = [&](const QString& key, const QString& value) {
        html += QString("<tr><td style='padding-right:12px'><i>%1</i></td><td>%2</td></tr>")
                    .arg(key, value);
    };
    row(tr("Kind"), specText("cs::DatasetKind", s.kind));
    row(tr("Folder"), qs(s.source).toHtmlEscaped());
    if (!s.layout.empty()) row(tr("Layout"), engineText(s.layout).toHtmlEscaped());
    const QString colour = s.channels == 1   ? tr("grey (1 channel)")
                           : s.channels == 3 ? tr("RGB (3 channels)")
                                             : tr("%1 channels").arg(s.channels);
    row(tr("Images"), tr("%1 × %2 pixels, %3%4")
                          .arg(s.height)
                          .arg(s.width)
                          .arg(colour, s.resized ? tr(", resized from the files") : QString()));
    row(tr("Classes"), QString::number(s.classNames.size()));
    for (const cs::SplitSummary& split : s.splits) {
        const double balance = split.balance();
        const QString ratio = QString::number(balance, 'f', 2);
        const QString balanceText =
            balance >= 0.99  ? tr("balanced")
            : balance >= 0.5 ? tr("smallest class %1 of the largest").arg(ratio)
                             : tr("<span style='color:#d88400'>unbalanced: smallest class "
                                  "%1 of the largest</span>")
                                   .arg(ratio);
        row(splitTitle(qs(split.name)), tr("%1 images, %2").arg(withThousands(split.count), balanceText));
    }
    if (!s.skipped.empty())
        row(tr("Skipped"), tr("<span style='color:#d88400'>%1 that are not readable images</span>")
                               .arg(countOf(qint64(s.skipped.size()), tr("file"), tr("files"))));
    html += "</table>";
    facts_->setText(html);
    facts_->setToolTip(skippedText(s.skipped));

    QStringList categories;
    for (const std::string& c : s.classNames)
        categories << qs(c);
    QList<BarSeries> series;
    for (const cs::SplitSummary& split : s.splits) {
        BarSeries b{splitTitle(qs(split.name)), {}};
        for (int n : split.perClass)
            b.values << n;
        series << b;
    }
    chart_->setData(categories, series);
}

} // namespace ui
