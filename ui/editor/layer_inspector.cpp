#include "ui/editor/layer_inspector.h"

#include "ui/document/project_document.h"
#include "ui/editor/attribute_editors.h"
#include "ui/editor/fix_rows.h"
#include "ui/editor/layer_style.h"
#include "ui/window/engine_text.h"

#include "engine/layers/layer_registry.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

LayerInspector::LayerInspector(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    empty_ = new QLabel(tr("Select a layer on the canvas to edit it."), this);
    empty_->setWordWrap(true);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(empty_);

    body_ = new QWidget(this);
    auto* layout = new QVBoxLayout(body_);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(body_);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    description_ = new QLabel(body_);
    description_->setWordWrap(true);
    description_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(title_);
    layout->addWidget(description_);

    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    name_ = new QLineEdit(body_);
    name_->setToolTip(tr("The layer's name: unique in the model, used in summaries and files"));
    layout->addLayout(form_);

    inputsBox_ = new QGroupBox(tr("Inputs"), body_);
    auto* inputsLayout = new QVBoxLayout(inputsBox_);
    inputs_ = new QListWidget(inputsBox_);
    inputs_->setMaximumHeight(inputs_->fontMetrics().lineSpacing() * 4 + 8);
    auto* connectRow = new QHBoxLayout;
    connectFrom_ = new QComboBox(inputsBox_);
    connectButton_ = new QPushButton(tr("Connect"), inputsBox_);
    disconnectButton_ = new QPushButton(tr("Disconnect"), inputsBox_);
    connectRow->addWidget(connectFrom_, 1);
    connectRow->addWidget(connectButton_);
    inputsLayout->addWidget(inputs_);
    inputsLayout->addLayout(connectRow);
    inputsLayout->addWidget(disconnectButton_, 0, Qt::AlignRight);
    layout->addWidget(inputsBox_);

    output_ = new QLabel(body_);
    output_->setWordWrap(true);
    output_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problem_ = new QLabel(body_);
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: #d32f2f;");
    fixes_ = new QWidget(body_);
    new QVBoxLayout(fixes_);
    fixes_->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(output_);
    layout->addWidget(problem_);
    layout->addWidget(fixes_);
    layout->addStretch(1);
    outer->addWidget(body_, 1);
    body_->hide();

    connect(name_, &QLineEdit::editingFinished, this, [this] {
        const QString wanted = name_->text().trimmed();
        if (!layer_.isEmpty() && wanted != layer_ && !document_->renameLayer(layer_, wanted))
            name_->setText(layer_);
    });
    connect(connectButton_, &QPushButton::clicked, this, [this] {
        if (connectFrom_->currentIndex() >= 0)
            document_->connectLayers(connectFrom_->currentText(), layer_);
    });
    connect(disconnectButton_, &QPushButton::clicked, this, [this] {
        if (inputs_->currentItem())
            document_->disconnectLayers(inputs_->currentItem()->text(), layer_);
    });
    connect(document_, &ProjectDocument::focusedLayerChanged, this, &LayerInspector::showLayer);
    showLayer(document_->focusedLayer());
    connect(document_, &ProjectDocument::modelChanged, this, [this] {
        const LayerNode* node = document_->graph().find(layer_.toStdString());
        if (!node)
            showLayer(document_->focusedLayer());
        else if (qs(node->className) != className_)
            rebuildForm();
        else {
            refreshValues();
            refreshInputs();
            refreshStatus();
        }
    });
}

void LayerInspector::editFirstField() {
    QWidget* field = name_;
    if (const LayerNode* node = document_->graph().find(layer_.toStdString())) {
        const cs::LayerSpec& spec = cs::layerSpec(node->className);
        // The first focusable part of the first attribute's editor (a kernel size's height).
        if (!spec.attributes.empty())
            if (AttributeEditor* editor = editors_.value(qs(spec.attributes.front().key)))
                for (QWidget* w : editor->findChildren<QWidget*>())
                    if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled() && !w->isHidden()) {
                        field = w;
                        break;
                    }
    }
    if (!body_->isVisible()) return;
    for (QWidget* p = parentWidget(); p; p = p->parentWidget())
        if (auto* scroll = qobject_cast<QScrollArea*>(p)) {
            scroll->ensureWidgetVisible(field);
            break;
        }
    field->setFocus(Qt::TabFocusReason);
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(field))
        spin->selectAll();
    else if (auto* line = qobject_cast<QLineEdit*>(field))
        line->selectAll();
}

void LayerInspector::showLayer(const QString& name) {
    if (name == layer_ && !name.isEmpty()) return;
    layer_ = name;
    rebuildForm();
}

