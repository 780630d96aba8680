#include "ui/window/whole_lines.h"

#include <QEvent>
#include <QLabel>

namespace ui {

namespace {

class WholeLines : public QObject {
public:
    explicit WholeLines(QLabel* label) : QObject(label), label_(label) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == label_ && event->type() == QEvent::Resize) {
            const int needs = label_->heightForWidth(label_->width());
            // Exactly that height (more would centre the text in a gap). Only a change of
            // width changes it: setting it lays out once more, no loop.
            if (needs > 0 && (needs != label_->minimumHeight() || needs != label_->maximumHeight()))
                label_->setFixedHeight(needs);
        }
        return false;
    }

private:
    QLabel* label_;
};

} // namespace

void keepWholeLines(QLabel* label) {
    label->installEventFilter(new WholeLines(label));
}

} // namespace ui
