#include "ui/window/main_window.h"

#include "ui/help/getting_started_panel.h"
#include "ui/help/user_guide_window.h"
#include "ui/lessons/lessons_panel.h"

#include "ui/classify/classify_page.h"
#include "ui/datapage/data_page.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/editor/layer_palette.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/model_editor_page.h"
#include "ui/export/export_target.h"
#include "ui/inspect/feature_map_panel.h"
#include "ui/inspect/inspect_page.h"
#include "ui/playground/playground_page.h"
#include "ui/training/current_model.h"
#include "ui/training/run_history.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_job.h"
#include "ui/window/icons.h"
#include "ui/window/interop_actions.h"
#include "ui/window/language.h"
#include "ui/window/project_actions.h"
#include "ui/window/status_bar.h"
#include "ui/window/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>
#include <algorithm>

namespace ui {

namespace {
struct PageInfo {
    const char* icon;
    const char* title;
};
const PageInfo kPages[MainWindow::PageCount] = {
    {"page-model", QT_TRANSLATE_NOOP("ui::MainWindow", "Model")},
    {"page-data", QT_TRANSLATE_NOOP("ui::MainWindow", "Data")},
    {"page-train", QT_TRANSLATE_NOOP("ui::MainWindow", "Train")},
    {"page-inspect", QT_TRANSLATE_NOOP("ui::MainWindow", "Inspect")},
    {"page-classify", QT_TRANSLATE_NOOP("ui::MainWindow", "Classify")},
    {"page-playground", QT_TRANSLATE_NOOP("ui::MainWindow", "Playground")},
};
} // namespace

MainWindow::MainWindow(const StartupOptions& options, QWidget* parent)
    : QMainWindow(parent), document_(new ProjectDocument(this)),
      datasetController_(new DatasetController(this)),
      trainingController_(new TrainingController(this)), currentModel_(new CurrentModel(this)) {
    initResources();
    setWindowIcon(applicationIcon());
    projectActions_ = new ProjectActions(document_, this);
    createPages();
    createMenus();
    createToolBar();
    statusWidgets_ = new StatusBarWidgets(statusBar(), document_);
    connect(trainPage_, &ui::TrainPage::statusChanged, statusWidgets_,
            &StatusBarWidgets::showTraining);
    refreshIcons();
    connectCurrentModel();

    connect(document_, &ProjectDocument::dataSettingsChanged, this,
            [this] { datasetController_->load(document_->settings().data); });
    connect(datasetController_, &DatasetController::loadingStarted, statusWidgets_,
            &StatusBarWidgets::showDataLoading);
    connect(datasetController_, &DatasetController::loaded, this,
            [this](std::shared_ptr<const LoadedDataset> data) {
                statusWidgets_->showData(data);
                inspectPage_->setDataset(data);
                document_->setDataShape(data->dataShape());
            });
    connect(datasetController_, &DatasetController::failed, this, [this](const QString& message) {
        statusWidgets_->showDataFailed(message);
        document_->setDataShape({});
    });
    connect(document_, &ProjectDocument::editRefused, this,
            [this](const QString& why) { statusBar()->showMessage(why, 8000); });
    connect(document_, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document_, &ProjectDocument::modelChanged, this, &MainWindow::updateTitle);
    connect(projectActions_, &ProjectActions::quitRequested, this, &QWidget::close);

    restoreSettings(options);
    if (!datasetController_->isLoading()) datasetController_->load(document_->settings().data);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages() {
    pages_ = new QTabWidget(this);
    pages_->setDocumentMode(true);
    pages_->setIconSize(QSize(20, 20));
    modelPage_ = new ModelEditorPage(document_, pages_);
    dataPage_ = new DataPage(document_, datasetController_, pages_);
    trainPage_ = new ui::TrainPage(document_, datasetController_, trainingController_, pages_);
    // Transfer learning: a run with frozen layers starts from the model in memory.
    trainPage_->setWeightsSource([this] { return currentModel_->current(); });
    inspectPage_ = new ui::InspectPage(currentModel_, pages_);
    playgroundPage_ = new ui::PlaygroundPage(pages_);
    classifyPage_ = new ui::ClassifyPage(currentModel_, pages_);
    for (int p = 0; p < PageCount; ++p) {
        QWidget* widget = p == ModelPage        ? static_cast<QWidget*>(modelPage_)
                          : p == DataPageIndex  ? static_cast<QWidget*>(dataPage_)
                          : p == TrainPage      ? static_cast<QWidget*>(trainPage_)
                          : p == InspectPage    ? static_cast<QWidget*>(inspectPage_)
                          : p == PlaygroundPage ? static_cast<QWidget*>(playgroundPage_)
                                                : static_cast<QWidget*>(classifyPage_);
        pages_->addTab(widget, tr(kPages[p].title));
    }
    setCentralWidget(pages_);
}

void MainWindow::connectCurrentModel() {
    // The run's snapshots: live within an epoch, one per epoch, then the trained model.
    connect(trainingController_, &TrainingController::started, currentModel_, &CurrentModel::beginRun);
    connect(trainingController_, &TrainingController::batchProgress, currentModel_,
            [this](const BatchUpdate& u) {
                if (u.snapshot) currentModel_->setLive(u.snapshot);
            });
    connect(trainingController_, &TrainingController::epochEnded, currentModel_,
            [this](const EpochUpdate& u) { currentModel_->addEpoch(u.snapshot); });
    connect(trainingController_, &TrainingController::finished, currentModel_,
            [this](const TrainingOutcome& outcome) {
                if (!outcome.trained || outcome.failed) {
                    currentModel_->endRun(nullptr);
                    return;
                }
                const TrainedModel& t = *outcome.trained;
                // The Train page has just added the run to its history: its number names the model.
                const QString run = tr("run %1").arg(trainPage_->history()->count());
                QString how = outcome.epochsRun == 1 ? tr("%1, trained (1 epoch)").arg(run)
                                                     : tr("%1, trained (%2 epochs)").arg(run).arg(outcome.epochsRun);
                if (outcome.hasPartialEpoch()) // a stop (or divergence) cut an epoch short: say where
                    how = outcome.partialInValidation
                              ? tr("%1, stopped during epoch %2's validation").arg(run).arg(outcome.partialEpoch + 1)
                              : tr("%1, stopped in epoch %2 at batch %3/%4")
                                    .arg(run)
                                    .arg(outcome.partialEpoch + 1)
                                    .arg(outcome.partialBatches)
                                    .arg(outcome.partialBatchesTotal);
                currentModel_->endRun(makeSnapshot(t.model, t.metadata.classNames, t.metadata.preprocessing, how));
            });
    projectActions_->setUnsavedModel([this] { return trainPage_->unsavedModelDescription(); });
    connect(inspectPage_, &ui::InspectPage::openModelRequested, this, &MainWindow::openTrainedModel);
    connect(classifyPage_, &ui::ClassifyPage::openModelRequested, this, &MainWindow::openTrainedModel);
    connect(trainPage_, &ui::TrainPage::openModelRequested, this, &MainWindow::openTrainedModelFile);
    connect(projectActions_, &ProjectActions::fileOpened, currentModel_, [this](const QString& path) {
        // Its weights too: what the editor shows is what Inspect and Classify look at.
        if (path.endsWith(".safetensors", Qt::CaseInsensitive) || path.endsWith(".onnx", Qt::CaseInsensitive) ||
            path.endsWith(".h5", Qt::CaseInsensitive))
            currentModel_->openFile(path, nullptr);
    });
    connect(inspectPage_->featureMaps(), &FeatureMapPanel::playgroundRequested, this,
            [this](const QImage& image, const QString& caption) {
                playgroundPage_->setImage(image, caption);
                showPage(PlaygroundPage);
            });
    connect(dataPage_, &DataPage::inspectImageRequested, this, &MainWindow::inspectDatasetImage);
    connect(trainPage_, &ui::TrainPage::inspectImageRequested, this, &MainWindow::inspectDatasetImage);
}

void MainWindow::inspectDatasetImage(const QString& split, int index) {
    inspectPage_->inspectDatasetImage(split, index);
    showPage(InspectPage);
}

void MainWindow::openTrainedModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Trained Model"), QString(),
                                                      tr("Trained models (*.safetensors *.onnx *.h5)"));
    if (!path.isEmpty()) openTrainedModelFile(path);
}