void LayerInspector::rebuildForm() {
    const LayerNode* node = document_->graph().find(layer_.toStdString());
    empty_->setVisible(!node);
    body_->setVisible(node != nullptr);
    while (form_->rowCount() > 0) {
        // Keep the shared name editor alive across rebuilds.
        QFormLayout::TakeRowResult row = form_->takeRow(0);
        if (row.fieldItem && row.fieldItem->widget() == name_) {
            delete row.labelItem->widget();
            delete row.labelItem;
            delete row.fieldItem;
            continue;
        }
        for (QLayoutItem* item : {row.labelItem, row.fieldItem})
            if (item) {
                if (QWidget* w = item->widget()) {
                    w->hide();
                    w->deleteLater(); // it may be the sender of the signal being handled
                }
                delete item;
            }
    }
    editors_.clear();
    if (!node) {
        layer_.clear();
        className_.clear();
        return;
    }
    const cs::LayerSpec& spec = cs::layerSpec(node->className);
    className_ = qs(node->className);
    title_->setText(QString("<span style='color:%1'>\u25a0</span> %2")
                        .arg(categoryColor(qs(spec.category)).name(), className_));
    description_->setText(specText("cs::LayerSpec", spec.description));
    form_->addRow(tr("name"), name_);
    for (const cs::AttributeSpec& a : spec.attributes) {
        const QString key = qs(a.key);
        AttributeEditor* editor = createAttributeEditor(a, body_);
        auto* label = new QLabel(key, body_);
        label->setToolTip(specText("cs::LayerSpec", a.help));
        form_->addRow(label, editor);
        editors_.insert(key, editor);
        connect(editor, &AttributeEditor::edited, this,
                [this, key](const cs::Json& v) { document_->setLayerAttribute(layer_, key, v); });
        connect(editor, &AttributeEditor::gestureFinished, document_, &ProjectDocument::endGesture);
    }
    cs::AttributeSpec trainable{
        "trainable",
        cs::AttributeType::Bool,
        true,
        0,
        0,
        {},
        CS_NOOP("cs::LayerSpec",
                "Unticked: the layer's weights stay fixed while training (a frozen layer)")};
    if (!spec.isInput()) {
        AttributeEditor* editor = createAttributeEditor(trainable, body_);
        form_->addRow(tr("trainable"), editor);
        editors_.insert("trainable", editor);
        connect(editor, &AttributeEditor::edited, this, [this](const cs::Json& v) {
            document_->setLayerAttribute(layer_, "trainable", v);
        });
    }
    inputsBox_->setVisible(spec.maxInputs > 1);
    refreshValues();
    refreshInputs();
    refreshStatus();
}

void LayerInspector::refreshValues() {
    const LayerNode* node = document_->graph().find(layer_.toStdString());
    if (!node) return;
    {
        QSignalBlocker block(name_);
        if (!name_->hasFocus()) name_->setText(layer_);
    }
    for (auto it = editors_.begin(); it != editors_.end(); ++it)
        if (const cs::Json* v = cs::json::find(node->config, it.key().toStdString()))
            it.value()->setValue(*v);
}

void LayerInspector::refreshInputs() {
    const ModelGraph& g = document_->graph();
    const LayerNode* node = g.find(layer_.toStdString());
    if (!node || inputsBox_->isHidden()) return;
    inputs_->clear();
    for (const std::string& in : node->inputs)
        inputs_->addItem(qs(in));
    connectFrom_->clear();
    const int index = g.indexOf(layer_.toStdString());
    for (int i = 0; i < index; ++i) {
        const std::string n = g.node(i).name();
        if (std::find(node->inputs.begin(), node->inputs.end(), n) == node->inputs.end())
            connectFrom_->addItem(qs(n));
    }
    connectButton_->setEnabled(connectFrom_->count() > 0);
    disconnectButton_->setEnabled(!node->inputs.empty());
}

void LayerInspector::refreshStatus() {
    const int index = document_->graph().indexOf(layer_.toStdString());
    if (index < 0) return;
    const LayerReport& r = document_->report().layers[size_t(index)];
    QString text;
    if (r.shapeKnown)
        text = tr("<b>Output</b> %1").arg(qs(r.outputShape.toString(true)));
    else if (!r.problem.empty())
        text = tr("<b>Output</b> none until the problem below is fixed");
    else
        text = tr("<b>Output</b> unknown until the problem above this layer is fixed");
    if (r.parametersKnown)
        text += tr("<br><b>Parameters</b> %1").arg(withThousands(r.parameters)) +
                (r.parameters != r.trainableParameters
                     ? tr(" (%1 trainable)").arg(withThousands(r.trainableParameters))
                     : QString());
    output_->setText(text);
    problem_->setVisible(!r.problem.empty());
    problem_->setStyleSheet(r.isWarning ? "color: #d88400;" : "color: #d32f2f;");
    problem_->setText(engineText(r.problem));
    QLayout* fixLayout = fixes_->layout();
    clearFixRows(fixLayout); // the clicked fix button is the sender of this change
    for (size_t f = 0; f < r.fixes.size(); ++f) {
        auto* button = new QPushButton(engineText(r.fixes[f].label), fixes_);
        fixLayout->addWidget(button);
        connect(button, &QPushButton::clicked, this,
                [this, index, f] { document_->applyQuickFix(index, int(f)); });
    }
}

} // namespace ui
