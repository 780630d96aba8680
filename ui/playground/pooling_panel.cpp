#include "ui/playground/pooling_panel.h"

#include "ui/playground/form_widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

PoolingPanel::PoolingPanel(QWidget* parent) : QWidget(parent) {
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("poolKind"));
    kind_->addItem(tr("Max (MaxPooling2D)"), QStringLiteral("max"));
    kind_->addItem(tr("Average (AveragePooling2D)"), QStringLiteral("average"));
    kindDescription_ = noteLabel("poolKindDescription", this);

    poolRows_ = spinBox("poolRows", 1, 7, 2, this);
    poolCols_ = spinBox("poolCols", 1, 7, 2, this);
    // 0 means "the pool size", Keras's default for strides=None.
    strideRows_ = spinBox("poolStrideRows", 0, 8, 0, this);
    strideCols_ = spinBox("poolStrideCols", 0, 8, 0, this);
    for (QSpinBox* box : {strideRows_, strideCols_})
        box->setSpecialValueText(tr("= pool"));
    padding_ = new QComboBox(this);
    padding_->setObjectName(QStringLiteral("poolPadding"));
    for (const char* name : {"valid", "same"})
        padding_->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    padding_->setToolTip(tr("same pads so that out = ceil(n / stride); padded cells never "
                            "count (TensorFlow's rule)"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Kind:"), kind_);
    form->addRow(QString(), kindDescription_);
    form->addRow(tr("Pool size:"), pairRow(poolRows_, poolCols_, this));
    form->addRow(tr("Stride:"), pairRow(strideRows_, strideCols_, this));
    form->addRow(tr("Padding:"), padding_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(form);
    layout->addStretch();

    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        describeKind();
        Q_EMIT changed();
    });
    connect(padding_, &QComboBox::currentIndexChanged, this, &PoolingPanel::changed);
    for (QSpinBox* box : {poolRows_, poolCols_, strideRows_, strideCols_})
        connect(box, &QSpinBox::valueChanged, this, &PoolingPanel::changed);
    describeKind();
}

cs::PoolingSettings PoolingPanel::settings() const {
    cs::PoolingSettings s;
    s.kind = cs::poolingKindFromName(kind_->currentData().toString().toStdString());
    s.poolRows = poolRows_->value();
    s.poolCols = poolCols_->value();
    s.strideRows = strideRows_->value();
    s.strideCols = strideCols_->value();
    s.padding = cs::paddingModeFromName(padding_->currentData().toString().toStdString());
    return s;
}

void PoolingPanel::setSettings(const cs::PoolingSettings& s) {
    kind_->setCurrentIndex(kind_->findData(s.kind == cs::PoolingKind::Max ? QStringLiteral("max")
                                                                          : QStringLiteral("average")));
    poolRows_->setValue(s.poolRows);
    poolCols_->setValue(s.poolCols);
    strideRows_->setValue(s.strideRows);
    strideCols_->setValue(s.strideCols);
    padding_->setCurrentIndex(padding_->findData(QString::fromStdString(cs::paddingModeName(s.padding))));
}

void PoolingPanel::describeKind() {
    // The lesson's own contrast between the two, in one line each.
    kindDescription_->setText(kind_->currentData().toString() == QLatin1String("max")
                                  ? tr("Keeps the largest value of each window: the strongest "
                                       "response survives.")
                                  : tr("Keeps the mean of each window: smoother, keeps the "
                                       "general level rather than the peaks."));
}

void PoolingPanel::saveSettings(QSettings& settings) const {
    settings.setValue("poolKind", kind_->currentData().toString());
    settings.setValue("poolRows", poolRows_->value());
    settings.setValue("poolCols", poolCols_->value());
    settings.setValue("poolStrideRows", strideRows_->value());
    settings.setValue("poolStrideCols", strideCols_->value());
    settings.setValue("poolPadding", padding_->currentData().toString());
}

void PoolingPanel::restoreSettings(const QSettings& settings) {
    const QSignalBlocker block(this);
    auto pick = [](QComboBox* box, const QVariant& value) {
        const int index = box->findData(value.toString());
        if (index >= 0) box->setCurrentIndex(index);
    };
    pick(kind_, settings.value("poolKind", "max"));
    pick(padding_, settings.value("poolPadding", "valid"));
    poolRows_->setValue(settings.value("poolRows", 2).toInt());
    poolCols_->setValue(settings.value("poolCols", 2).toInt());
    strideRows_->setValue(settings.value("poolStrideRows", 0).toInt());
    strideCols_->setValue(settings.value("poolStrideCols", 0).toInt());
    describeKind();
}

} // namespace ui
