// The Spanish interface (issue 15). TranslationFileTest reads
// translations/convstudio_es.ts: every entry translated (none unfinished,
// placeholders and plural forms kept, English copied only for identifiers) and
// none missing (lupdate run on the sources finds nothing the file lacks).
// SpanishInterfaceTest loads the Spanish translation, builds the real window,
// visits every page, menu and dock, trains a short run, and walks the widget
// tree: every string a person can see must read as Spanish (translation_check.h).
#include "tests/ui/translation_check.h"
#include "tests/ui/ui_test_support.h"
#include "tests/ui/window_width_check.h"

#include "ui/charts/bar_chart.h"
#include "ui/charts/line_chart.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/dataset_summary_panel.h"
#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_document.h"
#include "ui/document/project_file.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/model_editor_page.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_job.h"
#include "ui/training/training_settings_panel.h"
#include "ui/window/engine_text.h"
#include "ui/window/language.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"
#include "ui/window/status_bar.h"

#include "engine/core/errors.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/io/json.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/model.h"
#include "engine/model/model_analysis.h"
#include "engine/tools/convolution_playground.h"
#include "engine/training/csv_logger.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/optimizer.h"
#include "engine/training/trainer.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>
#include <cstring>
#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

using namespace ui;
using namespace uitest;

class TranslationFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEntryIsTranslated() {
        const TsFile ts = readTsFile(CONVSTUDIO_TS_FILE);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QVERIFY(ts.language.startsWith("es"));
        QVERIFY(ts.messages.size() > 500);
        QStringList problems;
        for (const TsMessage& m : ts.messages) {
            const QString where = m.context + " \"" + m.source.left(70) + "\": ";
            if (!m.type.isEmpty()) problems << where + m.type;
            const QStringList forms = m.numerus ? m.numerusForms : QStringList{m.translation};
            if (m.numerus && forms.size() != 2) problems << where + "Spanish has 2 plural forms";
            for (const QString& t : forms) {
                if (t.trimmed().isEmpty()) {
                    problems << where + "empty translation";
                    continue;
                }
                if (placeholdersOf(t) != placeholdersOf(m.source))
                    problems << where + "placeholders " + placeholdersOf(t).join(' ') +
                                    " instead of " + placeholdersOf(m.source).join(' ');
                if (t == m.source && !isAllowedIdentical(m.source))
                    problems << where + "left in English";
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable("\n" + problems.join('\n')));
    }

    // lupdate on today's sources: the .ts has every entry it finds (and no stale one).
    void noEntryIsMissing() {
        QTemporaryDir dir;
        const QString fresh = dir.filePath("fresh_es.ts");
        QProcess lupdate;
        lupdate.setWorkingDirectory(CONVSTUDIO_SOURCE_DIR);
        QStringList args = QString(CONVSTUDIO_LUPDATE_OPTIONS).split(' ', Qt::SkipEmptyParts);
        args << "-silent"
             << "-I" << CONVSTUDIO_SOURCE_DIR << "ui"
             << "engine" << "app/gui"
             << "-ts" << fresh;
        lupdate.start(CONVSTUDIO_LUPDATE, args);
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const TsFile found = readTsFile(fresh), kept = readTsFile(CONVSTUDIO_TS_FILE);
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QVERIFY(found.messages.size() > 500);
        QSet<QString> inFile, inSources;
        for (const TsMessage& m : kept.messages)
            inFile.insert(m.context + " | " + m.source);
        for (const TsMessage& m : found.messages)
            inSources.insert(m.context + " | " + m.source);
        QStringList missing = (inSources - inFile).values(), stale = (inFile - inSources).values();
        missing.sort();
        stale.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable("not in the .ts (cmake --build build --target update_translations, "
                            "then translate):\n" +
                            missing.join('\n')));
        QVERIFY2(stale.isEmpty(),
                 qPrintable("in the .ts but no longer in the sources:\n" + stale.join('\n')));
    }

    // The judge itself: English is caught, Spanish and identifiers pass.
    void judgeTellsEnglishFromSpanish() {
        const EnglishJudge judge(readTsFile(CONVSTUDIO_TS_FILE));
        QVERIFY(!judge.englishIn("Start Training").isEmpty());
        QVERIFY(!judge.englishIn("the model has problems (the Model page shows them)").isEmpty());
        QVERIFY(judge.englishIn("Iniciar entrenamiento").isEmpty());
        QVERIFY(judge.englishIn("Conv2D 32 3×3 relu").isEmpty());
        QVERIFY(judge.englishIn("kernel_size").isEmpty());
        QVERIFY(judge.englishIn("/usr/share/datasets/fashion-mnist").isEmpty());
    }
};

