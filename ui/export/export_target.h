// ExportTarget: makes a view keepable, the same way everywhere. Attached to a
// chart, a kernel or feature-map grid, a Grad-CAM card, the confusion matrix
// or the playground's output, it gives the view a right-click menu — Copy,
// Export PNG… (at a chosen scale), Export SVG… (Qt SVG), and Export <data>
// CSV… for each table of numbers behind the picture — and File ▸ Export finds
// it among the current page's children (exportTargetsOf()).
//
//   auto* target = ExportTarget::attach(chart, tr("Loss chart"), "loss");
//   target->addTable(tr("history"), [this] { return historyTable(); });
//
// The picture is the widget as drawn (QWidget::render, so a chart stays
// vector graphics in the SVG); a view can supply its own painter instead.
// Files are chosen through exportPrompts(), which tests replace.
#pragma once

#include "ui/export/data_table.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <functional>

class QMenu;
class QPainter;
class QWidget;

namespace ui {

class ExportTarget : public QObject {
    Q_OBJECT
public:
    // The target is a child of `view` (it goes with it) and owns its context menu.
    static ExportTarget* attach(QWidget* view, const QString& title, const QString& fileStem);
    // The export target of `view` itself, or null.
    static ExportTarget* of(const QWidget* view);

    QWidget* view() const { return view_; }
    QString title() const { return title_; }
    void setTitle(const QString& title) { title_ = title; }
    QString fileStem() const { return fileStem_; }
    void setFileStem(const QString& stem) { fileStem_ = stem; }

    // A table of numbers behind the picture; `make` is called at export time. An
    // empty table (no run yet) is left out of the menu.
    void addTable(const QString& name, std::function<DataTable()> make);
    int tableCount() const { return int(tables_.size()); }
    QString tableName(int i) const { return tables_.value(i).name; }
    DataTable table(int i) const;
    // Instead of drawing the widget: a picture of `size` (logical pixels) drawn by `paint`.
    void setPainter(std::function<QSize()> size, std::function<void(QPainter&)> paint);
    // Nothing to export now (an empty grid): left out of File ▸ Export, menu greyed.
    void setAvailable(std::function<bool()> available) { available_ = std::move(available); }
    bool isAvailable() const;

    QSize pictureSize() const; // logical pixels
    // The picture at `scale` (2: twice as many pixels each way), on the window colour.
    QImage image(double scale) const;
    // Each writes `path` (atomically) and returns the reason it could not, or empty.
    QString writePng(const QString& path, double scale) const;
    QString writeSvg(const QString& path) const;
    QString writeCsv(int table, const QString& path) const;
    // The picture (and the first table, tab-separated) to the clipboard.
    void copy() const;

    // The menu a right-click opens (also File ▸ Export's submenu for this view); a
    // right-click lists the view's own actions (QWidget::actions()) above it.
    void fillMenu(QMenu* menu);

public Q_SLOTS:
    // Interactive: ask (exportPrompts) and write; false when cancelled or failed.
    bool exportPng();
    bool exportSvg();
    bool exportCsv(int table);

private:
    ExportTarget(QWidget* view, const QString& title, const QString& fileStem);
    void paint(QPainter& painter) const;
    QString askPath(const QString& caption, const QString& suffix, const QString& filter) const;
    bool report(const QString& error) const;

    struct Table {
        QString name;
        std::function<DataTable()> make;
    };
    QPointer<QWidget> view_;
    QString title_, fileStem_;
    QList<Table> tables_;
    std::function<QSize()> size_;
    std::function<void(QPainter&)> painter_;
    std::function<bool()> available_;
};

// The export targets under `root` whose views are shown (visible within root),
// in the order of their creation.
QList<ExportTarget*> exportTargetsOf(const QWidget* root);

} // namespace ui

namespace ui {
// File ▸ Export: a submenu per export target shown on `page` (the current
// page), each with the target's menu; a disabled line when there is none.
void fillExportMenu(QMenu* menu, const QWidget* page);
} // namespace ui
