// Model and data fitted both ways, through the real window (issue 14 item 6):
// the course's cats-vs-dogs network on the cats-and-dogs folder loaded at
// another size, in grey or with other labels. The Data page shows the
// mismatch with the same fixes as the Model page; a data fix changes the
// project's data binding (one undo step) and the next run trains on it; a
// model edit updates the Data page; settings that do not apply are disabled
// with the reason in their tooltip.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/augmentation_panel.h"
#include "ui/datapage/data_fit_panel.h"
#include "ui/datapage/data_page.h"
#include "ui/datapage/data_source_panel.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/editor/issue_bar.h"
#include "ui/editor/model_editor_page.h"
#include "ui/training/train_page.h"
#include "ui/training/training_job.h"
#include "ui/training/training_settings_panel.h"
#include "ui/window/main_window.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QtTest>
#include <memory>

using namespace ui;

class DataFitPageTest : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    ProjectDocument* doc() const { return window_->document(); }
    DataFitPanel* fit() const { return window_->dataPage()->fit(); }

    static QString catsDir() {
        return QString(CONVSTUDIO_SOURCE_DIR) + "/../shared/datasets/cats_and_dogs_filtered";
    }

    static QStringList texts(const QList<QPushButton*>& buttons) {
        QStringList out;
        for (QPushButton* b : buttons)
            out << b->text().remove('&');
        return out;
    }

    // Waits until the data set the document names is the loaded one.
    void waitForData() {
        DatasetController* c = window_->datasetController();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isLoading() && c->current() &&
                                     c->current()->settings() == doc()->settings().data,
                                 600000);
    }

    // The course's cats-vs-dogs network on `folder` loaded as given.
    void open(const QString& folder, int size, cs::ColorMode colour, cs::ClassMode mode) {
        ProjectContent content;
        content.graph = ModelGraph::fromJson(cs::json::parseFile(presetPath("cats_vs_dogs_150")));
        DataSettings& d = content.settings.data;
        d.kind = cs::DatasetKind::ImageFolders;
        d.folder = folder.toStdString();
        d.imageFolders.height = d.imageFolders.width = size;
        d.imageFolders.colorMode = colour;
        d.imageFolders.classMode = mode;
        doc()->load(content, {});
        waitForData();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDir(catsDir()).exists(),
                 qPrintable(catsDir() + " is missing (../shared/datasets)"));
        StartupOptions options;
        options.restoreSession = false;
        window_ = std::make_unique<MainWindow>(options);
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        waitForData(); // Fashion-MNIST, the first start's data set
    }

    void cleanupTestCase() { window_.reset(); }

    void dataPageOffersLoadingAtTheModelsSizeNextToChangingTheInput() {
        open(catsDir(), 64, cs::ColorMode::Rgb, cs::ClassMode::Binary);
        window_->showPage(MainWindow::DataPageIndex);
        QVERIFY(fit()->isVisible());
        QCOMPARE(fit()->messages().size(), 1);
        const QString message = fit()->messages().first();
        QVERIFY2(message.contains("64×64×3") && message.contains("150×150×3"), qPrintable(message));
        const QStringList both = {"Load the images at 150×150 RGB", "Set the input to 64×64×3"};
        QCOMPARE(texts(fit()->fixButtons()), both);
        QVERIFY2(fit()->fixButtons().first()->toolTip().contains("target_size = 150x150"),
                 qPrintable(fit()->fixButtons().first()->toolTip()));
        // The Model page offers the same fixes.
        QCOMPARE(texts(window_->modelPage()->issueBar()->fixButtons()), both);

        const int steps = doc()->undoStack()->count();
        QTest::mouseClick(fit()->fixButtons().first(), Qt::LeftButton);
        const DataSettings& d = doc()->settings().data;
        QCOMPARE(d.imageFolders.height, 150);
        QCOMPARE(d.imageFolders.width, 150);
        QVERIFY(d.imageFolders.colorMode == cs::ColorMode::Rgb);
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        QCOMPARE(doc()->undoStack()->undoText(), QString("Load the images at 150×150 RGB"));
        // The fit follows the binding at once; the folder is then read again as bound.
        QCOMPARE(doc()->report().warningCount, 0);
        QVERIFY(fit()->isHidden());
        waitForData();
        QCOMPARE(window_->datasetController()->current()->height(), 150);
        auto* height =
            qobject_cast<QSpinBox*>(window_->dataPage()->source()->editor("target_height"));
        QCOMPARE(height->value(), 150);
        QCOMPARE(doc()->report().warningCount, 0);

        doc()->undoStack()->undo();
        QCOMPARE(doc()->settings().data.imageFolders.height, 64);
        QVERIFY(fit()->isVisible());
        QCOMPARE(texts(fit()->fixButtons()), both);
        waitForData();
        doc()->undoStack()->redo();
        QVERIFY(fit()->isHidden());
        waitForData();
    }

    void theNextRunTrainsOnTheFixedBinding() {
        open(catsDir(), 64, cs::ColorMode::Grayscale, cs::ClassMode::Binary);
        // As the Train page starts a run: refused while the images are 64x64 grey ...
        bool refused = false;
        try {
            TrainingJob job(doc()->graph(), doc()->settings(),
                            window_->datasetController()->current(), {});
        } catch (const cs::ShapeError&) {
            refused = true;
        }
        QVERIFY(refused);
        QCOMPARE(texts(fit()->fixButtons()).first(), QString("Load the images at 150×150 RGB"));
        QTest::mouseClick(fit()->fixButtons().first(), Qt::LeftButton);
        waitForData();
        // ... and trained on 150x150 RGB once fixed.
        const auto data = window_->datasetController()->current();
        QCOMPARE(data->channels(), 3);
        TrainingJob job(doc()->graph(), doc()->settings(), data, {});
        QCOMPARE(job.fitOptions().batchSize, doc()->settings().training.batchSize);
    }

    void classModeFixesAndModelEditsUpdateTheDataPage() {
        open(catsDir(), 150, cs::ColorMode::Rgb, cs::ClassMode::Categorical);
        window_->showPage(MainWindow::DataPageIndex);
        QVERIFY(fit()->isVisible());
        QVERIFY2(fit()->messages().first().contains("class_mode is categorical"),
                 qPrintable(fit()->messages().first()));
        QCOMPARE(texts(fit()->fixButtons()),
                 QStringList({"Read the labels as binary (class_mode binary)",
                              "Use 2 softmax units in dense_1"}));
        // A model edit (the head's fix, from the Data page) updates the page; undo brings it back.
        QTest::mouseClick(fit()->fixButtons().last(), Qt::LeftButton);
        QCOMPARE(cs::json::asInt(cs::json::at(doc()->graph().find("dense_1")->config, "units")), 2);
        QVERIFY(fit()->isHidden());
        doc()->undoStack()->undo();
        QVERIFY(fit()->isVisible());
        // An edit on the Model page's side too: the input set to another size shows at once.
        QVERIFY(
            doc()->setLayerAttribute("input", "shape", cs::Json(std::vector<int>{128, 128, 3})));
        QCOMPARE(fit()->messages().size(), 2);
        doc()->undoStack()->undo();
        QCOMPARE(fit()->messages().size(), 1);

        QTest::mouseClick(fit()->fixButtons().first(), Qt::LeftButton);
        QVERIFY(doc()->settings().data.imageFolders.classMode == cs::ClassMode::Binary);
        QVERIFY(fit()->isHidden());
        waitForData();
        auto* mode = qobject_cast<QComboBox*>(window_->dataPage()->source()->editor("class_mode"));
        QCOMPARE(mode->currentText(), QString("binary"));
    }

    void settingsThatDoNotApplyAreDisabledWithTheReason() {
        open(catsDir(), 150, cs::ColorMode::Rgb, cs::ClassMode::Binary);
        DataSourcePanel* source = window_->dataPage()->source();
        // cats_and_dogs_filtered has validation/: no split applies.
        QWidget* split = source->editor("validation_split");
        QVERIFY(!split->isEnabled());
        QVERIFY2(split->toolTip().contains("validation/"), qPrintable(split->toolTip()));
        QVERIFY(!source->editor("seed")->isEnabled());
        QWidget* trainSplit = window_->trainPage()->settingsPanel()->editor("validation_split");
        QVERIFY(!trainSplit->isEnabled());
        QVERIFY2(trainSplit->toolTip().contains("image folders"),
                 qPrintable(trainSplit->toolTip()));
        // momentum belongs to SGD.
        TrainingSettings t = doc()->settings().training;
        t.optimizer = "adam";
        doc()->setTrainingSettings(t);
        QWidget* momentum = window_->trainPage()->settingsPanel()->editor("momentum");
        QVERIFY(!momentum->isEnabled());
        QVERIFY2(momentum->toolTip().contains("Only SGD"), qPrintable(momentum->toolTip()));

        // fill_mode and cval only matter when the geometry brings in outside pixels.
        AugmentationPanel* aug = window_->dataPage()->augmentation();
        doc()->setAugmentation(cs::AugmentationOptions{});
        QVERIFY(!aug->editor("fill_mode")->isEnabled());
        QVERIFY2(aug->editor("fill_mode")->toolTip().contains("Not used"),
                 qPrintable(aug->editor("fill_mode")->toolTip()));
        QVERIFY(!aug->editor("cval")->isEnabled());
        cs::AugmentationOptions flips;
        flips.horizontalFlip = true; // a flip brings in nothing
        doc()->setAugmentation(flips);
        QVERIFY(!aug->editor("fill_mode")->isEnabled());
        cs::AugmentationOptions rotate;
        rotate.rotationRange = 20;
        doc()->setAugmentation(rotate);
        QVERIFY(aug->editor("fill_mode")->isEnabled());
        QVERIFY(!aug->editor("cval")->isEnabled());
        QVERIFY2(aug->editor("cval")->toolTip().contains("not constant"),
                 qPrintable(aug->editor("cval")->toolTip()));
        rotate.fillMode = cs::FillMode::Constant;
        doc()->setAugmentation(rotate);
        QVERIFY(aug->editor("cval")->isEnabled());

        // One folder of three classes: validation_split cuts it; binary labels do not apply.
        const QString three = uitest::tempDir() + "/three-classes";
        for (const char* cls : {"a", "b", "c"})
            for (int i = 0; i < 4; ++i) {
                QDir().mkpath(three + "/" + cls);
                QImage image(8, 8, QImage::Format_RGB888);
                image.fill(QColor(40 * i, 0, 0));
                QVERIFY(image.save(QString("%1/%2/%3.png").arg(three, cls).arg(i)));
            }
        open(three, 150, cs::ColorMode::Rgb, cs::ClassMode::Categorical);
        QVERIFY(split->isEnabled());
        auto* mode = qobject_cast<QComboBox*>(source->editor("class_mode"));
        QStandardItem* binary = qobject_cast<QStandardItemModel*>(mode->model())->item(2);
        QCOMPARE(binary->text(), QString("binary"));
        QVERIFY(!binary->isEnabled());
        QVERIFY2(binary->toolTip().contains("this data set has 3"), qPrintable(binary->toolTip()));

        // Fashion-MNIST (IDX): the Train page's validation_split is its validation data.
        ProjectContent idx = ProjectDocument::defaultProject();
        idx.settings.data.folder = uitest::fashionMnistDir().toStdString();
        doc()->load(idx, {});
        waitForData();
        QVERIFY(trainSplit->isEnabled());
    }
};

UI_TEST_CLASS(DataFitPageTest);
#include "test_data_fit_page.moc"
