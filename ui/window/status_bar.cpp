#include "ui/window/status_bar.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_document.h"
#include "ui/editor/layer_style.h"
#include "ui/window/elided_label.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace ui {

StatusBarWidgets::StatusBarWidgets(QStatusBar* bar, ProjectDocument* document)
    : QObject(bar), document_(document) {
    data_ = new ElidedLabel(bar);
    model_ = new QLabel(bar);
    epoch_ = new QLabel(bar);
    progress_ = new QProgressBar(bar);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumWidth(160);
    progress_->setMaximumHeight(bar->fontMetrics().height());
    speed_ = new QLabel(bar);
    bar->addWidget(data_);
    bar->addWidget(model_, 1); // its empty right end takes the spare room; the data line shrinks first
    bar->addPermanentWidget(epoch_);
    bar->addPermanentWidget(progress_);
    bar->addPermanentWidget(speed_);
    hideTraining();
    connect(document_, &ProjectDocument::modelChanged, this, &StatusBarWidgets::refreshModel);
    refreshModel();
}

QString StatusBarWidgets::dataText() const {
    return data_->fullText();
}
QString StatusBarWidgets::modelText() const {
    return model_->text();
}

void StatusBarWidgets::showDataLoading(const QString& what) {
    data_->setPalette(QPalette()); // the theme's colours again after a failure
    data_->setFullText(tr("Loading %1…").arg(what));
}

void StatusBarWidgets::showData(const std::shared_ptr<const LoadedDataset>& data) {
    if (!data) {
        data_->setFullText(tr("No data set"));
        return;
    }
    QStringList counts, splits;
    for (const QString& split : data->splits()) {
        counts << withThousands(data->count(split));
        splits << splitTitle(split);
    }
    data_->setPalette(QPalette());
    data_->setFullText(QString("%1 · %2 (%3) · %4×%5×%6")
                       .arg(data->title(), counts.join(" / "), splits.join(" / "))
                       .arg(data->height())
                       .arg(data->width())
                       .arg(data->channels()));
}

void StatusBarWidgets::showDataFailed(const QString& message) {
    QPalette red;
    red.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    data_->setPalette(red);
    data_->setFullText(tr("No data set"));
    data_->setToolTip(message);
}

void StatusBarWidgets::refreshModel() {
    const ModelReport& r = document_->report();
    const int layers = document_->graph().size();
    QString text = QString(" · %1 · %2")
                       .arg(countOf(layers, tr("layer"), tr("layers")),
                            countOf(r.totalParameters, tr("parameter"), tr("parameters")));
    if (r.errorCount > 0)
        text = tr(" · <span style='color:#d32f2f'>\u2716 %1 in the model</span>")
                   .arg(countOf(r.errorCount, tr("problem"), tr("problems")));
    else if (r.warningCount > 0)
        text += tr(" · <span style='color:#d88400'>\u26a0 does not fit the data</span>");
    model_->setText(text);
}

QString StatusBarWidgets::trainingText() const {
    if (epoch_->isHidden()) return {};
    return speed_->isHidden() ? epoch_->text() : epoch_->text() + " · " + speed_->text();
}

void StatusBarWidgets::showTraining(const TrainingStatus& s) {
    QString text = s.epoch > 0 ? tr("epoch %1/%2").arg(s.epoch).arg(s.epochs) : QString();
    if (!s.text.isEmpty()) text += (text.isEmpty() ? "" : " · ") + s.text;
    epoch_->setText(text);
    progress_->setValue(int(s.fraction * 1000));
    speed_->setText(tr("%1 img/s").arg(withThousands(qint64(s.imagesPerSecond))));
    epoch_->show();
    progress_->show();
    speed_->setVisible(s.imagesPerSecond > 0);
}

void StatusBarWidgets::hideTraining() {
    for (QWidget* w : std::initializer_list<QWidget*>{epoch_, progress_, speed_})
        w->hide();
}

} // namespace ui
