// Takes the user guide's screenshots (docs/images) from the real window:
//   DISPLAY=:99 ./build/tests/ui/ui_screenshot_tour docs/images [--language es]
// (with a language, in that translation, each file named NAME-es.png),
// under Xvfb, or with QT_QPA_PLATFORM=offscreen. Not a test: it drives the
// window through the same calls a person's clicks make, waits for the data
// set and the previews, and saves each view as a PNG.
#include "ui/datapage/augmentation_panel.h"
#include "ui/datapage/augmentation_preview_view.h"
#include "ui/datapage/data_page.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/image_viewer_dialog.h"
#include "ui/datapage/sample_grid.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/model_editor_page.h"
#include "ui/help/getting_started_panel.h"
#include "ui/classify/classify_page.h"
#include "ui/classify/folder_classifier_panel.h"
#include "ui/datapage/loaded_dataset.h"
#include "ui/imaging/image_converter.h"
#include "ui/inspect/feature_map_panel.h"
#include "ui/inspect/inspect_page.h"
#include "ui/inspect/kernel_panel.h"
#include "ui/playground/playground_page.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/icons.h"
#include "ui/window/language.h"
#include "ui/window/main_window.h"
#include "ui/window/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <cstdio>

namespace {

void settle(int ms = 300) {
    QTest::qWait(ms); // let layouts, pool threads and repaints finish before a grab
}

QString suffix; // "-es" for the Spanish tour

void save(QWidget* widget, const QString& dir, QString name) {
    settle();
    name.insert(name.lastIndexOf('.'), suffix);
    const QString path = QDir(dir).filePath(name);
    if (!widget->grab().save(path))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

// Waits (events processed) until `done` or 60 s.
template <typename F> void waitFor(F done) {
    for (int i = 0; i < 600 && !done(); ++i) QTest::qWait(100);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the person's settings
    QApplication::setOrganizationName("ConvStudioTour");
    QApplication::setApplicationName("ConvStudio");
    const QString out = argc > 1 ? argv[1] : "docs/images";
    QDir().mkpath(out);
    ui::initResources();
    ui::applyTheme(ui::Theme::Light);
    const QString language = argc > 3 && QString(argv[2]) == "--language" ? argv[3] : "en";
    QSettings().setValue("language", language); // the lessons panel follows the interface
    if (language != "en") {
        if (!ui::installTranslators(language)) return 1;
        suffix = "-" + language;
    }

    QSettings().remove(ui::GettingStartedPanel::kDismissedKey); // a first start: the panel shows
    ui::StartupOptions options;
    options.restoreSession = false;
    ui::MainWindow window(options);
    window.resize(1280, 800); // the screen of a small laptop: everything must fit
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    ui::ProjectDocument* doc = window.document();
    if (!window.datasetController()->current()) {
        QSignalSpy loaded(window.datasetController(), &ui::DatasetController::loaded);
        loaded.wait(60000);
    }
    window.modelPage()->canvas()->fitToView();
    save(&window, out, "getting-started.png");
    window.gettingStarted()->hide();
    window.modelPage()->canvas()->fitToView();
    doc->setFocusedLayer("conv2d");
    save(&window, out, "model-editor.png");

    // A model with a problem: the Flatten removed; the issue bar offers the fix.
    doc->removeLayer("flatten");
    doc->setFocusedLayer("dense");
    save(&window, out, "model-problem.png");
    doc->undoStack()->undo();

    window.showPage(ui::MainWindow::DataPageIndex);
    save(&window, out, "data-page.png");

    QSignalSpy rendered(window.dataPage()->preview(), &ui::AugmentationPreviewView::rendered);
    if (auto* course = window.dataPage()->augmentation()->findChild<QPushButton*>("courseAugmentationExample"))
        course->click();
    if (rendered.isEmpty()) rendered.wait(10000);
    save(&window, out, "data-augmentation.png");

    auto* grid = window.dataPage()->samples();
    ui::ImageViewerDialog viewer(window.datasetController()->current(), grid->split(),
                                 grid->filtered(), 0, &window);
    viewer.resize(460, 520);
    viewer.show();
    if (!QTest::qWaitForWindowExposed(&viewer)) return 1;
    viewer.fit();
    save(&viewer, out, "image-viewer.png");
    viewer.close();

    // Training on part of Fashion-MNIST: caught mid-run with the curves growing, then done.
    window.showPage(ui::MainWindow::TrainPage);
    doc->setAugmentation({}); // the course example above: off again for a quick run
    ui::TrainingSettings training = doc->settings().training;
    training.epochs = 6;
    training.reduceLr.enabled = true; // to show an event marker: halve the rate after a flat epoch
    training.reduceLr.factor = 0.5;
    training.reduceLr.patience = 1;
    doc->setTrainingSettings(training);
    window.trainPage()->setJobOptions({12000, 0, true});
    QSignalSpy epochs(window.trainingController(), &ui::TrainingController::epochEnded);
    QSignalSpy finished(window.trainingController(), &ui::TrainingController::finished);
    window.trainPage()->start();
    while (epochs.count() < 3 && epochs.wait(120000)) {
    }
    QSignalSpy batches(window.trainingController(), &ui::TrainingController::batchProgress);
    while (batches.count() < 15 && batches.wait(10000)) { // part of the way into the next epoch
    }
    save(&window, out, "train-running.png");
    // Inspect while it trains: the kernels of the newest model.
    window.showPage(ui::MainWindow::InspectPage);
    waitFor([&] { return !window.inspectPage()->kernels()->isBusy(); });
    save(&window, out, "inspect-kernels-live.png");
    window.showPage(ui::MainWindow::TrainPage);
    if (finished.isEmpty()) finished.wait(300000);
    save(&window, out, "train-finished.png");

    // The trained model's kernels, and the feature maps of a test image (an ankle boot).
    window.showPage(ui::MainWindow::InspectPage);
    ui::InspectPage* inspect = window.inspectPage();
    inspect->kernels()->scaleCombo()->setCurrentIndex(1); // each filter on its own scale
    waitFor([&] { return !inspect->kernels()->isBusy(); });
    save(&window, out, "inspect-kernels.png");
    inspect->inspectDatasetImage("test", 0);
    waitFor([&] { return !inspect->featureMaps()->isBusy(); });
    save(&window, out, "inspect-feature-maps.png");
    inspect->tabs()->setCurrentIndex(0);

    // Classify: three test images dropped as files, and a folder of twenty in the table.
    const QString photos = QDir(QDir::tempPath()).filePath("convstudio-tour-images");
    QDir(photos).removeRecursively();
    QDir().mkpath(photos);
    const auto data = window.datasetController()->current();
    QStringList dropped;
    for (int i = 0; i < 20; ++i) {
        std::vector<uint8_t> px;
        if (!data->pixels("test", i, px)) continue;
        const QString file = QDir(photos).filePath(QString("test-%1.png").arg(i, 2, 10, QChar('0')));
        ui::imageFromPixels(px.data(), data->height(), data->width(), data->channels())
            .scaled(112, 112, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .save(file);
        if (i == 0 || i == 4 || i == 12) dropped << file;
    }
    window.showPage(ui::MainWindow::ClassifyPage);
    ui::ClassifyPage* classify = window.classifyPage();
    QSignalSpy ready(classify, &ui::ClassifyPage::resultsReady);
    classify->addImageFiles(dropped);
    ready.wait(60000);
    QSignalSpy folder(classify, &ui::ClassifyPage::folderFinished);
    classify->folderPanel()->classifyFolder(photos, false);
    folder.wait(60000);
    save(&window, out, "classify.png");
    window.showPage(ui::MainWindow::TrainPage);
    // Every shirt the model took for a T-shirt/top: a click on that cell of the matrix.
    Q_EMIT window.trainPage()->confusionMatrix()->cellChosen(6, 0);
    if (auto* cell = window.trainPage()->findChild<ui::CellImagesDialog*>()) {
        cell->resize(560, 380);
        if (QTest::qWaitForWindowExposed(cell)) save(cell, out, "train-confusion-cell.png");
        cell->close();
    }
    // A second run with SGD and momentum, compared with the first (dashed).
    training = doc->settings().training;
    training.optimizer = "sgd";
    training.learningRate = 0.01;
    training.momentum = 0.9;
    doc->setTrainingSettings(training);
    finished.clear();
    window.trainPage()->start();
    finished.wait(300000);
    window.trainPage()->compareBox()->setCurrentIndex(1);
    save(&window, out, "train-compare.png");
    for (int i = 0; i < 3; ++i) // both training settings, and augmentation back to the course's
        doc->undoStack()->undo();

    // The playground: the course's kernel lesson, then pooling.
    window.showPage(ui::MainWindow::PlaygroundPage);
    if (auto* example = window.playgroundPage()->findChild<QPushButton*>("courseConvolutionExample")) example->click();
    if (auto* preset = window.playgroundPage()->findChild<QComboBox*>("kernelPreset"))
        preset->setCurrentIndex(std::max(0, preset->findText("vertical_edge", Qt::MatchStartsWith)));
    save(&window, out, "playground-convolution.png");

    ui::applyTheme(ui::Theme::Dark);
    window.showPage(ui::MainWindow::ModelPage);
    save(&window, out, "model-editor-dark.png");
    window.showPage(ui::MainWindow::DataPageIndex);
    save(&window, out, "data-augmentation-dark.png");
    window.showPage(ui::MainWindow::TrainPage);
    save(&window, out, "train-dark.png");
    window.showPage(ui::MainWindow::InspectPage);
    save(&window, out, "inspect-dark.png");
    window.showPage(ui::MainWindow::ClassifyPage);
    save(&window, out, "classify-dark.png");

    // Model and data that do not fit: the course's cats-vs-dogs network on the cats-and-dogs
    // folder (run from the repository: ../shared/datasets) loaded at 64x64 with categorical
    // labels; the Data page offers the fixes both ways.
    ui::applyTheme(ui::Theme::Light);
    const QString cats = QDir("../shared/datasets/cats_and_dogs_filtered").absolutePath();
    if (QDir(cats).exists()) {
        ui::ProjectContent content;
        content.graph = ui::ModelGraph::fromJson(cs::json::parseFile(ui::presetPath("cats_vs_dogs_150")));
        ui::DataSettings& d = content.settings.data;
        d.kind = cs::DatasetKind::ImageFolders;
        d.folder = cats.toStdString();
        d.imageFolders.height = d.imageFolders.width = 64;
        doc->load(content, {});
        ui::DatasetController* datasets = window.datasetController();
        waitFor([&] { return !datasets->isLoading() && datasets->current() &&
                             datasets->current()->settings() == doc->settings().data; });
        window.showPage(ui::MainWindow::DataPageIndex);
        save(&window, out, "data-fixes.png");
        // Back to the course's first CNN on Fashion-MNIST for the last picture.
        doc->load(ui::ProjectDocument::defaultProject(), {});
        waitFor([&] { return !datasets->isLoading() && datasets->current() &&
                             datasets->current()->settings() == doc->settings().data; });
    }

    // A skip connection: Add after a ReLU, connected by hand (the summary gains a
    // "Connected to" column, its long names elided to keep the window 1280 pixels wide).
    ui::applyTheme(ui::Theme::Light);
    window.showPage(ui::MainWindow::ModelPage);
    const QString add = doc->insertLayer("Add", {"conv2d", "max_pooling2d"});
    doc->insertLayer("Activation", {"conv2d", add.toStdString()});
    doc->connectLayers("conv2d", add);
    doc->setFocusedLayer(add);
    save(&window, out, "model-skip-connection.png");
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    doc->undoStack()->setClean(); // no "save changes?" question on the way out
    return 0;
}
