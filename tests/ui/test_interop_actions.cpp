// File > Import Model… and File > Export > ONNX… (ui/window/interop_actions):
// in the main window's File menu, export disabled until there is a trained
// model, the current model exported as ONNX that reads back the same, an ONNX
// file imported into a .safetensors model, a refused file's message, and .onnx
// files opened directly by File > Open and Open Trained Model.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/document/project_file.h"
#include "ui/window/project_actions.h"
#include "ui/training/current_model.h"
#include "ui/training/model_snapshot.h"
#include "ui/window/interop_actions.h"
#include "ui/window/main_window.h"

#include "engine/interop/onnx_import.h"
#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QAction>
#include <QFile>
#include <QProcess>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace ui;

namespace {
QString fixture(const char* name) {
    return QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/onnx/" + name;
}

// The settings a PyTorch script was written with (its SETTINGS = json.loads(r'''...''') line).
cs::Json scriptSettings(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const std::string text = f.readAll().toStdString();
    const std::string open = "SETTINGS = json.loads(r'''";
    const size_t from = text.find(open);
    if (from == std::string::npos) return {};
    const size_t begin = from + open.size();
    return cs::json::parse(text.substr(begin, text.find("''')", begin) - begin));
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
        for (QAction* a : file->actions())
            texts << a->text();
        QVERIFY2(texts.contains("&Import Model…"), qPrintable(texts.join(", ")));
        QCOMPARE(texts.count("&Export"), 1); // one Export menu: the model's formats and the page's views
        Q_EMIT window.exportMenu()->aboutToShow();
        QStringList exports;
        QAction *onnx = nullptr, *pytorch = nullptr;
        for (QAction* a : window.exportMenu()->actions()) {
            exports << a->text();
            if (a->text() == "&ONNX…") onnx = a;
            if (a->text() == "&PyTorch Script…") pytorch = a;
        }
        QVERIFY2(onnx && pytorch, qPrintable(exports.join(", ")));
        QVERIFY(pytorch->isEnabled());
        // Shown again (another page): the model's entries are there once, not twice.
        Q_EMIT window.exportMenu()->aboutToShow();
        QCOMPARE(window.exportMenu()->actions().count(onnx), 1);
        QCOMPARE(onnx->isEnabled(), window.currentModel()->current() != nullptr);
    }

    // File > Export > PyTorch Script…: the project (the opened Keras model with its
    // weights, the loaded Fashion-MNIST, the Train page's settings and callbacks)
    // as a script that PyTorch runs and whose --check agrees with ConvStudio.
    void exportsThePyTorchScriptOfTheProject() {
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        QTRY_VERIFY_WITH_TIMEOUT(window.datasetController()->current() != nullptr, 600000);
        auto* interop = window.findChild<InteropActions*>();
        QVERIFY(interop);
        QVERIFY(window.projectActions()->openFile(QString(CONVSTUDIO_SOURCE_DIR) +
                                                  "/tests/engine/fixtures/keras/mejor_modelo.h5"));
        TrainingSettings t = window.document()->settings().training;
        t.epochs = 7;
        t.batchSize = 48;
        t.earlyStopping.enabled = true;
        t.earlyStopping.patience = 4;
        window.document()->setTrainingSettings(t);

        QTemporaryDir dir;
        const QString script = dir.filePath("train.py");
        QString report;
        QCOMPARE(interop->exportPytorchTo(script, &report), QString());
        QVERIFY2(report.contains("trained weights"), qPrintable(report));
        QVERIFY(QFileInfo::exists(dir.filePath("train.safetensors")));
        const cs::Json s = scriptSettings(script);
        QVERIFY(s.is_object());
        QCOMPARE(cs::json::getString(s, "data_kind", ""), std::string("IDX"));
        QCOMPARE(cs::json::getString(s, "data", ""), std::string(cs::kDefaultDatasetDir));
        QCOMPARE(cs::json::getInt(s, "epochs", 0), 7);
        QCOMPARE(cs::json::getInt(s, "batch_size", 0), 48);
        QCOMPARE(cs::json::getString(s, "loss", ""), std::string("categorical_crossentropy"));
        QCOMPARE(cs::json::getString(cs::json::at(s, "optimizer"), "class_name", ""), std::string("Adam"));
        const cs::Json& callbacks = cs::json::at(s, "callbacks");
        QCOMPARE(int(callbacks.size()), 1);
        QCOMPARE(cs::json::getString(callbacks[0], "class_name", ""), std::string("EarlyStopping"));
        QCOMPARE(cs::json::getInt(cs::json::at(callbacks[0], "config"), "patience", 0), 4);
        QCOMPARE(cs::json::getInt(cs::json::at(s, "check"), "count", 0), 16);

        // PyTorch itself, when the machine has it: the script's --check agrees with ConvStudio.
        QProcess probe;
        probe.start("/usr/bin/python3", {"-c", "import torch, numpy"});
        if (probe.waitForFinished(120000) && probe.exitCode() == 0) {
            QProcess check;
            check.start("/usr/bin/python3", {script, "--check"});
            QVERIFY(check.waitForFinished(600000));
            const QString out = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
            QVERIFY2(check.exitCode() == 0 && out.contains("(OK)"), qPrintable(out));
        } else {
            qInfo("no PyTorch on /usr/bin/python3: the script's --check was not run");
        }

        // Once the canvas differs from the model in memory, the script starts from fresh weights.
        QVERIFY(window.document()->removeLayer("dropout_2"));
        const QString fresh = dir.filePath("fresh.py");
        QCOMPARE(interop->exportPytorchTo(fresh, &report), QString());
        QVERIFY2(report.contains("fresh weights"), qPrintable(report));
        QVERIFY(!QFileInfo::exists(dir.filePath("fresh.safetensors")));
        QVERIFY(scriptSettings(fresh).is_object());
        window.document()->undoStack()->setClean();
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
