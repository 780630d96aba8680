#include "ui/lessons/lesson_steps.h"

#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/loaded_dataset.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/document/project_file.h"
#include "ui/playground/convolution_panel.h"
#include "ui/playground/input_panel.h"
#include "ui/playground/playground_page.h"
#include "ui/playground/pooling_panel.h"
#include "ui/window/main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTabWidget>

namespace ui {

namespace {

// The steps' messages: one translation context for these free functions.
struct LessonSteps {
    Q_DECLARE_TR_FUNCTIONS(LessonSteps)
};

// Lesson arguments are Qt JSON; the project settings read the engine's JSON.
cs::Json toEngineJson(const QJsonObject& o) {
    return cs::json::parse(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
}

const QStringList& pageNames() {
    static const QStringList names = {"model", "data", "train", "inspect", "classify", "playground"};
    return names;
}

StepOutcome done() { return {true, {}}; }
StepOutcome failed(const QString& why) { return {false, why}; }

StepOutcome showPage(MainWindow& w, const QJsonObject& a) {
    const int page = int(pageNames().indexOf(a.value("page").toString()));
    if (page < 0)
        return failed(LessonSteps::tr("the lesson names no page of the window (\"page\": %1)")
                          .arg(pageNames().join(", ")));
    w.showPage(MainWindow::Page(page));
    return done();
}

StepOutcome loadPreset(MainWindow& w, const QJsonObject& a) {
    const QString name = a.value("preset").toString();
    const std::string path = presetPath(name.toStdString());
    if (path.empty())
        return failed(LessonSteps::tr("the course preset \"%1\" is not installed").arg(name));
    ProjectContent content = readProjectFile(path, w.document()->settings());
    if (w.document()->graph() == content.graph) { // already there: nothing to undo
        w.showPage(MainWindow::ModelPage);
        return done();
    }
    w.document()->replaceModel(content.graph, LessonSteps::tr("Lesson: load %1").arg(name));
    w.showPage(MainWindow::ModelPage);
    return done();
}

StepOutcome chooseDataset(MainWindow& w, const QJsonObject& a) {
    const QString name = a.value("folder").toString();
    cs::Json data = w.document()->settings().data.toJson();
    data.merge_patch(toEngineJson(a.value("data").toObject()));
    if (name == QLatin1String("fashion-mnist")) {
        data["folder"] = cs::kDefaultDatasetDir;
        if (!QFileInfo::exists(cs::kDefaultDatasetDir))
            return failed(LessonSteps::tr(
                "Fashion-MNIST is not installed: install Debian's dataset-fashion-mnist "
                "package"));
    } else {
        const QString folder = findDatasetFolder(w, name);
        if (folder.isEmpty()) {
            w.showPage(MainWindow::DataPageIndex);
            return failed(
                LessonSteps::tr("No folder named \"%1\" in %2. Choose it on the Data page (or set "
                                "CONVSTUDIO_DATASETS to the folder that holds it).")
                    .arg(name, datasetSearchPaths(w).join(", ")));
        }
        data["folder"] = folder.toStdString();
    }
    w.document()->setDataSettings(DataSettings::fromJson(data));
    w.showPage(MainWindow::DataPageIndex);
    return done();
}

StepOutcome changeTraining(MainWindow& w, const QJsonObject& a) {
    cs::Json training = w.document()->settings().training.toJson();
    training.merge_patch(toEngineJson(a.value("settings").toObject()));
    w.document()->endGesture();
    w.document()->setTrainingSettings(TrainingSettings::fromJson(training));
    w.document()->endGesture();
    w.showPage(MainWindow::TrainPage);
    return done();
}

StepOutcome setAugmentation(MainWindow& w, const QJsonObject& a) {
    w.document()->endGesture();
    w.document()->setAugmentation(cs::AugmentationOptions::fromJson(toEngineJson(a.value("settings").toObject())));
    w.document()->endGesture();
    w.showPage(MainWindow::DataPageIndex);
    return done();
}

StepOutcome selectLayer(MainWindow& w, const QJsonObject& a) {
    const std::string name = a.value("layer").toString().toStdString();
    if (!w.document()->graph().find(name))
        return failed(
            LessonSteps::tr("the model has no layer named \"%1\": load the lesson's model first")
                .arg(QString::fromStdString(name)));
    w.showPage(MainWindow::ModelPage);
    w.document()->setFocusedLayer(QString::fromStdString(name));
    return done();
}

std::pair<int, int> pair(const QJsonValue& v, int fallback) {
    const QJsonArray a = v.toArray();
    if (a.size() != 2) return {fallback, fallback};
    return {a.at(0).toInt(fallback), a.at(1).toInt(fallback)};
}

// A real photo for the Playground: the first picture of the cats-vs-dogs folders if
// they are here, else the first training image of the data set in use.
bool showPhoto(MainWindow& w) {
    const QString cats = findDatasetFolder(w, QStringLiteral("cats_and_dogs_filtered"));
    if (!cats.isEmpty()) {
        QDirIterator it(cats, {"*.jpg", "*.jpeg", "*.png"}, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) files << it.next();
        files.sort(); // the same picture every time
        for (const QString& file : files) {
            QImage image(file);
            if (image.isNull()) continue;
            w.playgroundPage()->setImage(image, QFileInfo(file).fileName());
            return true;
        }
    }
    const auto data = w.datasetController()->current();
    if (!data || data->count("train") == 0) return false;
    std::vector<uint8_t> pixels;
    if (!data->pixels("train", 0, pixels)) return false;
    const QImage::Format format = data->channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    QImage image(pixels.data(), data->width(), data->height(), data->width() * data->channels(), format);
    w.playgroundPage()->setImage(image.copy(), data->title() + LessonSteps::tr(" image 1"));
    return true;
}

StepOutcome setUpPlayground(MainWindow& w, const QJsonObject& a) {
    PlaygroundPage* page = w.playgroundPage();
    const bool pooling = a.value("mode").toString() == QLatin1String("pooling");
    const QString input = a.value("input").toString(QStringLiteral("example"));
    QString warning;
    if (input == QLatin1String("photo")) {
        if (!showPhoto(w))
            warning =
                LessonSteps::tr("No photo found (no cats_and_dogs_filtered folder, no data set "
                                "loaded): drop one of yours on the Playground.");
    } else if (pooling) {
        page->input()->showPoolingExample();
    } else {
        page->input()->showConvolutionExample();
    }
    if (pooling) {
        cs::PoolingSettings s;
        const QJsonObject p = a.value("pool").toObject();
        s.kind = cs::poolingKindFromName(p.value("kind").toString("max").toStdString());
        std::tie(s.poolRows, s.poolCols) = pair(p.value("size"), 2);
        std::tie(s.strideRows, s.strideCols) = pair(p.value("strides"), 0);
        s.padding = cs::paddingModeFromName(p.value("padding").toString("valid").toStdString());
        page->pooling()->setSettings(s);
    } else {
        if (a.contains("kernel") && !page->convolution()->selectPreset(a.value("kernel").toString()))
            return failed(LessonSteps::tr("the Playground has no kernel named \"%1\"")
                              .arg(a.value("kernel").toString()));
        cs::ConvolutionSettings s = page->convolution()->settings();
        s.padding = cs::paddingModeFromName(a.value("padding").toString("valid").toStdString());
        std::tie(s.strideRows, s.strideCols) = pair(a.value("strides"), 1);
        page->convolution()->setSettings(s);
    }
    page->setPoolingMode(pooling);
    w.showPage(MainWindow::PlaygroundPage);
    page->recompute();
    return warning.isEmpty() ? done() : failed(warning);
}

} // namespace

QStringList lessonActions() {
    return {"page", "preset", "dataset", "training", "augmentation", "select", "playground"};
}

StepOutcome runLessonStep(MainWindow& window, const LessonStep& step) {
    try {
        const QJsonObject& a = step.arguments;
        if (step.action == QLatin1String("page")) return showPage(window, a);
        if (step.action == QLatin1String("preset")) return loadPreset(window, a);
        if (step.action == QLatin1String("dataset")) return chooseDataset(window, a);
        if (step.action == QLatin1String("training")) return changeTraining(window, a);
        if (step.action == QLatin1String("augmentation")) return setAugmentation(window, a);
        if (step.action == QLatin1String("select")) return selectLayer(window, a);
        if (step.action == QLatin1String("playground")) return setUpPlayground(window, a);
        return failed(LessonSteps::tr("this version of ConvStudio cannot do the step \"%1\"")
                          .arg(step.action));
    } catch (const std::exception& e) {
        return failed(errorText(e));
    }
}

QStringList datasetSearchPaths(const MainWindow& window) {
    QStringList paths;
    for (const QString& p : qEnvironmentVariable("CONVSTUDIO_DATASETS").split(':', Qt::SkipEmptyParts))
        paths << QDir::cleanPath(p);
    const QString current = QString::fromStdString(window.document()->settings().data.folder);
    if (!current.isEmpty()) paths << QFileInfo(current).absolutePath();
    paths << QDir::home().filePath("datasets") << QDir::home().filePath("Downloads")
          << QStringLiteral("/usr/share/datasets");
    paths.removeDuplicates();
    return paths;
}

QString findDatasetFolder(const MainWindow& window, const QString& name) {
    if (name.isEmpty() || name.contains('/')) return {};
    for (const QString& dir : datasetSearchPaths(window)) {
        const QFileInfo candidate(QDir(dir).filePath(name));
        if (candidate.isDir()) return candidate.absoluteFilePath();
    }
    return {};
}

} // namespace ui
