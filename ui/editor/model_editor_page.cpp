#include "ui/editor/model_editor_page.h"

#include "ui/document/project_document.h"
#include "ui/editor/issue_bar.h"
#include "ui/editor/layer_inspector.h"
#include "ui/editor/layer_palette.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/summary_table.h"

#include <QAction>
#include <QDataStream>
#include <QHBoxLayout>
#include <QIODevice>
#include <QLabel>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ModelEditorPage::ModelEditorPage(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    palette_ = new LayerPalette(this);
    canvas_ = new ModelCanvas(document_, this);
    inspector_ = new LayerInspector(document_, this);
    summary_ = new SummaryTable(document_, this);
    issueBar_ = new IssueBar(document_, this);

    zoomIn_ = new QAction(QIcon(":/icons/zoom-in.svg"), tr("Zoom &In"), this);
    zoomIn_->setShortcut(QKeySequence::ZoomIn);
    zoomOut_ = new QAction(QIcon(":/icons/zoom-out.svg"), tr("Zoom &Out"), this);
    zoomOut_->setShortcut(QKeySequence::ZoomOut);
    actualSize_ = new QAction(tr("&Actual Size"), this);
    actualSize_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit_ = new QAction(QIcon(":/icons/zoom-fit.svg"), tr("&Fit Model to View"), this);
    fit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    delete_ = new QAction(QIcon(":/icons/delete.svg"), tr("&Delete Layer"), this);
    delete_->setShortcut(QKeySequence::Delete);
    delete_->setShortcutContext(Qt::WidgetShortcut); // the canvas handles the key itself
    duplicate_ = new QAction(tr("D&uplicate Layer"), this);
    duplicate_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicate_->setShortcutContext(Qt::WidgetShortcut); // the canvas handles the key itself
    connect(zoomIn_, &QAction::triggered, canvas_, &ModelCanvas::zoomIn);
    connect(zoomOut_, &QAction::triggered, canvas_, &ModelCanvas::zoomOut);
    connect(actualSize_, &QAction::triggered, canvas_, &ModelCanvas::resetZoom);
    connect(fit_, &QAction::triggered, canvas_, &ModelCanvas::fitToView);
    connect(delete_, &QAction::triggered, this, [this] {
        if (!document_->focusedLayer().isEmpty()) document_->removeLayer(document_->focusedLayer());
    });
    connect(duplicate_, &QAction::triggered, this, [this] {
        if (!document_->focusedLayer().isEmpty())
            document_->duplicateLayer(document_->focusedLayer());
    });
    auto updateDelete = [this] {
        const int i = document_->graph().indexOf(document_->focusedLayer().toStdString());
        delete_->setEnabled(i > 0);
        duplicate_->setEnabled(i > 0);
    };
    connect(document_, &ProjectDocument::focusedLayerChanged, this, updateDelete);
    connect(document_, &ProjectDocument::modelChanged, this, updateDelete);
    updateDelete();

    // Middle column: issue bar, canvas, a slim row of view controls.
    auto* middle = new QWidget(this);
    auto* middleLayout = middleLayout_ = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->setSpacing(4);
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 6, 0);
    auto* hint = new QLabel(
        tr("Drop a layer on an arrow to insert it · drag a block to move it · Del removes"),
        middle);
    hint->setToolTip(
        tr("To connect by hand (skip connections), drag from a block's bottom dot onto an Add or "
           "Concatenate block, or use its inspector's Inputs box."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true); // on two lines rather than widening the window (Spanish runs longer)
    zoomLabel_ = new QLabel("100%", middle);
    zoomLabel_->setMinimumWidth(zoomLabel_->fontMetrics().horizontalAdvance("3000%"));
    zoomLabel_->setAlignment(Qt::AlignCenter);
    controls->addWidget(hint, 1);
    for (QAction* a : {zoomOut_, zoomIn_, fit_}) {
        auto* button = new QToolButton(middle);
        button->setDefaultAction(a);
        button->setAutoRaise(true);
        controls->addWidget(button);
        if (a == zoomOut_) controls->addWidget(zoomLabel_);
    }
    middleLayout->addWidget(issueBar_);
    middleLayout->addWidget(canvas_, 1);
    middleLayout->addLayout(controls);
    connect(canvas_, &ModelCanvas::zoomChanged, this,
            [this](qreal z) { zoomLabel_->setText(QString::number(qRound(z * 100)) + "%"); });

    auto* inspectorScroll = new QScrollArea(this);
    inspectorScroll->setWidget(inspector_);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    // Return on a block edits it in the inspector; Escape there gives the keyboard back.
    connect(canvas_, &ModelCanvas::editRequested, inspector_, &LayerInspector::editFirstField);
    auto* backToCanvas = new QShortcut(QKeySequence(Qt::Key_Escape), inspectorScroll);
    backToCanvas->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backToCanvas, &QShortcut::activated, canvas_,
            [this] { canvas_->setFocus(Qt::OtherFocusReason); });
    rightColumn_ = new QSplitter(Qt::Vertical, this);
    rightColumn_->addWidget(inspectorScroll);
    rightColumn_->addWidget(summary_);
    rightColumn_->setStretchFactor(0, 1);
    rightColumn_->setStretchFactor(1, 1);
    rightColumn_->setChildrenCollapsible(false);
    const int line = fontMetrics().lineSpacing();
    rightColumn_->setSizes({line * 26, line * 20});

    auto* paletteBox = new QWidget(this);
    auto* paletteLayout = new QVBoxLayout(paletteBox);
    paletteLayout->setContentsMargins(8, 8, 0, 8);
    paletteLayout->addWidget(palette_);

    columns_ = new QSplitter(Qt::Horizontal, this);
    columns_->addWidget(paletteBox);
    columns_->addWidget(middle);
    columns_->addWidget(rightColumn_);
    columns_->setStretchFactor(0, 0);
    columns_->setStretchFactor(1, 1);
    columns_->setStretchFactor(2, 0);
    const int em = fontMetrics().horizontalAdvance('M');
    columns_->setSizes({em * 19, em * 70, em * 44});
    columns_->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(columns_);

    connect(palette_, &LayerPalette::layerActivated, this, [this](const QString& cls) {
        const QString name = document_->appendLayer(cls);
        if (!name.isEmpty()) document_->setFocusedLayer(name);
    });
}

void ModelEditorPage::addBanner(QWidget* banner) {
    middleLayout_->insertWidget(0, banner);
}

QList<QAction*> ModelEditorPage::viewActions() const {
    return {zoomIn_, zoomOut_, actualSize_, fit_};
}

QByteArray ModelEditorPage::saveLayout() const {
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream << columns_->saveState() << rightColumn_->saveState();
    return out;
}

void ModelEditorPage::restoreLayout(const QByteArray& state) {
    QDataStream stream(state);
    QByteArray columns, right;
    stream >> columns >> right;
    if (stream.status() != QDataStream::Ok) return;
    columns_->restoreState(columns);
    rightColumn_->restoreState(right);
}

} // namespace ui
