#include "ui/editor/layer_palette.h"

#include "ui/editor/drag_picture.h"
#include "ui/editor/layer_style.h"
#include "ui/window/engine_text.h"

#include "engine/layers/layer_registry.h"

#include <QDrag>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {
constexpr int kClassRole = Qt::UserRole + 1;

QString tooltipFor(const cs::LayerSpec& spec) {
    QString attributes;
    for (const cs::AttributeSpec& a : spec.attributes)
        attributes += QString("<br>&nbsp;&nbsp;<code>%1</code> — %2")
                          .arg(QString::fromStdString(a.key),
                               specText("cs::LayerSpec", a.help).toHtmlEscaped());
    return QString("<b>%1</b><br>%2%3<br><i>%4</i>")
        .arg(QString::fromStdString(spec.className),
             specText("cs::LayerSpec", spec.description).toHtmlEscaped(), attributes,
             QObject::tr(
                 "Drag onto a connection to insert it there, or onto empty space to append it."));
}
} // namespace

QStringList PaletteTree::mimeTypes() const {
    return {kLayerTypeMime};
}

Qt::DropActions PaletteTree::supportedDropActions() const { return Qt::CopyAction; }

QMimeData* PaletteTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    if (items.isEmpty() || items.first()->data(0, kClassRole).toString().isEmpty()) return nullptr;
    return LayerPalette::mimeDataFor(items.first()->data(0, kClassRole).toString());
}

void PaletteTree::startDrag(Qt::DropActions) {
    auto* palette = qobject_cast<LayerPalette*>(parentWidget());
    if (QDrag* drag = palette ? palette->createDrag(currentItem()) : nullptr)
        drag->exec(Qt::CopyAction);
}

LayerPalette::LayerPalette(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* title = new QLabel(tr("<b>Layers</b>"), this);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Filter layers…"));
    search_->setClearButtonEnabled(true);
    tree_ = new PaletteTree(this);
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(false);
    tree_->setIndentation(8);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setDefaultDropAction(Qt::CopyAction);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setMouseTracking(true);
    tree_->setIconSize(QSize(20, 20));
    tree_->setUniformRowHeights(true);
    int widestName = 0; // the palette shows every layer's class name in full
    for (const cs::LayerSpec& spec : cs::layerSpecs())
        widestName = std::max(widestName, fontMetrics().horizontalAdvance(QString::fromStdString(spec.className)));
    tree_->setMinimumWidth(widestName + 64);
    description_ = new QLabel(this);
    description_->setWordWrap(true);
    description_->setMinimumHeight(description_->fontMetrics().lineSpacing() * 4);
    description_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    description_->setForegroundRole(QPalette::PlaceholderText);
    description_->setText(tr("Drag a layer onto the model. Hover one to read what it does."));
    layout->addWidget(title);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addWidget(description_);
    populate();

    connect(search_, &QLineEdit::textChanged, this, &LayerPalette::filter);
    // Type "flat", press Return: the first layer the filter leaves is added, as
    // a double-click would (nothing when the filter leaves none).
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (QTreeWidgetItem* item = firstVisibleLayer()) Q_EMIT layerActivated(item->data(0, kClassRole).toString());
    });
    connect(tree_, &QTreeWidget::itemEntered, this,
            [this](QTreeWidgetItem* item) { showDescription(item); });
    connect(tree_, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { showDescription(item); });
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString cls = item->data(0, kClassRole).toString();
        if (!cls.isEmpty()) Q_EMIT layerActivated(cls);
    });
}

QMimeData* LayerPalette::mimeDataFor(const QString& className) {
    auto* mime = new QMimeData;
    mime->setData(kLayerTypeMime, className.toUtf8());
    mime->setText(className);
    return mime;
}

void LayerPalette::populate() {
    QFont headerFont = font();
    headerFont.setBold(true);
    for (const QString& category : paletteCategories()) {
        auto* header = new QTreeWidgetItem(tree_, {categoryTitle(category)});
        header->setFlags(Qt::ItemIsEnabled);
        header->setFont(0, headerFont);
        header->setForeground(0, categoryColor(category));
        for (const cs::LayerSpec& spec : cs::layerSpecs()) {
            if (QString::fromStdString(spec.category) != category) continue;
            const QString cls = QString::fromStdString(spec.className);
            auto* item = new QTreeWidgetItem(header, {cls});
            item->setData(0, kClassRole, cls);
            item->setIcon(0, categoryIcon(category));
            item->setToolTip(0, tooltipFor(spec));
            item->setStatusTip(0, specText("cs::LayerSpec", spec.description));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        if (header->childCount() == 0)
            delete header;
        else
            header->setExpanded(true);
    }
}

QTreeWidgetItem* LayerPalette::itemFor(const QString& className) const {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* header = tree_->topLevelItem(i);
        for (int j = 0; j < header->childCount(); ++j)
            if (header->child(j)->data(0, kClassRole).toString() == className)
                return header->child(j);
    }
    return nullptr;
}

QDrag* LayerPalette::createDrag(QTreeWidgetItem* item) {
    const QString cls = item ? item->data(0, kClassRole).toString() : QString();
    if (cls.isEmpty()) return nullptr;
    auto* drag = new QDrag(tree_);
    drag->setMimeData(mimeDataFor(cls));
    // Not the row under the cursor (Qt's default), which hid the insert marker.
    const DragPicture picture = layerDragPicture(cls, cls, tree_);
    drag->setPixmap(picture.pixmap);
    drag->setHotSpot(picture.hotSpot);
    return drag;
}

QTreeWidgetItem* LayerPalette::firstVisibleLayer() const {
    // A name that starts with the text beats one that contains it, which beats
    // a match in the description only ("pool" -> MaxPooling2D, not a layer
    // whose help mentions pooling).
    const QString text = search_->text().trimmed();
    QTreeWidgetItem* best = nullptr;
    int bestRank = 3;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* header = tree_->topLevelItem(i);
        for (int j = 0; j < header->childCount(); ++j) {
            QTreeWidgetItem* item = header->child(j);
            if (item->isHidden()) continue;
            const QString name = item->text(0);
            const int rank = name.startsWith(text, Qt::CaseInsensitive)  ? 0
                             : name.contains(text, Qt::CaseInsensitive) ? 1
                                                                         : 2;
            if (rank < bestRank) best = item, bestRank = rank;
        }
    }
    return best;
}

void LayerPalette::filter(const QString& text) {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* header = tree_->topLevelItem(i);
        int visible = 0;
        for (int j = 0; j < header->childCount(); ++j) {
            QTreeWidgetItem* item = header->child(j);
            const bool show = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                              item->statusTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!show);
            visible += show;
        }
        header->setHidden(visible == 0);
    }
}

void LayerPalette::showDescription(QTreeWidgetItem* item) {
    if (!item || item->data(0, kClassRole).toString().isEmpty()) return;
    description_->setText(
        QString("<b>%1</b> — %2").arg(item->text(0), item->statusTip(0).toHtmlEscaped()));
}

} // namespace ui
