// The window fits a 1280-pixel screen (issues 14 and 15), in English and in Spanish (whose
// strings run ~25% longer), on every page, with the first-start panel open, with a skip
// connection (the summary's "Connected to" column) and long layer names. Names too long for
// the summary are elided in the middle with the whole name in the tooltip; numbers never are.
#include "tests/ui/ui_test_support.h"
#include "tests/ui/window_width_check.h"

#include "ui/classify/classify_page.h"
#include "ui/classify/folder_classifier_panel.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/loaded_dataset.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/editor/model_editor_page.h"
#include "ui/editor/summary_table.h"
#include "ui/window/language.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/current_model.h"
#include "ui/training/model_snapshot.h"
#include "ui/training/train_page.h"
#include "ui/window/elided_label.h"
#include "ui/window/main_window.h"
#include "ui/window/status_bar.h"

#include "engine/io/json.h"
#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace ui;

class WindowWidthTest : public QObject {
    Q_OBJECT

    std::unique_ptr<QTranslator> translator_;
    std::unique_ptr<MainWindow> window_;

    // Every page in turn, each after its events settle (the summary fits its columns late).
    QString firstPageTooWide() {
        for (int p = 0; p < MainWindow::PageCount; ++p) {
            window_->showPage(MainWindow::Page(p));
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            const QString problem = uitest::tooWideFor1280(window_.get());
            if (!problem.isEmpty()) return window_->pages()->tabText(p) + ": " + problem;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString("en");
        QTest::newRow("Spanish") << QString("es");
    }

    void init() {
        QFETCH_GLOBAL(QString, language);
        if (language != "en") {
            translator_ = std::make_unique<QTranslator>();
            QVERIFY(translator_->load(translationFile(language)));
            QVERIFY(QCoreApplication::installTranslator(translator_.get()));
        }
        StartupOptions options;
        options.restoreSession = false;
        window_ = std::make_unique<MainWindow>(options);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        if (window_) window_->document()->undoStack()->setClean();
        window_.reset();
        if (translator_) QCoreApplication::removeTranslator(translator_.get());
        translator_.reset();
    }

    void everyPageFitsWithTheFirstStartPanel() {
        window_->gettingStartedAction()->trigger();
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // At 1280x800 every wrapped text on every page has the height its lines need (a note in
    // a form could be given the height of fewer lines and show their middles cut), and every
    // combo box's choices fit it (Spanish "Correlación cruzada (Conv2D)" was cut).
    void noTextIsCutShort() {
        window_->resize(1280, 800);
        QStringList cut;
        for (int p = 0; p < MainWindow::PageCount; ++p) {
            window_->showPage(MainWindow::Page(p));
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            for (const QString& problem : {uitest::cutWrappedText(window_->pages()->widget(p)),
                                           uitest::cutComboText(window_->pages()->widget(p))})
                if (!problem.isEmpty()) cut << window_->pages()->tabText(p) + ": " + problem;
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join("\n")));
    }

    void aSkipConnectionAndLongNamesStillFit() {
        ProjectDocument* doc = window_->document();
        const QString add = doc->insertLayer("Add", {"conv2d", "max_pooling2d"});
        doc->insertLayer("Activation", {"conv2d", add.toStdString()});
        QVERIFY(doc->connectLayers("conv2d", add));
        QVERIFY(doc->renameLayer("max_pooling2d", "max_pooling2d_after_the_first_convolution"));
        QVERIFY(doc->report().summary.functional);
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // In the narrowest window the numbers are whole and a name cut short is in its tooltip.
        window_->showPage(MainWindow::ModelPage);
        window_->resize(window_->minimumSizeHint().width(), 800);
        QCoreApplication::processEvents();
        const QTableView* view = window_->modelPage()->summary()->view();
        const QAbstractItemModel* model = view->model();
        QCOMPARE(model->columnCount(), 4);
        const QFontMetrics numbers(model->index(0, 2).data(Qt::FontRole).value<QFont>().resolve(view->font()));
        bool elided = false;
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c : {1, 2}) {
                const QString text = model->index(r, c).data().toString();
                QVERIFY2(numbers.horizontalAdvance(text) < view->columnWidth(c),
                         qPrintable(QString("row %1 column %2 '%3' in %4 px").arg(r).arg(c).arg(text)
                                        .arg(view->columnWidth(c))));
            }
            const QString name = model->index(r, 0).data().toString();
            if (view->fontMetrics().horizontalAdvance(name) >= view->columnWidth(0)) {
                elided = true;
                QCOMPARE(model->index(r, 0).data(Qt::ToolTipRole).toString(), name);
            }
        }
        QVERIFY(elided); // the long name did not fit: the case this test is about
        QVERIFY(view->columnViewportPosition(3) + view->columnWidth(3) <= view->viewport()->width());
    }

    // A data set in a deep folder: its line in the status bar gives way (cut with "…", the
    // whole in the tooltip) rather than widen the window.
    void aLongDataSetLineInTheStatusBarStillFits() {
        const QString path = "/home/alumna/Documentos/curso-redes-convolucionales/capitulo-8/"
                             "datos/perros-y-gatos-fotografias-originales-de-la-clase/" +
                             QString("subcarpeta/").repeated(8);
        window_->statusWidgets()->showDataLoading(path);
        QVERIFY(window_->statusWidgets()->dataText().contains(path)); // the whole, for whoever asks
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A finished Fashion-MNIST evaluation: ten classes, counts up to 1,000 in the confusion
    // matrix beside the per-class report (its columns never cut: it scrolls instead).
    void aFullConfusionMatrixStillFits() {
        TestEvaluation e;
        e.done = true;
        e.split = "test";
        e.confusion = cs::ConfusionMatrix(10);
        for (int c = 0; c < 10; ++c)
            for (int k = 0; k < 1000; ++k) e.confusion.add(c, c);
        window_->trainPage()->confusionMatrix()->setEvaluation(
            e, {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"});
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A folder classified with one model, then another model trained: the folder's status
    // line names the folder (a long path) and says the table is from the earlier model.
    void aLongFolderStatusStillFits() {
        QTemporaryDir dir;
        const QString folder = dir.filePath("curso-redes-convolucionales/capitulo-8/fotografias-de-prueba-"
                                            "tomadas-en-clase-para-clasificar-con-el-modelo");
        QVERIFY(QDir().mkpath(folder));
        QImage image(28, 28, QImage::Format_Grayscale8);
        image.fill(128);
        for (int i = 0; i < 3; ++i) QVERIFY(image.save(QDir(folder).filePath(QString("foto-%1.png").arg(i))));
        cs::Model model = cs::loadArchitectureFile(cs::presetPath("fashion_mnist_first_cnn"));
        model.build(3);
        std::vector<std::string> names;
        for (int c = 0; c < 10; ++c) names.push_back("class " + std::to_string(c));
        FolderClassifierPanel* panel = window_->classifyPage()->folderPanel();
        window_->currentModel()->setModel(makeSnapshot(model, names, {}, "run 1"));
        QSignalSpy finished(window_->classifyPage(), &ClassifyPage::folderFinished);
        panel->classifyFolder(folder, false);
        QVERIFY(finished.count() > 0 || finished.wait(600000));
        window_->currentModel()->setModel(makeSnapshot(model, names, {}, "run 2"));
        QVERIFY2(panel->statusText().contains("curso-redes"), qPrintable(panel->statusText()));
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // At 1280 pixels the path gives way in the middle; both ends and the tooltip stay whole.
        window_->showPage(MainWindow::ClassifyPage);
        window_->resize(1280, 800);
        QCoreApplication::processEvents();
        auto* status = panel->findChild<ElidedLabel*>("folderStatus");
        QVERIFY(status && status->isVisible());
        QVERIFY(status->isElided());
        QVERIFY2(status->text().startsWith(panel->statusText().left(8)) &&
                     status->text().endsWith(panel->statusText().right(8)),
                 qPrintable(status->text()));
        QCOMPARE(status->toolTip(), panel->statusText());
    }

    // The course's cats-vs-dogs network on its folder loaded at 64x64 with categorical labels:
    // the Data page's fit strip and the Model page's issue bar, with their long messages and
    // fix buttons, in both languages.
    void aDataMismatchWithItsFixesStillFits() {
        const QString cats = QString(CONVSTUDIO_SOURCE_DIR) + "/../shared/datasets/cats_and_dogs_filtered";
        QVERIFY2(QDir(cats).exists(), qPrintable(cats + " is missing (../shared/datasets)"));
        ProjectContent content;
        content.graph = ModelGraph::fromJson(cs::json::parseFile(presetPath("cats_vs_dogs_150")));
        DataSettings& d = content.settings.data;
        d.kind = cs::DatasetKind::ImageFolders;
        d.folder = cats.toStdString();
        d.imageFolders.height = d.imageFolders.width = 64;
        d.imageFolders.classMode = cs::ClassMode::Categorical;
        window_->document()->load(content, {});
        DatasetController* data = window_->datasetController();
        QTRY_VERIFY_WITH_TIMEOUT(!data->isLoading() && data->current() &&
                                     data->current()->settings() == window_->document()->settings().data,
                                 600000);
        QCOMPARE(window_->document()->report().warningCount, 2);
        // The status bar full: the data set's line, the model's warning, a finished run.
        TrainingStatus finished;
        finished.fraction = 1;
        finished.text = tr("trained %n epoch(s)", nullptr, 6) + " · val_accuracy 0.837";
        window_->statusWidgets()->showTraining(finished);
        const QString problem = firstPageTooWide();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

UI_TEST_CLASS(WindowWidthTest);
#include "test_window_width.moc"
