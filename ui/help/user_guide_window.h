// UserGuideWindow: Help > User Guide (F1). Shows docs/user-guide.md, which the
// build embeds with its pictures and docs/formats.md as Qt resources under
// :/guide (docs/user_guide.qrc), so the guide works offline and from the
// build tree. Qt's Markdown reader draws it; the window adds what the reader
// lacks: anchors on headings named as GitHub names them ("#building-a-model"),
// so the guide's own contents links work, pictures scaled down to the
// window's width and code that wraps (no sideways scrolling). Links to
// #sections and to the shipped pages stay inside (Back returns), web links
// open in the desktop's browser.
#pragma once

#include <QImage>
#include <QStringList>
#include <QTextFormat>
#include <QUrl>
#include <QWidget>

class QAction;
class QTextBrowser;

namespace ui {

class UserGuideWindow : public QWidget {
    Q_OBJECT
public:
    explicit UserGuideWindow(QWidget* parent = nullptr);

    // The guide's page, scrolled to the heading `anchor` ("training"), or to the top.
    void showSection(const QString& anchor = {});
    QTextBrowser* browser() const { return browser_; }
    QAction* backAction() const { return back_; } // to where the last link was followed (Alt+Left)

    // What the shown page holds (for tests): heading texts, picture paths as written
    // in the Markdown ("images/classify.png") and a picture as the page loads it.
    QStringList headings() const;
    QStringList imageNames() const;
    QImage image(const QString& name) const;
    QTextImageFormat imageFormat(const QString& name) const; // as drawn (its width, height)

    // GitHub's anchor for a heading: lower case, spaces to '-', punctuation dropped.
    static QString anchorFor(const QString& heading);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Place {
        QUrl page;
        int scroll;
    };
    void follow(const QUrl& link);
    void goBack();
    bool load(const QUrl& page); // false when it is already shown
    void open(const QUrl& page, const QString& anchor);
    void prepare(); // heading anchors, wrapping code
    void fitImages();

    QTextBrowser* browser_;
    QAction* back_;
    QList<Place> history_;
};

} // namespace ui
