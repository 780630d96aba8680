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
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
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

    // A file named on the command line that cannot be opened: the window still
    // starts, and says why in a box once it is on screen (before, the message
    // went to the terminal only, which a double-click on a file does not show).
    void aBrokenFileOnTheCommandLineIsExplainedOnScreen() {
        StartupOptions options;
        options.restoreSession = false;
        options.fileToOpen =
            QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/weights_only.h5";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("weights_only.h5"));
        MainWindow window(options);
        QVERIFY(window.findChildren<QMessageBox*>().isEmpty()); // not before it is shown
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
        QCOMPARE(boxes.size(), 1);
        QVERIFY2(boxes[0]->text().contains(options.fileToOpen) &&
                     boxes[0]->text().contains("no 'model_config' attribute"),
                 qPrintable(boxes[0]->text()));
        QVERIFY(boxes[0]->isVisible());
        QCOMPARE(QString::fromStdString(window.document()->graph().name), QString(kDefaultPreset));
        boxes[0]->accept();
        QTRY_VERIFY(window.findChildren<QMessageBox*>().isEmpty()); // deleted on close
    }

    // A size saved on a larger screen is fitted to this one.
    void aSavedSizeLargerThanTheScreenIsFitted() {
        const QRect screen = QApplication::primaryScreen()->availableGeometry();
        StartupOptions options;
        options.restoreSession = false;
        {
            MainWindow big(options);
            big.setGeometry(QRect(screen.topLeft(), screen.size() + QSize(300, 200)));
            QSettings().setValue("window/geometry", big.saveGeometry());
        }
        MainWindow window(options);
        QVERIFY2(window.width() <= screen.width() && window.height() <= screen.height(),
                 qPrintable(QString("%1x%2 on %3x%4")
                                .arg(window.width())
                                .arg(window.height())
                                .arg(screen.width())
                                .arg(screen.height())));
        QSettings().remove("window/geometry");
    }

private:
    static QString withThousandsText(const MainWindow& window) {
        return QString::fromStdString(
            cs::withThousands(window.document()->report().totalParameters));
    }
};

UI_TEST_CLASS(MainWindowTest);
#include "test_main_window.moc"
