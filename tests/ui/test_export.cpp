// Export everywhere, through one mechanism (issue 14, item 2): every chart,
// kernel and feature-map grid, Grad-CAM card, confusion matrix and playground
// output has Copy / Export PNG / Export SVG / Export CSV in its menu, and
// File > Export offers the current page's views. Real widgets, offscreen; the
// file and scale prompts answer through ui::exportPrompts(), so the menu
// actions run as a person triggers them. Each check reads the written file
// back: the PNG's size at the chosen scale and its drawn pixels, the SVG
// parsed by Qt SVG, the CSV's rows equal to the numbers the view shows.
#include "tests/ui/ui_test_support.h"

#include "ui/charts/line_chart.h"
#include "ui/classify/result_card.h"
#include "ui/document/project_document.h"
#include "ui/export/export_prompts.h"
#include "ui/export/export_target.h"
#include "ui/inspect/feature_map_panel.h"
#include "ui/inspect/kernel_panel.h"
#include "ui/inspect/map_grid_widget.h"
#include "ui/inspect/weight_histogram.h"
#include "ui/playground/matrix_grid.h"
#include "ui/playground/output_panel.h"
#include "ui/playground/playground_page.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/training_charts.h"
#include "ui/window/main_window.h"

#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QThreadPool>
#include <QtTest>
#include <memory>
#include <opencv2/core.hpp>
#include <set>

using namespace ui;

namespace {

constexpr int kHang = 600000; // only a hang takes this long

ModelSnapshotPtr presetSnapshot() {
    cs::Model m = cs::loadArchitectureFile(cs::presetPath("fashion_mnist_first_cnn"));
    m.build(7);
    std::vector<std::string> names;
    for (int i = 0; i < 10; ++i) names.push_back("class " + std::to_string(i));
    return makeSnapshot(m, names, {}, "export test");
}

// The action of `target`'s menu with this object name, triggered as a click would.
bool trigger(ExportTarget* target, const QString& action) {
    QMenu menu;
    target->fillMenu(&menu);
    for (QAction* a : menu.actions())
        if (a->objectName() == action) {
            if (!a->isEnabled()) return false;
            a->trigger();
            return true;
        }
    return false;
}

QList<QStringList> readCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QList<QStringList> rows;
    for (const QString& line : QString::fromUtf8(file.readAll()).split("\r\n", Qt::SkipEmptyParts))
        rows.append(line.split(',')); // the tests' cells hold no commas or quotes
    return rows;
}

// Pixels not of the background colour: something was drawn.
int drawnPixels(const QImage& image, QColor background) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).rgb() != background.rgb()) ++n;
    return n;
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT

    QString dir_;
    QString nextPath_;
    double nextScale_ = 1;
    QStringList errors_, suggested_;

    QString path(const QString& name) { return QDir(dir_).filePath(name); }
    void answer(const QString& name, double scale = 1) {
        nextPath_ = path(name);
        nextScale_ = scale;
    }

