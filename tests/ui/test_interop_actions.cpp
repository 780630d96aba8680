// File > Import Model… and File > Export > ONNX… (ui/window/interop_actions):
// in the main window's File menu, export disabled until there is a trained
// model, the current model exported as ONNX that reads back the same, an ONNX
// file imported into a .safetensors model, a refused file's message, and .onnx
// files opened directly by File > Open and Open Trained Model.
#include "tests/ui/ui_test_support.h"

#include "ui/document/project_file.h"
#include "ui/training/current_model.h"
#include "ui/training/model_snapshot.h"
#include "ui/window/interop_actions.h"
#include "ui/window/main_window.h"

#include "engine/interop/onnx_import.h"
#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace ui;

namespace {
QString fixture(const char* name) {
    return QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/onnx/" + name;
}
} // namespace

class InteropActionsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileMenuOffersImportAndExport() {
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        QMenu* file = nullptr;
        for (QAction* a : window.menuBar()->actions())
            if (a->text() == "&File") file = a->menu();
        QVERIFY(file);
        QStringList texts;
        QAction* onnx = nullptr;
        for (QAction* a : file->actions()) {
            texts << a->text();
            if (a->menu())
                for (QAction* sub : a->menu()->actions())
                    if (sub->text() == "&ONNX…") onnx = sub;
        }
        QVERIFY2(texts.contains("&Import Model…"), qPrintable(texts.join(", ")));
        QVERIFY2(texts.contains("&Export"), qPrintable(texts.join(", ")));
        QVERIFY(onnx);
        QCOMPARE(onnx->isEnabled(), window.currentModel()->current() != nullptr);
    }

    void exportsTheCurrentModelAndImportsOnnx() {
        QWidget window;
        CurrentModel current;
        InteropActions interop(&current, &window);
        QTemporaryDir dir;
        QAction* exportOnnx = interop.exportMenu()->actions().value(0);
        QVERIFY(!exportOnnx->isEnabled());
        QVERIFY(interop.exportOnnxTo(dir.filePath("none.onnx")).contains("no trained model"));

        cs::Model model = cs::loadArchitectureFile(cs::presetPath("mnist_cnn_architecture"));
        model.build(5);
        const std::vector<std::string> classes{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        current.setModel(makeSnapshot(model, classes, cs::Preprocessing{}, "test"));
        QVERIFY(exportOnnx->isEnabled());
        QCOMPARE(interop.exportOnnxTo(dir.filePath("m.onnx")), QString());
        const cs::LoadedModel back = cs::importOnnx(dir.filePath("m.onnx").toStdString());
        QCOMPARE(back.model.parameterCount(), model.parameterCount());
        QCOMPARE(back.metadata.classNames, classes);

        QCOMPARE(interop.importTo(fixture("residual.onnx"), dir.filePath("r.safetensors")), QString());
        QCOMPARE(cs::loadModelFile(dir.filePath("r.safetensors").toStdString()).model.nodeCount(), 17);
        const QString error = interop.importTo(fixture("unsupported.onnx"), dir.filePath("u.safetensors"));
        QVERIFY2(error.startsWith(fixture("unsupported.onnx") + ": ") && error.contains("LeakyRelu, Resize"),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(dir.filePath("u.safetensors")));

        // Keras's files come in through the same entry.
        const QString keras = QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/";
        QCOMPARE(interop.importTo(keras + "mejor_modelo.h5", dir.filePath("k.safetensors")), QString());
        QCOMPARE(cs::loadModelFile(dir.filePath("k.safetensors").toStdString()).metadata.classNames.size(), size_t(10));
        const QString noWeights = interop.importTo(keras + "mejor_modelo.json", dir.filePath("j.safetensors"));
        QVERIFY2(noWeights.startsWith(keras + "mejor_modelo.json: ") && noWeights.contains("without weights"),
                 qPrintable(noWeights));
        QVERIFY(!QFileInfo::exists(dir.filePath("j.safetensors")));
    }

    // File > Open (the editor) and Open Trained Model (Inspect, Classify) take an .onnx file as it is.
    void openingAnOnnxFileDirectly() {
        const ProjectContent content = readProjectFile(fixture("residual.onnx").toStdString());
        QCOMPARE(content.graph.size(), 17);
        CurrentModel current;
        QString error;
        QVERIFY2(current.openFile(fixture("simple_cnn.onnx"), &error), qPrintable(error));
        QCOMPARE(int(current.current()->classNames.size()), 10);
    }
};

UI_TEST_CLASS(InteropActionsTest);
#include "test_interop_actions.moc"
