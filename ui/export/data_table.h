// DataTable: the numbers behind a picture (a run's history, a confusion
// matrix, a per-class report, a card's probabilities, a playground output) as
// rows of text, written as CSV for a spreadsheet or copied as tab-separated
// text. Numbers are formatted with cellNumber() so a float survives the trip.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ui {

struct DataTable {
    QString name;       // "history", "confusion matrix" ... (menu entry, file name)
    QStringList header; // column names
    QList<QStringList> rows;

    bool isEmpty() const { return rows.isEmpty(); }
    // RFC 4180: fields with a comma, quote or line break quoted, quotes doubled; CRLF rows.
    QString toCsv() const;
    QString toTabSeparated() const; // what Copy puts on the clipboard as text
};

// 9 significant digits: every float32 value reads back exactly.
QString cellNumber(double value);

} // namespace ui
