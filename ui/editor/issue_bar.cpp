#include "ui/editor/issue_bar.h"

#include "ui/document/project_document.h"
#include "ui/editor/fix_rows.h"
#include "ui/window/engine_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

IssueBar::IssueBar(ProjectDocument* document, QWidget* parent)
    : CardFrame(parent), document_(document) {
    setObjectName("IssueBar");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    auto* top = new QHBoxLayout;
    icon_ = new QLabel(this);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    top->addWidget(icon_, 0, Qt::AlignTop);
    top->addWidget(message_, 1);
    buttons_ = new QHBoxLayout;
    buttons_->setContentsMargins(0, 0, 0, 0);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addLayout(buttons_);
    layout->addLayout(top);
    layout->addLayout(buttonRow);
    connect(message_, &QLabel::linkActivated, this,
            [this](const QString& name) { document_->setFocusedLayer(name); });
    connect(document_, &ProjectDocument::modelChanged, this, &IssueBar::refresh);
    refresh();
}

QString IssueBar::message() const {
    return message_->text();
}

QList<QPushButton*> IssueBar::fixButtons() const {
    return findChildren<QPushButton*>();
}

void IssueBar::refresh() {
    clearFixRows(buttons_);
    const ModelReport& r = document_->report();
    if (r.firstProblem < 0) {
        hide();
        return;
    }
    const int index = r.firstProblem;
    const LayerReport& layer = r.layers[size_t(index)];
    const QString name = QString::fromStdString(document_->graph().node(index).name());
    const bool warning = layer.isWarning;
    const QColor color = warning ? QColor(0xd8, 0x84, 0x00) : QColor(0xd3, 0x2f, 0x2f);
    setColour(color);
    icon_->setText(QString("<span style='color:%1; font-size:16pt'>%2</span>")
                       .arg(color.name(), warning ? "\u26a0" : "\u2716"));
    QString text =
        QString("<a href=\"%1\">%1</a>: %2").arg(name, engineText(layer.problem).toHtmlEscaped());
    const int others = r.errorCount + r.warningCount - 1;
    if (others > 0) text += tr(" <i>(and %1 more)</i>").arg(others);
    message_->setText(text);
    for (size_t f = 0; f < layer.fixes.size(); ++f) {
        auto* button = new QPushButton(engineText(layer.fixes[f].label), this);
        button->setDefault(f == 0);
        buttons_->addWidget(button);
        connect(button, &QPushButton::clicked, this,
                [this, index, f] { document_->applyQuickFix(index, int(f)); });
    }
    show();
}

} // namespace ui