void MainWindow::openTrainedModelFile(const QString& path) {
    QString error;
    if (!currentModel_->openFile(path, &error)) {
        QMessageBox::warning(this, tr("Open Trained Model"), tr("Cannot open this model:\n%1").arg(error));
        return;
    }
    if (pages_->currentIndex() != InspectPage && pages_->currentIndex() != ClassifyPage) showPage(InspectPage);
}

void MainWindow::showPage(Page page) {
    pages_->setCurrentIndex(page);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(projectActions_->newAction());
    file->addMenu(projectActions_->presetMenu());
    file->addAction(projectActions_->openAction());
    file->addMenu(projectActions_->recentMenu());
    file->addSeparator();
    openModel_ = file->addAction(tr("Open &Trained Model…"), this, &MainWindow::openTrainedModel);
    openModel_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openModel_->setToolTip(tr("A trained .safetensors model to inspect and classify with"));
    auto* interop = new InteropActions(currentModel_, this); // File > Import Model…, Export > ONNX / PyTorch
    interop->setProject(document_, datasetController_);
    file->addAction(interop->importAction());
    connect(interop, &InteropActions::modelImported, this, &MainWindow::openTrainedModelFile);
    file->addSeparator();
    file->addAction(projectActions_->saveAction());
    file->addAction(projectActions_->saveAsAction());
    file->addSeparator();
    // One Export menu: the model (ONNX, PyTorch script), then the current page's
    // charts, grids and cards, each with Copy / PNG / SVG / CSV.
    exportMenu_ = file->addMenu(tr("&Export"));
    connect(exportMenu_, &QMenu::aboutToShow, this, [this, interop] {
        fillExportMenu(exportMenu_, pages_->currentWidget());
        QAction* firstView = exportMenu_->actions().value(0);
        exportMenu_->insertActions(firstView, interop->exportMenu()->actions());
        exportMenu_->insertSeparator(firstView);
    });
    file->addSeparator();
    file->addAction(projectActions_->quitAction());

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    undo_ = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo_->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo_);
    edit->addAction(redo_);
    edit->addSeparator();
    edit->addAction(modelPage_->deleteAction());
    edit->addAction(modelPage_->duplicateAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int p = 0; p < PageCount; ++p) {
        QAction* a = view->addAction(tr(kPages[p].title), this, [this, p] { showPage(Page(p)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + p)));
    }
    view->addSeparator();
    for (QAction* a : modelPage_->viewActions())
        view->addAction(a);
    view->addSeparator();
    auto* history = new QDockWidget(tr("Undo History"), this);
    history->setObjectName("UndoHistory");
    history->setWidget(new QUndoView(document_->undoStack(), history));
    addDockWidget(Qt::RightDockWidgetArea, history);
    history->hide();
    view->addAction(history->toggleViewAction());
    QMenu* theme = view->addMenu(tr("&Theme"));
    themeGroup_ = new QActionGroup(this);
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        QAction* a = theme->addAction(t == Theme::System  ? tr("System")
                                      : t == Theme::Light ? tr("Light")
                                                          : tr("Dark"));
        a->setCheckable(true);
        a->setData(themeName(t));
        themeGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [t] {
            applyTheme(t);
            QSettings().setValue("theme", themeName(t));
        });
    }
    createLanguageMenu(view);

    QMenu* trainMenu = menuBar()->addMenu(tr("&Train"));
    train_ = new QAction(tr("&Start Training"), this);
    train_->setShortcut(Qt::Key_F5);
    train_->setToolTip(tr("Train the model on the data set (the Train page)"));
    stop_ = new QAction(tr("S&top"), this);
    stop_->setShortcut(Qt::SHIFT | Qt::Key_F5);
    stop_->setEnabled(false);
    connect(train_, &QAction::triggered, this, [this] {
        showPage(TrainPage);
        trainPage_->start();
    });
    pause_ = new QAction(tr("&Pause"), this);
    pause_->setShortcut(Qt::Key_F6);
    pause_->setToolTip(tr("Hold training between two batches (F6 again resumes)"));
    pause_->setEnabled(false);
    connect(pause_, &QAction::triggered, trainingController_, [this] {
        trainingController_->isPaused() ? trainingController_->resume()
                                        : trainingController_->pause();
    });
    connect(trainingController_, &TrainingController::pausedChanged, this,
            [this](bool paused) { pause_->setText(paused ? tr("&Resume") : tr("&Pause")); });
    connect(stop_, &QAction::triggered, trainingController_, &TrainingController::stop);
    connect(trainingController_, &TrainingController::started, this, [this] {
        train_->setEnabled(false);
        stop_->setEnabled(true);
        pause_->setEnabled(true);
    });
    connect(trainingController_, &TrainingController::finished, this,
            [this](const TrainingOutcome& outcome) {
                train_->setEnabled(true);
                stop_->setEnabled(false);
                pause_->setEnabled(false);
                pause_->setText(tr("&Pause"));
                if (outcome.failed) statusWidgets_->hideTraining(); // the Train page says why
            });
    trainMenu->addAction(train_);
    trainMenu->addAction(pause_);
    trainMenu->addAction(stop_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // The course chapter by chapter, docked beside the pages so the lesson and what it
    // changes are seen together.
    auto* lessonsDock = new QDockWidget(tr("Lessons"), this);
    lessonsDock->setObjectName("Lessons");
    lessons_ = new LessonsPanel(*this, QStringLiteral(":/lessons"), lessonsDock);
    lessonsDock->setWidget(lessons_);
    addDockWidget(Qt::RightDockWidgetArea, lessonsDock);
    lessonsDock->hide();
    lessonsAction_ = lessonsDock->toggleViewAction();
    lessonsAction_->setText(tr("&Lessons"));
    lessonsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    help->addAction(lessonsAction_);
    // The pages need most of a 1280-pixel screen: where docking the lessons would push the
    // window off the screen, they float at the screen's right edge instead (and can be
    // docked again by a double-click on their title on a wider screen).
    connect(lessonsAction_, &QAction::triggered, this, [this, lessonsDock](bool shown) {
        if (!shown || lessonsDock->isFloating() || !screen()) return;
        const QRect free = screen()->availableGeometry();
        const int width = std::max(lessonsDock->sizeHint().width(), 360);
        if (frameGeometry().width() + width <= free.width()) return;
        lessonsDock->setFloating(true);
        lessonsDock->setGeometry(free.right() - width, geometry().top(), width,
                                 std::min(geometry().height(), free.height()));
    });
    help->addAction(tr("&About ConvStudio"), this, [this] {
        QMessageBox::about(
            this, tr("About ConvStudio"),
            tr("<h3>ConvStudio %1</h3><p>Build, train and look inside convolutional neural "
               "networks.</p><p>Its own CNN engine (Eigen, oneTBB, OpenCV) and Qt %2.</p>")
                .arg(QApplication::applicationVersion(), qVersion()));
    });
    createHelp(help);
}

