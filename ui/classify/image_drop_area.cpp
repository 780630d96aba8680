#include "ui/classify/image_drop_area.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {
constexpr int kCardMinWidth = 580; // image, names, bars and percentages side by side
}

ImageDropArea::ImageDropArea(QWidget* parent) : QFrame(parent) {
    setObjectName("classifyDropArea");
    setAcceptDrops(true);
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName("resultsList");
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    list_ = new QWidget(scroll_);
    listLayout_ = new QVBoxLayout(list_);
    listLayout_->setContentsMargins(6, 6, 6, 6);
    listLayout_->setSpacing(8);
    hint_ = new QLabel(tr("<p style='font-size:large'><b>Drop images here</b></p>"
                          "<p>or paste one (Ctrl+V), or use <i>Add Images…</i><br>"
                          "Each image shows its most probable classes and where the model looked "
                          "(Grad-CAM).<br>Drop a folder to classify every image in it.</p>"),
                       list_);
    hint_->setObjectName("dropHint");
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    grid_ = new QGridLayout;
    grid_->setSpacing(8);
    listLayout_->addWidget(hint_, 1);
    listLayout_->addLayout(grid_);
    listLayout_->addStretch(0);
    scroll_->setWidget(list_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(scroll_);
}

void ImageDropArea::insertCard(QWidget* card) {
    cards_.prepend(card);
    relayout();
    scroll_->verticalScrollBar()->setValue(0);
}

void ImageDropArea::removeCard(QWidget* card) {
    cards_.removeOne(card);
    grid_->removeWidget(card);
    card->hide();
    card->deleteLater();
    relayout();
}

int ImageDropArea::columnsThatFit() const {
    const int width = scroll_->viewport()->width() - 12; // the list's margins
    return std::max(1, width / kCardMinWidth);
}

void ImageDropArea::relayout() {
    columns_ = columnsThatFit();
    for (QWidget* card : cards_)
        grid_->removeWidget(card);
    for (int i = 0; i < cards_.size(); ++i)
        grid_->addWidget(cards_[i], i / columns_, i % columns_, Qt::AlignTop);
    for (int c = 0; c < grid_->columnCount(); ++c)
        grid_->setColumnStretch(c, c < columns_ ? 1 : 0);
    hint_->setVisible(cards_.isEmpty());
    // The hint takes the whole height when alone; otherwise the stretch below
    // the cards does, so they keep their own height at the top.
    listLayout_->setStretch(listLayout_->count() - 1, cards_.isEmpty() ? 0 : 1);
}

void ImageDropArea::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    if (columnsThatFit() != columns_) relayout();
}

bool ImageDropArea::readMime(const QMimeData* mime, QStringList* paths, QImage* image) {
    if (!mime) return false;
    paths->clear();
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) *paths << url.toLocalFile();
    if (!paths->isEmpty()) return true;
    if (mime->hasImage()) {
        *image = qvariant_cast<QImage>(mime->imageData());
        return !image->isNull();
    }
    return false;
}

void ImageDropArea::dragEnterEvent(QDragEnterEvent* event) {
    QStringList paths;
    QImage image;
    if (!readMime(event->mimeData(), &paths, &image)) return;
    event->acceptProposedAction();
    hovering_ = true;
    update();
}

void ImageDropArea::dragMoveEvent(QDragMoveEvent* event) {
    event->acceptProposedAction();
}

void ImageDropArea::dragLeaveEvent(QDragLeaveEvent* event) {
    hovering_ = false;
    update();
    QFrame::dragLeaveEvent(event);
}

void ImageDropArea::dropEvent(QDropEvent* event) {
    hovering_ = false;
    update();
    QStringList paths;
    QImage image;
    if (!readMime(event->mimeData(), &paths, &image)) return;
    event->acceptProposedAction();
    if (!paths.isEmpty())
        Q_EMIT pathsDropped(paths);
    else
        Q_EMIT imageDropped(image);
}

void ImageDropArea::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    if (!hovering_) return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Highlight), 2, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 6, 6);
}

} // namespace ui
