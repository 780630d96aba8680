#include "ui/export/export_prompts.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>

namespace ui {

namespace {
const char* kFolderKey = "export/folder";

ExportPrompts dialogs() {
    ExportPrompts p;
    p.saveFile = [](QWidget* parent, const QString& caption, const QString& suggested, const QString& filter) {
        QSettings settings; // the folder of the last export, so a series of pictures lands together
        const QString folder = settings.value(kFolderKey, QDir::homePath()).toString();
        const QString path =
            QFileDialog::getSaveFileName(parent, caption, QDir(folder).filePath(suggested), filter);
        if (!path.isEmpty()) settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
        return path;
    };
    p.scale = [](QWidget* parent) -> std::optional<double> {
        const QStringList scales{QObject::tr("1× (as on screen)"), QObject::tr("2× (slides, print)"),
                                 QObject::tr("3×"), QObject::tr("4× (posters)")};
        bool ok = false;
        const QString chosen = QInputDialog::getItem(parent, QObject::tr("Export PNG"),
                                                     QObject::tr("Scale:"), scales, 1, false, &ok);
        if (!ok) return std::nullopt;
        return double(scales.indexOf(chosen) + 1);
    };
    p.error = [](QWidget* parent, const QString& message) {
        QMessageBox::warning(parent, QObject::tr("Export"), message);
    };
    return p;
}
} // namespace

ExportPrompts& exportPrompts() {
    static ExportPrompts prompts = dialogs();
    return prompts;
}

void restoreDefaultExportPrompts() {
    exportPrompts() = dialogs();
}

} // namespace ui
