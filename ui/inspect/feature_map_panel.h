// FeatureMapPanel: the Inspect page's "Feature maps" tab. Pick an image — a
// test image of the loaded data set by number, an image file (Open… or
// dropped on the page), or one sent from elsewhere (a confusion-matrix
// cell) — and see what every layer outputs for it: a section per layer with
// its maps as a grid (each map's size in the heading, its value range on
// hover), flat outputs (Flatten, Dense) as a square of their values, and the
// model's top classes for the image. Computed off the GUI thread; follows the
// model while it trains.
#pragma once

#include "ui/inspect/inspect_jobs.h"
#include "ui/inspect/latest_job.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace ui {

class LoadedDataset;
class MapGridWidget;

class FeatureMapPanel : public QWidget {
    Q_OBJECT
public:
    explicit FeatureMapPanel(QWidget* parent = nullptr);
    ~FeatureMapPanel() override;

    void setSnapshot(ModelSnapshotPtr snapshot);
    void setDataset(std::shared_ptr<const LoadedDataset> data);
    // Shows this image's feature maps.
    void setImage(const InspectImage& image);
    void showImageFile(const QString& path);
    void showDatasetImage(const QString& split, int index);

    QComboBox* layerCombo() const { return layer_; }
    QSpinBox* indexSpin() const { return index_; }
    QLabel* predictionLabel() const { return prediction_; }
    QLabel* messageLabel() const { return message_; }
    const FeaturePicture& picture() const { return picture_; }
    // The grid of the node's maps (null when the node has no section).
    MapGridWidget* gridOf(int node) const;
    bool isSectionVisible(int node) const;
    bool isBusy() const;

Q_SIGNALS:
    void shown();
    // "Convolve in Playground": the image as the model sees it.
    void playgroundRequested(const QImage& image, const QString& caption);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void request();
    void showPicture(FeaturePicture picture);
    void rebuildSections();
    void applyLayerFilter();
    void chooseFile();

    ModelSnapshotPtr snapshot_;
    std::shared_ptr<const LoadedDataset> data_;
    InspectImage image_;
    QString split_ = "test";
    FeaturePicture picture_;
    QComboBox* layer_;
    QSpinBox* index_;
    QLabel *inputPicture_, *inputCaption_, *prediction_, *message_;
    QWidget* sections_;
    QVBoxLayout* sectionLayout_;
    struct Section {
        int node;
        QWidget* widget;
        MapGridWidget* grid;
    };
    std::vector<Section> sectionWidgets_;
    LatestJob<FeaturePicture> job_{[this](FeaturePicture p) { showPicture(std::move(p)); }};
};

} // namespace ui
