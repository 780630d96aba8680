// File > Export > ONNX…, File > Export > PyTorch Script… and File > Import
// Model…: the window's side of the engine's converters (engine/interop).
// ONNX export writes the current trained model (the one Inspect and Classify
// show); the PyTorch script is the project — the model on the canvas with the
// trained weights when they are of that model, the loaded data set, the Train
// page's optimizer, loss, epochs, batch size and callbacks; import converts a
// file made elsewhere (ONNX, Keras) into a .safetensors model the window opens.
//
//   auto* interop = new InteropActions(currentModel, this);
//   exportMenu->addActions(interop->exportMenu()->actions()); // ONNX…, PyTorch Script…
//   fileMenu->addAction(interop->importAction());
//   connect(interop, &InteropActions::modelImported, this, &MainWindow::openTrainedModelFile);
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace ui {

class CurrentModel;
class DatasetController;
class ProjectDocument;

class InteropActions : public QObject {
    Q_OBJECT
public:
    InteropActions(CurrentModel* current, QWidget* window);
    // What the PyTorch script is made of (the script's entry stays disabled without it).
    void setProject(ProjectDocument* document, DatasetController* datasets);
    QMenu* exportMenu() const { return exportMenu_; }
    QAction* importAction() const { return import_; }

    // The steps behind the dialogs: an error message, or empty on success.
    QString exportOnnxTo(const QString& path) const;
    // On success `report` (when given) says what was written and how to check it.
    QString exportPytorchTo(const QString& path, QString* report = nullptr) const;
    QString importTo(const QString& source, const QString& target) const;

Q_SIGNALS:
    void modelImported(const QString& safetensorsPath);

private:
    void exportOnnx();
    void exportPytorch();
    void importModel();
    void updateEnabled();

    CurrentModel* current_;
    QWidget* window_;
    QMenu* exportMenu_;
    QAction* exportOnnx_;
    QAction* exportPytorch_;
    ProjectDocument* document_ = nullptr;
    DatasetController* datasets_ = nullptr;
    QAction* import_;
};

} // namespace ui
