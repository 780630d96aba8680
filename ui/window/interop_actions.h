// File > Export > ONNX… and File > Import Model…: the window's side of the
// engine's converters (engine/interop). Export writes the current trained
// model (the one Inspect and Classify show); import converts a file made
// elsewhere (ONNX) into a .safetensors model the window then opens.
//
//   auto* interop = new InteropActions(currentModel, this);
//   fileMenu->addMenu(interop->exportMenu());
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

class InteropActions : public QObject {
    Q_OBJECT
public:
    InteropActions(CurrentModel* current, QWidget* window);
    QMenu* exportMenu() const { return exportMenu_; }
    QAction* importAction() const { return import_; }

    // The steps behind the dialogs: an error message, or empty on success.
    QString exportOnnxTo(const QString& path) const;
    QString importTo(const QString& source, const QString& target) const;

Q_SIGNALS:
    void modelImported(const QString& safetensorsPath);

private:
    void exportOnnx();
    void importModel();
    void updateEnabled();

    CurrentModel* current_;
    QWidget* window_;
    QMenu* exportMenu_;
    QAction* exportOnnx_;
    QAction* import_;
};

} // namespace ui
