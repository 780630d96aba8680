#include "ui/inspect/feature_map_panel.h"

#include "ui/export/export_target.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/imaging/image_converter.h"
#include "ui/inspect/map_grid_widget.h"
#include "ui/window/engine_text.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

FeatureMapPanel::FeatureMapPanel(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    index_ = new QSpinBox(this);
    index_->setObjectName("imageIndexSpin");
    index_->setRange(0, 0);
    index_->setToolTip(tr("Number of the image in the data set's test split"));
    auto* open = new QPushButton(tr("Open Image…"), this);
    open->setObjectName("openImageButton");
    open->setToolTip(tr("Any image file; it is resized to the model's input as for training. "
                        "You can also drop an image file on this page."));
    auto* playground = new QPushButton(tr("Convolve in Playground"), this);
    playground->setObjectName("toPlaygroundButton");
    playground->setToolTip(tr("Try your own kernels on this image in the Playground"));
    connect(playground, &QPushButton::clicked, this, [this] {
        if (!picture_.modelInput.isNull()) Q_EMIT playgroundRequested(picture_.modelInput, picture_.imageCaption);
    });
    layer_ = new QComboBox(this);
    layer_->setObjectName("featureLayerCombo");
    layer_->addItem(tr("All layers"), -1);

    inputPicture_ = new QLabel(this);
    inputPicture_->setObjectName("inspectImage");
    inputPicture_->setFixedSize(112, 112);
    inputPicture_->setAlignment(Qt::AlignCenter);
    inputPicture_->setFrameShape(QFrame::StyledPanel);
    inputCaption_ = new QLabel(this);
    inputCaption_->setWordWrap(true);
    prediction_ = new QLabel(this);
    prediction_->setObjectName("predictionLabel");
    prediction_->setWordWrap(true);
    message_ = new QLabel(this);
    message_->setObjectName("featureMessage");
    message_->setWordWrap(true);
    message_->hide();

    auto* chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Test image:"), this));
    chooser->addWidget(index_);
    chooser->addWidget(open);
    chooser->addWidget(playground);
    chooser->addSpacing(16);
    chooser->addWidget(new QLabel(tr("Show:"), this));
    chooser->addWidget(layer_, 1);
    auto* texts = new QVBoxLayout;
    texts->addLayout(chooser);
    texts->addWidget(inputCaption_);
    texts->addWidget(prediction_);
    texts->addWidget(message_);
    texts->addStretch();
    auto* top = new QHBoxLayout;
    top->addWidget(inputPicture_);
    top->addLayout(texts, 1);

    sections_ = new QWidget(this);
    sectionLayout_ = new QVBoxLayout(sections_);
    sectionLayout_->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(sections_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(index_, &QSpinBox::valueChanged, this, [this](int i) { showDatasetImage(split_, i); });
    connect(open, &QPushButton::clicked, this, &FeatureMapPanel::chooseFile);
    connect(layer_, &QComboBox::currentIndexChanged, this, &FeatureMapPanel::applyLayerFilter);
}

FeatureMapPanel::~FeatureMapPanel() = default;

bool FeatureMapPanel::isBusy() const {
    return job_.busy();
}

void FeatureMapPanel::setSnapshot(ModelSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    request();
}

void FeatureMapPanel::setDataset(std::shared_ptr<const LoadedDataset> data) {
    data_ = std::move(data);
    split_ = data_ && data_->splits().contains("test") ? "test" : "validation";
    const int count = data_ ? data_->count(split_) : 0;
    QSignalBlocker block(index_);
    index_->setRange(0, std::max(0, count - 1));
    index_->setEnabled(count > 0);
    if (!image_.isValid() && count > 0) showDatasetImage(split_, index_->value());
}

void FeatureMapPanel::setImage(const InspectImage& image) {
    image_ = image;
    inputCaption_->setText(image.caption.toHtmlEscaped());
    request();
}

void FeatureMapPanel::showImageFile(const QString& path) {
    InspectImage image;
    image.filePath = path;
    image.caption = QFileInfo(path).fileName();
    setImage(image);
}

void FeatureMapPanel::showDatasetImage(const QString& split, int index) {
    if (!data_ || index < 0 || index >= data_->count(split)) return;
    InspectImage image;
    cs::UserText why;
    if (!data_->pixels(split, index, image.pixels, &why)) {
        message_->setText(engineText(why));
        message_->show();
        return;
    }
    image.height = data_->height();
    image.width = data_->width();
    image.channels = data_->channels();
    const int label = data_->label(split, index);
    image.caption = tr("%1 image %2 · %3")
                        .arg(splitTitle(split))
                        .arg(index)
                        .arg(label >= 0 && label < data_->classCount()
                                 ? QString::fromStdString(data_->classNames()[size_t(label)])
                                 : QString());
    if (split == split_) {
        QSignalBlocker block(index_);
        index_->setValue(index);
    }
    setImage(image);
}

void FeatureMapPanel::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Image"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp *.pgm *.ppm *.tif *.tiff *.webp)"));
    if (!path.isEmpty()) showImageFile(path);
}