private Q_SLOTS:
    void initTestCase() {
        dir_ = QDir(uitest::tempDir()).filePath("export");
        QDir().mkpath(dir_);
        exportPrompts().saveFile = [this](QWidget*, const QString&, const QString& suggested, const QString&) {
            suggested_.append(suggested);
            return nextPath_;
        };
        exportPrompts().scale = [this](QWidget*) -> std::optional<double> { return nextScale_; };
        exportPrompts().error = [this](QWidget*, const QString& message) { errors_.append(message); };
    }

    void cleanupTestCase() { restoreDefaultExportPrompts(); }

    void init() {
        errors_.clear();
        suggested_.clear();
    }

    void trainingChartExportsPngAtScaleSvgAndHistoryCsv() {
        TrainingCharts charts;
        charts.resize(900, 600);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.begin(3);
        const double losses[] = {1.25, 0.75, 0.5}, accuracies[] = {0.5, 0.7, 0.8};
        for (int e = 0; e < 3; ++e) {
            EpochUpdate u;
            u.epoch = e;
            u.epochs = 3;
            u.loss = losses[e];
            u.accuracy = accuracies[e];
            u.valLoss = losses[e] + 0.1;
            u.valAccuracy = accuracies[e] - 0.05;
            u.learningRate = 0.001;
            charts.addEpoch(u);
        }
        LineChart* loss = charts.lossChart();
        QSignalSpy repainted(loss, &LineChart::repainted);
        QVERIFY(loss->drawnPointCount(TrainingCharts::TrainEpoch) == 3 || repainted.wait(kHang));
        ExportTarget* target = ExportTarget::of(loss);
        QVERIFY(target);
        QCOMPARE(target->title(), QString("Loss chart"));

        answer("loss.png", 2);
        QVERIFY(trigger(target, "exportPng"));
        QCOMPARE(suggested_.value(0), QString("loss.png"));
        const QImage png(path("loss.png"));
        QCOMPARE(png.size(), loss->size() * 2);
        // The training curve's blue is drawn, with more than a handful of pixels.
        int blue = 0;
        for (int y = 0; y < png.height(); ++y)
            for (int x = 0; x < png.width(); ++x) {
                const QColor c = png.pixelColor(x, y);
                if (std::abs(c.red() - 0x2f) < 8 && std::abs(c.green() - 0x80) < 8 && std::abs(c.blue() - 0xd0) < 8)
                    ++blue;
            }
        QVERIFY2(blue > 200, qPrintable(QString::number(blue)));

        answer("loss.svg");
        QVERIFY(trigger(target, "exportSvg"));
        QSvgRenderer svg(path("loss.svg"));
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(QPoint(0, 0), loss->size()));

        answer("loss_history.csv");
        QVERIFY(trigger(target, "exportCsv0"));
        const QList<QStringList> rows = readCsv(path("loss_history.csv"));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], (QStringList{"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"}));
        const QVector<QPointF> shown = loss->points(TrainingCharts::TrainEpoch);
        const QVector<QPointF> shownVal = loss->points(TrainingCharts::ValidationEpoch);
        for (int e = 0; e < 3; ++e) {
            QCOMPARE(rows[e + 1][0].toDouble(), shown[e].x());
            QVERIFY(close(rows[e + 1][1].toDouble(), shown[e].y()));
            QVERIFY(close(rows[e + 1][3].toDouble(), shownVal[e].y()));
            QVERIFY(close(rows[e + 1][2].toDouble(), charts.accuracyChart()->points(TrainingCharts::TrainEpoch)[e].y()));
        }
        QVERIFY(errors_.isEmpty());

        // Copy: the picture and the table as tab-separated text.
        QVERIFY(trigger(target, "exportCopy"));
        const QMimeData* copied = QApplication::clipboard()->mimeData();
        QVERIFY(copied && copied->hasImage());
        QVERIFY(copied->text().startsWith("epoch\tloss\taccuracy"));
        QCOMPARE(copied->text().count('\n'), 4);
    }

    void confusionMatrixExportsCountsAndPerClassReport() {
        ConfusionMatrixView view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ExportTarget* target = ExportTarget::of(&view);
        QVERIFY(target);
        QVERIFY(!target->isAvailable()); // no evaluation yet
        TestEvaluation e;
        e.done = true;
        e.split = "test";
        e.confusion = cs::ConfusionMatrix(3);
        const int counts[3][3] = {{5, 1, 0}, {2, 7, 1}, {0, 3, 9}};
        for (int t = 0; t < 3; ++t)
            for (int p = 0; p < 3; ++p)
                for (int k = 0; k < counts[t][p]; ++k) e.confusion.add(t, p);
        view.setEvaluation(e, {"cat", "dog", "bird"});
        QVERIFY(target->isAvailable());

        answer("matrix.csv");
        QVERIFY(trigger(target, "exportCsv0"));
        QList<QStringList> rows = readCsv(path("matrix.csv"));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].mid(1), (QStringList{"cat", "dog", "bird"}));
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(rows[t + 1][0], QStringList({"cat", "dog", "bird"})[t]);
            for (int p = 0; p < 3; ++p) // the numbers the cells show
                QCOMPARE(rows[t + 1][p + 1], view.item(t, p)->text());
        }

        answer("report.csv");
        QVERIFY(trigger(target, "exportCsv1"));
        rows = readCsv(path("report.csv"));
        QCOMPARE(rows.size(), 5); // header, three classes, macro average
        const auto metrics = e.confusion.perClass();
        for (int c = 0; c < 3; ++c) {
            QVERIFY(close(rows[c + 1][1].toDouble(), metrics[size_t(c)].precision));
            QVERIFY(close(rows[c + 1][2].toDouble(), metrics[size_t(c)].recall));
            QVERIFY(close(rows[c + 1][3].toDouble(), metrics[size_t(c)].f1));
            QCOMPARE(rows[c + 1][4].toLongLong(), metrics[size_t(c)].support);
        }

        answer("matrix.png", 3);
        QVERIFY(trigger(target, "exportPng"));
        const QImage png(path("matrix.png"));
        QCOMPARE(png.size(), view.size() * 3);
        QVERIFY(drawnPixels(png, view.palette().color(QPalette::Window)) > 1000);
    }

    void kernelAndFeatureMapGridsExportTheirPictures() {
        const ModelSnapshotPtr snapshot = presetSnapshot();
        KernelPanel kernels;
        kernels.resize(900, 700);
        kernels.show();
        QVERIFY(QTest::qWaitForWindowExposed(&kernels));
        kernels.setSnapshot(snapshot);
        QVERIFY(QTest::qWaitFor([&] { return !kernels.isBusy(); }, kHang));
        QVERIFY(kernels.grid()->cellCount() > 0);
        ExportTarget* target = ExportTarget::of(kernels.grid());
        QVERIFY(target);
        QVERIFY(target->title().startsWith("Kernels of conv2d"));
        answer("kernels.png", 2);
        QVERIFY(trigger(target, "exportPng"));
        QVERIFY(suggested_.value(0).endsWith("_kernels.png"));
        const QImage png(path("kernels.png"));
        QCOMPARE(png.size(), kernels.grid()->size() * 2);
        // The kernels' colours: more than a few distinct ones (not a blank or flat picture).
        std::set<QRgb> colours;
        for (int y = 0; y < png.height(); y += 2)
            for (int x = 0; x < png.width(); x += 2) colours.insert(png.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        answer("kernels.svg");
        QVERIFY(trigger(target, "exportSvg"));
        QVERIFY(QSvgRenderer(path("kernels.svg")).isValid());
        QCOMPARE(target->tableCount(), 0); // a picture only: no CSV entry
        // The histogram beside it exports its bins: their counts add up to the layer's weights.
        ExportTarget* histogram = ExportTarget::of(kernels.histogram());
        QVERIFY(histogram && histogram->isAvailable());
        answer("histogram.csv");
        QVERIFY(trigger(histogram, "exportCsv0"));
        const QList<QStringList> bins = readCsv(path("histogram.csv"));
        QVERIFY(bins.size() > 2);
        qint64 total = 0;
        for (int i = 1; i < bins.size(); ++i) total += bins[i][2].toLongLong();
        QCOMPARE(total, qint64(3 * 3 * 1 * 64)); // the first Conv2D: 64 filters of 3x3 over 1 channel

        FeatureMapPanel features;
        features.resize(900, 700);
        features.show();
        QVERIFY(QTest::qWaitForWindowExposed(&features));
        features.setSnapshot(snapshot);
        InspectImage image;
        image.height = image.width = 28;
        image.channels = 1;
        image.pixels.assign(28 * 28, 0);
        for (int y = 8; y < 20; ++y)
            for (int x = 6; x < 22; ++x) image.pixels[size_t(y * 28 + x)] = 230;
        features.setImage(image);
        QVERIFY(QTest::qWaitFor([&] { return !features.isBusy() && features.gridOf(1); }, kHang));
        ExportTarget* maps = ExportTarget::of(features.gridOf(1));
        QVERIFY(maps);
        QVERIFY(maps->title().startsWith("Feature maps of"));
        answer("maps.png", 1);
        QVERIFY(trigger(maps, "exportPng"));
        const QImage mapsPng(path("maps.png"));
        QCOMPARE(mapsPng.size(), features.gridOf(1)->size());
        QVERIFY(drawnPixels(mapsPng, features.palette().color(QPalette::Window)) > 500);
        answer("maps.svg");
        QVERIFY(trigger(maps, "exportSvg"));
        QVERIFY(QSvgRenderer(path("maps.svg")).isValid());
        QVERIFY(errors_.isEmpty());
    }

    void gradCamCardExportsItsProbabilities() {
        QThreadPool pool;
        cv::Mat grey(28, 28, CV_8UC1, cv::Scalar(0));
        grey(cv::Rect(6, 8, 16, 12)).setTo(230);
        ResultCard card({"square.png", QString(), grey}, &pool);
        card.resize(640, 300);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        QSignalSpy classified(&card, &ResultCard::classified);
        card.classify(presetSnapshot());
        QVERIFY(classified.count() > 0 || classified.wait(kHang));
        QVERIFY(card.hasResult());
        ExportTarget* target = ExportTarget::of(&card);
        QVERIFY(target);
        answer("card.csv");
        QVERIFY(trigger(target, "exportCsv0"));
        QVERIFY(suggested_.value(0).startsWith("square_gradcam"));
        const QList<QStringList> rows = readCsv(path("card.csv"));
        QCOMPARE(rows.size(), 11);
        for (int c = 0; c < 10; ++c) {
            QCOMPARE(rows[c + 1][1], card.className(c));
            QVERIFY(close(rows[c + 1][2].toDouble(), card.probabilities()[size_t(c)]));
        }
        answer("card.png", 2);
        QVERIFY(trigger(target, "exportPng"));
        const QImage png(path("card.png"));
        QCOMPARE(png.size(), card.size() * 2);
        QVERIFY(drawnPixels(png, card.palette().color(QPalette::Window)) > 1000);
        pool.waitForDone();
    }

    void fileExportOffersTheCurrentPagesViews() {
        StartupOptions options;
        options.restoreSession = false;
        options.page = MainWindow::PlaygroundPage;
        MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::PlaygroundPage);
        auto* output = window.findChild<OutputPanel*>();
        QVERIFY(output);
        QTRY_VERIFY_WITH_TIMEOUT(ExportTarget::of(output)->isAvailable(), kHang);

        QMenu* menu = window.exportMenu();
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QMenu* sub = menu->findChild<QMenu*>("Playground output");
        QVERIFY(sub);
        QAction* csv = nullptr;
        for (QAction* a : sub->actions())
            if (a->objectName() == "exportCsv0") csv = a;
        QVERIFY(csv && csv->isEnabled());
        answer("playground.csv");
        csv->trigger();
        const QList<QStringList> rows = readCsv(path("playground.csv"));
        const auto* grid = output->grid();
        QCOMPARE(rows.size(), grid->rowCount() + 1);
        QVERIFY(grid->rowCount() > 0);
        for (int r = 0; r < grid->rowCount(); ++r) {
            QCOMPARE(rows[r + 1].size(), grid->columnCount() + 1);
            for (int c = 0; c < grid->columnCount(); ++c) // the grid shows 4 significant digits
                QVERIFY(close(QString::number(rows[r + 1][c + 1].toDouble(), 'g', 4).toDouble(),
                              grid->item(r, c)->text().toDouble()));
        }

        // Another page, other views: the Train page's charts (and no playground entry).
        window.showPage(MainWindow::TrainPage);
        Q_EMIT menu->aboutToShow();
        QVERIFY(!menu->findChild<QMenu*>("Playground output"));
        QVERIFY(menu->findChild<QMenu*>("Loss chart"));
        QVERIFY(menu->findChild<QMenu*>("Accuracy chart"));
        window.document()->undoStack()->setClean();
    }
};

UI_TEST_CLASS(ExportTest);
#include "test_export.moc"
