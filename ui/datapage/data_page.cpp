#include "ui/datapage/data_page.h"

#include "ui/datapage/augmentation_panel.h"
#include "ui/datapage/augmentation_preview_view.h"
#include "ui/datapage/data_fit_panel.h"
#include "ui/datapage/data_source_panel.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/dataset_summary_panel.h"
#include "ui/datapage/image_viewer_dialog.h"
#include "ui/datapage/preprocessing_panel.h"
#include "ui/datapage/sample_grid.h"
#include "ui/document/project_document.h"

#include <QDataStream>
#include <QElapsedTimer>
#include <QIODevice>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

DataPage::DataPage(ProjectDocument* document, DatasetController* controller, QWidget* parent)
    : QWidget(parent), document_(document), controller_(controller) {
    fit_ = new DataFitPanel(document_, this);
    source_ = new DataSourcePanel(document_, this);
    preprocessing_ = new PreprocessingPanel(document_, this);
    augmentation_ = new AugmentationPanel(document_, this);
    summary_ = new DatasetSummaryPanel(this);
    samples_ = new SampleGrid(this);
    preview_ = new AugmentationPreviewView(this);
    preview_->setOptions(document_->settings().augmentation);

    auto* settings = new QWidget(this);
    auto* settingsLayout = new QVBoxLayout(settings);
    settingsLayout->addWidget(source_);
    settingsLayout->addWidget(preprocessing_);
    settingsLayout->addWidget(augmentation_);
    settingsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(settings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(settings->sizeHint().width() + 16);

    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    tabs_->addTab(samples_, tr("Samples"));
    tabs_->addTab(preview_, tr("Augmentation preview"));
    rightColumn_ = new QSplitter(Qt::Vertical, this);
    rightColumn_->addWidget(summary_);
    rightColumn_->addWidget(tabs_);
    rightColumn_->setStretchFactor(0, 0);
    rightColumn_->setStretchFactor(1, 1);
    rightColumn_->setChildrenCollapsible(false);
    const int line = fontMetrics().lineSpacing();
    rightColumn_->setSizes({line * 24, line * 26});
    columns_ = new QSplitter(Qt::Horizontal, this);
    columns_->addWidget(scroll);
    columns_->addWidget(rightColumn_);
    columns_->setStretchFactor(0, 0);
    columns_->setStretchFactor(1, 1);
    columns_->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(fit_);
    layout->addWidget(columns_, 1);

    auto* timer = new QElapsedTimer;
    connect(this, &QObject::destroyed, [timer] { delete timer; });
    connect(controller_, &DatasetController::loadingStarted, this,
            [this, timer](const QString& what) {
                timer->start();
                source_->setStatus(tr("Loading %1…").arg(what));
                summary_->showMessage(tr("Loading %1…").arg(what));
            });
    connect(controller_, &DatasetController::loaded, this,
            [this, timer](std::shared_ptr<const LoadedDataset> data) {
                source_->setStatus(
                    tr("Loaded in %1 s.").arg(double(timer->elapsed()) / 1000.0, 0, 'f', 1));
                showLoaded(data);
            });
    connect(controller_, &DatasetController::failed, this, [this](const QString& message) {
        QString text = message;
        if (document_->settings().data.folder == cs::kDefaultDatasetDir)
            text += tr("\nInstall it with: sudo apt install dataset-fashion-mnist");
        source_->setStatus(text, true);
        summary_->showMessage(tr("No data set loaded."));
        showLoaded(nullptr);
    });
    connect(source_, &DataSourcePanel::reloadRequested, this,
            [this] { controller_->load(document_->settings().data); });
    connect(document_, &ProjectDocument::augmentationChanged, this, [this] {
        preview_->setOptions(document_->settings().augmentation);
        if (isVisible()) tabs_->setCurrentWidget(preview_);
    });
    connect(samples_, &SampleGrid::imageActivated, this, &DataPage::openImage);
    if (controller_->current()) showLoaded(controller_->current());
}

void DataPage::showLoaded(const std::shared_ptr<const LoadedDataset>& data) {
    source_->setLoaded(data);
    summary_->showDataset(data);
    samples_->setDataset(data);
    preview_->setDataset(data);
}

void DataPage::openImage(const QString& split, int position) {
    auto* dialog =
        new ImageViewerDialog(controller_->current(), split, samples_->filtered(), position, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImageViewerDialog::inspectRequested, this, &DataPage::inspectImageRequested);
    dialog->show();
}

QByteArray DataPage::saveLayout() const {
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream << columns_->saveState() << rightColumn_->saveState() << tabs_->currentIndex();
    return out;
}

void DataPage::restoreLayout(const QByteArray& state) {
    QDataStream stream(state);
    QByteArray columns, right;
    int tab = 0;
    stream >> columns >> right >> tab;
    if (stream.status() != QDataStream::Ok) return;
    columns_->restoreState(columns);
    rightColumn_->restoreState(right);
    tabs_->setCurrentIndex(tab);
}

} // namespace ui