void MainWindow::createHelp(QMenu* help) {
    QAction* first = help->actions().value(0);
    userGuideAction_ = new QAction(tr("&User Guide"), this);
    userGuideAction_->setShortcut(QKeySequence(Qt::Key_F1));
    userGuideAction_->setToolTip(tr("The user guide, with pictures (works offline)"));
    connect(userGuideAction_, &QAction::triggered, this, &MainWindow::showUserGuide);
    gettingStartedAction_ = new QAction(tr("&Getting Started"), this);
    gettingStartedAction_->setToolTip(tr("The next steps panel on the Model page"));
    help->insertAction(first, userGuideAction_);
    help->insertAction(first, gettingStartedAction_);
    help->insertSeparator(first);

    gettingStarted_ = new GettingStartedPanel(projectActions_->presetMenu(), modelPage_);
    modelPage_->addBanner(gettingStarted_);
    connect(gettingStartedAction_, &QAction::triggered, this, [this] {
        showPage(ModelPage);
        gettingStarted_->reopen();
    });
    connect(gettingStarted_, &GettingStartedPanel::paletteRequested, this, [this] {
        QLineEdit* filter = modelPage_->palette()->search();
        filter->setFocus(Qt::OtherFocusReason);
        filter->selectAll();
    });
    connect(gettingStarted_, &GettingStartedPanel::trainRequested, train_, &QAction::trigger);
    connect(gettingStarted_, &GettingStartedPanel::inspectRequested, this,
            [this] { showPage(InspectPage); });
    connect(gettingStarted_, &GettingStartedPanel::classifyRequested, this,
            [this] { showPage(ClassifyPage); });
    connect(gettingStarted_, &GettingStartedPanel::lessonsRequested, this, [this] {
        if (!lessonsAction_->isChecked()) lessonsAction_->trigger(); // shows (and places) the dock
    });
}

