// ElidedLabel: one line of plain text that gives way when the window is narrow — cut
// with "…", the whole text in its tooltip — instead of widening the window (a status
// line that names a folder: paths have no spaces to wrap at, and Spanish runs long).
#pragma once

#include <QLabel>

namespace ui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    // ElideMiddle keeps both ends (a folder's path in the middle of a sentence).
    explicit ElidedLabel(QWidget* parent = nullptr, Qt::TextElideMode mode = Qt::ElideRight);
    void setFullText(const QString& text); // clears the tooltip: set one after it, if wanted
    QString fullText() const { return full_; }
    bool isElided() const { return text() != full_; }
    QSize sizeHint() const override;        // the whole text
    QSize minimumSizeHint() const override; // a few characters and the "…"

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();
    QString full_;
    Qt::TextElideMode mode_;
};

} // namespace ui
