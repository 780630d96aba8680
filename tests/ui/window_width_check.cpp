#include "tests/ui/window_width_check.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace uitest {

namespace {

QString describe(const QWidget* w) {
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty()) text += "#" + w->objectName();
    if (auto* label = qobject_cast<const QLabel*>(w)) text += " \"" + label->text().left(60) + "\"";
    if (auto* button = qobject_cast<const QAbstractButton*>(w))
        text += " \"" + button->text().left(60) + "\"";
    return text + QString(" %1 px").arg(w->minimumSizeHint().width());
}

// The widgets at least `least` pixels wide whose children are all narrower: where the width
// comes from, rather than every container around it.
void widest(const QWidget* w, int least, QStringList& out) {
    bool wideChild = false;
    for (const QObject* c : w->children()) {
        auto* child = qobject_cast<const QWidget*>(c);
        if (!child || child->isWindow() || !child->isVisibleTo(w->window())) continue;
        if (child->minimumSizeHint().width() >= least) {
            wideChild = true;
            widest(child, least, out);
        }
    }
    if (!wideChild) out << describe(w);
}

} // namespace

QString cutWrappedText(QWidget* root) {
    QStringList cut;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty()) continue;
        const int needs = label->heightForWidth(label->width());
        if (label->height() + 1 < needs)
            cut << QString("'%1' %2 px high, needs %3").arg(label->text().left(50)).arg(label->height()).arg(needs);
    }
    return cut.join("\n");
}

QString cutComboText(QWidget* root) {
    QStringList cut;
    for (QComboBox* box : root->findChildren<QComboBox*>()) {
        if (!box->isVisible() || box->isEditable()) continue;
        QStyleOptionComboBox option;
        option.initFrom(box);
        const QRect text = box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box);
        for (int i = 0; i < box->count(); ++i) { // whichever is chosen
            const int needs = box->fontMetrics().horizontalAdvance(box->itemText(i));
            if (needs > text.width())
                cut << QString("'%1' needs %2 px, has %3").arg(box->itemText(i)).arg(needs).arg(text.width());
        }
    }
    return cut.join("\n");
}

QString tooWideFor1280(QWidget* window) {
    const int width = window->minimumSizeHint().width();
    if (width <= kScreenWidth - kFrameAllowance) return {};
    QStringList culprits;
    widest(window, 300, culprits);
    return QString("the window needs %1 px: %2").arg(width).arg(culprits.join("; "));
}

} // namespace uitest
