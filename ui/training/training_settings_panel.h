// TrainingSettingsPanel: Keras's compile() and fit() settings and the three
// callbacks, under their Keras names — optimizer (Adam, SGD with momentum and
// nesterov, RMSprop) and learning_rate, loss, batch_size, epochs,
// validation_split, seed, threads, EarlyStopping, ModelCheckpoint and
// ReduceLROnPlateau with their parameters. Every change is an undoable
// document edit (one spin-box drag is one step); undo refreshes the editors.
// Settings that do not apply (momentum for Adam, validation_split for image
// folders) are disabled with the reason in their tooltip.
#pragma once

#include "ui/document/project_settings.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace ui {

class ProjectDocument;

class TrainingSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingSettingsPanel(ProjectDocument* document, QWidget* parent = nullptr);

    // The editor of a setting by its Keras name ("learning_rate", "early_stopping",
    // "early_stopping.patience" ...), for tests.
    QWidget* editor(const QString& name) const { return editors_.value(name); }

private:
    using Edit = std::function<void(TrainingSettings&)>;
    void commit(const QString& mergeKey, const Edit& edit);
    QDoubleSpinBox* doubleSpin(const QString& name, double lo, double hi, double step, int decimals,
                               const std::function<void(TrainingSettings&, double)>& set);
    QSpinBox* intSpin(const QString& name, int lo, int hi,
                      const std::function<void(TrainingSettings&, int)>& set);
    QComboBox* monitorCombo(const QString& name,
                            const std::function<void(TrainingSettings&, const std::string&)>& set);
    QGroupBox* callbackGroup(const QString& name, const QString& title,
                             const std::function<void(TrainingSettings&, bool)>& set);
    void refresh();

    ProjectDocument* document_;
    QHash<QString, QWidget*> editors_;
    bool refreshing_ = false;
};

} // namespace ui
