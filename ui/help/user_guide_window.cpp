#include "ui/help/user_guide_window.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QDesktopServices>
#include <QFile>
#include <QScreen>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolBar>
#include <QVBoxLayout>
#include <vector>

// Q_INIT_RESOURCE must be used outside any namespace; the guide lives in the
// static ui library, where the linker would otherwise drop it.
static void initGuideResources() {
    Q_INIT_RESOURCE(user_guide);
}

namespace ui {

namespace {

const QUrl kGuide(QStringLiteral("qrc:/guide/user-guide.md"));

// A page of the shipped guide (qrc:/guide/...) that exists.
bool isShippedPage(const QUrl& url) {
    return url.scheme() == "qrc" && QFile::exists(':' + url.path());
}

} // namespace

UserGuideWindow::UserGuideWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    initGuideResources();
    setWindowTitle(tr("User Guide"));
    browser_ = new QTextBrowser(this);
    browser_->setOpenLinks(false); // follow() decides: inside, or the desktop's browser
    browser_->document()->setDocumentMargin(18);
    // A long command or path in a table breaks where it must rather than widen the page.
    browser_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    browser_->viewport()->installEventFilter(this); // refit the pictures to its width
    connect(browser_, &QTextBrowser::anchorClicked, this, &UserGuideWindow::follow);

    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    back_ = bar->addAction(tr("Back"), this, &UserGuideWindow::goBack);
    back_->setShortcut(QKeySequence::Back);
    back_->setEnabled(false);
    bar->addAction(tr("Contents"), this, [this] { open(kGuide, {}); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(browser_);

    // A reading column beside the main window, nearly as tall as the screen.
    const int em = fontMetrics().horizontalAdvance('M');
    QSize size(em * 80, em * 64);
    if (const QScreen* screen = parent ? parent->screen() : nullptr) {
        const QRect free = screen->availableGeometry();
        size = size.boundedTo(QSize(free.width() * 3 / 4, free.height() * 9 / 10));
        resize(size);
        move(free.center() - QPoint(size.width() / 2, size.height() / 2));
    } else {
        resize(size);
    }
}

void UserGuideWindow::showSection(const QString& anchor) {
    open(kGuide, anchor);
}

void UserGuideWindow::follow(const QUrl& link) {
    if (!link.isRelative() && link.scheme() != "qrc") {
        QDesktopServices::openUrl(link); // http(s), mailto: the person's own programs
        return;
    }
    const QUrl target = browser_->source().resolved(link);
    const QUrl page = target.adjusted(QUrl::RemoveFragment);
    if (!isShippedPage(page)) return;
    history_.append({browser_->source(), browser_->verticalScrollBar()->value()});
    back_->setEnabled(true);
    open(page, target.fragment());
}

void UserGuideWindow::goBack() {
    if (history_.isEmpty()) return;
    const Place place = history_.takeLast();
    back_->setEnabled(!history_.isEmpty());
    load(place.page);
    browser_->document()->documentLayout()->documentSize(); // laid out: the range is known
    browser_->verticalScrollBar()->setValue(place.scroll);
}

bool UserGuideWindow::load(const QUrl& page) {
    if (browser_->source().adjusted(QUrl::RemoveFragment) == page) return false;
    browser_->setSource(page, QTextDocument::MarkdownResource);
    prepare();
    fitImages();
    return true;
}

void UserGuideWindow::open(const QUrl& page, const QString& anchor) {
    load(page);
    if (anchor.isEmpty())
        browser_->verticalScrollBar()->setValue(0);
    else
        browser_->scrollToAnchor(anchor);
}

QString UserGuideWindow::anchorFor(const QString& heading) {
    QString anchor;
    for (const QChar c : heading.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == '_' || c == '-')
            anchor += c;
        else if (c == ' ')
            anchor += '-';
    }
    return anchor;
}

void UserGuideWindow::prepare() {
    // Qt's Markdown reader gives headings no anchors: name each as GitHub would,
    // with "-1", "-2" ... for a repeated heading. Code blocks keep their lines
    // unbroken, which pushes a reading window sideways: they wrap instead.
    QTextDocument* document = browser_->document();
    QHash<QString, int> seen;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().nonBreakableLines()) {
            QTextBlockFormat wrapping;
            wrapping.setNonBreakableLines(false);
            QTextCursor(block).mergeBlockFormat(wrapping);
        }
        if (block.blockFormat().headingLevel() == 0 || block.text().isEmpty()) continue;
        QString anchor = anchorFor(block.text());
        if (const int n = seen[anchor]++; n > 0) anchor += QString("-%1").arg(n);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({anchor});
        cursor.mergeCharFormat(format);
    }
    document->setModified(false);
}

QStringList UserGuideWindow::headings() const {
    QStringList texts;
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next())
        if (block.blockFormat().headingLevel() > 0) texts << block.text();
    return texts;
}

QStringList UserGuideWindow::imageNames() const {
    QStringList names;
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                names << it.fragment().charFormat().toImageFormat().name();
    return names;
}

QImage UserGuideWindow::image(const QString& name) const {
    const QVariant resource =
        browser_->document()->resource(QTextDocument::ImageResource, QUrl(name));
    if (resource.typeId() == QMetaType::QImage) return resource.value<QImage>();
    if (resource.typeId() == QMetaType::QPixmap) return resource.value<QPixmap>().toImage();
    return QImage::fromData(resource.toByteArray());
}

void UserGuideWindow::fitImages() {
    // The screenshots are wider than a reading window: each is drawn at most as wide as
    // the text column (its full size when that fits), keeping its proportions.
    QTextDocument* document = browser_->document();
    // Room to spare for a scroll bar that may come and go as the pictures change size.
    const qreal column = browser_->viewport()->width() - 2 * document->documentMargin() - 24;
    if (column < 100) return;
    struct Placed {
        int position, length;
        QTextImageFormat format;
    };
    std::vector<Placed> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                images.push_back({it.fragment().position(), it.fragment().length(),
                                  it.fragment().charFormat().toImageFormat()});
    for (Placed& placed : images) {
        const QImage picture = image(placed.format.name());
        if (picture.isNull()) continue;
        const QSizeF natural = picture.deviceIndependentSize();
        const qreal width = std::min(natural.width(), column);
        if (qFuzzyCompare(placed.format.width(), width)) continue;
        placed.format.setWidth(width);
        placed.format.setHeight(natural.height() * width / natural.width());
        QTextCursor cursor(document);
        cursor.setPosition(placed.position);
        cursor.setPosition(placed.position + placed.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(placed.format);
    }
    document->setModified(false);
}

QTextImageFormat UserGuideWindow::imageFormat(const QString& name) const {
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat() &&
                it.fragment().charFormat().toImageFormat().name() == name)
                return it.fragment().charFormat().toImageFormat();
    return {};
}

bool UserGuideWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == browser_->viewport() && event->type() == QEvent::Resize &&
        !browser_->source().isEmpty())
        fitImages();
    return QWidget::eventFilter(watched, event);
}

} // namespace ui
