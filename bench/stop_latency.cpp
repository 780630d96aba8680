// How quickly Stop and closing the window take effect while the window trains
// (docs/performance.md). No display needed:
//   QT_QPA_PLATFORM=offscreen ./build/bench/stop_latency_benchmark [--data fashion|cats] [--repeats 5]
// `fashion`: the course's first CNN on Fashion-MNIST (batch 64); `cats`: the
// cats_vs_dogs_150 preset on ../shared/datasets/cats_and_dogs_filtered at
// 150x150 RGB (batch 32), the course's slowest lesson. For each repeat it starts
// a run in the real window, lets a few batches go by, waits a random part of a
// batch (so the stop lands anywhere in one) and presses Stop, then reports how
// long the GUI thread was busy with the press and how long until the run
// reported `finished`, also in batches (a batch's time from the run's own
// images/s). The last measurement closes the window mid-run: the time until it
// is off the screen and until it has closed for good.
#include "ui/datapage/dataset_controller.h"
#include "ui/document/model_graph.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/icons.h"
#include "ui/window/main_window.h"

#include "engine/io/json.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace {

struct Row {
    double guiMs = 0, finishedMs = 0, batchMs = 0;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

ui::ProjectContent catsVsDogs() {
    ui::ProjectContent content = ui::ProjectDocument::defaultProject();
    content.graph = ui::ModelGraph::fromJson(cs::json::parseFile(ui::presetPath("cats_vs_dogs_150")));
    content.settings.data.kind = cs::DatasetKind::ImageFolders;
    content.settings.data.folder = CONVSTUDIO_BENCH_DATASETS "/cats_and_dogs_filtered";
    content.settings.data.imageFolders.height = content.settings.data.imageFolders.width = 150;
    content.settings.data.imageFolders.colorMode = cs::ColorMode::Rgb;
    content.settings.data.imageFolders.classMode = cs::ClassMode::Binary;
    content.settings.training.batchSize = 32;
    return content;
}

// Starts a long run and waits for `batches` reported batches; the batch time in ms.
bool startAndRun(ui::MainWindow& window, int batches, double& batchMs) {
    ui::TrainingController* controller = window.trainingController();
    QSignalSpy progress(controller, &ui::TrainingController::batchProgress);
    if (!window.trainPage()->start()) return false;
    while (progress.count() < batches)
        if (!progress.wait(600000)) return false;
    const auto last = progress.last().at(0).value<ui::BatchUpdate>();
    const int batchSize = window.document()->settings().training.batchSize;
    batchMs = last.imagesPerSecond > 0 ? 1000.0 * batchSize / last.imagesPerSecond : 0;
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the person's settings
    QApplication::setOrganizationName("ConvStudioBench");
    std::string data = "fashion";
    int repeats = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
        else if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--data fashion|cats] [--repeats N]\n", argv[0]);
            return 2;
        }
    }
    if (data != "fashion" && data != "cats") {
        std::fprintf(stderr, "--data is fashion or cats\n");
        return 2;
    }
    ui::initResources();
    ui::StartupOptions options;
    options.restoreSession = false;
    options.page = ui::MainWindow::TrainPage;
    ui::MainWindow window(options);
    window.resize(1300, 850);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    if (data == "cats") window.document()->load(catsVsDogs(), {});
    ui::TrainingSettings t = window.document()->settings().training;
    t.epochs = 100; // longer than the measurement: every run here is stopped
    window.document()->setTrainingSettings(t);
    const int height = data == "cats" ? 150 : 28;
    auto loaded = [&] {
        const auto current = window.datasetController()->current();
        return current && !window.datasetController()->isLoading() && current->height() == height;
    };
    for (int i = 0; i < 1200 && !loaded(); ++i) QTest::qWait(100);
    if (!loaded()) {
        std::fprintf(stderr, "the data set did not load\n");
        return 1;
    }
    std::printf("%s, batch %d, %d threads; platform %s\n",
                data == "cats" ? "cats_vs_dogs_150 on cats_and_dogs_filtered" : "fashion_mnist_first_cnn on Fashion-MNIST",
                t.batchSize, QThread::idealThreadCount(), qPrintable(QGuiApplication::platformName()));

    ui::TrainingController* controller = window.trainingController();
    controller->setBatchInterval(0);
    std::mt19937 rng(7);
    std::vector<Row> rows;
    for (int r = 0; r < repeats; ++r) {
        Row row;
        if (!startAndRun(window, 3, row.batchMs)) {
            std::fprintf(stderr, "training did not start\n");
            return 1;
        }
        QTest::qWait(int(std::uniform_real_distribution<double>(0, 1)(rng) * row.batchMs));
        QSignalSpy finished(controller, &ui::TrainingController::finished);
        QElapsedTimer clock;
        clock.start();
        window.stopAction()->trigger();
        row.guiMs = double(clock.nsecsElapsed()) / 1e6;
        if (finished.isEmpty() && !finished.wait(600000)) {
            std::fprintf(stderr, "the run did not stop within 10 minutes\n");
            return 1;
        }
        row.finishedMs = double(clock.nsecsElapsed()) / 1e6;
        std::printf("stop %d: GUI busy %.1f ms; finished after %.0f ms = %.2f batches (batch %.0f ms)\n", r + 1,
                    row.guiMs, row.finishedMs, row.batchMs > 0 ? row.finishedMs / row.batchMs : 0.0, row.batchMs);
        rows.push_back(row);
    }
    std::vector<double> inBatches, gui;
    for (const Row& row : rows) {
        inBatches.push_back(row.batchMs > 0 ? row.finishedMs / row.batchMs : 0.0);
        gui.push_back(row.guiMs);
    }
    std::printf("Stop: median %.2f batches until finished (max %.2f); GUI busy median %.1f ms\n", median(inBatches),
                *std::max_element(inBatches.begin(), inBatches.end()), median(gui));

    // Closing the window mid-run (File > Quit, Ctrl+Q and the title bar's close all do this).
    double batchMs = 0;
    if (!startAndRun(window, 3, batchMs)) return 1;
    window.document()->undoStack()->setClean(); // no "save?" question
    QSignalSpy closed(&window, &ui::MainWindow::closed);
    QElapsedTimer clock;
    clock.start();
    window.close();
    const double hiddenMs = double(clock.nsecsElapsed()) / 1e6;
    const bool hidden = !window.isVisible();
    if (closed.isEmpty() && !closed.wait(600000)) {
        std::fprintf(stderr, "the window did not close within 10 minutes\n");
        return 1;
    }
    const double closedMs = double(clock.nsecsElapsed()) / 1e6;
    std::printf("Close while training: %s after %.1f ms; closed (app may quit) after %.0f ms = %.2f batches\n",
                hidden ? "off the screen" : "STILL SHOWN", hiddenMs, closedMs, batchMs > 0 ? closedMs / batchMs : 0.0);
    return 0;
}
