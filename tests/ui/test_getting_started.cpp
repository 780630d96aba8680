// Getting started (issue 14, item 7): F1 opens the user guide shipped inside
// the app, with its headings, every picture it shows, working #section links
// and external links handed to the desktop's browser; the first start shows
// a panel of next steps on the Model page whose buttons do what they say,
// closing it is remembered, and Help > Getting Started brings it back.
// Settings are QtTest's (test mode, organisation ConvStudioTests); each test
// starts as a first start by removing the panel's key.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/editor/layer_palette.h"
#include "ui/editor/model_editor_page.h"
#include "ui/help/getting_started_panel.h"
#include "ui/help/user_guide_window.h"
#include "ui/training/training_controller.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>

using namespace ui;

// Stands in for the desktop's web browser (QDesktopServices::setUrlHandler).
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

class GettingStartedTest : public QObject {
    Q_OBJECT

    static StartupOptions fresh() {
        StartupOptions options;
        options.restoreSession = false;
        options.page = MainWindow::ModelPage;
        return options;
    }

    // The pictures the guide's Markdown links to, read from the source tree.
    static QStringList guideImages() {
        QFile file(QStringLiteral(CONVSTUDIO_SOURCE_DIR "/docs/user-guide.md"));
        if (!file.open(QIODevice::ReadOnly)) return {};
        QStringList names;
        static const QRegularExpression image(R"(!\[[^\]]*\]\((images/[^)]+)\))");
        for (auto it = image.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();)
            names << it.next().captured(1);
        return names;
    }

    static QTextBlock heading(const QTextDocument* document, const QString& text) {
        for (QTextBlock b = document->begin(); b.isValid(); b = b.next())
            if (b.blockFormat().headingLevel() > 0 && b.text() == text) return b;
        return {};
    }

private Q_SLOTS:
    void init() { QSettings().remove(GettingStartedPanel::kDismissedKey); }
    void cleanup() { QSettings().remove(GettingStartedPanel::kDismissedKey); }

    void f1OpensTheShippedGuideWithItsPictures() {
        MainWindow window(fresh());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.userGuideAction()->shortcut(), QKeySequence(Qt::Key_F1));
        QVERIFY(!window.userGuide() || !window.userGuide()->isVisible());
        QTest::keyClick(&window, Qt::Key_F1);
        UserGuideWindow* guide = window.userGuide();
        QVERIFY(guide);
        QVERIFY(QTest::qWaitForWindowExposed(guide));
        QTextBrowser* browser = guide->browser();
        QCOMPARE(browser->source().fileName(), QString("user-guide.md"));

        const QStringList headings = guide->headings();
        for (const char* h : {"ConvStudio user guide", "Getting started", "Building a model",
                              "Training", "Keyboard shortcuts"})
            QVERIFY2(headings.contains(h), h);
        // Every picture the guide shows is shipped with it and loads.
        const QStringList wanted = guideImages();
        QVERIFY(wanted.size() >= 19);
        const QStringList shown = guide->imageNames();
        for (const QString& name : wanted) {
            QVERIFY2(shown.contains(name), qPrintable(name));
            QVERIFY2(!guide->image(name).isNull(), qPrintable(name));
        }

        // The pictures fit the window's width; nothing needs a horizontal scroll.
        guide->resize(700, 600);
        QTRY_VERIFY(browser->viewport()->width() < 700);
        for (const QString& name : wanted) {
            const qreal width = guide->imageFormat(name).width();
            QVERIFY2(width > 0 && width <= browser->viewport()->width(), qPrintable(name));
        }
        QCOMPARE(browser->horizontalScrollBar()->maximum(), 0);

        // A link to a section scrolls to its heading.
        QScrollBar* bar = browser->verticalScrollBar();
        QCOMPARE(bar->value(), 0);
        Q_EMIT browser->anchorClicked(QUrl("#training"));
        const QTextBlock training = heading(browser->document(), "Training");
        QVERIFY(training.isValid());
        const int top =
            qRound(browser->document()->documentLayout()->blockBoundingRect(training).top());
        QVERIFY(bar->value() > 0);
        QVERIFY2(qAbs(bar->value() - std::min(top, bar->maximum())) <= 2,
                 qPrintable(QString("%1 vs %2").arg(bar->value()).arg(top)));

