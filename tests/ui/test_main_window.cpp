// The main window on first start: the course's first CNN and Fashion-MNIST,
// six pages, every course preset in the menu, the status bar, undo in the title.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"
#include "ui/window/status_bar.h"

#include <QAction>
#include <QMenu>
#include <QTabWidget>
#include <QtTest>

using namespace ui;

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstStartShowsTheCourseModelAndFashionMnist() {
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pages()->count(), 6);
        const QStringList titles = {"Model", "Data", "Train", "Inspect", "Classify", "Playground"};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(window.pages()->tabText(i), titles[i]);
        QCOMPARE(QString::fromStdString(window.document()->graph().name), QString(kDefaultPreset));
        QVERIFY(window.document()->report().valid());
        QVERIFY(window.windowTitle().contains("fashion_mnist_first_cnn"));

        QTRY_VERIFY_WITH_TIMEOUT(window.datasetController()->current() != nullptr, 600000);
        QCOMPARE(window.document()->dataShape().classCount, 10);
        QVERIFY(window.statusWidgets()->dataText().contains("Fashion-MNIST"));
        QVERIFY(window.statusWidgets()->modelText().contains(withThousandsText(window)));
        QCOMPARE(window.document()->report().warningCount, 0); // the model fits the data

        QCOMPARE(window.projectActions()->presetMenu()->actions().size(),
                 int(listPresets().size()));
        // Listed by the course's lesson titles, each with its line of description.
        QStringList texts;
        for (QAction* a : window.projectActions()->presetMenu()->actions()) {
            texts << a->text();
            QVERIFY(!a->data().toString().isEmpty());
        }
        QVERIFY2(texts.contains("Entrenando nuestra primera red convolucional — the course's first CNN on "
                                "Fashion-MNIST (28x28 grey, 10 classes)"),
                 qPrintable(texts.join(" | ")));
        for (const QString& t : texts) QVERIFY2(!t.contains('_'), qPrintable(t)); // no file names
        window.document()->setLayerAttribute("dense_1", "units", 7);
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.document()->report().warningCount, 1); // 7 outputs, 10 classes
        window.document()->undoStack()->undo();
        QVERIFY(!window.isWindowModified());
        window.showPage(MainWindow::DataPageIndex);
        QCOMPARE(window.pages()->currentIndex(), 1);
    }

private:
    static QString withThousandsText(const MainWindow& window) {
        return QString::fromStdString(
            cs::withThousands(window.document()->report().totalParameters));
    }
};

UI_TEST_CLASS(MainWindowTest);
#include "test_main_window.moc"
