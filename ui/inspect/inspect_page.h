// InspectPage: the Inspect tab — looking inside the current model (the
// CurrentModel the window feeds: the run training now, the last trained
// model, or an opened .safetensors file). Two views: Kernels (KernelPanel)
// and Feature maps (FeatureMapPanel). Both follow training live; the epoch
// slider scrubs back through the run's end-of-epoch snapshots ("Follow
// training" returns to the newest). Without a model it says how to get one.
#pragma once

#include "ui/training/model_snapshot.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;
class QTabWidget;

namespace ui {

class CurrentModel;
class FeatureMapPanel;
class KernelPanel;
class LoadedDataset;
struct InspectImage;

class InspectPage : public QWidget {
    Q_OBJECT
public:
    explicit InspectPage(CurrentModel* model, QWidget* parent = nullptr);

    KernelPanel* kernels() const { return kernels_; }
    FeatureMapPanel* featureMaps() const { return features_; }
    QTabWidget* tabs() const { return tabs_; }
    QSlider* epochSlider() const { return epochSlider_; }
    QCheckBox* followCheck() const { return follow_; }
    QLabel* sourceLabel() const { return source_; }
    // Shown without a model: how to get one, or that a new run's first snapshot is awaited.
    QLabel* emptyLabel() const { return emptyText_; }

public Q_SLOTS:
    void setDataset(std::shared_ptr<const LoadedDataset> data);
    // Shows an image's feature maps (switches to that view).
    void inspectImage(const ui::InspectImage& image);
    void inspectDatasetImage(const QString& split, int index);

Q_SIGNALS:
    void openModelRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onModelChanged();
    void onEpochsChanged();

    CurrentModel* model_;
    ModelSnapshotPtr shown_; // what the panels were last given
    QStackedWidget* stack_;
    QLabel *source_, *epochText_;
    QLabel* emptyText_;
    QWidget* openButton_;
    QSlider* epochSlider_;
    QCheckBox* follow_;
    QTabWidget* tabs_;
    KernelPanel* kernels_;
    FeatureMapPanel* features_;
};

} // namespace ui
