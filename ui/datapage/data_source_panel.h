// DataSourcePanel: where a person picks the data set — Fashion-MNIST as
// Debian installs it, MNIST or any IDX folder, a CIFAR-10 binary folder, or a
// folder of images sorted into class folders (with its target size, colour
// mode, interpolation, class mode and validation split). Every choice is an
// undoable document edit; the DatasetController reloads on the change.
// Settings that do not apply to the loaded folder (validation_split beside a
// validation/ folder, class_mode binary for other than two classes) are
// disabled with the reason in their tooltip.
#pragma once

#include "ui/document/project_settings.h"

#include <QGroupBox>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class LoadedDataset;
class ProjectDocument;

class DataSourcePanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DataSourcePanel(ProjectDocument* document, QWidget* parent = nullptr);

    void setStatus(const QString& text, bool error = false);
    QComboBox* kindCombo() const { return kind_; }
    // The image-folder editors by their Keras names: "target_height", "target_width",
    // "color_mode", "interpolation", "class_mode", "validation_split", "seed".
    QWidget* editor(const QString& name) const;
    // The data set as last loaded: what applies depends on what the folder holds.
    void setLoaded(std::shared_ptr<const LoadedDataset> data);

Q_SIGNALS:
    void reloadRequested();

private:
    void refresh();
    void refreshApplicability();
    void kindChosen(int index);
    void browse();
    void commitFolderOptions();
    // Asks for a folder; empty when cancelled.
    QString chooseFolder(const QString& start);

    ProjectDocument* document_;
    QComboBox* kind_;
    QLineEdit* folder_;
    QPushButton* browse_;
    QWidget* folderOptions_;
    QSpinBox* targetHeight_;
    QSpinBox* targetWidth_;
    QComboBox* colorMode_;
    QComboBox* interpolation_;
    QComboBox* classMode_;
    QDoubleSpinBox* validationSplit_;
    QSpinBox* splitSeed_;
    QLabel* status_;
    QPushButton* reload_;
    std::shared_ptr<const LoadedDataset> loaded_;
};

} // namespace ui
