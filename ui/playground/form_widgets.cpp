#include "ui/playground/form_widgets.h"

#include "ui/window/whole_lines.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace ui {

QSpinBox* spinBox(const char* name, int lo, int hi, int value, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setValue(value);
    return box;
}

QLabel* noteLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    keepWholeLines(label); // a form row's height is set before the note's width is known
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QWidget* pairRow(QSpinBox* rows, QSpinBox* cols, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(cols); // width × height, like every size on the page
    layout->addWidget(new QLabel(QStringLiteral("×"), row));
    layout->addWidget(rows);
    layout->addStretch();
    rows->setToolTip(QObject::tr("Height: rows (vertical)"));
    cols->setToolTip(QObject::tr("Width: columns (horizontal)"));
    return row;
}

} // namespace ui
