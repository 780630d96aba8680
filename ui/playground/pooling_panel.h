// PoolingPanel: the settings of the playground's Pooling mode, as Keras's
// MaxPooling2D / AveragePooling2D take them: max or average, a pool size per
// axis, a stride per axis whose default (shown as "= pool") is the pool size,
// and valid or same padding. The page reads settings() on every changed().
#pragma once

#include "engine/tools/pooling_playground.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QSpinBox;

namespace ui {

class PoolingPanel : public QWidget {
    Q_OBJECT
public:
    explicit PoolingPanel(QWidget* parent = nullptr);

    cs::PoolingSettings settings() const;
    void setSettings(const cs::PoolingSettings& settings);

    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

Q_SIGNALS:
    void changed();

private:
    void describeKind();

    QComboBox* kind_;
    QLabel* kindDescription_;
    QSpinBox* poolRows_;
    QSpinBox* poolCols_;
    QSpinBox* strideRows_;
    QSpinBox* strideCols_;
    QComboBox* padding_;
};

} // namespace ui
