// Help > Lessons: every lesson file is complete in English and Spanish, and
// every "Try it" step, clicked in the real panel of a real window, puts the
// window into the state the lesson file describes (checked here from the
// window itself, not from the step runner). Project changes undo as one step
// each; progress and language survive a restart; a broken file is named.
#include "tests/ui/ui_test_support.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/io/json.h"
#include "engine/tools/convolution_playground.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/document/project_file.h"
#include "ui/lessons/lesson_library.h"
#include "ui/lessons/lesson_steps.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/playground/convolution_panel.h"
#include "ui/playground/input_panel.h"
#include "ui/playground/playground_page.h"
#include "ui/playground/pooling_panel.h"
#include "ui/window/main_window.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ui;

namespace {

cs::Json engineJson(const QJsonValue& v) {
    return cs::json::parse(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).toStdString())[0];
}

// Every member of `wanted` (recursively) has the same value in `actual`.
void expectSubset(const cs::Json& wanted, const cs::Json& actual, const std::string& where) {
    if (wanted.is_object()) {
        QVERIFY2(actual.is_object(), where.c_str());
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            QVERIFY2(actual.contains(it.key()), (where + "." + it.key() + " missing").c_str());
            expectSubset(it.value(), actual[it.key()], where + "." + it.key());
            if (QTest::currentTestFailed()) return;
        }
    } else if (wanted.is_number()) {
        QVERIFY2(actual.is_number(), where.c_str());
        QCOMPARE(actual.get<double>(), wanted.get<double>());
    } else {
        QVERIFY2(actual == wanted, (where + ": " + actual.dump() + " != " + wanted.dump()).c_str());
    }
}

QString pageName(int index) {
    return QStringList{"model", "data", "train", "inspect", "classify", "playground"}.value(index);
}

// What the window shows after the step, read from the window's own widgets and document.
void expectState(MainWindow& w, const LessonStep& step) {
    const QJsonObject& a = step.arguments;
    const ProjectSettings& settings = w.document()->settings();
    if (step.action == "page") {
        QCOMPARE(pageName(w.pages()->currentIndex()), a.value("page").toString());
    } else if (step.action == "preset") {
        const std::string path = presetPath(a.value("preset").toString().toStdString());
        QVERIFY(w.document()->graph() == readProjectFile(path).graph);
        QCOMPARE(w.pages()->currentIndex(), int(MainWindow::ModelPage));
    } else if (step.action == "dataset") {
        const QString folder = QString::fromStdString(settings.data.folder);
        if (a.value("folder").toString() == "fashion-mnist")
            QCOMPARE(folder, QString(cs::kDefaultDatasetDir));
        else
            QCOMPARE(QDir(folder).dirName(), a.value("folder").toString());
        expectSubset(engineJson(a.value("data")), settings.data.toJson(), "data");
    } else if (step.action == "training") {
        expectSubset(engineJson(a.value("settings")), settings.training.toJson(), "training");
    } else if (step.action == "augmentation") {
        // The whole set: what the lesson names, nothing else (read as Keras reads it: a zoom_range
        // of 0.2 means [0.8, 1.2]).
        const cs::Json wanted = cs::AugmentationOptions::fromJson(engineJson(a.value("settings"))).toJson();
        QVERIFY2(settings.augmentation.toJson() == wanted, settings.augmentation.toJson().dump().c_str());
    } else if (step.action == "select") {
        QCOMPARE(w.document()->focusedLayer(), a.value("layer").toString());
    } else if (step.action == "playground") {
        PlaygroundPage* page = w.playgroundPage();
        QCOMPARE(w.pages()->currentIndex(), int(MainWindow::PlaygroundPage));
        const bool pooling = a.value("mode").toString() == "pooling";
        QCOMPARE(page->poolingMode(), pooling);
        QCOMPARE(page->input()->imageMode(), a.value("input").toString() == "photo");
        if (a.value("input").toString() == "photo") QVERIFY(!page->input()->image().isNull());
        if (pooling) {
            const QJsonObject p = a.value("pool").toObject();
            const cs::PoolingSettings s = page->pooling()->settings();
            QCOMPARE(s.kind, cs::poolingKindFromName(p.value("kind").toString().toStdString()));
            QCOMPARE(s.poolRows, p.value("size").toArray().at(0).toInt());
            QCOMPARE(s.strideCols, p.value("strides").toArray().at(1).toInt());
        } else {
            const cs::ConvolutionSettings s = page->convolution()->settings();
            QCOMPARE(QString::fromStdString(cs::paddingModeName(s.padding)), a.value("padding").toString());
            QCOMPARE(s.strideRows, a.value("strides").toArray().at(0).toInt());
            QCOMPARE(s.strideCols, a.value("strides").toArray().at(1).toInt());
            for (const cs::KernelPreset& k : cs::kernelPresets())
                if (QString::fromStdString(k.name) == a.value("kernel").toString())
                    QVERIFY(page->convolution()->kernel() == k.kernel);
        }
        // The page computed the lesson's picture (or matrix), not an error.
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 120000);
        QVERIFY2(page->result().error.isEmpty(), qPrintable(page->result().error));
    } else {
        QFAIL(qPrintable("no check for the action " + step.action));
    }
}

} // namespace

class LessonsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        QSettings().remove("lessons");
        // The course's other data sets, where the repository's tests keep them.
        qputenv("CONVSTUDIO_DATASETS", CONVSTUDIO_SOURCE_DIR "/../shared/datasets");
    }

    void everyLessonIsCompleteInBothLanguages() {
        const std::vector<Lesson> lessons = loadLessons();
        QCOMPARE(int(lessons.size()), 15);
        QSet<QString> ids, chapters;
        for (size_t i = 0; i < lessons.size(); ++i) {
            const Lesson& l = lessons[i];
            QCOMPARE(l.order, int(i) + 1);
            ids << l.id;
            chapters << l.chapter;
            for (const QString& language : lessonLanguages()) {
                QVERIFY2(l.bodyIn(language).size() > 300, qPrintable(l.id + " " + language)); // paragraphs
                for (int s = 0; s < int(l.steps.size()); ++s)
                    QVERIFY(!l.stepIn(s, language).isEmpty());
            }
            QVERIFY2(l.bodyIn("es") != l.bodyIn("en"), qPrintable(l.id)); // translated, not copied
            for (const LessonStep& s : l.steps)
                QVERIFY2(lessonActions().contains(s.action), qPrintable(l.id + ": " + s.action));
        }
        QCOMPARE(ids.size(), int(lessons.size()));
        QCOMPARE(chapters.size(), int(lessons.size())); // one lesson per chapter
        // The course's PyTorch model of its first CNN lesson is a preset.
        QVERIFY(!presetPath("cifar10_simple_cnn").empty());
    }

    void everyTryItStepPutsTheWindowIntoTheLessonsState() {
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.lessonsAction()->trigger(); // Help > Lessons
        LessonsPanel* panel = window.lessonsPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(int(panel->lessons().size()), 15);

        QUndoStack* undo = window.document()->undoStack();
        for (int l = 0; l < int(panel->lessons().size()); ++l) {
            panel->showLesson(l);
            const Lesson& lesson = panel->lessons()[size_t(l)];
            const int undoBefore = undo->index();
            const ModelGraph graphBefore = window.document()->graph();
            const cs::Json settingsBefore = window.document()->settings().toJson();
            int projectSteps = 0;
            for (int s = 0; s < int(lesson.steps.size()); ++s) {
                const LessonStep& step = lesson.steps[size_t(s)];
                const QString where = lesson.id + " step " + QString::number(s + 1);
                QPushButton* button = panel->stepButton(s);
                QVERIFY2(button && button->isVisible(), qPrintable(where));
                // Laid out as a person would find it (the rows are made when the lesson is shown,
                // and get their height at the layout's next pass): a click lands on the button.
                QTRY_VERIFY2(button->height() >= button->minimumSizeHint().height(), qPrintable(where));
                const int undoIndex = undo->index();
                const ModelGraph graph = window.document()->graph();
                const cs::Json projectSettings = window.document()->settings().toJson();
                QTest::mouseClick(button, Qt::LeftButton);
                QVERIFY2(panel->statusText() == QString("Step %1 done.").arg(s + 1),
                         qPrintable(where + ": " + panel->statusText()));
                expectState(window, step);
                if (QTest::currentTestFailed()) qWarning("failed at %s", qPrintable(where));
                if (QTest::currentTestFailed()) return;
                // A change to the project is one undo step (a step that finds the project already
                // so changes nothing); the page and the Playground are not project state.
                const bool changed = !(graph == window.document()->graph()) ||
                                     !(projectSettings == window.document()->settings().toJson());
                QVERIFY2(undo->index() == undoIndex + (changed ? 1 : 0), qPrintable(where));
                if (changed) ++projectSteps;
                if (!QStringList{"preset", "dataset", "training", "augmentation"}.contains(step.action))
                    QVERIFY2(!changed, qPrintable(where));
            }
            // Undoing the lesson's steps gives back the project as it was.
            for (int i = 0; i < projectSteps; ++i) undo->undo();
            QCOMPARE(undo->index(), undoBefore);
            QVERIFY2(window.document()->graph() == graphBefore, qPrintable(lesson.id));
            QVERIFY2(window.document()->settings().toJson() == settingsBefore, qPrintable(lesson.id));
            for (int i = 0; i < projectSteps; ++i) undo->redo(); // on to the next lesson from here
        }
    }

    void aMissingDataSetIsNamedAndChangesNothing() {
        qputenv("CONVSTUDIO_DATASETS", qPrintable(uitest::tempDir() + "/no-datasets-here"));
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        const cs::Json before = window.document()->settings().toJson();
        LessonStep step;
        step.action = "dataset";
        step.arguments = QJsonObject{{"folder", "cifar-10-batches-bin"}, {"data", QJsonObject{{"kind", "cifar10"}}}};
        const StepOutcome outcome = runLessonStep(window, step);
        QVERIFY(!outcome.done);
        QVERIFY2(outcome.message.contains("cifar-10-batches-bin") && outcome.message.contains("Data page"),
                 qPrintable(outcome.message));
        QVERIFY(window.document()->settings().toJson() == before);
        QCOMPARE(window.pages()->currentIndex(), int(MainWindow::DataPageIndex)); // where to choose it
    }

    void progressAndLanguageAreRemembered() {
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        {
            LessonsPanel panel(window);
            panel.showLesson(6);
            panel.setDone(panel.lessons()[2].id, true);
            panel.setLanguage("es");
        }
        LessonsPanel again(window);
        QCOMPARE(again.currentLesson(), 6);
        QVERIFY(again.isDone(again.lessons()[2].id));
        QVERIFY(!again.isDone(again.lessons()[6].id));
        QCOMPARE(again.language(), QString("es"));
        auto* list = again.findChild<QComboBox*>("lessonList");
        QVERIFY(list->itemText(2).endsWith(QString::fromUtf8("\u2713")));
        QVERIFY(list->itemText(6).contains(again.lessons()[6].titleIn("es")));
    }

    void aBrokenLessonFileIsNamed() {
        QTemporaryDir dir;
        QFile good(":/lessons/08-pooling.json");
        QVERIFY(good.open(QIODevice::ReadOnly));
        QJsonObject lesson = QJsonDocument::fromJson(good.readAll()).object();
        QJsonObject body = lesson.value("body").toObject();
        body.remove("es");
        lesson.insert("body", body);
        QFile missing(dir.filePath("no-spanish.json"));
        QVERIFY(missing.open(QIODevice::WriteOnly));
        missing.write(QJsonDocument(lesson).toJson());
        missing.close();
        try {
            loadLessons(dir.path());
            QFAIL("a lesson without its Spanish text was accepted");
        } catch (const cs::FormatError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains("no-spanish.json") && m.contains("\"body\"") && m.contains("\"es\""), qPrintable(m));
        }
        QVERIFY(QFile::remove(missing.fileName()));
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"order\": 1, \"chapter\": ");
        broken.close();
        StartupOptions options;
        options.restoreSession = false;
        MainWindow window(options);
        LessonsPanel panel(window, dir.path());
        QVERIFY(panel.lessons().empty());
        QVERIFY2(panel.statusText().contains("broken.json") && panel.statusText().contains("not valid JSON"),
                 qPrintable(panel.statusText()));
    }
};

UI_TEST_CLASS(LessonsTest);
#include "test_lessons.moc"
