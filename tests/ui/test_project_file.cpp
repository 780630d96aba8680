// Project files: what is saved comes back the same (model and every setting),
// presets and trained models open as projects, broken files are refused with
// their name, and settings edits are undoable.
#include "tests/ui/ui_test_support.h"

#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/window/project_actions.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace ui;

class ProjectFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void saveAndReopenGivesTheSameModelAndSettings() {
        ProjectDocument doc;
        doc.load(ProjectDocument::defaultProject(), {});
        QVERIFY(doc.setLayerAttribute("conv2d", "filters", 48));
        QVERIFY(!doc.insertLayer("BatchNormalization", {"conv2d", "max_pooling2d"}).isEmpty());
        DataSettings data;
        data.kind = cs::DatasetKind::ImageFolders;
        data.folder = "/data/cats_and_dogs";
        data.imageFolders.height = data.imageFolders.width = 150;
        data.imageFolders.validationSplit = 0.25;
        data.imageFolders.classMode = cs::ClassMode::Binary;
        doc.setDataSettings(data);
        cs::Preprocessing pre;
        pre.mean = {0.5f};
        pre.std = {0.5f};
        doc.setPreprocessing(pre);
        cs::AugmentationOptions aug;
        aug.rotationRange = 20;
        aug.zoomLow = 0.8;
        aug.zoomHigh = 1.2;
        aug.horizontalFlip = true;
        aug.fillMode = cs::FillMode::Reflect;
        doc.setAugmentation(aug);
        TrainingSettings training;
        training.optimizer = "sgd";
        training.momentum = 0.9;
        training.epochs = 5;
        training.earlyStopping.enabled = true;
        training.earlyStopping.patience = 2;
        doc.setTrainingSettings(training);
        QVERIFY(doc.isModified());

        QWidget window;
        ProjectActions actions(&doc, &window);
        const QString path = QDir(uitest::tempDir()).filePath("first.convstudio.json");
        QVERIFY(actions.saveTo(path));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), path);
        QVERIFY(actions.recentFiles().contains(path));
        QCOMPARE(QString::fromStdString(cs::json::asString(
                     cs::json::at(cs::json::parseFile(path.toStdString()), "format"))),
                 QString("convstudio-project"));

        ProjectDocument other;
        QWidget otherWindow;
        ProjectActions otherActions(&other, &otherWindow);
        QVERIFY(otherActions.openFile(path));
        QVERIFY(other.graph() == doc.graph());
        QCOMPARE(QString::fromStdString(cs::json::dump(other.settings().toJson())),
                 QString::fromStdString(cs::json::dump(doc.settings().toJson())));
        QCOMPARE(other.settings().augmentation.rotationRange, 20.0);
        QCOMPARE(other.settings().training.earlyStopping.patience, 2);
        QCOMPARE(other.filePath(), path);
        QVERIFY(!other.isModified());
        QCOMPARE(other.report().totalParameters, doc.report().totalParameters);
    }

    void presetsOpenAsUntitledProjects() {
        const std::vector<PresetInfo> presets = listPresets();
        QVERIFY(presets.size() >= 8);
        for (const PresetInfo& p : presets) {
            const ProjectContent content = readProjectFile(p.path);
            QVERIFY2(!content.isProject, p.name.c_str());
            QCOMPARE(QString::fromStdString(content.graph.name), QString::fromStdString(p.name));
            QVERIFY2(analyzeModel(content.graph).valid(), p.name.c_str());
        }
        ProjectDocument doc;
        QWidget window;
        ProjectActions actions(&doc, &window);
        actions.newFromPreset("mnist_cnn_architecture");
        QCOMPARE(doc.report().totalParameters, int64_t(93322)); // the course's number
        QVERIFY(doc.filePath().isEmpty());
    }

    void brokenFileIsRefusedAndTheDocumentKept() {
        const QString path = QDir(uitest::tempDir()).filePath("broken.convstudio.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"convstudio-project\", \"model\": {\"layers\": [");
        file.close();
        ProjectDocument doc;
        doc.load(ProjectDocument::defaultProject(), {});
        const ModelGraph before = doc.graph();
        try {
            readProjectFile(path.toStdString());
            QFAIL("a truncated project was read");
        } catch (const cs::Error& e) {
            QVERIFY2(QString(e.what()).contains("broken.convstudio.json"), e.what());
        }
        QWidget window;
        ProjectActions actions(&doc, &window);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("Cannot open broken.convstudio.json"));
        QVERIFY(!actions.openFile(path));
        QVERIFY(doc.graph() == before);
    }

    void aLayerConfigThatIsNoObjectIsAFormatError() {
        // Not nlohmann's type_error, which the window's error handling does not expect.
        const cs::Json architecture =
            cs::json::parse(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},)"
                            R"( {"class_name": "Dense", "config": 5}]})");
        try {
            ModelGraph::fromJson(architecture);
            QFAIL("a config of 5 was read");
        } catch (const cs::FormatError& e) {
            QVERIFY2(QString(e.what()).contains("'config' must be an object, found 5"), e.what());
        }
    }

    void formatsDocumentExampleReads() {
        // docs/formats.md §4 shows a project: it must stay a file ConvStudio reads.
        QFile doc(CONVSTUDIO_SOURCE_DIR "/docs/formats.md");
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype section = text.indexOf("## 4. Project");
        QVERIFY(section > 0);
        const qsizetype start = text.indexOf("```json", section) + 7;
        const qsizetype end = text.indexOf("```", start);
        const ProjectContent content =
            projectFromJson(cs::json::parse(text.mid(start, end - start).toStdString()));
        QCOMPARE(QString::fromStdString(content.graph.name), QString("fashion_mnist_first_cnn"));
        QCOMPARE(content.settings.augmentation.rotationRange, 30.0);
        QVERIFY(content.settings.augmentation.horizontalFlip);
        QVERIFY(content.settings.training.earlyStopping.enabled);
        QCOMPARE(content.settings.data.folder, std::string(cs::kDefaultDatasetDir));
    }

    void settingsEditsAreUndoable() {
        ProjectDocument doc;
        cs::AugmentationOptions aug;
        aug.rotationRange = 10;
        doc.setAugmentation(aug, "rotation_range");
        aug.rotationRange = 15;
        doc.setAugmentation(aug, "rotation_range"); // same gesture: merged
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.endGesture();
        aug.rotationRange = 25;
        doc.setAugmentation(aug, "rotation_range");
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().augmentation.rotationRange, 15.0);
        doc.undoStack()->undo();
        QVERIFY(!doc.settings().augmentation.enabled());
    }
};

UI_TEST_CLASS(ProjectFileTest);
#include "test_project_file.moc"
