#include "window/placeholder_page.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

PlaceholderPage::PlaceholderPage(const QIcon& icon, const QString& title, const QString& text,
                                 QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    picture_ = new QLabel(this);
    picture_->setAlignment(Qt::AlignCenter);
    setIcon(icon);
    auto* heading = new QLabel(QString("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    heading->setAlignment(Qt::AlignCenter);
    auto* body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    body->setFixedWidth(body->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36);
    body->setMinimumHeight(
        body->heightForWidth(body->width())); // wrapped text gets its full height
    body->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(picture_);
    layout->addWidget(heading);
    layout->addWidget(body, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

void PlaceholderPage::setIcon(const QIcon& icon) {
    picture_->setPixmap(icon.pixmap(64, 64));
}

} // namespace ui
