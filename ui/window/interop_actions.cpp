#include "ui/window/interop_actions.h"

#include "ui/training/current_model.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_export.h"
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
    import_ = new QAction(tr("&Import Model…"), this);
    import_->setToolTip(
        tr("Convert an ONNX model (e.g. from torch.onnx.export) or a Keras .h5 file into a trained "
           "model"));
    connect(import_, &QAction::triggered, this, &InteropActions::importModel);
    connect(current_, &CurrentModel::changed, this, &InteropActions::updateEnabled);
    updateEnabled();
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
