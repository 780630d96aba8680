#include "ui/datapage/data_fit_panel.h"

#include "ui/document/project_document.h"
#include "ui/editor/fix_rows.h"
#include "ui/window/engine_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ui {

namespace {
const QColor kWarning(0xd8, 0x84, 0x00); // the Model page's colour for a mismatch with the data

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// "target_size = 150x150, color_mode = rgb": what a data fix sets, by Keras's names.
QString settingsText(const QuickFix& fix) {
    QStringList parts;
    for (const auto& [key, value] : fix.dataSettings)
        parts << qs(key) + " = " + qs(value);
    return parts.join(", ");
}
} // namespace

DataFitPanel::DataFitPanel(ProjectDocument* document, QWidget* parent)
    : CardFrame(parent), document_(document) {
    setObjectName("DataFitPanel");
    setColour(kWarning);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    auto* title =
        new QLabel(QString("<span style='color:%1; font-size:14pt'>\u26a0</span> <b>%2</b>")
                       .arg(kWarning.name(), tr("The model and the data set do not fit")),
                   this);
    layout->addWidget(title);
    rows_ = new QVBoxLayout;
    rows_->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(rows_);
    connect(document_, &ProjectDocument::modelChanged, this, &DataFitPanel::refresh);
    refresh();
}

QStringList DataFitPanel::messages() const {
    QStringList out;
    for (QLabel* label : findChildren<QLabel*>("fitMessage")) {
        QTextDocument text; // as read: without the markup
        text.setHtml(label->text());
        out << text.toPlainText();
    }
    return out;
}

QList<QPushButton*> DataFitPanel::fixButtons() const {
    return findChildren<QPushButton*>();
}

void DataFitPanel::refresh() {
    clearFixRows(rows_);
    const ModelReport& r = document_->report();
    int shown = 0;
    for (int index = 0; index < int(r.layers.size()); ++index) {
        const LayerReport& layer = r.layers[size_t(index)];
        if (layer.problem.empty() || !layer.isWarning)
            continue; // the model's own errors stay on its page
        ++shown;
        const QString name = qs(document_->graph().node(index).name());
        auto* row = new QWidget(this);
        auto* rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 4, 0, 0);
        auto* message = new QLabel(row);
        message->setObjectName("fitMessage");
        message->setWordWrap(true);
        message->setTextFormat(Qt::RichText);
        message->setText("<b>" + name.toHtmlEscaped() +
                         "</b>: " + engineText(layer.problem).toHtmlEscaped());
        message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        rowLayout->addWidget(message);
        auto* buttons = new QHBoxLayout;
        buttons->addStretch(1);
        for (size_t f = 0; f < layer.fixes.size(); ++f) {
            const QuickFix& fix = layer.fixes[f];
            auto* button = new QPushButton(engineText(fix.label), row);
            button->setToolTip(
                fix.changesData()
                    ? tr("Changes how the data set is loaded: %1").arg(settingsText(fix))
                    : tr("Changes the model (%1)").arg(name));
            buttons->addWidget(button);
            connect(button, &QPushButton::clicked, this,
                    [this, index, f] { document_->applyQuickFix(index, int(f)); });
        }
        if (layer.fixes.empty())
            buttons->addWidget(new QLabel(
                tr("No fix keeps the model working: change it on the Model page."), row));
        rowLayout->addLayout(buttons);
        rows_->addWidget(row);
    }
    setVisible(shown > 0);
}

} // namespace ui
