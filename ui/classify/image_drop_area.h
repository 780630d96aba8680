// ImageDropArea: the Classify page's upper part — a scrolling grid of result
// cards (newest first; as many columns as fit) that also takes drops: image files and folders from
// a file manager, or a picture dragged from a browser. With no cards it says
// what can be done ("Drop images here …"); while a drag hovers it is outlined.
// It only reports what arrived; the page decides what to do with it.
#pragma once

#include <QFrame>
#include <QImage>
#include <QList>
#include <QStringList>

class QGridLayout;
class QLabel;
class QMimeData;
class QScrollArea;
class QVBoxLayout;

namespace ui {

class ImageDropArea : public QFrame {
    Q_OBJECT
public:
    explicit ImageDropArea(QWidget* parent = nullptr);

    void insertCard(QWidget* card); // at the top, scrolled into view
    void removeCard(QWidget* card); // and deletes it
    QList<QWidget*> cards() const { return cards_; }
    QScrollArea* scrollArea() const { return scroll_; }

    // What a drop or a paste carries: local files and folders, or else a picture.
    static bool readMime(const QMimeData* mime, QStringList* paths, QImage* image);

Q_SIGNALS:
    void pathsDropped(const QStringList& paths); // files and folders
    void imageDropped(const QImage& image);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();
    int columnsThatFit() const;

    QScrollArea* scroll_;
    QWidget* list_;
    QVBoxLayout* listLayout_;
    QGridLayout* grid_;
    int columns_ = 1;
    QLabel* hint_;
    QList<QWidget*> cards_;
    bool hovering_ = false;
};

} // namespace ui
