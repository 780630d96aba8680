#include "ui/window/interop_actions.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_document.h"
#include "ui/training/current_model.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_export.h"
#include "engine/interop/pytorch_export.h"
#include "engine/training/optimizer.h"
#include "engine/training/training_session.h"
#include "engine/model/model_file.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace ui {

InteropActions::InteropActions(CurrentModel* current, QWidget* window)
    : QObject(window), current_(current), window_(window) {
    exportMenu_ = new QMenu(tr("&Export"), window);
    exportOnnx_ = exportMenu_->addAction(tr("&ONNX…"), this, &InteropActions::exportOnnx);
    exportOnnx_->setToolTip(
        tr("The current trained model as an ONNX file (OpenCV DNN, ONNX Runtime …)"));
    exportPytorch_ = exportMenu_->addAction(tr("&PyTorch Script…"), this, &InteropActions::exportPytorch);
    exportPytorch_->setToolTip(
        tr("A Python training script of this project for PyTorch (GPU, many GPUs with torchrun), "
           "starting from the trained weights"));
    exportPytorch_->setEnabled(false);
    import_ = new QAction(tr("&Import Model…"), this);
    import_->setToolTip(
        tr("Convert an ONNX model (e.g. from torch.onnx.export) or a Keras .h5 file into a trained "
           "model"));
    connect(import_, &QAction::triggered, this, &InteropActions::importModel);
    connect(current_, &CurrentModel::changed, this, &InteropActions::updateEnabled);
    updateEnabled();
}

void InteropActions::setProject(ProjectDocument* document, DatasetController* datasets) {
    document_ = document;
    datasets_ = datasets;
    exportPytorch_->setEnabled(document_ && datasets_);
}

void InteropActions::updateEnabled() {
    exportOnnx_->setEnabled(current_->current() != nullptr);
}

QString InteropActions::exportOnnxTo(const QString& path) const {
    const ModelSnapshotPtr s = current_->current();
    if (!s) return tr("There is no trained model to export: train one or open one first.");
    try {
        cs::ModelMetadata meta;
        meta.classNames = s->classNames;
        meta.preprocessing = s->preprocessing;
        cs::exportOnnx(path.toStdString(), *s->model, meta);
        return {};
    } catch (const std::exception& e) {
        return errorText(e);
    }
}

QString InteropActions::exportPytorchTo(const QString& path, QString* report) const {
    if (!document_ || !datasets_) return tr("There is no project to export.");
    const std::shared_ptr<const LoadedDataset> data = datasets_->current();
    if (!data) return tr("No data set is loaded yet: the script reads the one the Data page loads.");
    try {
        const ModelGraph& graph = document_->graph();
        const ProjectSettings& settings = document_->settings();
        cs::LoadedModel m;
        // The trained weights when the model in memory is the one on the canvas.
        const ModelSnapshotPtr s = current_->current();
        bool trained = false;
        if (s) {
            ModelGraph inMemory = ModelGraph::fromModel(*s->model);
            inMemory.name = graph.name;
            trained = inMemory == graph;
        }
        if (trained) {
            m.model = s->model->clone();
            m.metadata.classNames = s->classNames;
            m.metadata.preprocessing = s->preprocessing;
        } else {
            m.model = graph.toModel();
            m.metadata.preprocessing = settings.preprocessing;
        }
        m.model.name = graph.name;
        cs::TrainingConfig config;
        config.training = settings.training;
        config.data = data->settings();
        config.augmentation = settings.augmentation;
        const int units = int(m.model.outputShape().numel());
        cs::Json training = config.toJson();
        training["loss"] = cs::lossName(cs::resolveLoss(config, units));
        m.metadata.training = training;
        m.metadata.dataset = data->title().toStdString();
        cs::Json optimizer = cs::Json::object();
        optimizer["learning_rate"] = settings.training.learningRate;
        if (settings.training.momentum > 0) optimizer["momentum"] = settings.training.momentum;
        if (settings.training.nesterov) optimizer["nesterov"] = true;
        m.optimizer = cs::createOptimizer(settings.training.optimizer, optimizer);

        cs::PytorchExportRequest request;
        request.dataPath = config.data.folder;
        request.callbacks = cs::scriptCallbacks(settings.training);
        const cs::PytorchExportResult done = cs::exportPytorchScript(m, request, path.toStdString());
        if (report) {
            QStringList lines;
            lines << tr("Wrote %1.").arg(path);
            lines << (done.trained ? tr("It starts from the trained weights (%1).")
                                         .arg(QString::fromStdString(done.weightsPath))
                                   : tr("It starts from fresh weights: the model on the canvas is "
                                        "not the trained one in memory."));
            lines << tr("Check it against ConvStudio: python3 %1 --check").arg(path);
            lines << tr("Train on many GPUs or machines: torchrun --nproc_per_node=N %1").arg(path);
            *report = lines.join('\n');
        }
        return {};
    } catch (const std::exception& e) {
        return errorText(e);
    }
}

QString InteropActions::importTo(const QString& source, const QString& target) const {
    try {
        // ONNX or Keras (.h5, to_json), told apart by content as File > Open does.
        const std::string path = source.toStdString();
        cs::LoadedModel m = cs::loadAnyModel(path);
        if (!m.model.isBuilt())
            throw cs::FormatError(CS_TEXT("ui::InteropActions",
                                          "holds an architecture without weights (a "
                                          "to_json document?): open it with File > Open "
                                          "to edit and train it")
                                      .about(path));
        cs::saveModelFile(target.toStdString(), m.model, m.metadata, nullptr);
        return {};
    } catch (const std::exception& e) {
        return errorText(e);
    }
}

void InteropActions::exportOnnx() {
    const QString path = QFileDialog::getSaveFileName(window_, tr("Export to ONNX"), QString(),
                                                      tr("ONNX models (*.onnx)"));
    if (path.isEmpty()) return;
    if (const QString error = exportOnnxTo(path); !error.isEmpty())
        QMessageBox::warning(window_, tr("Export to ONNX"),
                             tr("Cannot export the model:\n%1").arg(error));
}

void InteropActions::exportPytorch() {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export PyTorch Script"),
        document_ ? QString::fromStdString(document_->graph().name) + "_train.py" : QString(),
        tr("Python scripts (*.py)"));
    if (path.isEmpty()) return;
    QString report;
    if (const QString error = exportPytorchTo(path, &report); !error.isEmpty()) {
        QMessageBox::warning(window_, tr("Export PyTorch Script"),
                             tr("Cannot write the script:\n%1").arg(error));
        return;
    }
    QMessageBox::information(window_, tr("Export PyTorch Script"), report);
}

void InteropActions::importModel() {
    const QString source = QFileDialog::getOpenFileName(window_, tr("Import Model"), QString(),
                                                        tr("Models (*.onnx *.h5 *.hdf5);;ONNX models (*.onnx);;Keras models (*.h5 *.hdf5);;All files (*)"));
    if (source.isEmpty()) return;
    const QFileInfo info(source);
    const QString target =
        QFileDialog::getSaveFileName(window_, tr("Save the Imported Model"),
                                     info.dir().filePath(info.completeBaseName() + ".safetensors"),
                                     tr("Trained models (*.safetensors)"));
    if (target.isEmpty()) return;
    if (const QString error = importTo(source, target); !error.isEmpty()) {
        QMessageBox::warning(window_, tr("Import Model"),
                             tr("Cannot import this model:\n%1").arg(error));
        return;
    }
    Q_EMIT modelImported(target);
}

} // namespace ui