        // Back returns to where the link was followed.
        QVERIFY(guide->backAction()->isEnabled());
        guide->backAction()->trigger();
        QCOMPARE(bar->value(), 0);
        QVERIFY(!guide->backAction()->isEnabled());
        Q_EMIT browser->anchorClicked(QUrl("#training"));

        // A link to another shipped page opens it inside, at its section.
        Q_EMIT browser->anchorClicked(QUrl("formats.md#limits"));
        QCOMPARE(browser->source().fileName(), QString("formats.md"));
        QVERIFY(guide->headings().contains("Limits"));
        QVERIFY(bar->value() > 0);
        guide->backAction()->trigger(); // back to the guide's Training section
        QCOMPARE(browser->source().fileName(), QString("user-guide.md"));
        QVERIFY(qAbs(bar->value() - std::min(top, bar->maximum())) <= 2);
        guide->showSection(); // back to the guide, at the top
        QCOMPARE(browser->source().fileName(), QString("user-guide.md"));
        QCOMPARE(bar->value(), 0);

        // A web link goes to the desktop's browser, not into the guide.
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler("https", &catcher, "open");
        Q_EMIT browser->anchorClicked(QUrl("https://example.org/convstudio"));
        QDesktopServices::unsetUrlHandler("https");
        QCOMPARE(catcher.urls, QList<QUrl>{QUrl("https://example.org/convstudio")});
        QCOMPARE(browser->source().fileName(), QString("user-guide.md"));

        // F1 again shows the same window.
        guide->hide();
        window.userGuideAction()->trigger();
        QCOMPARE(window.userGuide(), guide);
        QVERIFY(guide->isVisible());
    }

    void firstStartShowsThreeStepsThatDoWhatTheySay() {
        MainWindow window(fresh());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        GettingStartedPanel* panel = window.gettingStarted();
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        QVERIFY(window.modelPage()->isAncestorOf(panel));

        // 1: a course preset (File > New from Course Preset) or the palette.
        auto* presets = qobject_cast<QPushButton*>(panel->presetButton());
        QVERIFY(presets);
        QCOMPARE(presets->menu(), window.projectActions()->presetMenu()); // drops down on a click
        QTest::mouseClick(panel->paletteButton(), Qt::LeftButton);
        QVERIFY(window.modelPage()->palette()->search()->hasFocus());

        // 3: look inside and classify.
        QTest::mouseClick(panel->inspectButton(), Qt::LeftButton);
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::InspectPage));
        QTest::mouseClick(panel->classifyButton(), Qt::LeftButton);
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::ClassifyPage));
        window.showPage(MainWindow::ModelPage);

        // Lessons: Help > Lessons.
        QVERIFY(!window.lessonsAction()->isChecked());
        QTest::mouseClick(panel->lessonsButton(), Qt::LeftButton);
        QVERIFY(window.lessonsAction()->isChecked());
        QTest::mouseClick(panel->lessonsButton(), Qt::LeftButton); // shown stays shown
        QVERIFY(window.lessonsAction()->isChecked());

        // 2: train on the data set loaded at start (Fashion-MNIST).
        QTRY_VERIFY_WITH_TIMEOUT(window.datasetController()->current() != nullptr, 600000);
        QSignalSpy started(window.trainingController(), &TrainingController::started);
        QSignalSpy finished(window.trainingController(), &TrainingController::finished);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::TrainPage));
        QVERIFY(started.count() == 1 || started.wait(600000));
        window.trainingController()->stop();
        QVERIFY(finished.count() == 1 || finished.wait(600000));
    }

    void closingIsRememberedAndHelpBringsItBack() {
        {
            MainWindow window(fresh());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.gettingStarted()->isVisible());
            QTest::mouseClick(window.gettingStarted()->closeButton(), Qt::LeftButton);
            QVERIFY(!window.gettingStarted()->isVisible());
            QVERIFY(QSettings().value(GettingStartedPanel::kDismissedKey).toBool());
        }
        MainWindow window(fresh());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.gettingStarted()->isVisible());
        window.showPage(MainWindow::DataPageIndex);
        window.gettingStartedAction()->trigger(); // Help > Getting Started
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::ModelPage));
        QVERIFY(window.gettingStarted()->isVisible());
        QVERIFY(!QSettings().value(GettingStartedPanel::kDismissedKey).toBool());
    }
};

UI_TEST_CLASS(GettingStartedTest);
#include "test_getting_started.moc"
