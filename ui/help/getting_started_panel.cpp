#include "ui/help/getting_started_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

// The step's number in a small disc of the highlight colour.
QLabel* stepNumber(int n, QWidget* parent) {
    auto* label = new QLabel(QString::number(n), parent);
    const int size = label->fontMetrics().height() + 6;
    label->setFixedSize(size, size);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(
        QString("QLabel { background: palette(highlight); color: palette(highlighted-text);"
                " border-radius: %1px; font-weight: bold; }")
            .arg(size / 2));
    return label;
}

QPushButton* stepButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setToolTip(tip);
    button->setAutoDefault(false);
    return button;
}

} // namespace

GettingStartedPanel::GettingStartedPanel(QMenu* presets, QWidget* parent) : CardFrame(parent) {
    setObjectName("GettingStarted");
    // A light card that reads as a note on the page in both themes (CardFrame's palette colours).

    auto* title = new QLabel(tr("<b>Getting started</b>"), this);
    lessons_ =
        stepButton(tr("Lessons"),
                   tr("The course chapter by chapter, beside the pages (Help ▸ Lessons)"), this);
    close_ = new QToolButton(this);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Close this panel (Help ▸ Getting Started shows it again)"));

    presets_ = stepButton(
        tr("Course Preset"),
        tr("A model of the course, ready to train (File ▸ New from Course Preset)"), this);
    presets_->setMenu(presets);
    palette_ =
        stepButton(tr("Layer Palette"), tr("Type a layer's name and press Return to add it"), this);
    train_ = stepButton(tr("Start Training"), tr("Train this model on the Train page (F5)"), this);
    inspect_ =
        stepButton(tr("Inspect"), tr("The kernels and feature maps of the trained model"), this);
    classify_ = stepButton(tr("Classify"), tr("Drop your own images on the trained model"), this);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(1, 1);
    struct Step {
        QString text;
        QList<QWidget*> buttons;
    };
    const Step steps[] = {
        {tr("Pick one of the course's models, or build your own: drag layers from the palette onto "
            "the arrows."),
         {presets_, palette_}},
        {tr("Train it on the Data page's images (Fashion-MNIST for a new project) and watch the "
            "curves grow."),
         {train_}},
        {tr("Look inside: what each kernel learned, what each layer sees; then classify your own "
            "images."),
         {inspect_, classify_}},
    };
    int row = 0;
    for (const Step& step : steps) {
        auto* text = new QLabel(step.text, this);
        text->setWordWrap(true);
        grid->addWidget(stepNumber(row + 1, this), row, 0, Qt::AlignTop);
        grid->addWidget(text, row, 1);
        auto* buttons = new QHBoxLayout;
        buttons->setSpacing(6);
        for (QWidget* b : step.buttons)
            buttons->addWidget(b);
        grid->addLayout(buttons, row, 2, Qt::AlignRight | Qt::AlignVCenter);
        ++row;
    }

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(lessons_);
    header->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 10);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addLayout(grid);

    connect(palette_, &QPushButton::clicked, this, &GettingStartedPanel::paletteRequested);
    connect(train_, &QPushButton::clicked, this, &GettingStartedPanel::trainRequested);
    connect(inspect_, &QPushButton::clicked, this, &GettingStartedPanel::inspectRequested);
    connect(classify_, &QPushButton::clicked, this, &GettingStartedPanel::classifyRequested);
    connect(lessons_, &QPushButton::clicked, this, &GettingStartedPanel::lessonsRequested);
    connect(close_, &QToolButton::clicked, this, [this] {
        QSettings().setValue(kDismissedKey, true);
        hide();
    });
    if (dismissed()) hide();
}

bool GettingStartedPanel::dismissed() {
    return QSettings().value(kDismissedKey, false).toBool();
}

void GettingStartedPanel::reopen() {
    QSettings().setValue(kDismissedKey, false);
    show();
}

QAbstractButton* GettingStartedPanel::presetButton() const {
    return presets_;
}
QAbstractButton* GettingStartedPanel::paletteButton() const {
    return palette_;
}
QAbstractButton* GettingStartedPanel::trainButton() const {
    return train_;
}
QAbstractButton* GettingStartedPanel::inspectButton() const {
    return inspect_;
}
QAbstractButton* GettingStartedPanel::classifyButton() const {
    return classify_;
}
QAbstractButton* GettingStartedPanel::lessonsButton() const {
    return lessons_;
}
QAbstractButton* GettingStartedPanel::closeButton() const {
    return close_;
}

} // namespace ui
