#include "ui/export/export_target.h"

#include "ui/export/export_prompts.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <QWidget>
#include <cmath>

namespace ui {

namespace {
// A name a file system takes: letters, digits, '-', '_' and '.'; the rest becomes '_'.
QString safeStem(QString stem) {
    for (QChar& c : stem)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return stem.isEmpty() ? QStringLiteral("export") : stem;
}

QString writeAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QObject::tr("%1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QObject::tr("%1: %2").arg(path, file.errorString());
    return {};
}
} // namespace

ExportTarget::ExportTarget(QWidget* view, const QString& title, const QString& fileStem)
    : QObject(view), view_(view), title_(title), fileStem_(fileStem) {
    setObjectName(QStringLiteral("exportTarget"));
}

ExportTarget* ExportTarget::attach(QWidget* view, const QString& title, const QString& fileStem) {
    if (ExportTarget* existing = of(view)) return existing;
    auto* target = new ExportTarget(view, title, fileStem);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, target, [target](const QPoint& pos) {
        QWidget* v = target->view();
        QMenu menu(v);
        // The view's own actions first (a chart's log scale and Reset zoom), then the exports.
        if (!v->actions().isEmpty()) {
            menu.addActions(v->actions());
            menu.addSeparator();
        }
        target->fillMenu(&menu);
        // A scroll area reports the position in its viewport's coordinates.
        QWidget* origin = v;
        if (auto* area = v->findChild<QWidget*>(QStringLiteral("qt_scrollarea_viewport"), Qt::FindDirectChildrenOnly))
            origin = area;
        menu.exec(origin->mapToGlobal(pos));
    });
    return target;
}

ExportTarget* ExportTarget::of(const QWidget* view) {
    return view ? view->findChild<ExportTarget*>(QStringLiteral("exportTarget"), Qt::FindDirectChildrenOnly)
                : nullptr;
}

void ExportTarget::addTable(const QString& name, std::function<DataTable()> make) {
    tables_.append({name, std::move(make)});
}

DataTable ExportTarget::table(int i) const {
    if (i < 0 || i >= tables_.size()) return {};
    DataTable t = tables_[i].make();
    if (t.name.isEmpty()) t.name = tables_[i].name;
    return t;
}

void ExportTarget::setPainter(std::function<QSize()> size, std::function<void(QPainter&)> paint) {
    size_ = std::move(size);
    painter_ = std::move(paint);
}

bool ExportTarget::isAvailable() const {
    if (!view_) return false;
    return !available_ || available_();
}

QSize ExportTarget::pictureSize() const {
    if (size_) return size_();
    return view_ ? view_->size() : QSize();
}

