#include "ui/inspect/kernel_panel.h"

#include "ui/inspect/colour_legend.h"
#include "ui/inspect/map_grid_widget.h"
#include "ui/export/export_target.h"
#include "ui/inspect/weight_histogram.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

namespace ui {

KernelPanel::KernelPanel(QWidget* parent) : QWidget(parent) {
    layer_ = new QComboBox(this);
    layer_->setObjectName("kernelLayerCombo");
    layer_->setToolTip(tr("The Conv2D layer whose kernels are shown"));
    channel_ = new QComboBox(this);
    channel_->setObjectName("kernelChannelCombo");
    channel_->setToolTip(tr("Each filter has one kernel per input channel"));
    scale_ = new QComboBox(this);
    scale_->setObjectName("kernelScaleCombo");
    scale_->addItem(tr("Whole layer"), false);
    scale_->addItem(tr("Each filter"), true);
    scale_->setToolTip(tr("Whole layer: filters are comparable. Each filter: weak filters show their pattern too."));
    zoom_ = new QSlider(Qt::Horizontal, this);
    zoom_->setObjectName("kernelZoom");
    zoom_->setRange(24, 128);
    zoom_->setValue(48);
    zoom_->setToolTip(tr("Size of each kernel picture"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Layer:"), this));
    controls->addWidget(layer_, 2);
    controls->addWidget(new QLabel(tr("Channels:"), this));
    controls->addWidget(channel_, 1);
    controls->addWidget(new QLabel(tr("Colour scale:"), this));
    controls->addWidget(scale_);
    controls->addWidget(new QLabel(tr("Size:"), this));
    controls->addWidget(zoom_);

    title_ = new QLabel(this);
    title_->setObjectName("kernelTitle");
    message_ = new QLabel(this);
    message_->setObjectName("kernelMessage");
    message_->setWordWrap(true);
    message_->hide();
    grid_ = new MapGridWidget(this);
    grid_->setObjectName("kernelGrid");
    grid_->setCellSide(zoom_->value());
    ExportTarget::attach(grid_, tr("Kernels"), QStringLiteral("kernels"))->setAvailable([this] {
        return grid_->cellCount() > 0;
    });
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(grid_);

    legend_ = new ColourLegend(this);
    legend_->setObjectName("kernelLegend");
    histogram_ = new WeightHistogram(this);
    histogram_->setObjectName("weightHistogram");
    auto* explain = new QLabel(tr("Each square is one weight of a kernel. A kernel is laid on every "
                                  "window of its input channel; the filter's output adds up all its "
                                  "kernels' products. Hover a kernel to read its numbers."),
                               this);
    explain->setWordWrap(true);
    explain->setForegroundRole(QPalette::PlaceholderText);
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("<b>Colour scale</b>"), this));
    side->addWidget(legend_);
    side->addSpacing(8);
    side->addWidget(new QLabel(tr("<b>Weights of the layer</b>"), this));
    side->addWidget(histogram_, 1);
    side->addWidget(explain);
    side->addStretch();
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setFixedWidth(320);

    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(title_);
    left->addWidget(message_);
    left->addWidget(scroll, 1);
    body->addLayout(left, 1);
    body->addWidget(sideWidget);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(body, 1);

    connect(layer_, &QComboBox::currentIndexChanged, this, [this] {
        refillChannels();
        request();
    });
    connect(channel_, &QComboBox::currentIndexChanged, this, &KernelPanel::request);
    connect(scale_, &QComboBox::currentIndexChanged, this, &KernelPanel::request);
    connect(zoom_, &QSlider::valueChanged, grid_, &MapGridWidget::setCellSide);
}

KernelPanel::~KernelPanel() = default;

bool KernelPanel::isBusy() const {
    return job_.busy();
}

void KernelPanel::setSnapshot(ModelSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    refillLayers();
    request();
}

void KernelPanel::refillLayers() {
    const QString keep = layer_->currentData().toString();
    QSignalBlocker block(layer_);
    layer_->clear();
    if (snapshot_) {
        const cs::Model& m = *snapshot_->model;
        const std::vector<cs::Shape> shapes = m.inferShapes();
        for (int node : cs::convolutionNodes(m)) {
            const QString name = QString::fromStdString(m.layer(node).name());
            const cs::Shape& s = shapes[size_t(node)];
            layer_->addItem(tr("%1  (%2 filters → %3×%4)").arg(name).arg(s[2]).arg(s[1]).arg(s[0]), name);
            layer_->setItemData(layer_->count() - 1, node, Qt::UserRole + 1);
        }
    }
    const int at = layer_->findData(keep);
    layer_->setCurrentIndex(at >= 0 ? at : 0);
    refillChannels();
}

void KernelPanel::refillChannels() {
    const QVariant keep = channel_->currentData();
    QSignalBlocker block(channel_);
    channel_->clear();
    if (!snapshot_ || layer_->currentIndex() < 0) return;
    const int node = layer_->currentData(Qt::UserRole + 1).toInt();
    const int channels = snapshot_->model->inferShapes()[size_t(snapshot_->model->inputsOf(node)[0])][2];
    if (channels == 3) channel_->addItem(tr("As RGB colour"), "rgb");
    if (channels > 1) channel_->addItem(tr("All %1 channels").arg(channels), "all");
    for (int c = 0; c < channels; ++c) channel_->addItem(tr("Channel %1").arg(c), c);
    // Keep "RGB" / "all" across layers; a channel number belongs to its layer
    // (kept while the same layer gets a newer snapshot from training).
    // A channel number is kept only for the same layer with the same inputs: another model's
    // layer of that name (1 grey channel before, 3 colour ones now) starts from its own default.
    const bool sameLayer = node == channelsOf_ && channels == channelCount_;
    const int at = keep.typeId() == QMetaType::QString || sameLayer ? channel_->findData(keep) : -1;
    channelsOf_ = node;
    channelCount_ = channels;
    channel_->setCurrentIndex(at >= 0 ? at : 0);
}

void KernelPanel::request() {
    if (!snapshot_ || layer_->currentIndex() < 0) {
        job_.discard();
        grid_->setCells({});
        message_->setText(snapshot_ ? tr("This model has no Conv2D layer: there are no kernels to show.")
                                    : tr("No model yet."));
        message_->show();
        title_->clear();
        Q_EMIT shown();
        return;
    }
    KernelRequest r;
    r.snapshot = snapshot_;
    r.node = layer_->currentData(Qt::UserRole + 1).toInt();
    const QVariant ch = channel_->currentData();
    r.channels = ch.toString() == "rgb" ? KernelChannels::Rgb
                 : ch.toString() == "all" ? KernelChannels::All
                                          : KernelChannels::One;
    r.channel = ch.toInt();
    r.perFilter = scale_->currentData().toBool();
    job_.request([r] { return computeKernels(r); });
}

void KernelPanel::showPicture(const KernelPicture& p) {
    if (!p.error.isEmpty()) {
        message_->setText(p.error);
        message_->show();
        grid_->setCells({});
        Q_EMIT shown();
        return;
    }
    message_->hide();
    title_->setText(QString("<b>%1</b>").arg(p.layer.toHtmlEscaped()));
    if (ExportTarget* target = ExportTarget::of(grid_)) {
        target->setTitle(tr("Kernels of %1").arg(layer_->currentData().toString()));
        target->setFileStem(layer_->currentData().toString() + QStringLiteral("_kernels"));
    }
    grid_->setFixedColumns(p.columns);
    grid_->setCells(p.cells);
    const bool perFilter = scale_->currentData().toBool();
    const QString note = perFilter ? tr("ends: each filter's own largest |w|") : QString();
    legend_->setScale(p.rgb ? ColourLegend::RgbAroundGrey : ColourLegend::Diverging, -p.scale, p.scale, note);
    histogram_->setHistogram(p.histogram, layer_->currentData().toString());
    Q_EMIT shown();
}

} // namespace ui
