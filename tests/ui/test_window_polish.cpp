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
#include "ui/inspect/kernel_panel.h"
#include "ui/training/confusion_matrix_view.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"
#include "ui/window/theme.h"

#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionButton>
#include <QTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>
#include <cmath>

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
ModelSnapshotPtr presetSnapshot(const char* preset, int classes) {
    cs::Model m = cs::loadArchitectureFile(cs::presetPath(preset));
    m.build(3);
    std::vector<std::string> names;
    for (int i = 0; i < classes; ++i) names.push_back("class " + std::to_string(i));
    return makeSnapshot(m, names, {}, preset);
}

// WCAG's relative luminance and contrast ratio.
double luminance(QColor c) {
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(QColor a, QColor b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
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

    // A Fashion-MNIST test split gives counts up to 1000; squeezed, the matrix keeps them whole.
    void confusionMatrixCountsAreNeverCut() {
        ConfusionMatrixView view;
        TestEvaluation e;
        e.done = true;
        e.split = "test";
        e.confusion = cs::ConfusionMatrix(10);
        for (int c = 0; c < 10; ++c)
            for (int k = 0; k < 1000 - 13 * c; ++k) e.confusion.add(c, c);
        view.setEvaluation(e, {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                               "Sneaker", "Bag", "Ankle boot"});
        view.resize(220, 300); // a narrow pane: the matrix scrolls sideways instead
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QApplication::processEvents();
        QVERIFY2(clippedCell(&view).isEmpty(), qPrintable(clippedCell(&view)));
        QVERIFY(view.horizontalScrollBar()->isVisible());
        QVERIFY(view.minimumSizeHint().width() < 220); // and does not widen the window
        // Wide enough, the columns share the width and nothing scrolls.
        view.resize(900, 400);
        QApplication::processEvents();
        QVERIFY2(clippedCell(&view).isEmpty(), qPrintable(clippedCell(&view)));
        QVERIFY(!view.horizontalScrollBar()->isVisible());
    }

    void playgroundSizesAreWidthByHeight() {
        window_->showPage(MainWindow::PlaygroundPage);
        auto* rows = window_->findChild<QSpinBox*>("inputRows");
        auto* cols = window_->findChild<QSpinBox*>("inputCols");
        QVERIFY(rows && cols);
        // The width comes first on screen too.
        QVERIFY(cols->mapTo(window_.get(), QPoint()).x() < rows->mapTo(window_.get(), QPoint()).x());
        // The Convolution operation (the page restores whichever was chosen last).
        for (QTabWidget* tabs : window_->findChildren<QTabWidget*>())
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i) == "Convolution") tabs->setCurrentIndex(i);
        QApplication::processEvents();
        auto visible = [this](const char* name) -> QSpinBox* {
            for (QSpinBox* box : window_->findChildren<QSpinBox*>(name))
                if (box->isVisible()) return box; // the convolution's, not the hidden pooling's
            return nullptr;
        };
        QSpinBox* strideRows = visible("strideRows");
        QSpinBox* strideCols = visible("strideCols");
        QVERIFY(strideRows && strideCols);
        QVERIFY(strideCols->mapTo(window_.get(), QPoint()).x() < strideRows->mapTo(window_.get(), QPoint()).x());
        rows->setValue(4);
        cols->setValue(7); // 7 wide, 4 high
        auto* shape = window_->findChild<QLabel*>("outputShapeLabel");
        QTRY_VERIFY_WITH_TIMEOUT(shape->text().startsWith("7×4 input"), kHang);
        auto* output = window_->findChild<QTableWidget*>("outputMatrix");
        QVERIFY(output && output->columnCount() != output->rowCount());
        const QString size = QString("output %1×%2").arg(output->columnCount()).arg(output->rowCount());
        QVERIFY2(shape->text().contains("3×3 kernel") && shape->text().endsWith(size), qPrintable(shape->text()));
        auto* arithmetic = window_->findChild<QLabel*>("arithmeticLabel");
        QVERIFY(arithmetic->text().indexOf("width (columns)") < arithmetic->text().indexOf("height (rows)"));
    }

    void kernelChannelListFollowsTheLayer() {
        KernelPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSnapshot(presetSnapshot("fashion_mnist_first_cnn", 10));
        QCOMPARE(panel.channelCombo()->count(), 1); // one grey input channel
        QCOMPARE(panel.channelCombo()->currentText(), QString("Channel 0"));
        // Another model whose first layer has the same name but reads 3 colour channels.
        panel.setSnapshot(presetSnapshot("cifar10_same_padding", 10));
        QStringList items;
        for (int i = 0; i < panel.channelCombo()->count(); ++i) items << panel.channelCombo()->itemText(i);
        QCOMPARE(items, (QStringList{"As RGB colour", "All 3 channels", "Channel 0", "Channel 1", "Channel 2"}));
        QCOMPARE(panel.channelCombo()->currentText(), QString("As RGB colour"));
        QVERIFY(QTest::qWaitFor([&] { return !panel.isBusy(); }, kHang));
    }

    // View > Theme switches while the window is open: every label follows (a label inside a
    // style-sheeted banner kept the dark theme's white text on the light background).
    void switchingThemesLeavesNoTextInTheOldColours() {
        applyTheme(Theme::Light);
        window_->showPage(MainWindow::DataPageIndex);
        applyTheme(Theme::Dark);
        QApplication::processEvents();
        applyTheme(Theme::Light);
        QApplication::processEvents();
        const QPalette app = QApplication::palette();
        QStringList stale;
        for (QLabel* label : window_->findChildren<QLabel*>()) {
            if (!label->styleSheet().isEmpty()) continue; // its own style sheet picks its colour on purpose
            const QPalette::ColorGroup group = label->isEnabled() ? QPalette::Active : QPalette::Disabled;
            const QColor colour = label->palette().color(group, QPalette::WindowText);
            if (colour != app.color(group, QPalette::WindowText))
                stale << QString("'%1' %2").arg(label->text().left(40), colour.name());
        }
        applyTheme(Theme::System);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join("; ")));
    }

    void uncheckedBoxesAreVisibleInTheDarkTheme() {
        applyTheme(Theme::Dark);
        QCheckBox box("use_bias");
        box.setChecked(false);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        const QImage shot = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        const QColor window = box.palette().color(QPalette::Window);
        double best = 1;
        const qreal dpr = shot.devicePixelRatio();
        for (int y = int(indicator.top() * dpr); y <= int(indicator.bottom() * dpr); ++y)
            for (int x = int(indicator.left() * dpr); x <= int(indicator.right() * dpr); ++x)
                best = std::max(best, contrast(shot.pixelColor(x, y), window));
        applyTheme(Theme::System);
        QVERIFY2(best >= 3.0, qPrintable(QString("the box's outline has contrast %1:1").arg(best)));
    }

    void quittingMentionsAnUnsavedTrainedModel() {
        window_->trainPage()->setJobOptions({400, 100, true});
        QSignalSpy finished(window_->trainingController(), &TrainingController::finished);
        QVERIFY(window_->trainPage()->start());
        QVERIFY(finished.wait(kHang));
        ProjectActions* actions = window_->projectActions();
        window_->document()->undoStack()->setClean();
        QVERIFY(actions->unsavedText(false).isEmpty()); // New or Open keep the run (its history stays)
        const QString text = actions->unsavedText(true);
        QVERIFY2(text.contains("The trained model (run 1, "), qPrintable(text));

        // Closing asks, with that text; Cancel keeps the window.
        QString asked;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return;
            asked = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!window_->close());
        QVERIFY(window_->isVisible());
        QCOMPARE(asked, text);

        const QString path = QDir(uitest::tempDir()).filePath("polish.safetensors");
        QVERIFY(window_->trainPage()->saveModel(path));
        QVERIFY(actions->unsavedText(true).isEmpty()); // saved: nothing would be lost
    }
};

UI_TEST_CLASS(WindowPolishTest);
#include "test_window_polish.moc"