void MainWindow::showUserGuide() {
    if (!userGuide_) {
        userGuide_ = new UserGuideWindow(this);
        userGuide_->showSection();
    }
    userGuide_->show();
    userGuide_->raise();
    userGuide_->activateWindow();
}

// View > Language: the choice is stored and used at the next start (the texts of
// every window would have to be set again to switch now).
void MainWindow::createLanguageMenu(QMenu* view) {
    QMenu* menu = view->addMenu(tr("&Language"));
    menu->setToolTip(tr("Takes effect the next time ConvStudio starts"));
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(menu);
    const QString current = languageSetting();
    const std::pair<QString, QString> choices[] = {
        {QStringLiteral("system"), tr("System language")},
        // Each language in its own name, so a person finds theirs in any interface.
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("es"), QStringLiteral("Español")},
    };
    for (const auto& [code, name] : choices) {
        QAction* a = menu->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setToolTip(tr("Takes effect the next time ConvStudio starts"));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            if (code == languageSetting()) return;
            setLanguageSetting(code);
            QMessageBox::information(
                this, tr("Language"),
                tr("The new language is used the next time ConvStudio starts."));
        });
    }
    menu->addSeparator();
    QAction* note = menu->addAction(tr("(applied after a restart)"));
    note->setEnabled(false);
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName("MainToolBar");
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(projectActions_->newAction());
    bar->addAction(projectActions_->openAction());
    bar->addAction(projectActions_->saveAction());
    bar->addSeparator();
    // Undo and Redo name the step in their text ("Undo Remove flatten"): icons only here, the text
    // as tooltip.
    for (QAction* a : {undo_, redo_}) {
        auto* button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(train_);
    bar->addAction(stop_);
}

