#include "ui/export/data_table.h"

#include <cmath>

namespace ui {

namespace {
QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString joined(const QStringList& fields, bool csv) {
    if (!csv) {
        QStringList cleaned = fields; // a tab or line break inside a cell would shift the columns
        for (QString& f : cleaned)
            f.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        return cleaned.join(QLatin1Char('\t'));
    }
    QStringList quoted;
    for (const QString& f : fields)
        quoted.append(csvField(f));
    return quoted.join(QLatin1Char(','));
}
} // namespace

QString DataTable::toCsv() const {
    QString out = joined(header, true) + QLatin1String("\r\n");
    for (const QStringList& row : rows)
        out += joined(row, true) + QLatin1String("\r\n");
    return out;
}

QString DataTable::toTabSeparated() const {
    QString out = joined(header, false) + QLatin1Char('\n');
    for (const QStringList& row : rows)
        out += joined(row, false) + QLatin1Char('\n');
    return out;
}

QString cellNumber(double value) {
    if (std::isnan(value)) return QString();
    return QString::number(value, 'g', 9);
}

} // namespace ui
