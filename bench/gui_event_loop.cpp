// How responsive the window stays while training runs (docs/performance.md):
//   Xvfb :99 -screen 0 1600x1000x24 &
//   DISPLAY=:99 ./build/bench/gui_event_loop_benchmark [--seconds 30] [--no-training]
// Opens the real window on full Fashion-MNIST, starts training the course's
// first CNN on every core, and for the given time runs a 10 ms timer on the
// GUI thread while a scripted user switches pages every 250 ms (the Inspect
// page recomputing kernels and feature maps from the live model included),
// picks another test image there and resizes the window. It prints the
// timer's gaps (the event loop's stalls: the longest, percentiles, how many
// were over 50 ms) and the training speed meanwhile, then stops the run.
#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/inspect/feature_map_panel.h"
#include "ui/inspect/inspect_page.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/icons.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the person's settings
    QApplication::setOrganizationName("ConvStudioBench");
    int seconds = 30;
    bool training = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--no-training")) training = false;
        else {
            std::fprintf(stderr, "usage: %s [--seconds N] [--no-training]\n", argv[0]);
            return 2;
        }
    }
    ui::initResources();
    ui::StartupOptions options;
    options.restoreSession = false;
    options.page = ui::MainWindow::TrainPage;
    ui::MainWindow window(options);
    window.resize(1300, 850);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    std::printf("platform %s; loading Fashion-MNIST ...\n", qPrintable(QGuiApplication::platformName()));
    for (int i = 0; i < 600 && !window.datasetController()->current(); ++i) QTest::qWait(100);
    if (!window.datasetController()->current()) {
        std::fprintf(stderr, "the data set did not load\n");
        return 1;
    }

    ui::TrainingController* controller = window.trainingController();
    double imagesPerSecond = 0;
    QObject::connect(controller, &ui::TrainingController::batchProgress,
                     [&](const ui::BatchUpdate& u) { imagesPerSecond = u.imagesPerSecond; });
    QSignalSpy finished(controller, &ui::TrainingController::finished);
    if (training) {
        ui::TrainingSettings t = window.document()->settings().training;
        t.epochs = 100; // longer than the measurement: it is stopped at the end
        window.document()->setTrainingSettings(t);
        QSignalSpy batches(controller, &ui::TrainingController::batchProgress);
        if (!window.trainPage()->start() || !batches.wait(60000)) {
            std::fprintf(stderr, "training did not start\n");
            return 1;
        }
    }

    QElapsedTimer clock;
    clock.start();
    std::vector<double> gaps; // ms between two ticks of the 10 ms timer
    qint64 last = clock.nsecsElapsed();
    int actions = 0;
    QTimer tick, user;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back(double(now - last) / 1e6);
        last = now;
    });
    QObject::connect(&user, &QTimer::timeout, [&] {
        ++actions;
        window.showPage(ui::MainWindow::Page(actions % ui::MainWindow::PageCount));
        if (actions % 6 == 3) window.inspectPage()->inspectDatasetImage("test", actions % 1000);
        if (actions % 3 == 0) window.resize(1200 + actions % 4 * 50, 800 + actions % 2 * 50);
    });
    tick.start(10);
    user.start(250);
    QTest::qWait(seconds * 1000);
    tick.stop();
    user.stop();
    const bool stillTraining = controller->isRunning();
    if (training) {
        controller->stop();
        if (finished.isEmpty() && !finished.wait(30000)) std::fprintf(stderr, "the run did not stop within 30 s\n");
    }

    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&](double p) { return sorted.empty() ? 0.0 : sorted[size_t(p * double(sorted.size() - 1))]; };
    const long over50 = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50.0; });
    std::printf("%s, %d s, %d user actions (page switches every 250 ms, Inspect recomputing, resizes)\n",
                training ? (stillTraining ? "while training" : "training ENDED early") : "idle (no training)",
                seconds, actions);
    std::printf("10 ms timer: %zu ticks; gap median %.1f ms, p99 %.1f ms, p99.9 %.1f ms, longest %.1f ms; "
                "%ld gaps over 50 ms\n",
                gaps.size(), pct(0.5), pct(0.99), pct(0.999), sorted.empty() ? 0.0 : sorted.back(), over50);
    if (training) std::printf("training meanwhile: %.0f images/s\n", imagesPerSecond);
    window.document()->undoStack()->setClean();
    return 0;
}
