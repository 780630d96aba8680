#include "ui/inspect/inspect_page.h"
#include "ui/window/whole_lines.h"

#include "ui/inspect/feature_map_panel.h"
#include "ui/inspect/kernel_panel.h"
#include "ui/training/current_model.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

InspectPage::InspectPage(CurrentModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    // Empty state: how to get a model to look at.
    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* emptyText = emptyText_ = new QLabel(tr("<h2>Nothing to inspect yet</h2><p>Train the model (F5 on the Train page) "
                                    "— its kernels and feature maps appear here after the first second and "
                                    "change as it learns — or open a trained <tt>.safetensors</tt> model.</p>"),
                                 empty);
    emptyText->setObjectName("inspectEmptyLabel");
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setMaximumWidth(520);
    emptyText->setMinimumWidth(420); // a word-wrapped label centred in a layout gets only its text's width
    keepWholeLines(emptyText);
    auto* open = new QPushButton(tr("Open Model…"), empty);
    openButton_ = open;
    open->setObjectName("inspectOpenModelButton");
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText, 0, Qt::AlignHCenter);
    emptyLayout->addWidget(open, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    connect(open, &QPushButton::clicked, this, &InspectPage::openModelRequested);

    // The views, with the model's source and the epoch slider above them.
    auto* views = new QWidget(this);
    source_ = new QLabel(views);
    source_->setObjectName("inspectSource");
    epochSlider_ = new QSlider(Qt::Horizontal, views);
    epochSlider_->setObjectName("epochSlider");
    epochSlider_->setRange(0, 0);
    epochSlider_->setPageStep(1);
    epochSlider_->setTickPosition(QSlider::TicksBelow);
    epochSlider_->setToolTip(tr("Scrub back through the epochs of the run"));
    epochText_ = new QLabel(views);
    epochText_->setMinimumWidth(epochText_->fontMetrics().horizontalAdvance(tr("Epoch 100 / 100")));
    follow_ = new QCheckBox(tr("Follow training"), views);
    follow_->setObjectName("followTraining");
    follow_->setChecked(true);
    follow_->setToolTip(tr("Show the newest model while training runs"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(source_, 1);
    bar->addWidget(new QLabel(tr("Epoch:"), views));
    bar->addWidget(epochSlider_, 1);
    bar->addWidget(epochText_);
    bar->addWidget(follow_);

    tabs_ = new QTabWidget(views);
    tabs_->setObjectName("inspectTabs");
    kernels_ = new KernelPanel(tabs_);
    features_ = new FeatureMapPanel(tabs_);
    tabs_->addTab(kernels_, tr("Kernels"));
    tabs_->addTab(features_, tr("Feature maps"));
    auto* viewsLayout = new QVBoxLayout(views);
    viewsLayout->addLayout(bar);
    viewsLayout->addWidget(tabs_, 1);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(empty);
    stack_->addWidget(views);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(model_, &CurrentModel::changed, this, &InspectPage::onModelChanged);
    connect(model_, &CurrentModel::epochsChanged, this, &InspectPage::onEpochsChanged);
    connect(epochSlider_, &QSlider::valueChanged, this, [this](int v) {
        if (v != model_->selectedEpoch()) model_->selectEpoch(v);
    });
    connect(follow_, &QCheckBox::toggled, model_, &CurrentModel::setFollowsRun);
    onEpochsChanged();
    onModelChanged();
}

void InspectPage::setDataset(std::shared_ptr<const LoadedDataset> data) {
    features_->setDataset(std::move(data));
}

void InspectPage::inspectImage(const InspectImage& image) {
    tabs_->setCurrentWidget(features_);
    features_->setImage(image);
}

void InspectPage::inspectDatasetImage(const QString& split, int index) {
    tabs_->setCurrentWidget(features_);
    features_->showDatasetImage(split, index);
}

void InspectPage::onModelChanged() {
    const ModelSnapshotPtr s = model_->current();
    stack_->setCurrentIndex(s ? 1 : 0);
    if (!s) {
        // A new run: nothing of the previous model stays in the panels, and the page says what comes.
        const bool waiting = model_->waitingForRun();
        emptyText_->setText(waiting ? tr("<h2>Waiting for the first snapshot</h2><p>The new run's kernels and feature maps<br>"
                                         "appear about a second after its first batch.</p>")
                                    : tr("<h2>Nothing to inspect yet</h2><p>Train the model (F5 on the Train page) "
                                         "— its kernels and feature maps appear here after the first second and "
                                         "change as it learns — or open a trained <tt>.safetensors</tt> model.</p>"));
        openButton_->setVisible(!waiting);
        if (shown_) {
            shown_.reset();
            kernels_->setSnapshot(nullptr);
            features_->setSnapshot(nullptr);
        }
        onEpochsChanged();
        return;
    }
    source_->setText(tr("Model: <b>%1</b>").arg(s->source.toHtmlEscaped()));
    {
        QSignalBlocker block(follow_);
        follow_->setChecked(model_->followsRun());
    }
    onEpochsChanged();
    // A hidden page does not follow a run's snapshots every second: showEvent catches up.
    if (!isVisible() || s == shown_) return;
    shown_ = s;
    kernels_->setSnapshot(s);
    features_->setSnapshot(s);
}

void InspectPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    onModelChanged();
}

void InspectPage::onEpochsChanged() {
    const int n = int(model_->epochs().size());
    QSignalBlocker block(epochSlider_);
    epochSlider_->setEnabled(n > 1);
    epochSlider_->setRange(0, std::max(0, n - 1));
    const int selected = model_->selectedEpoch();
    epochSlider_->setValue(selected >= 0 ? selected : std::max(0, n - 1));
    const int last = n > 0 ? model_->epochs().back()->epoch + 1 : 0;
    epochText_->setText(n == 0           ? tr("no epochs")
                        : selected >= 0 ? tr("Epoch %1 / %2").arg(model_->epochs()[size_t(selected)]->epoch + 1).arg(last)
                        : last == 1     ? tr("newest (1 epoch)")
                                        : tr("newest (%1 epochs)").arg(last));
}

} // namespace ui
