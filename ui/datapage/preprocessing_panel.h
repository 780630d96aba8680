// PreprocessingPanel: how uint8 pixels become the network's input, for every
// split — x = (pixel · rescale − mean) / std, with the two usual choices one
// click away (Keras's rescale=1/255, torchvision's Normalize(0.5, 0.5)) and
// the resulting value range spelled out.
#pragma once

#include "engine/data/preprocessing.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ui {

class ProjectDocument;
class CompactDoubleSpinBox;

class PreprocessingPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit PreprocessingPanel(ProjectDocument* document, QWidget* parent = nullptr);
    QString rangeText() const;

private:
    void refresh();
    void commit(const QString& mergeKey);
    void presetChosen(int row);

    ProjectDocument* document_;
    QComboBox* preset_;
    CompactDoubleSpinBox* rescale_;
    QLineEdit* mean_;
    QLineEdit* std_;
    QLabel* range_;
};

} // namespace ui