void FeatureMapPanel::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void FeatureMapPanel::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            showImageFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
}

void FeatureMapPanel::request() {
    if (!snapshot_ || !image_.isValid()) {
        job_.discard();
        if (!snapshot_) { // no maps of a model that is gone (a new run begins)
            for (Section& section : sectionWidgets_) delete section.widget;
            sectionWidgets_.clear();
            picture_ = FeaturePicture();
            prediction_->clear();
        }
        message_->setText(!snapshot_ ? tr("No model yet.") : tr("Pick an image: a test image by number, Open Image…, or drop a file here."));
        message_->show();
        Q_EMIT shown();
        return;
    }
    const ModelSnapshotPtr s = snapshot_;
    const InspectImage image = image_;
    job_.request([s, image] { return computeFeatureMaps(s, image); });
}

void FeatureMapPanel::showPicture(FeaturePicture p) {
    if (!p.error.isEmpty()) {
        message_->setText(p.error);
        message_->show();
        Q_EMIT shown();
        return;
    }
    message_->hide();
    picture_ = std::move(p);
    inputPicture_->setPixmap(crispPixmap(picture_.modelInput, 104, devicePixelRatioF()));
    inputCaption_->setText(tr("<b>%1</b><br>as the model sees it: %2")
                               .arg(picture_.imageCaption.toHtmlEscaped(), picture_.preprocessing.toHtmlEscaped()));
    QStringList top;
    for (const cs::ClassScore& s : picture_.top)
        top << QString("%1 %2%").arg(QString::fromStdString(s.name).toHtmlEscaped()).arg(100.0 * s.probability, 0, 'f', 1);
    prediction_->setText(tr("Model says: %1").arg(top.join(" · ")));
    rebuildSections();
    Q_EMIT shown();
}

void FeatureMapPanel::rebuildSections() {
    // Same layers as before (training goes on): update the grids in place, keeping the scroll position.
    bool same = sectionWidgets_.size() == picture_.layers.size();
    for (size_t i = 0; same && i < sectionWidgets_.size(); ++i) same = sectionWidgets_[i].node == picture_.layers[i].node;
    if (!same) {
        for (Section& s : sectionWidgets_) delete s.widget;
        sectionWidgets_.clear();
        const int keep = layer_->currentData().toInt();
        QSignalBlocker block(layer_);
        while (layer_->count() > 1) layer_->removeItem(1);
        for (const LayerMaps& l : picture_.layers) {
            auto* w = new QWidget(sections_);
            auto* v = new QVBoxLayout(w);
            v->setContentsMargins(0, 4, 0, 8);
            auto* heading = new QLabel(w);
            heading->setObjectName("layerHeading");
            v->addWidget(heading);
            auto* grid = new MapGridWidget(w);
            grid->setCellSide(l.spatial ? std::clamp(l.mapWidth * 2, 48, 96) : 96);
            ExportTarget::attach(grid, tr("Feature maps of %1").arg(l.name), l.name + QStringLiteral("_feature_maps"));
            v->addWidget(grid);
            sectionLayout_->insertWidget(sectionLayout_->count() - 1, w);
            sectionWidgets_.push_back({l.node, w, grid});
            layer_->addItem(QString("%1  (%2)").arg(l.name, l.shapeText), l.node);
        }
        const int at = layer_->findData(keep);
        layer_->setCurrentIndex(at >= 0 ? at : 0);
    }
    for (size_t i = 0; i < sectionWidgets_.size(); ++i) {
        const LayerMaps& l = picture_.layers[i];
        auto* heading = sectionWidgets_[i].widget->findChild<QLabel*>("layerHeading");
        const QString what = l.spatial ? l.maps == 1 ? tr("1 map of %1×%2").arg(l.mapWidth).arg(l.mapHeight)
                                                   : tr("%1 maps of %2×%3").arg(l.maps).arg(l.mapWidth).arg(l.mapHeight)
                                       : tr("%1 values").arg(l.mapWidth);
        heading->setText(tr("<b>%1</b> (%2) — %3 · values %4 … %5")
                             .arg(l.name.toHtmlEscaped(), l.className, what)
                             .arg(double(l.min), 0, 'g', 3)
                             .arg(double(l.max), 0, 'g', 3));
        sectionWidgets_[i].grid->setCells(l.cells);
    }
    applyLayerFilter();
}

void FeatureMapPanel::applyLayerFilter() {
    const int node = layer_->currentData().toInt();
    for (Section& s : sectionWidgets_) s.widget->setVisible(node < 0 || s.node == node);
}

MapGridWidget* FeatureMapPanel::gridOf(int node) const {
    for (const Section& s : sectionWidgets_)
        if (s.node == node) return s.grid;
    return nullptr;
}

bool FeatureMapPanel::isSectionVisible(int node) const {
    for (const Section& s : sectionWidgets_)
        if (s.node == node) return !s.widget->isHidden();
    return false;
}

} // namespace ui
