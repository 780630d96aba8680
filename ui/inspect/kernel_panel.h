// KernelPanel: the Inspect page's "Kernels" tab. Pick a Conv2D layer; every
// filter is drawn — per input channel (a row per filter, a column per
// channel), one chosen channel, or as one colour image when the layer reads
// RGB — on a colour scale shown in a legend (the whole layer's or each
// filter's), next to a histogram of the layer's weights. Hovering a kernel
// shows its numbers. Pictures are computed off the GUI thread; a newer model
// snapshot (training goes on) replaces a computation's result when it lands.
#pragma once

#include "ui/inspect/inspect_jobs.h"
#include "ui/inspect/latest_job.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;

namespace ui {

class ColourLegend;
class MapGridWidget;
class WeightHistogram;

class KernelPanel : public QWidget {
    Q_OBJECT
public:
    explicit KernelPanel(QWidget* parent = nullptr);
    ~KernelPanel() override;

    void setSnapshot(ModelSnapshotPtr snapshot);
    QComboBox* layerCombo() const { return layer_; }
    QComboBox* channelCombo() const { return channel_; }
    QComboBox* scaleCombo() const { return scale_; }
    MapGridWidget* grid() const { return grid_; }
    ColourLegend* legend() const { return legend_; }
    WeightHistogram* histogram() const { return histogram_; }
    QLabel* messageLabel() const { return message_; }
    bool isBusy() const;

Q_SIGNALS:
    void shown(); // the grid shows the latest request's kernels (or its error)

private:
    void refillLayers();
    void refillChannels();
    void request();
    void showPicture(const KernelPicture& picture);

    ModelSnapshotPtr snapshot_;
    QComboBox *layer_, *channel_, *scale_;
    QSlider* zoom_;
    QLabel *title_, *message_;
    MapGridWidget* grid_;
    ColourLegend* legend_;
    WeightHistogram* histogram_;
    LatestJob<KernelPicture> job_{[this](KernelPicture p) { showPicture(p); }};
    int channelsOf_ = -1; // the layer whose channels the channel combo lists
    int channelCount_ = 0; // and how many it lists
};

} // namespace ui
