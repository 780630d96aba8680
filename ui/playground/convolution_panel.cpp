#include "ui/playground/convolution_panel.h"

#include "ui/playground/form_widgets.h"
#include "ui/playground/matrix_grid.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kMaxKernel = 7;

} // namespace

ConvolutionPanel::ConvolutionPanel(QWidget* parent) : QWidget(parent) {
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("kernelPreset"));
    for (const cs::KernelPreset& p : cs::kernelPresets())
        preset_->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
    preset_->addItem(tr("custom"), QString());
    presetDescription_ = noteLabel("presetDescription", this);

    kernelRows_ = spinBox("kernelRows", 1, kMaxKernel, 3, this);
    kernelCols_ = spinBox("kernelCols", 1, kMaxKernel, 3, this);
    kernel_ = new MatrixGrid(true, this);
    kernel_->setObjectName(QStringLiteral("kernelMatrix"));

    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("convolutionMode"));
    mode_->addItem(tr("Cross-correlation (Conv2D)"), QStringLiteral("correlation"));
    mode_->addItem(tr("Convolution (scipy convolve2d)"), QStringLiteral("convolution"));
    modeDescription_ = noteLabel("modeDescription", this);

    padding_ = new QComboBox(this);
    padding_->setObjectName(QStringLiteral("paddingCombo"));
    for (const char* name : {"valid", "same", "full"})
        padding_->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    padding_->setToolTip(tr("valid: no padding · same: zeros so that out = ceil(n / stride) · "
                            "full: k − 1 zeros on each side"));
    strideRows_ = spinBox("strideRows", 1, 8, 1, this);
    strideCols_ = spinBox("strideCols", 1, 8, 1, this);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Preset:"), preset_);
    form->addRow(QString(), presetDescription_);
    form->addRow(tr("Kernel size:"), pairRow(kernelRows_, kernelCols_, this));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(form);
    layout->addWidget(kernel_, 0, Qt::AlignHCenter);
    auto* rule = new QFormLayout;
    rule->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    rule->addRow(tr("Operation:"), mode_);
    rule->addRow(QString(), modeDescription_);
    rule->addRow(tr("Padding:"), padding_);
    rule->addRow(tr("Stride:"), pairRow(strideRows_, strideCols_, this));
    layout->addLayout(rule);
    layout->addStretch();

    connect(preset_, &QComboBox::currentIndexChanged, this, &ConvolutionPanel::presetChosen);
    connect(kernelRows_, &QSpinBox::valueChanged, this, &ConvolutionPanel::kernelSizeChanged);
    connect(kernelCols_, &QSpinBox::valueChanged, this, &ConvolutionPanel::kernelSizeChanged);
    connect(kernel_, &MatrixGrid::edited, this, &ConvolutionPanel::kernelEdited);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        describeMode();
        Q_EMIT changed();
    });
    connect(padding_, &QComboBox::currentIndexChanged, this, &ConvolutionPanel::changed);
    for (QSpinBox* box : {strideRows_, strideCols_})
        connect(box, &QSpinBox::valueChanged, this, &ConvolutionPanel::changed);

    selectPreset(QStringLiteral("vertical_edge")); // the lesson's kernel
    describeMode();
}

cs::PlaygroundMatrix ConvolutionPanel::kernel() const {
    return kernel_->matrix(tr("kernel"));
}

cs::ConvolutionSettings ConvolutionPanel::settings() const {
    cs::ConvolutionSettings s;
    s.padding = cs::paddingModeFromName(padding_->currentData().toString().toStdString());
    s.strideRows = strideRows_->value();
    s.strideCols = strideCols_->value();
    s.mode = cs::convolutionModeFromName(mode_->currentData().toString().toStdString());
    return s;
}

void ConvolutionPanel::setSettings(const cs::ConvolutionSettings& s) {
    padding_->setCurrentIndex(padding_->findData(QString::fromStdString(cs::paddingModeName(s.padding))));
    strideRows_->setValue(s.strideRows);
    strideCols_->setValue(s.strideCols);
    mode_->setCurrentIndex(mode_->findData(s.mode == cs::ConvolutionMode::CrossCorrelation
                                                ? QStringLiteral("correlation")
                                                : QStringLiteral("convolution")));
}