void ExportTarget::paint(QPainter& painter) const {
    if (painter_) {
        painter_(painter);
        return;
    }
    if (view_) view_->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

QImage ExportTarget::image(double scale) const {
    const QSize logical = pictureSize();
    if (logical.isEmpty() || scale <= 0) return {};
    QImage image(QSize(int(std::lround(logical.width() * scale)), int(std::lround(logical.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale); // the widget draws in logical pixels, at scale's resolution
    image.fill(view_ ? view_->palette().color(QPalette::Window) : QColor(Qt::white));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    paint(painter);
    painter.end();
    return image;
}

QString ExportTarget::writePng(const QString& path, double scale) const {
    const QImage picture = image(scale);
    if (picture.isNull()) return tr("%1: there is nothing to draw yet").arg(title_);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!picture.save(&buffer, "PNG")) return tr("%1: the PNG could not be encoded").arg(path);
    return writeAtomically(path, bytes);
}

QString ExportTarget::writeSvg(const QString& path) const {
    const QSize logical = pictureSize();
    if (logical.isEmpty()) return tr("%1: there is nothing to draw yet").arg(title_);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(logical);
    svg.setResolution(96); // CSS pixels: a browser shows the drawing at its size on screen
    svg.setViewBox(QRect(QPoint(0, 0), logical));
    svg.setTitle(title_);
    svg.setDescription(tr("Exported from ConvStudio"));
    {
        QPainter painter(&svg);
        if (view_) painter.fillRect(QRect(QPoint(0, 0), logical), view_->palette().color(QPalette::Window));
        paint(painter);
    }
    return writeAtomically(path, bytes);
}

QString ExportTarget::writeCsv(int index, const QString& path) const {
    const DataTable t = table(index);
    if (t.isEmpty()) return tr("%1: no %2 to export yet").arg(title_, tableName(index));
    return writeAtomically(path, t.toCsv().toUtf8());
}

void ExportTarget::copy() const {
    auto* mime = new QMimeData;
    const QImage picture = image(view_ ? view_->devicePixelRatioF() : 1.0);
    if (!picture.isNull()) mime->setImageData(picture);
    for (int i = 0; i < tables_.size(); ++i) {
        const DataTable t = table(i);
        if (t.isEmpty()) continue;
        mime->setText(t.toTabSeparated()); // pastes into a spreadsheet as cells
        break;
    }
    QApplication::clipboard()->setMimeData(mime);
}

QString ExportTarget::askPath(const QString& caption, const QString& suffix, const QString& filter) const {
    QString path = exportPrompts().saveFile(view_, caption, safeStem(fileStem_) + suffix, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) path += suffix;
    return path;
}

bool ExportTarget::report(const QString& error) const {
    if (error.isEmpty()) return true;
    if (exportPrompts().error) exportPrompts().error(view_, error);
    return false;
}

bool ExportTarget::exportPng() {
    const std::optional<double> scale = exportPrompts().scale(view_);
    if (!scale) return false;
    const QString path = askPath(tr("Export %1 as PNG").arg(title_), QStringLiteral(".png"), tr("PNG images (*.png)"));
    return !path.isEmpty() && report(writePng(path, *scale));
}

bool ExportTarget::exportSvg() {
    const QString path = askPath(tr("Export %1 as SVG").arg(title_), QStringLiteral(".svg"), tr("SVG drawings (*.svg)"));
    return !path.isEmpty() && report(writeSvg(path));
}

bool ExportTarget::exportCsv(int index) {
    const QString stem = fileStem_;
    const QString name = tableName(index);
    const QString suffix = (name.isEmpty() ? QString() : QLatin1Char('_') + safeStem(name)) + QStringLiteral(".csv");
    const QString path = askPath(tr("Export %1 as CSV").arg(name), suffix, tr("CSV tables (*.csv)"));
    return !path.isEmpty() && report(writeCsv(index, path));
}

void ExportTarget::fillMenu(QMenu* menu) {
    const bool available = isAvailable();
    QAction* copyAction = menu->addAction(tr("Copy"), this, [this] { copy(); });
    copyAction->setObjectName(QStringLiteral("exportCopy"));
    QAction* png = menu->addAction(tr("Export PNG…"), this, [this] { exportPng(); });
    png->setObjectName(QStringLiteral("exportPng"));
    QAction* svg = menu->addAction(tr("Export SVG…"), this, [this] { exportSvg(); });
    svg->setObjectName(QStringLiteral("exportSvg"));
    for (QAction* a : {copyAction, png, svg})
        a->setEnabled(available);
    for (int i = 0; i < tables_.size(); ++i) {
        QAction* csv = menu->addAction(tr("Export %1 CSV…").arg(tables_[i].name), this, [this, i] { exportCsv(i); });
        csv->setObjectName(QStringLiteral("exportCsv%1").arg(i));
        csv->setEnabled(available && !table(i).isEmpty());
    }
}

QList<ExportTarget*> exportTargetsOf(const QWidget* root) {
    QList<ExportTarget*> shown;
    if (!root) return shown;
    for (ExportTarget* t : root->findChildren<ExportTarget*>(QStringLiteral("exportTarget")))
        if (t->view() && (t->view() == root || t->view()->isVisibleTo(root)) && t->isAvailable()) shown.append(t);
    return shown;
}

} // namespace ui

namespace ui {

void fillExportMenu(QMenu* menu, const QWidget* page) {
    // clear() removes the actions; the submenus of the last time are children to delete.
    qDeleteAll(menu->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly));
    menu->clear();
    const QList<ExportTarget*> targets = exportTargetsOf(page);
    if (targets.isEmpty()) {
        menu->addAction(QObject::tr("Nothing on this page to export yet"))->setEnabled(false);
        return;
    }
    for (ExportTarget* t : targets) {
        QMenu* sub = menu->addMenu(t->title());
        sub->setObjectName(t->title());
        t->fillMenu(sub);
    }
}

} // namespace ui
