// The questions an export asks — which file, at what scale — and how it
// reports a failure, behind replaceable functions: the window asks with
// QFileDialog / QInputDialog / QMessageBox; tests put functions here that
// answer at once, so an export runs from its menu action without a dialog.
//
//   ui::exportPrompts().saveFile = [&](auto*, auto&, auto&, auto&) { return path; };
#pragma once

#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace ui {

struct ExportPrompts {
    // The file to write (empty: cancelled), given a suggested file name and a filter.
    std::function<QString(QWidget* parent, const QString& caption, const QString& suggestedName,
                          const QString& filter)>
        saveFile;
    // The PNG's scale (2: twice the size on screen); nullopt: cancelled.
    std::function<std::optional<double>(QWidget* parent)> scale;
    // An export that failed, with the reason.
    std::function<void(QWidget* parent, const QString& message)> error;
};

// The prompts in use (dialogs unless replaced); restoreDefaultExportPrompts() puts the dialogs back.
ExportPrompts& exportPrompts();
void restoreDefaultExportPrompts();

} // namespace ui
