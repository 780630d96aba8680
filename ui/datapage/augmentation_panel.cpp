#include "ui/datapage/augmentation_panel.h"

#include "ui/document/project_document.h"
#include "ui/training/setting_editors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace ui {

AugmentationPanel::AugmentationPanel(ProjectDocument* document, QWidget* parent)
    : QGroupBox(tr("Augmentation (training split only)"), parent), document_(document) {
    // Ranges, steps, units and help come from the engine's table (augmentationSpecs()).
    rotation_ = addSpin("rotation_range", "rotation_range");
    widthShift_ = addSpin("width_shift_range", "width_shift_range");
    heightShift_ = addSpin("height_shift_range", "height_shift_range");
    shear_ = addSpin("shear_range", "shear_range");
    zoomLow_ = addSpin("zoom_range", "zoom_range");
    zoomHigh_ = addSpin("zoom_range_high", "zoom_range");
    brightLow_ = addSpin("brightness_range", "brightness_range");
    brightHigh_ = addSpin("brightness_range_high", "brightness_range");
    cval_ = addSpin("cval", "cval");
    hflip_ = new QCheckBox(tr("horizontal_flip"), this);
    hflip_->setToolTip(settingTooltip(cs::augmentationSpec("horizontal_flip")));
    vflip_ = new QCheckBox(tr("vertical_flip"), this);
    vflip_->setToolTip(settingTooltip(cs::augmentationSpec("vertical_flip")));
    fillMode_ = new QComboBox(this);
    for (const std::string& mode : cs::augmentationSpec("fill_mode").choices)
        fillMode_->addItem(QString::fromStdString(mode));
    fillMode_->setToolTip(settingTooltip(cs::augmentationSpec("fill_mode")));
    editors_.insert("horizontal_flip", hflip_);
    editors_.insert("vertical_flip", vflip_);
    editors_.insert("fill_mode", fillMode_);

    auto pairRow = [this](QDoubleSpinBox* a, QDoubleSpinBox* b) {
        auto* row = new QHBoxLayout;
        row->addWidget(a, 1);
        row->addWidget(new QLabel("\u2013", this));
        row->addWidget(b, 1);
        return row;
    };
    auto* flips = new QHBoxLayout;
    flips->addWidget(hflip_);
    flips->addWidget(vflip_);
    flips->addStretch(1);
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow("rotation_range", rotation_);
    form->addRow("width_shift_range", widthShift_);
    form->addRow("height_shift_range", heightShift_);
    form->addRow("shear_range", shear_);
    form->addRow("zoom_range", pairRow(zoomLow_, zoomHigh_));
    form->addRow(flips);
    form->addRow("brightness_range", pairRow(brightLow_, brightHigh_));
    form->addRow("fill_mode", fillMode_);
    form->addRow("cval", cval_);
    auto* buttons = new QHBoxLayout;
    auto* course = new QPushButton(tr("Course example"), this);
    course->setObjectName("courseAugmentationExample");
    course->setToolTip(
        tr("rotation 30°, shifts 0.2, zoom 0.2, horizontal flip, fill nearest — as in the course"));
    auto* none = new QPushButton(tr("None"), this);
    none->setToolTip(tr("No augmentation"));
    buttons->addStretch(1);
    buttons->addWidget(course);
    buttons->addWidget(none);
    form->addRow(buttons);

    connect(hflip_, &QCheckBox::toggled, this, [this] { commit({}); });
    connect(vflip_, &QCheckBox::toggled, this, [this] { commit({}); });
    connect(fillMode_, &QComboBox::activated, this, [this] { commit({}); });
    connect(course, &QPushButton::clicked, this, [this] {
        cs::AugmentationOptions o;
        o.rotationRange = 30;
        o.widthShiftRange = o.heightShiftRange = 0.2;
        o.zoomLow = 0.8;
        o.zoomHigh = 1.2;
        o.horizontalFlip = true;
        document_->setAugmentation(o);
    });
    connect(none, &QPushButton::clicked, this,
            [this] { document_->setAugmentation(cs::AugmentationOptions{}); });
    connect(document_, &ProjectDocument::augmentationChanged, this, &AugmentationPanel::refresh);
    refresh();
}

QDoubleSpinBox* AugmentationPanel::addSpin(const QString& key, const char* kerasName) {
    auto* spin = new QDoubleSpinBox(this);
    applySpec(spin, cs::augmentationSpec(kerasName));
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    spin->setObjectName(key);
    editors_.insert(key, spin);
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key] { commit(key); });
    connect(spin, &QDoubleSpinBox::editingFinished, document_, &ProjectDocument::endGesture);
    return spin;
}

void AugmentationPanel::refresh() {
    const cs::AugmentationOptions& o = document_->settings().augmentation;
    std::vector<QSignalBlocker> blockers;
    for (QWidget* w : editors_)
        blockers.emplace_back(w);
    rotation_->setValue(o.rotationRange);
    widthShift_->setValue(o.widthShiftRange);
    heightShift_->setValue(o.heightShiftRange);
    shear_->setValue(o.shearRange);
    zoomLow_->setValue(o.zoomLow);
    zoomHigh_->setValue(o.zoomHigh);
    brightLow_->setValue(o.brightnessLow);
    brightHigh_->setValue(o.brightnessHigh);
    cval_->setValue(o.cval);
    hflip_->setChecked(o.horizontalFlip);
    vflip_->setChecked(o.verticalFlip);
    fillMode_->setCurrentText(QString::fromStdString(cs::fillModeName(o.fillMode)));
    // Pixels from outside the image appear only when the geometry moves them in; flips and
    // brightness never do.
    const bool geometry = o.rotationRange > 0 || o.widthShiftRange > 0 || o.heightShiftRange > 0 ||
                          o.shearRange > 0 || o.zoomLow != 1 || o.zoomHigh != 1;
    const QString noGeometry =
        tr("Not used: only rotation, shifts, shear or zoom bring in pixels from outside the image");
    fillMode_->setEnabled(geometry);
    fillMode_->setToolTip(geometry ? settingTooltip(cs::augmentationSpec("fill_mode")) : noGeometry);
    const bool constant = geometry && o.fillMode == cs::FillMode::Constant;
    cval_->setEnabled(constant);
    cval_->setToolTip(constant   ? settingTooltip(cs::augmentationSpec("cval"))
                      : geometry ? tr("Not used: fill_mode is %1, not constant")
                                       .arg(QString::fromStdString(cs::fillModeName(o.fillMode)))
                                 : noGeometry);
}

void AugmentationPanel::commit(const QString& key) {
    cs::AugmentationOptions o = document_->settings().augmentation;
    o.rotationRange = rotation_->value();
    o.widthShiftRange = widthShift_->value();
    o.heightShiftRange = heightShift_->value();
    o.shearRange = shear_->value();
    o.zoomLow = zoomLow_->value();
    o.zoomHigh = std::max(zoomHigh_->value(), o.zoomLow);
    o.brightnessLow = brightLow_->value();
    o.brightnessHigh = std::max(brightHigh_->value(), o.brightnessLow);
    o.horizontalFlip = hflip_->isChecked();
    o.verticalFlip = vflip_->isChecked();
    o.fillMode = cs::fillModeFromName(fillMode_->currentText().toStdString());
    o.cval = cval_->value();
    document_->setAugmentation(o, key);
}

} // namespace ui
