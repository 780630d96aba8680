// ProjectActions: the File menu's work — New, New from a course preset, Open,
// Open Recent, Save, Save As, Quit — with their shortcuts, the recent-files
// list (kept in QSettings) and the "save changes?" question. Errors are shown
// in a message box naming the file; openFile()/saveTo() also serve tests and
// the command line without dialogs.
#pragma once

#include <QObject>
#include <QStringList>
#include <functional>
#include <utility>
#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace ui {

class ProjectDocument;

class ProjectActions : public QObject {
    Q_OBJECT
public:
    ProjectActions(ProjectDocument* document, QWidget* window);

    QAction* newAction() const { return new_; }
    QAction* openAction() const { return open_; }
    QAction* saveAction() const { return save_; }
    QAction* saveAsAction() const { return saveAs_; }
    QAction* quitAction() const { return quit_; }
    QMenu* recentMenu() const { return recentMenu_; }
    QMenu* presetMenu() const { return presetMenu_; }

    QStringList recentFiles() const;
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    void newFromPreset(const QString& name);
    void newProject();
    // Asks to save unsaved changes; false when the person cancels. Quitting also
    // loses a trained model that was not saved: the question then says so (and is
    // asked for that alone).
    bool maybeSave(bool quitting = false);
    // What maybeSave asks, empty when nothing would be lost.
    QString unsavedText(bool quitting) const;
    // Describes the trained model in memory that no file holds ("the model of run 2"),
    // or returns an empty string; set by the window.
    void setUnsavedModel(std::function<QString()> describe) { unsavedModel_ = std::move(describe); }
    // Shows the errors met before the window was on screen (a file named on the
    // command line that could not be opened), each in its own box that does not
    // block; the window calls it when it is shown.
    void showPendingErrors();

Q_SIGNALS:
    void quitRequested();
    // A file was opened into the document (a trained .safetensors model also
    // becomes the model Inspect and Classify look at: the window listens).
    void fileOpened(const QString& path);

private:
    void open();
    bool save();
    bool saveAs();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildPresetMenu();
    void showError(const QString& title, const QString& message);

    ProjectDocument* document_;
    QWidget* window_;
    QAction *new_, *open_, *save_, *saveAs_, *quit_;
    QMenu* recentMenu_;
    QMenu* presetMenu_;
    std::function<QString()> unsavedModel_;
    std::vector<std::pair<QString, QString>> pendingErrors_; // title, message
};

} // namespace ui