void MainWindow::refreshIcons() {
    const QPalette pal = palette();
    projectActions_->newAction()->setIcon(themedIcon("new", pal));
    projectActions_->openAction()->setIcon(themedIcon("open", pal));
    projectActions_->saveAction()->setIcon(themedIcon("save", pal));
    projectActions_->saveAsAction()->setIcon(themedIcon("save-as", pal));
    projectActions_->presetMenu()->setIcon(themedIcon("preset", pal));
    if (undo_) undo_->setIcon(themedIcon("undo", pal));
    if (redo_) redo_->setIcon(themedIcon("redo", pal));
    if (train_) train_->setIcon(themedIcon("train", pal));
    if (stop_) stop_->setIcon(themedIcon("stop", pal));
    for (int p = 0; p < PageCount && p < pages_->count(); ++p) {
        const QIcon icon = themedIcon(kPages[p].icon, pal);
        pages_->setTabIcon(p, icon);
    }
    const QList<QAction*> view = modelPage_->viewActions();
    const char* names[] = {"zoom-in", "zoom-out", nullptr, "zoom-fit"};
    for (int i = 0; i < view.size(); ++i)
        if (names[i]) view[i]->setIcon(themedIcon(names[i], pal));
    modelPage_->deleteAction()->setIcon(themedIcon("delete", pal));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && pages_) refreshIcons();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle() {
    setWindowTitle(QString("%1[*] — ConvStudio").arg(document_->displayName()));
    setWindowModified(document_->isModified());
}

