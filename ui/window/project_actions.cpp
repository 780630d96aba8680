#include "ui/window/project_actions.h"

#include "ui/document/presets.h"
#include "ui/document/project_document.h"
#include "ui/window/engine_text.h"
#include "ui/window/language.h"

#include "engine/core/errors.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

namespace ui {

namespace {
constexpr int kMaxRecent = 10;
const char* kRecentKey = "recentFiles";
} // namespace

ProjectActions::ProjectActions(ProjectDocument* document, QWidget* window)
    : QObject(window), document_(document), window_(window) {
    new_ = new QAction(tr("&New"), this);
    new_->setShortcut(QKeySequence::New);
    new_->setToolTip(
        tr("A new project: an input, a Flatten and a softmax output sized to the data set"));
    open_ = new QAction(tr("&Open…"), this);
    open_->setShortcut(QKeySequence::Open);
    open_->setToolTip(
        tr("Open a project, an architecture (.json), a trained model (.safetensors), an ONNX model "
           "or a Keras model (.h5, to_json)"));
    save_ = new QAction(tr("&Save"), this);
    save_->setShortcut(QKeySequence::Save);
    saveAs_ = new QAction(tr("Save &As…"), this);
    saveAs_->setShortcut(QKeySequence::SaveAs);
    quit_ = new QAction(tr("&Quit"), this);
    quit_->setShortcut(QKeySequence::Quit);
    quit_->setMenuRole(QAction::QuitRole);
    recentMenu_ = new QMenu(tr("Open &Recent"), window);
    presetMenu_ = new QMenu(tr("New from Course &Preset"), window);
    connect(new_, &QAction::triggered, this, &ProjectActions::newProject);
    connect(open_, &QAction::triggered, this, &ProjectActions::open);
    connect(save_, &QAction::triggered, this, &ProjectActions::save);
    connect(saveAs_, &QAction::triggered, this, &ProjectActions::saveAs);
    connect(quit_, &QAction::triggered, this, &ProjectActions::quitRequested);
    rebuildRecentMenu();
    rebuildPresetMenu();
}

QStringList ProjectActions::recentFiles() const {
    return QSettings().value(kRecentKey).toStringList();
}

void ProjectActions::addRecent(const QString& path) {
    QStringList list = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void ProjectActions::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList list = recentFiles();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QAction* a =
            recentMenu_->addAction(QString("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave()) openFile(path);
        });
    }
    if (!list.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
    recentMenu_->setEnabled(!list.isEmpty());
}

void ProjectActions::rebuildPresetMenu() {
    presetMenu_->clear();
    for (const PresetInfo& preset : listPresets()) {
        const QString name = QString::fromStdString(preset.name);
        // A preset's description is "<the course's lesson title>: <what it is>";
        // the menu reads as the course does, the file name stays in the tooltip.
        // In the interface's language when the preset has it ("description_es").
        const auto translated = preset.translatedDescriptions.find(interfaceLanguage().toStdString());
        const QString description = QString::fromStdString(
            translated != preset.translatedDescriptions.end() ? translated->second : preset.description);
        const qsizetype colon = description.indexOf(": ");
        const QString text = colon > 0 ? description.left(colon) + QStringLiteral(" — ") + description.mid(colon + 2)
                             : description.isEmpty() ? name
                                                     : description;
        QAction* a = presetMenu_->addAction(text);
        a->setData(name);
        a->setToolTip(tr("%1.json").arg(name));
        a->setStatusTip(text);
        connect(a, &QAction::triggered, this, [this, name] {
            if (maybeSave()) newFromPreset(name);
        });
    }
    presetMenu_->setToolTipsVisible(true);
    presetMenu_->setEnabled(!presetMenu_->isEmpty());
}

void ProjectActions::showError(const QString& title, const QString& message) {
    if (window_ && window_->isVisible()) {
        QMessageBox::warning(window_, title, message);
        return;
    }
    qWarning("%s: %s", qPrintable(title), qPrintable(message));
    if (window_) pendingErrors_.emplace_back(title, message);
}

void ProjectActions::showPendingErrors() {
    for (const auto& [title, message] : pendingErrors_) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, window_);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    pendingErrors_.clear();
}

void ProjectActions::newProject() {
    if (!maybeSave()) return;
    ProjectContent content;
    content.graph = ProjectDocument::starterGraph(document_->dataShape());
    content.settings = document_->settings(); // keep the data set chosen
    content.settings.augmentation = {};
    document_->load(content, {});
}

void ProjectActions::newFromPreset(const QString& name) {
    const std::string path = presetPath(name.toStdString());
    try {
        if (path.empty()) throw cs::IoError("no preset named " + name.toStdString());
        ProjectContent content = readProjectFile(path, document_->settings());
        content.isProject = false;
        document_->load(content, {});
    } catch (const cs::Error& e) {
        showError(tr("Cannot open the preset"), errorText(e));
    }
}

bool ProjectActions::openFile(const QString& path) {
    try {
        ProjectContent content = readProjectFile(path.toStdString(), document_->settings());
        document_->load(content, path);
        addRecent(path);
        Q_EMIT fileOpened(path);
        return true;
    } catch (const cs::Error& e) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), errorText(e));
        return false;
    }
}

void ProjectActions::open() {
    if (!maybeSave()) return;
    const QString start =
        recentFiles().isEmpty() ? QString() : QFileInfo(recentFiles().first()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open"), start,
        tr("ConvStudio files (*.convstudio.json *.json *.safetensors *.onnx *.h5);;Projects "
           "(*.convstudio.json);;"
           "Architectures (*.json);;Trained models (*.safetensors);;ONNX models (*.onnx);;"
           "Keras models (*.h5 *.json);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

bool ProjectActions::saveTo(const QString& path) {
    try {
        document_->save(path);
        addRecent(path);
        return true;
    } catch (const cs::Error& e) {
        showError(tr("Cannot save %1").arg(QFileInfo(path).fileName()), errorText(e));
        return false;
    }
}

bool ProjectActions::save() {
    if (document_->filePath().isEmpty()) return saveAs();
    return saveTo(document_->filePath());
}

bool ProjectActions::saveAs() {
    QString suggested = document_->filePath();
    if (suggested.isEmpty())
        suggested = QString::fromStdString(document_->graph().name) + ".convstudio.json";
    QString path = QFileDialog::getSaveFileName(window_, tr("Save Project"), suggested,
                                                tr("Projects (*.convstudio.json);;All files (*)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(".json")) path += ".convstudio.json";
    return saveTo(path);
}

QString ProjectActions::unsavedText(bool quitting) const {
    QStringList lost;
    if (document_->isModified()) lost << tr("%1 has changes that are not saved.").arg(document_->displayName());
    const QString model = quitting && unsavedModel_ ? unsavedModel_() : QString();
    if (!model.isEmpty())
        lost << tr("The trained model (%1) is not saved either: Cancel, then Save Model… on the Train "
                   "page keeps it.")
                    .arg(model);
    return lost.join(QStringLiteral("\n\n"));
}

bool ProjectActions::maybeSave(bool quitting) {
    const QString text = unsavedText(quitting);
    if (text.isEmpty() || !window_ || !window_->isVisible()) return true;
    QMessageBox::StandardButtons buttons = QMessageBox::Discard | QMessageBox::Cancel;
    if (document_->isModified()) buttons |= QMessageBox::Save;
    const auto answer = QMessageBox::question(window_, tr("Save changes?"), text, buttons,
                                              document_->isModified() ? QMessageBox::Save : QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return save();
    return true;
}

} // namespace ui
