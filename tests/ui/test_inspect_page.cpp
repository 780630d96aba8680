// The Inspect page with real widgets, offscreen: the feature-map view of a
// layer shows one map per channel at the layer's size with the engine's
// values; kernels show every filter with their legend and the layer's
// histogram; the epoch slider scrubs through a run's snapshots and "Follow
// training" comes back to the newest; in the window, a short training run
// fills the page live, and a confusion-matrix image opens in Inspect.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/data_page.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/image_viewer_dialog.h"
#include "ui/datapage/sample_grid.h"
#include "ui/document/project_document.h"
#include "ui/inspect/colour_legend.h"
#include "ui/inspect/feature_map_panel.h"
#include "engine/inspect/feature_maps.h"
#include "ui/inspect/inspect_page.h"
#include "ui/inspect/kernel_panel.h"
#include "ui/inspect/map_grid_widget.h"
#include "engine/inspect/model_input.h"
#include "ui/inspect/weight_histogram.h"
#include "ui/playground/playground_page.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/current_model.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"

#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace ui;

namespace {

ModelSnapshotPtr presetSnapshot(uint64_t seed, const QString& source) {
    cs::Model m = cs::loadArchitectureFile(cs::presetPath("fashion_mnist_first_cnn"));
    m.build(seed);
    std::vector<std::string> names;
    for (int i = 0; i < 10; ++i) names.push_back("class " + std::to_string(i));
    return makeSnapshot(m, names, {}, source);
}

// A 28x28 grey image with a bright square: something for the filters to see.
InspectImage squareImage() {
    InspectImage image;
    image.height = image.width = 28;
    image.channels = 1;
    image.pixels.assign(28 * 28, 0);
    for (int y = 8; y < 20; ++y)
        for (int x = 6; x < 22; ++x) image.pixels[size_t(y * 28 + x)] = 230;
    image.caption = "a square";
    return image;
}

bool waitShown(QObject* panel, bool (*busy)(QObject*)) {
    if (!busy(panel)) return true;
    QSignalSpy spy(panel, SIGNAL(shown()));
    return QTest::qWaitFor([&] { return !busy(panel); }, 600000);
}

bool kernelsBusy(QObject* p) { return static_cast<KernelPanel*>(p)->isBusy(); }
bool featuresBusy(QObject* p) { return static_cast<FeatureMapPanel*>(p)->isBusy(); }

} // namespace

class InspectPageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutAModelThePageSaysHowToGetOne() {
        CurrentModel model;
        InspectPage page(&model);
        page.resize(1100, 750);
        page.show();
        auto* label = page.findChild<QLabel*>("inspectEmptyLabel");
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains("Train"));
        QSignalSpy open(&page, &InspectPage::openModelRequested);
        QTest::mouseClick(page.findChild<QPushButton*>("inspectOpenModelButton"), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        // A broken file is refused with a message naming it; nothing changes.
        const QString broken = QDir(uitest::tempDir()).filePath("broken.safetensors");
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model at all");
        f.close();
        QString error;
        QVERIFY(!model.openFile(broken, &error));
        QVERIFY2(error.contains("broken.safetensors"), qPrintable(error));
        QVERIFY(!model.current());
        QVERIFY(label->isVisible());
    }

    void featureMapsOfALayerShowOneMapPerChannelOfItsSize() {
        CurrentModel model;
        InspectPage page(&model);
        page.resize(1100, 750);
        page.show();
        const ModelSnapshotPtr snap = presetSnapshot(7, "test model");
        model.setModel(snap);
        page.inspectImage(squareImage());
        FeatureMapPanel* fm = page.featureMaps();
        QCOMPARE(page.tabs()->currentWidget(), fm);
        QVERIFY(waitShown(fm, featuresBusy));
        QVERIFY2(fm->messageLabel()->isHidden(), qPrintable(fm->messageLabel()->text()));

        // The engine's own activations for the same image.
        cs::Model engine = snap->model->clone();
        const cs::ImageSet px = cs::modelPixelsFromPixels(squareImage().pixels.data(), 28, 28, 1, engine);
        const std::vector<cs::LayerActivation> acts =
            cs::featureMaps(engine, cs::modelInputFromSet(px, 0, engine, snap->preprocessing));
        const std::vector<cs::Shape> shapes = engine.inferShapes();
        for (const cs::LayerActivation& a : acts) {
            MapGridWidget* grid = fm->gridOf(a.node);
            QVERIFY2(grid, a.name.c_str());
            if (!a.spatial()) {
                QCOMPARE(grid->cellCount(), 1);
                continue;
            }
            QCOMPARE(grid->cellCount(), shapes[size_t(a.node)][2]); // a map per channel
            for (int c = 0; c < grid->cellCount(); ++c)
                QCOMPARE(grid->cell(c).image.size(), QSize(a.mapWidth(), a.mapHeight()));
        }
        // conv2d: 64 maps of 28x28 whose pixels are the engine's values scaled by each map's range.
        const int conv = engine.findNode("conv2d");
        MapGridWidget* grid = fm->gridOf(conv);
        QCOMPARE(grid->cellCount(), 64);
        const cs::LayerActivation& a = acts[size_t(conv)];
        for (int c : {0, 17, 63}) {
            const std::vector<uint8_t> expected = cs::featureMapPixels(a, c, a.channelMin[size_t(c)], a.channelMax[size_t(c)]);
            const QImage img = grid->cell(c).image.convertToFormat(QImage::Format_Grayscale8);
            for (int y = 0; y < 28; y += 3)
                for (int x = 0; x < 28; x += 3) QCOMPARE(int(img.pixelColor(x, y).red()), int(expected[size_t(y * 28 + x)]));
            QVERIFY(grid->cell(c).toolTip.contains("28×28"));
            QVERIFY(grid->cell(c).toolTip.contains(QString::number(double(a.channelMax[size_t(c)]), 'g', 4)));
        }
        // Each section's heading gives the count and size of its maps.
        QStringList headings;
        for (QLabel* heading : fm->findChildren<QLabel*>("layerHeading")) headings << heading->text();
        QVERIFY2(headings.join('\n').contains("<b>conv2d</b> (Conv2D) — 64 maps of 28×28"), qPrintable(headings.join('\n')));
        QVERIFY(headings.join('\n').contains("<b>max_pooling2d_1</b> (MaxPooling2D) — 32 maps of 7×7"));
        QVERIFY(headings.join('\n').contains("<b>input</b> (InputLayer) — 1 map of 28×28"));
        // Picking one layer shows only its section.
        const int pool = engine.findNode("max_pooling2d_1");
        fm->layerCombo()->setCurrentIndex(fm->layerCombo()->findData(pool));
        QVERIFY(fm->isSectionVisible(pool));
        QVERIFY(!fm->isSectionVisible(conv));
        QCOMPARE(fm->gridOf(pool)->cellCount(), 32);
        QCOMPARE(fm->gridOf(pool)->cell(0).image.size(), QSize(7, 7));
        QVERIFY(fm->predictionLabel()->text().startsWith("Model says:"));
    }

    void kernelsShowEveryFilterWithLegendAndHistogram() {
        CurrentModel model;
        InspectPage page(&model);
        page.resize(1100, 750);
        page.show();
        const ModelSnapshotPtr snap = presetSnapshot(3, "test model");
        model.setModel(snap);
        KernelPanel* k = page.kernels();
        QVERIFY(waitShown(k, kernelsBusy));
        QCOMPARE(k->layerCombo()->count(), 2); // conv2d, conv2d_1
        QCOMPARE(k->grid()->cellCount(), 64);  // 64 filters of one channel
        QCOMPARE(k->grid()->cell(0).image.size(), QSize(3, 3));
        const cs::ConvKernels engine = cs::convKernels(*snap->model, 1);
        QCOMPARE(k->legend()->kind(), ColourLegend::Diverging);
        QCOMPARE(k->legend()->high(), double(engine.maxAbs));
        QCOMPARE(k->histogram()->histogram().total, int64_t(576));
        // The tooltip of filter 5 lists its nine weights.
        QVERIFY(k->grid()->cell(5).toolTip.contains(QString::number(double(engine.at(5, 0, 1, 1)), 'f', 3)));

        k->layerCombo()->setCurrentIndex(1); // conv2d_1: 32 filters of 64 channels
        QVERIFY(waitShown(k, kernelsBusy));
        QCOMPARE(k->grid()->cellCount(), 32 * 64);
        QCOMPARE(k->grid()->columns(), 64); // a row per filter
        k->channelCombo()->setCurrentIndex(k->channelCombo()->findData(5));
        QVERIFY(waitShown(k, kernelsBusy));
        QCOMPARE(k->grid()->cellCount(), 32);
        QCOMPARE(k->histogram()->histogram().total, int64_t(18432));
    }

    void theEpochSliderScrubsAndFollowReturnsToTheNewest() {
        CurrentModel model;
        InspectPage page(&model);
        page.resize(1100, 750);
        page.show();
        model.beginRun();
        const ModelSnapshotPtr e1 = presetSnapshot(1, "epoch 1"), e2 = presetSnapshot(2, "epoch 2");
        model.addEpoch(e1);
        model.addEpoch(e2);
        QCOMPARE(model.current(), e2);
        QCOMPARE(page.epochSlider()->maximum(), 1);
        QCOMPARE(page.epochSlider()->value(), 1);
        QVERIFY(waitShown(page.kernels(), kernelsBusy));
        const QString newest = page.kernels()->grid()->cell(0).toolTip;

        page.epochSlider()->setValue(0);
        QCOMPARE(model.current(), e1);
        QVERIFY(!page.followCheck()->isChecked());
        QVERIFY(page.sourceLabel()->text().contains("epoch 1"));
        QVERIFY(waitShown(page.kernels(), kernelsBusy));
        QVERIFY(page.kernels()->grid()->cell(0).toolTip != newest); // other weights, other numbers

        const ModelSnapshotPtr e3 = presetSnapshot(3, "epoch 3");
        model.addEpoch(e3); // not following: stays on epoch 1
        QCOMPARE(model.current(), e1);
        QCOMPARE(page.epochSlider()->maximum(), 2);
        page.followCheck()->setChecked(true);
        QCOMPARE(model.current(), e3);
        QCOMPARE(page.epochSlider()->value(), 2);
    }

    void trainingFillsThePageAndConfusionImagesOpenInIt() {
        StartupOptions options;
        options.restoreSession = false;
        options.page = MainWindow::TrainPage;
        auto window = std::make_unique<MainWindow>(options);
        window->resize(1300, 850);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window->datasetController()->current() != nullptr, 600000);
        window->trainPage()->setJobOptions({400, 200, true});
        QSignalSpy epochs(window->currentModel(), &CurrentModel::epochsChanged);
        QSignalSpy finished(window->trainingController(), &TrainingController::finished);
        QVERIFY(window->trainPage()->start());
        QVERIFY(finished.wait(600000));
        const int epochsRun = finished.at(0).at(0).value<TrainingOutcome>().epochsRun;
        QCOMPARE(int(window->currentModel()->epochs().size()), epochsRun);
        QVERIFY2(window->currentModel()->current()->source.startsWith("run 1, trained ("), qPrintable(window->currentModel()->current()->source));
        InspectPage* inspect = window->inspectPage();
        // Hidden, the page does not follow the run; shown, it catches up with the trained model.
        QCOMPARE(inspect->kernels()->grid()->cellCount(), 0);
        window->showPage(MainWindow::InspectPage);
        QVERIFY(waitShown(inspect->kernels(), kernelsBusy));
        QCOMPARE(inspect->kernels()->grid()->cellCount(), 64);
        QCOMPARE(inspect->epochSlider()->maximum(), epochsRun - 1);

        // A confusion-matrix image, double-clicked, opens in Inspect's feature maps.
        ConfusionMatrixView* matrix = window->trainPage()->confusionMatrix();
        const cs::ConfusionMatrix& m = matrix->evaluation().confusion;
        int truth = 0;
        while (truth < 10 && m.at(truth, truth) == 0) ++truth;
        QVERIFY(truth < 10);
        Q_EMIT matrix->cellChosen(truth, truth);
        auto* dialog = window->trainPage()->findChild<CellImagesDialog*>();
        QVERIFY(dialog);
        QListWidgetItem* item = dialog->images()->item(0);
        const int index = item->data(Qt::UserRole).toInt();
        Q_EMIT dialog->images()->itemActivated(item);
        QCOMPARE(window->pages()->currentIndex(), int(MainWindow::InspectPage));
        QCOMPARE(inspect->tabs()->currentWidget(), inspect->featureMaps());
        QVERIFY(waitShown(inspect->featureMaps(), featuresBusy));
        QCOMPARE(inspect->featureMaps()->picture().imageCaption.section(" · ", 0, 0), QString("test image %1").arg(index));
        dialog->close();
        // An image of the Data page's viewer opens in Inspect too.
        SampleGrid* grid = window->dataPage()->samples();
        Q_EMIT grid->imageActivated(grid->split(), 2);
        auto* viewer = window->dataPage()->findChild<ImageViewerDialog*>();
        QVERIFY(viewer);
        QTest::mouseClick(viewer->findChild<QToolButton*>("inspectImageButton"), Qt::LeftButton);
        QCOMPARE(window->pages()->currentIndex(), int(MainWindow::InspectPage));
        QVERIFY(waitShown(inspect->featureMaps(), featuresBusy));
        const QString viewed = QString("%1 image %2").arg(grid->split()).arg(grid->filtered()[2]);
        QCOMPARE(inspect->featureMaps()->picture().imageCaption.section(" · ", 0, 0), viewed);
        viewer->close();

        // The image goes on to the Playground.
        QTest::mouseClick(inspect->featureMaps()->findChild<QPushButton*>("toPlaygroundButton"), Qt::LeftButton);
        QCOMPARE(window->pages()->currentIndex(), int(MainWindow::PlaygroundPage));
        auto* caption = window->playgroundPage()->findChild<QLabel*>("imageCaption");
        QVERIFY(caption);
        QVERIFY2(caption->text().contains(viewed), qPrintable(caption->text()));

        // A saved model opened with File ▸ Open becomes the model Inspect shows.
        const QString path = QDir(uitest::tempDir()).filePath("inspect-me.safetensors");
        QVERIFY(window->trainPage()->saveModel(path));
        window->document()->undoStack()->setClean();
        QVERIFY(window->projectActions()->openFile(path));
        QCOMPARE(window->currentModel()->current()->source, QString("inspect-me.safetensors"));
        QVERIFY(inspect->sourceLabel()->text().contains("inspect-me.safetensors"));
        window->document()->undoStack()->setClean();
    }
};

UI_TEST_CLASS(InspectPageTest);

#include "test_inspect_page.moc"