class SpanishInterfaceTest : public QObject {
    Q_OBJECT

    static constexpr int kHang = 300000; // only a hang takes this long

    std::unique_ptr<QTranslator> translator_;
    std::unique_ptr<EnglishJudge> judge_;
    std::unique_ptr<MainWindow> window_;
    std::map<QString, QString> english_; // text -> where it was seen and why it is English
    QStringList tooWide_;                 // pages that made the window wider than a 1280-pixel screen

    void check(const QString& text, const QObject* where, const char* what) {
        const QString plain = plainText(text).trimmed();
        if (plain.isEmpty() || english_.count(plain)) return;
        const QString why = judge_->englishIn(plain);
        if (why.isEmpty()) return;
        QString name = where ? QString::fromLatin1(where->metaObject()->className()) : QString();
        if (where && !where->objectName().isEmpty()) name += "#" + where->objectName();
        english_[plain] = QStringLiteral("%1 %2 (%3)").arg(name, what, why);
    }

    void checkAction(QAction* a) {
        if (a->isSeparator()) return;
        check(a->text(), a, "text");
        if (a->toolTip() != QString(a->text()).remove('&').remove(QStringLiteral("…")))
            check(a->toolTip(), a, "tooltip");
        check(a->statusTip(), a, "status tip");
        if (QMenu* menu = a->menu()) checkMenu(menu);
    }

    void checkMenu(QMenu* menu) {
        check(menu->title(), menu, "title");
        for (QAction* a : menu->actions())
            checkAction(a);
    }