bool ConvolutionPanel::selectPreset(const QString& name) {
    const int index = preset_->findData(name);
    if (index < 0 || name.isEmpty()) return false;
    if (index == preset_->currentIndex())
        presetChosen(); // re-selecting restores an edited kernel
    else
        preset_->setCurrentIndex(index);
    return true;
}

void ConvolutionPanel::presetChosen() {
    const QString name = preset_->currentData().toString();
    if (name.isEmpty()) { // "custom": keep what is in the grid
        presetDescription_->setText(tr("your own kernel: edit the cells (1/9 works too)"));
        return;
    }
    const cs::PlaygroundMatrix k = cs::kernelFromText(name.toStdString());
    for (const cs::KernelPreset& p : cs::kernelPresets())
        if (p.name == name.toStdString())
            presetDescription_->setText(specText("cs::KernelPreset", p.description));
    {
        const QSignalBlocker rows(kernelRows_), cols(kernelCols_);
        kernelRows_->setValue(k.rows);
        kernelCols_->setValue(k.cols);
    }
    kernel_->setMatrix(k, 4);
    Q_EMIT changed();
}

void ConvolutionPanel::kernelSizeChanged() {
    kernel_->setDimensions(kernelRows_->value(), kernelCols_->value());
    kernelEdited();
}

void ConvolutionPanel::kernelEdited() {
    // An edited kernel is no longer the preset; say so rather than mislabel it.
    const int custom = preset_->findData(QString());
    if (preset_->currentIndex() != custom) {
        const QSignalBlocker block(preset_);
        preset_->setCurrentIndex(custom);
        presetDescription_->setText(tr("your own kernel: edit the cells (1/9 works too)"));
    }
    Q_EMIT changed();
}

void ConvolutionPanel::describeMode() {
    const cs::ConvolutionMode mode =
        cs::convolutionModeFromName(mode_->currentData().toString().toStdString());
    QString text = specText("cs::KernelPreset", cs::convolutionModeDescription(mode));
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    modeDescription_->setText(text + QStringLiteral("."));
}

void ConvolutionPanel::saveSettings(QSettings& settings) const {
    settings.setValue("kernelPreset", preset_->currentData().toString());
    try {
        const cs::PlaygroundMatrix k = kernel();
        settings.setValue("kernel", QString::fromStdString(cs::formatMatrix(k, 6)));
    } catch (const cs::Error&) {
        // A half-typed kernel is not worth keeping; the last good one stays.
    }
    settings.setValue("convolutionMode", mode_->currentData().toString());
    settings.setValue("padding", padding_->currentData().toString());
    settings.setValue("strideRows", strideRows_->value());
    settings.setValue("strideCols", strideCols_->value());
}

void ConvolutionPanel::restoreSettings(const QSettings& settings) {
    const QSignalBlocker block(this); // one recompute after everything is in place
    const QString preset = settings.value("kernelPreset", "vertical_edge").toString();
    if (!selectPreset(preset)) {
        try {
            const cs::PlaygroundMatrix k =
                cs::parseMatrix(settings.value("kernel").toString().toStdString());
            if (k.rows <= kMaxKernel && k.cols <= kMaxKernel) {
                preset_->setCurrentIndex(preset_->findData(QString()));
                const QSignalBlocker rows(kernelRows_), cols(kernelCols_);
                kernelRows_->setValue(k.rows);
                kernelCols_->setValue(k.cols);
                kernel_->setMatrix(k, 4);
            }
        } catch (const cs::Error&) {
            selectPreset(QStringLiteral("vertical_edge"));
        }
    }
    auto pick = [](QComboBox* box, const QVariant& value) {
        const int index = box->findData(value.toString());
        if (index >= 0) box->setCurrentIndex(index);
    };
    pick(mode_, settings.value("convolutionMode", "correlation"));
    pick(padding_, settings.value("padding", "valid"));
    strideRows_->setValue(settings.value("strideRows", 1).toInt());
    strideCols_->setValue(settings.value("strideCols", 1).toInt());
    describeMode();
}

} // namespace ui