void MainWindow::restoreSettings(const StartupOptions& options) {
    QSettings s;
    const QString theme = s.value("theme", "system").toString();
    for (QAction* a : themeGroup_->actions())
        a->setChecked(a->data().toString() == theme);
    const QRect screen = QApplication::primaryScreen()
                             ? QApplication::primaryScreen()->availableGeometry()
                             : QRect(0, 0, 1600, 1000);
    const bool restored = restoreGeometry(s.value("window/geometry").toByteArray());
    if (!restored) {
        resize(std::min(1440, screen.width() * 9 / 10), std::min(900, screen.height() * 9 / 10));
    } else if (!isMaximized() && !isFullScreen() &&
               (width() > screen.width() || height() > screen.height())) {
        // Saved on a larger screen (a laptop after a monitor): Qt keeps the size, so
        // parts of the window would lie beyond this screen's edge. Centred, the
        // margin left keeps the window manager's title bar on screen too.
        resize(size().boundedTo(screen.size() * 9 / 10));
        move(screen.center() - rect().center());
    }
    restoreState(s.value("window/state").toByteArray());
    modelPage_->restoreLayout(s.value("window/modelPage").toByteArray());
    dataPage_->restoreLayout(s.value("window/dataPage").toByteArray());
    pages_->setCurrentIndex(options.page >= 0 ? options.page : s.value("window/page", 0).toInt());

    QString path = options.fileToOpen;
    if (path.isEmpty() && options.restoreSession) {
        path = s.value("session/lastProject").toString();
        if (!QFileInfo::exists(path)) path.clear();
    }
    if (path.isEmpty() || !projectActions_->openFile(path))
        document_->load(ProjectDocument::defaultProject(), {});
}

void MainWindow::saveSettings() {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/modelPage", modelPage_->saveLayout());
    s.setValue("window/dataPage", dataPage_->saveLayout());
    s.setValue("window/page", pages_->currentIndex());
    s.setValue("session/lastProject", document_->filePath());
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    projectActions_->showPendingErrors();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!closingAfterRun_) {
        if (!projectActions_->maybeSave(true)) {
            event->ignore();
            return;
        }
        saveSettings();
    }
    if (trainingController_->isRunning()) {
        // The run stops after its current batch; waiting for that here would freeze the
        // window (a batch of big images takes seconds), so it goes from the screen now
        // and closes for good when the worker reports back.
        closingAfterRun_ = true;
        hide();
        connect(trainingController_, &TrainingController::finished, this, &QWidget::close,
                Qt::UniqueConnection);
        trainingController_->stop();
        event->ignore();
        return;
    }
    trainingController_->shutdown(); // nothing runs: joins the idle worker thread at once
    event->accept();
    Q_EMIT closed();
}

} // namespace ui