    void checkView(QAbstractItemView* view) {
        QAbstractItemModel* model = view->model();
        if (!model) return;
        for (int c = 0; c < model->columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                check(model->headerData(c, Qt::Horizontal, role).toString(), view, "column header");
        // Cells: what the views write themselves (small tables; big ones are data).
        if (model->rowCount() * model->columnCount() > 400) return;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < model->rowCount(parent); ++r)
                for (int c = 0; c < model->columnCount(parent); ++c) {
                    const QModelIndex i = model->index(r, c, parent);
                    check(i.data(Qt::DisplayRole).toString(), view, "cell");
                    check(i.data(Qt::ToolTipRole).toString(), view, "cell tooltip");
                    check(i.data(Qt::StatusTipRole).toString(), view, "cell status tip");
                    if (c == 0 && model->hasChildren(i)) walk(i);
                }
        };
        walk(QModelIndex());
    }

    void checkWidget(QWidget* w) {
        check(w->toolTip(), w, "tooltip");
        check(w->statusTip(), w, "status tip");
        check(w->whatsThis(), w, "what's this");
        if (w->isWindow() || qobject_cast<QDockWidget*>(w)) check(w->windowTitle(), w, "title");
        if (auto* l = qobject_cast<QLabel*>(w)) check(l->text(), w, "text");
        if (auto* b = qobject_cast<QAbstractButton*>(w)) check(b->text(), w, "text");
        if (auto* g = qobject_cast<QGroupBox*>(w)) check(g->title(), w, "title");
        if (auto* e = qobject_cast<QLineEdit*>(w)) check(e->placeholderText(), w, "placeholder");
        if (auto* e = qobject_cast<QPlainTextEdit*>(w))
            check(e->placeholderText(), w, "placeholder");
        if (auto* e = qobject_cast<QTextEdit*>(w)) check(e->placeholderText(), w, "placeholder");
        if (auto* s = qobject_cast<QAbstractSpinBox*>(w))
            check(s->specialValueText(), w, "special value");
        if (auto* s = qobject_cast<QSpinBox*>(w)) check(s->suffix() + s->prefix(), w, "suffix");
        if (auto* s = qobject_cast<QDoubleSpinBox*>(w))
            check(s->suffix() + s->prefix(), w, "suffix");
        if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i) {
                check(t->tabText(i), w, "tab");
                check(t->tabToolTip(i), w, "tab tooltip");
            }
        if (auto* c = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i) {
                check(c->itemText(i), w, "item");
                check(c->itemData(i, Qt::ToolTipRole).toString(), w, "item tooltip");
            }
        if (auto* v = qobject_cast<QAbstractItemView*>(w)) checkView(v);
        if (auto* chart = qobject_cast<LineChart*>(w)) {
            for (const QString& t : chart->titles())
                check(t, w, "chart title");
            for (int s = 0; s < chart->seriesCount(); ++s)
                check(chart->seriesName(s), w, "series");
            for (int m = 0; m < chart->markerCount(); ++m)
                check(chart->markerLabel(m), w, "marker");
        }
        if (auto* chart = qobject_cast<BarChart*>(w))
            for (const QString& t : chart->titles())
                check(t, w, "chart title");
        if (auto* view = qobject_cast<QGraphicsView*>(w); view && view->scene())
            for (QGraphicsItem* item : view->scene()->items()) {
                check(item->toolTip(), w, "canvas tooltip");
                if (auto* block = dynamic_cast<LayerBlockItem*>(item)) {
                    check(block->content().settings, w, "block settings");
                    check(block->content().parameters, w, "block parameters");
                    check(block->content().problem, w, "block problem");
                }
            }
        for (QAction* a : w->actions())
            checkAction(a);
    }

    void walkWindow() {
        // Menus filled when shown (Export, recent files) rebuild their actions: fill them
        // all first, let the old actions go, then read.
        QList<QPointer<QMenu>> menus;
        for (QMenu* menu : window_->findChildren<QMenu*>()) menus << menu;
        for (const QPointer<QMenu>& menu : menus)
            if (menu) Q_EMIT menu->aboutToShow(); // may delete sub-menus filled before
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        check(window_->windowTitle(), window_.get(), "window title");
        check(window_->statusBar()->currentMessage(), window_->statusBar(), "status message");
        checkWidget(window_.get());
        for (QWidget* w : window_->findChildren<QWidget*>())
            checkWidget(w);
        for (QAction* a : window_->menuBar()->actions())
            checkAction(a);
        for (QAction* a : window_->findChildren<QAction*>())
            checkAction(a);
    }

    void walkEveryPage() {
        for (int p = 0; p < MainWindow::PageCount; ++p) {
            window_->showPage(MainWindow::Page(p));
            walkWindow();
            // Spanish runs ~25% longer: each page, during and after a run, still fits 1280 pixels.
            const QString wide = uitest::tooWideFor1280(window_.get());
            if (!wide.isEmpty()) tooWide_ << window_->pages()->tabText(p) + ": " + wide;
            for (const QString& cut : {uitest::cutWrappedText(window_->pages()->widget(p)),
                                       uitest::cutComboText(window_->pages()->widget(p))})
                if (!cut.isEmpty()) tooWide_ << window_->pages()->tabText(p) + ": " + cut;
        }
    }

