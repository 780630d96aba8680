// MainWindow: wires the document, the data set controller, the pages (Model,
// Data, Train, Inspect, Classify, Playground), the menus, the toolbar and the
// status bar, and keeps window state in QSettings. It holds no editing logic:
// pages and ProjectActions do the work. The training controller (worker
// thread) is the window's, so a run goes on whichever page is shown; closing
// the window hides it at once, stops the run and closes for good when the
// worker has finished its batch (the GUI thread never waits for it). CurrentModel (the model Inspect and Classify
// look at) is fed from the controller's snapshots, finished runs, checkpoints
// and opened .safetensors files.
#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QMenu;
class QTabWidget;

namespace ui {

class ProjectDocument;
class DatasetController;
class ModelEditorPage;
class DataPage;
class ProjectActions;
class StatusBarWidgets;
class TrainingController;
class TrainPage;
class CurrentModel;
class InspectPage;
class ClassifyPage;
class PlaygroundPage;
class LessonsPanel;
class GettingStartedPanel;
class UserGuideWindow;

struct StartupOptions {
    bool restoreSession = true; // reopen the last project (else the course's first CNN)
    QString fileToOpen;         // a project, architecture or model from the command line
    int page = -1;              // the page to show first (MainWindow::Page), -1: the last one used
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page {
        ModelPage,
        DataPageIndex,
        TrainPage,
        InspectPage,
        ClassifyPage,
        PlaygroundPage,
        PageCount
    };

    explicit MainWindow(const StartupOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectDocument* document() const { return document_; }
    DatasetController* datasetController() const { return datasetController_; }
    ModelEditorPage* modelPage() const { return modelPage_; }
    DataPage* dataPage() const { return dataPage_; }
    ui::TrainPage* trainPage() const { return trainPage_; }
    TrainingController* trainingController() const { return trainingController_; }
    CurrentModel* currentModel() const { return currentModel_; }
    ui::InspectPage* inspectPage() const { return inspectPage_; }
    ui::PlaygroundPage* playgroundPage() const { return playgroundPage_; }
    ui::ClassifyPage* classifyPage() const { return classifyPage_; }
    QAction* openModelAction() const { return openModel_; }
    ProjectActions* projectActions() const { return projectActions_; }
    StatusBarWidgets* statusWidgets() const { return statusWidgets_; }
    QTabWidget* pages() const { return pages_; }
    QMenu* exportMenu() const { return exportMenu_; } // File > Export (filled when shown)
    QAction* trainAction() const { return train_; }
    QAction* stopAction() const { return stop_; }
    QAction* pauseAction() const { return pause_; }
    LessonsPanel* lessonsPanel() const { return lessons_; }
    QAction* lessonsAction() const { return lessonsAction_; }
    QAction* userGuideAction() const { return userGuideAction_; } // Help > User Guide (F1)
    UserGuideWindow* userGuide() const { return userGuide_; }     // made on first use
    GettingStartedPanel* gettingStarted() const { return gettingStarted_; } // on the Model page
    QAction* gettingStartedAction() const { return gettingStartedAction_; }

    void showPage(Page page);

Q_SIGNALS:
    // The window accepted its close: the app may quit (a window closed while training
    // hides at once and sends this once the run has stopped).
    void closed();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createPages();
    void createMenus();
    void createToolBar();
    void createLanguageMenu(QMenu* view);
    void refreshIcons();
    void updateTitle();
    void restoreSettings(const StartupOptions& options);
    void saveSettings();
    void connectCurrentModel();
    // File ▸ Open Trained Model…: the model Inspect and Classify look at.
    void openTrainedModel();
    void openTrainedModelFile(const QString& path);
    // An image of the data set (Data page viewer, confusion-matrix cell) in Inspect's feature maps.
    void inspectDatasetImage(const QString& split, int index);
    // Help > User Guide, Help > Getting Started and the first-start panel's steps.
    void createHelp(QMenu* help);
    void showUserGuide();

    ProjectDocument* document_;
    DatasetController* datasetController_;
    TrainingController* trainingController_;
    CurrentModel* currentModel_;
    ProjectActions* projectActions_;
    StatusBarWidgets* statusWidgets_ = nullptr;
    QTabWidget* pages_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    ModelEditorPage* modelPage_ = nullptr;
    DataPage* dataPage_ = nullptr;
    ui::TrainPage* trainPage_ = nullptr;
    ui::InspectPage* inspectPage_ = nullptr;
    ui::PlaygroundPage* playgroundPage_ = nullptr;
    ui::ClassifyPage* classifyPage_ = nullptr;
    QAction* openModel_ = nullptr;
    QAction *undo_ = nullptr, *redo_ = nullptr, *train_ = nullptr, *stop_ = nullptr;
    QAction* pause_ = nullptr;
    LessonsPanel* lessons_ = nullptr;
    QAction* lessonsAction_ = nullptr;
    QAction* userGuideAction_ = nullptr;
    UserGuideWindow* userGuide_ = nullptr;
    GettingStartedPanel* gettingStarted_ = nullptr;
    QAction* gettingStartedAction_ = nullptr;
    bool closingAfterRun_ = false; // closed while training: close again when the run ends
    QActionGroup* themeGroup_ = nullptr;
};

} // namespace ui
