// The window fits a 1280-pixel screen (issues 14 and 15), in English and in Spanish (whose
// strings run ~25% longer), on every page, with the first-start panel open, with a skip
// connection (the summary's "Connected to" column) and long layer names. Names too long for
// the summary are elided in the middle with the whole name in the tooltip; numbers never are.
#include "tests/ui/ui_test_support.h"
#include "tests/ui/window_width_check.h"

#include "ui/document/project_document.h"
#include "ui/editor/model_editor_page.h"
#include "ui/editor/summary_table.h"
#include "ui/window/language.h"
#include "ui/window/main_window.h"

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
};

UI_TEST_CLASS(WindowWidthTest);
#include "test_window_width.moc"
