// DataPage: the Data page — on the left the data set choice, preprocessing and
// augmentation settings; on the right the summary with its class-balance
// chart, and tabs with the sample grid and the live augmentation preview;
// above both, while model and data do not fit, the mismatch with its fixes.
// It shows what the DatasetController loads and edits the document.
#pragma once

#include "ui/datapage/loaded_dataset.h"

#include <QWidget>
#include <memory>

class QSplitter;
class QTabWidget;

namespace ui {

class ProjectDocument;
class DatasetController;
class DataFitPanel;
class DataSourcePanel;
class DatasetSummaryPanel;
class SampleGrid;
class PreprocessingPanel;
class AugmentationPanel;
class AugmentationPreviewView;

class DataPage : public QWidget {
    Q_OBJECT
public:
    DataPage(ProjectDocument* document, DatasetController* controller, QWidget* parent = nullptr);

    DataFitPanel* fit() const { return fit_; }
    DataSourcePanel* source() const { return source_; }
    DatasetSummaryPanel* summary() const { return summary_; }
    SampleGrid* samples() const { return samples_; }
    PreprocessingPanel* preprocessing() const { return preprocessing_; }
    AugmentationPanel* augmentation() const { return augmentation_; }
    AugmentationPreviewView* preview() const { return preview_; }
    QTabWidget* tabs() const { return tabs_; }

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& state);

Q_SIGNALS:
    // The image viewer's "Feature Maps": show this image in Inspect.
    void inspectImageRequested(const QString& split, int index);

private:
    void showLoaded(const std::shared_ptr<const LoadedDataset>& data);
    void openImage(const QString& split, int position);

    ProjectDocument* document_;
    DatasetController* controller_;
    DataFitPanel* fit_;
    DataSourcePanel* source_;
    DatasetSummaryPanel* summary_;
    SampleGrid* samples_;
    PreprocessingPanel* preprocessing_;
    AugmentationPanel* augmentation_;
    AugmentationPreviewView* preview_;
    QTabWidget* tabs_;
    QSplitter* columns_;
    QSplitter* rightColumn_;
};

} // namespace ui