private Q_SLOTS:
    void initTestCase() {
        judge_ = std::make_unique<EnglishJudge>(readTsFile(CONVSTUDIO_TS_FILE));
        // Keras's layer classes and their keys keep their names in Spanish (the course's too).
        QStringList identifiers;
        for (const cs::LayerSpec& spec : cs::layerSpecs()) {
            identifiers << QString::fromStdString(spec.className);
            for (const cs::AttributeSpec& a : spec.attributes)
                identifiers << QString::fromStdString(a.key);
        }
        // Keras's option values the window lists (monitor, interpolation, class_mode, fill_mode …)
        // and the Playground's kernel names, which the CLI and the lessons use too.
        identifiers << "val_loss" << "val_accuracy" << "loss" << "accuracy" << "rgb" << "grayscale"
                    << "auto" << "nearest" << "bilinear" << "bicubic" << "area" << "lanczos"
                    << "categorical" << "sparse" << "binary" << "constant" << "reflect" << "wrap";
        for (const cs::KernelPreset& k : cs::kernelPresets()) identifiers << QString::fromStdString(k.name);
        judge_->allowIdentifiers(identifiers);
        translator_ = std::make_unique<QTranslator>();
        QVERIFY(translator_->load(translationFile("es")));
        QVERIFY(QCoreApplication::installTranslator(translator_.get()));
        QSettings settings;
        settings.setValue("language", "es");
        settings.remove("lessons/language"); // the lessons follow the interface
    }

    void cleanupTestCase() {
        if (window_) window_->document()->undoStack()->setClean();
        window_.reset();
        QCoreApplication::removeTranslator(translator_.get());
        QSettings().remove("language");
    }

    void languageSettingChoosesSpanish() {
        QCOMPARE(languageSetting(), QString("es"));
        QCOMPARE(interfaceLanguage(), QString("es"));
        setLanguageSetting("system");
        QCOMPARE(languageSetting(), QString("system"));
        setLanguageSetting("es");
    }

    // Texts the engine makes (a model's problems, quick fixes, layer help) arrive in Spanish.
    void engineTextsAreTranslated() {
        const cs::UserText problem =
            CS_TEXT("cs::Model", "The output has %1 units but the data set has %2 classes")
                .arg(12)
                .arg(10);
        QCOMPARE(QString::fromStdString(problem.english()),
                 QString("The output has 12 units but the data set has 10 classes"));
        const QString shown = engineText(problem);
        QVERIFY2(shown.contains("12") && shown.contains("10"), qPrintable(shown));
        QVERIFY2(judge_->englishIn(shown).isEmpty(), qPrintable(shown));
        const cs::ShapeError error(
            CS_TEXT("cs::Layer", "needs an input").about("bn (BatchNormalization)"));
        QVERIFY(errorText(error).startsWith("bn (BatchNormalization): "));
        QVERIFY2(judge_->englishIn(errorText(error)).isEmpty(), qPrintable(errorText(error)));
        // A message made from a plain string (a broken file) is shown as it is.
        QCOMPARE(errorText(cs::FormatError("x.json: not JSON")), QString("x.json: not JSON"));
    }

    // Every kind of callback event as the events list shows it (a short run fires none).
    void callbackEventsReadInSpanish() {
        for (EventUpdate::Kind kind : {EventUpdate::EarlyStopping, EventUpdate::BestWeightsRestored,
                                       EventUpdate::CheckpointSaved, EventUpdate::LearningRateReduced}) {
            EventUpdate e;
            e.kind = kind;
            e.epoch = 4;
            e.value = 0.005;
            e.monitor = "val_loss";
            e.path = "/tmp/best_model.safetensors";
            for (const QString& text : {e.listText(), e.shortName()})
                QVERIFY2(judge_->englishIn(text).isEmpty(), qPrintable(text + ": " + judge_->englishIn(text)));
        }
    }

    // The engine's own event messages (a NaN loss, a log or checkpoint that could
    // not be written), from a real run of the trainer, as the events list shows them.
    void trainingEventMessagesReadInSpanish() {
        cs::Model model = cs::Model::fromJson(cs::json::parse(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4, 4, 1]}},)"
            R"( {"class_name": "Flatten", "config": {}},)"
            R"( {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})"));
        model.build(1);
        cs::ImageSet images;
        images.height = images.width = 4;
        images.channels = 1;
        images.pixels.assign(16 * 8, 200);
        images.labels = {0, 1, 0, 1, 0, 1, 0, 1};
        cs::Adam adam;
        cs::FitOptions options;
        options.epochs = 2;
        options.batchSize = 4;
        cs::Trainer trainer(model, adam, cs::Loss::CategoricalCrossentropy, options);
        trainer.setModelSaver([](const std::string& path) {
            throw cs::IoError(CS_TEXT("cs::Files", "%1: cannot write: %2").arg(path).arg("EROFS"));
        });
        cs::CSVLogger log("/dev/full");
        cs::ModelCheckpoint checkpoint(QDir(uitest::tempDir()).filePath("ck.bin").toStdString(),
                                       "loss");
        trainer.addCallback(&log);
        trainer.addCallback(&checkpoint);
        cs::History history = trainer.fit(images, 2);
        cs::Preprocessing absurd;
        absurd.rescale = 1e30f; // the logits overflow: the loss becomes NaN
        trainer.setPreprocessing(absurd);
        const cs::History diverged = trainer.fit(images, 2);
        history.events.insert(history.events.end(), diverged.events.begin(), diverged.events.end());
        std::set<cs::TrainingEvent::Kind> kinds;
        for (const cs::TrainingEvent& e : history.events) {
            kinds.insert(e.kind);
            EventUpdate u;
            u.kind = EventUpdate::Kind(int(e.kind));
            u.epoch = e.epoch;
            u.message = engineText(e.message);
            // The system's own words for an errno are the system's language, not ours.
            const QString system = QString::fromLocal8Bit(std::strerror(ENOSPC));
            for (QString text : {u.listText(), u.message})
                QVERIFY2(judge_->englishIn(text.remove(system)).isEmpty(),
                         qPrintable(text + ": " + judge_->englishIn(text)));
        }
        QVERIFY(kinds.count(cs::TrainingEvent::Kind::NonFiniteLoss));
        QVERIFY(kinds.count(cs::TrainingEvent::Kind::LogWriteFailed));
        QVERIFY(kinds.count(cs::TrainingEvent::Kind::CheckpointFailed));
    }

    // The Data page's list of skipped files: each reason, found by the engine in a
    // real folder, reads Spanish.
    void skippedFilesReadInSpanish() {
        const QDir root(QDir(uitest::tempDir()).filePath("skipping"));
        QVERIFY(QDir().mkpath(root.filePath("cats")) && QDir().mkpath(root.filePath("dogs")));
        const cv::Mat grey(8, 8, CV_8UC1, cv::Scalar(90));
        for (const char* name : {"cats/a.png", "cats/b.png", "dogs/a.png", "dogs/b.png"})
            QVERIFY(cv::imwrite(root.filePath(name).toStdString(), grey));
        QFile noSize(root.filePath("cats/no_size.png")); // a PNG signature, no IHDR chunk
        QVERIFY(noSize.open(QIODevice::WriteOnly) &&
                noSize.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIEND\0\0\0\0\0\0\0\0", 24)) ==
                    24);
        noSize.close();
        QFile text(root.filePath("dogs/notes.png"));
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a picture") > 0);
        text.close();
        std::vector<uchar> jpeg;
        QVERIFY(cv::imencode(".jpg", grey, jpeg));
        QFile cut(root.filePath("cats/cut.jpg"));
        QVERIFY(cut.open(QIODevice::WriteOnly) &&
                cut.write(reinterpret_cast<const char*>(jpeg.data()), qint64(jpeg.size() - 20)) >
                    0);
        cut.close();
        cs::ImageFolderOptions options;
        options.height = options.width = 8;
        options.colorMode = cs::ColorMode::Grayscale;
        std::vector<cs::SkippedFile> skipped =
            cs::indexImageFolders(root.absolutePath().toStdString(), options).skipped;
        std::vector<uint8_t> pixels(64);
        for (const char* name : {"cats/cut.jpg", "cats/no_size.png"}) { // found when decoded
            cs::UserText why;
            const std::string path = root.filePath(name).toStdString();
            QVERIFY(!cs::decodeImageFile(path, options, pixels.data(), &why));
            skipped.push_back({path, why});
        }
        QCOMPARE(int(skipped.size()), 3);
        QString shown = DatasetSummaryPanel::skippedText(skipped);
        for (const cs::SkippedFile& f : skipped) {
            QVERIFY2(shown.contains(QString::fromStdString(f.path)), qPrintable(shown));
            shown.remove(QString::fromStdString(f.path));
        }
        QVERIFY2(judge_->englishIn(shown).isEmpty(),
                 qPrintable(shown + ": " + judge_->englishIn(shown)));
        // The CLI's English report of the same files is what the judge would flag.
        QString english = QString::fromStdString(cs::skippedReport(skipped));
        for (const cs::SkippedFile& f : skipped)
            english.remove(QString::fromStdString(f.path));
        QVERIFY2(!judge_->englishIn(english).isEmpty(), qPrintable(english));
    }

    void everyVisibleStringIsSpanish() {
        StartupOptions options;
        options.restoreSession = false;
        window_ = std::make_unique<MainWindow>(options);
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window_->datasetController()->current() != nullptr, 600000);
        QCOMPARE(window_->lessonsPanel()->language(), QString("es"));
        // Names that are data, not interface: the model's layers, the data set's classes.
        QStringList data;
        for (int i = 0; i < window_->document()->graph().size(); ++i)
            data << QString::fromStdString(window_->document()->graph().node(i).name());
        for (const std::string& c : window_->datasetController()->current()->classNames())
            data << QString::fromStdString(c) << QString::fromStdString(c).split(' ');
        judge_->allowIdentifiers(data);
        window_->lessonsAction()->trigger();
        walkEveryPage();

        // A model with a problem: its message, fixes and the issue bar.
        const cs::ModelGraph& graph = window_->document()->graph();
        const QString last = QString::fromStdString(graph.node(graph.size() - 1).name());
        QVERIFY(window_->document()->setLayerAttribute(last, "units", cs::Json(7)));
        QVERIFY(!window_->document()->report().layers.back().problem.empty());
        window_->showPage(MainWindow::ModelPage);
        walkWindow();
        window_->document()->undoStack()->undo();

        // A short run: the Train page, the status bar and charts during and after it;
        // then Inspect and Classify with the trained model.
        TrainPage* train = window_->trainPage();
        train->setJobOptions({300, 200, true});
        auto* epochs = qobject_cast<QSpinBox*>(train->settingsPanel()->editor("epochs"));
        QVERIFY(epochs);
        epochs->setValue(2);
        window_->document()->endGesture();
        QSignalSpy batches(window_->trainingController(), &TrainingController::batchProgress);
        QSignalSpy finished(window_->trainingController(), &TrainingController::finished);
        window_->showPage(MainWindow::TrainPage);
        QVERIFY(train->start());
        QVERIFY(batches.count() > 0 || batches.wait(kHang));
        walkWindow();
        QVERIFY(finished.count() > 0 || finished.wait(kHang));
        walkEveryPage();

        // One line each (QtTest cuts long failure messages).
        for (const auto& [text, where] : english_)
            qWarning().noquote() << "English:" << "\"" + text.left(160) + "\" —" << where;
        QVERIFY2(english_.empty(),
                 qPrintable(QString("%1 English strings, listed above").arg(english_.size())));
        QVERIFY2(tooWide_.isEmpty(), qPrintable(tooWide_.join("\n")));
    }

    // File > Open on broken files: the message box reads Spanish, whatever part of the
    // engine found the problem (the HDF5 reader process, a tensor entry of a
    // .safetensors file, a layer attribute, a setting of a project file).
    void brokenFilesOpenWithSpanishMessages() {
        QVERIFY(window_);
        window_->document()->undoStack()->setClean();
        const QDir dir(uitest::tempDir());
        auto writeFile = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return QString();
            return f.fileName();
        };
        QByteArray header = R"({"w": {"dtype": "F16", "shape": [2], "data_offsets": [0, 4]}})";
        QByteArray safetensors(8, '\0');
        for (int i = 0; i < 8; ++i)
            safetensors[i] = char((header.size() >> (8 * i)) & 0xff);
        safetensors += header + QByteArray(4, '\0');
        cs::Json project =
            projectJson(window_->document()->graph(), window_->document()->settings());
        project["data"] = cs::json::parse(
            R"({"kind": "image_folders", "folder": "x", "image_folders": {"class_mode": "multi"}})");
        const std::vector<QString> files{
            QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/weights_only.h5",
            QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/unsupported.h5",
            writeFile("cut.onnx", QByteArray("\x08\x07\x12\x04torc", 8)),
            writeFile("f16.safetensors", safetensors),
            writeFile("units.json",
                      R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},)"
                      R"( {"class_name": "Dense", "config": {"units": "ten"}}]})"),
            writeFile("multi.convstudio.json", QByteArray::fromStdString(cs::json::dump(project))),
        };
        for (const QString& path : files) {
            QVERIFY(!path.isEmpty());
            QString shown;
            QTimer::singleShot(0, this, [&] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box) return;
                shown = box->text();
                box->accept();
            });
            QVERIFY(!window_->projectActions()->openFile(path));
            QVERIFY2(shown.contains(path), qPrintable(path + " → " + shown));
            // The path is data, not interface: judged without it.
            const QString message = QString(shown).remove(path);
            QVERIFY2(judge_->englishIn(message).isEmpty(),
                     qPrintable(shown + "\n" + judge_->englishIn(message)));
            // The same problem in English (the CLI's words) is one the judge tells apart.
            try {
                readProjectFile(path.toStdString(), window_->document()->settings());
                QFAIL(qPrintable(path + " opened"));
            } catch (const cs::Error& e) {
                const QString english = QString::fromStdString(e.what()).remove(path);
                QVERIFY2(!judge_->englishIn(english).isEmpty(), qPrintable(english));
            }
        }
    }
};

UI_TEST_CLASS(TranslationFileTest);
UI_TEST_CLASS(SpanishInterfaceTest);
#include "test_spanish_interface.moc"
