// AugmentationPanel: Keras's ImageDataGenerator settings under their own
// names — rotation_range, width/height_shift_range, shear_range, zoom_range,
// horizontal/vertical_flip, brightness_range, fill_mode, cval — for the
// training split. Each change is an undoable document edit (a spin-box drag
// is one step); the preview next to it re-renders on every change. fill_mode
// and cval are disabled, with the reason in their tooltip, while no setting
// brings in pixels from outside the image.
#pragma once

#include "engine/data/augmentation.h"

#include <QGroupBox>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace ui {

class ProjectDocument;

class AugmentationPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit AugmentationPanel(ProjectDocument* document, QWidget* parent = nullptr);

    // The editor of a setting by its Keras name ("rotation_range", "zoom_range" = its low end ...).
    QWidget* editor(const QString& kerasName) const { return editors_.value(kerasName); }

private:
    QDoubleSpinBox* addSpin(const QString& key, double lo, double hi, double step,
                            const QString& suffix, const QString& help);
    void refresh();
    void commit(const QString& key);

    ProjectDocument* document_;
    QHash<QString, QWidget*> editors_;
    QDoubleSpinBox *rotation_, *widthShift_, *heightShift_, *shear_, *zoomLow_, *zoomHigh_,
        *brightLow_, *brightHigh_, *cval_;
    QCheckBox *hflip_, *vflip_;
    QComboBox* fillMode_;
};

} // namespace ui
