// ModelEditorPage: the Model page — the layer palette on the left, the issue
// bar and the canvas (with zoom controls) in the middle, the inspector and the
// live summary on the right. It only lays them out and shares its actions
// (zoom, fit, delete) with the main window's menus.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QVBoxLayout;

namespace ui {

class ProjectDocument;
class LayerPalette;
class ModelCanvas;
class LayerInspector;
class SummaryTable;
class IssueBar;

class ModelEditorPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelEditorPage(ProjectDocument* document, QWidget* parent = nullptr);

    LayerPalette* palette() const { return palette_; }
    ModelCanvas* canvas() const { return canvas_; }
    LayerInspector* inspector() const { return inspector_; }
    SummaryTable* summary() const { return summary_; }
    IssueBar* issueBar() const { return issueBar_; }
    QList<QAction*> viewActions() const; // zoom in, zoom out, actual size, fit
    QAction* deleteAction() const { return delete_; }
    QAction* duplicateAction() const { return duplicate_; } // Ctrl+D on the canvas
    // A panel shown above the canvas (the first start's next steps).
    void addBanner(QWidget* banner);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& state);

private:
    ProjectDocument* document_;
    LayerPalette* palette_;
    ModelCanvas* canvas_;
    LayerInspector* inspector_;
    SummaryTable* summary_;
    IssueBar* issueBar_;
    QSplitter* columns_;
    QSplitter* rightColumn_;
    QAction *zoomIn_, *zoomOut_, *actualSize_, *fit_, *delete_, *duplicate_;
    QVBoxLayout* middleLayout_;
    QLabel* zoomLabel_;
};

} // namespace ui
