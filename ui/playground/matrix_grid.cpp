#include "ui/playground/matrix_grid.h"

#include "ui/window/engine_text.h"

#include "engine/core/errors.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

QString numberText(double v, int decimals) {
    if (v == std::round(v) && std::fabs(v) < 1e9) return QString::number(qint64(v));
    return QString::number(v, 'f', decimals);
}

// One cell's text as a number through the engine's parser, so "1/9" and
// "-0.5" read the same here as on the command line.
double parseCell(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return 0.0; // an emptied cell reads as 0, as a fresh one shows
    const cs::PlaygroundMatrix m = cs::parseMatrix(trimmed.toStdString());
    if (m.rows != 1 || m.cols != 1)
        throw cs::ConfigError(
            CS_TEXT("cs::Playground", "'%1' is more than one number").arg(trimmed.toStdString()));
    return m.values[0];
}

} // namespace

MatrixGrid::MatrixGrid(bool editable, QWidget* parent) : QTableWidget(parent), editable_(editable) {
    horizontalHeader()->hide();
    verticalHeader()->hide();
    setSelectionMode(editable ? QAbstractItemView::ContiguousSelection
                              : QAbstractItemView::SingleSelection);
    setEditTriggers(editable ? QAbstractItemView::AllEditTriggers
                             : QAbstractItemView::NoEditTriggers);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    applyCellSize();
    horizontalHeader()->setMinimumSectionSize(8);
    verticalHeader()->setMinimumSectionSize(8);
    connect(this, &QTableWidget::itemChanged, this, [this] {
        if (filling_) return;
        applyCellSize();
        refreshShades();
        Q_EMIT edited();
    });
}

void MatrixGrid::applyCellSize() {
    // One width for every column, the widest text's (at least "-888"), so the
    // grid reads as a matrix and a long value such as 0.1111 is never elided.
    const QFontMetrics metrics = fontMetrics();
    int width = metrics.horizontalAdvance(QStringLiteral("-888"));
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c)
            if (const QTableWidgetItem* cell = item(r, c))
                width = std::max(width, metrics.horizontalAdvance(cell->text()));
    width += 18;
    const int height = metrics.height() + 12;
    horizontalHeader()->setDefaultSectionSize(width);
    verticalHeader()->setDefaultSectionSize(height);
    for (int c = 0; c < columnCount(); ++c)
        horizontalHeader()->resizeSection(c, width);
    for (int r = 0; r < rowCount(); ++r)
        verticalHeader()->resizeSection(r, height);
    updateGeometry();
}

void MatrixGrid::setDimensions(int rows, int cols) {
    filling_ = true;
    const int oldRows = rowCount(), oldCols = columnCount();
    setRowCount(rows);
    setColumnCount(cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (r >= oldRows || c >= oldCols || !item(r, c)) {
                auto* cell = new QTableWidgetItem(QStringLiteral("0"));
                cell->setTextAlignment(Qt::AlignCenter);
                if (!editable_) cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                setItem(r, c, cell);
            }
    filling_ = false;
    applyCellSize();
    refreshShades();
}

void MatrixGrid::setMatrix(const cs::PlaygroundMatrix& m, int decimals) {
    setDimensions(m.rows, m.cols);
    filling_ = true;
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c)
            item(r, c)->setText(numberText(m.at(r, c), decimals));
    filling_ = false;
    applyCellSize();
    refreshShades();
}

cs::PlaygroundMatrix MatrixGrid::matrix(const QString& what) const {
    cs::PlaygroundMatrix m(rowCount(), columnCount());
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c) {
            const QTableWidgetItem* cell = item(r, c);
            try {
                m.at(r, c) = cell ? parseCell(cell->text()) : 0.0;
            } catch (const cs::ConfigError& e) {
                // parseMatrix's message starts with "matrix: "; the cell says where instead.
                QString reason = errorText(e);
                reason.remove(QStringLiteral("matrix: "));
                throw cs::ConfigError(QStringLiteral("%1 row %2, column %3: %4")
                                          .arg(what)
                                          .arg(r + 1)
                                          .arg(c + 1)
                                          .arg(reason)
                                          .toStdString());
            }
        }
    return m;
}

double MatrixGrid::value(int row, int col) const {
    const QTableWidgetItem* cell = item(row, col);
    if (!cell) return std::numeric_limits<double>::quiet_NaN();
    try {
        return parseCell(cell->text());
    } catch (const cs::Error&) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

void MatrixGrid::setHighlight(const QRect& window) {
    const QRect all(0, 0, columnCount(), rowCount());
    highlight_ = window.isEmpty() ? QRect() : window.intersected(all);
    refreshShades();
    viewport()->update();
}

void MatrixGrid::refreshShades() {
    // Shading is a hint next to the numbers, so light tints keep the text legible
    // in both palettes (the text colour comes from the palette, the tint is blended).
    double peak = 0;
    if (shade_)
        for (int r = 0; r < rowCount(); ++r)
            for (int c = 0; c < columnCount(); ++c)
                if (const double v = value(r, c); std::isfinite(v))
                    peak = std::max(peak, std::fabs(v));
    const QColor base = palette().color(QPalette::Base);
    const QColor mark = palette().color(QPalette::Highlight);
    const bool wasFilling = filling_;
    filling_ = true;
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c) {
            QTableWidgetItem* cell = item(r, c);
            if (!cell) continue;
            QColor tint;
            const double v = value(r, c);
            if (shade_ && peak > 0 && std::isfinite(v) && v != 0) {
                const QColor hue = v < 0 ? QColor(0x42, 0x7a, 0xd8) : QColor(0xe0, 0x7b, 0x20);
                const double a = 0.12 + 0.38 * std::fabs(v) / peak;
                tint = QColor::fromRgbF(float(base.redF() * (1 - a) + hue.redF() * a),
                                        float(base.greenF() * (1 - a) + hue.greenF() * a),
                                        float(base.blueF() * (1 - a) + hue.blueF() * a));
            }
            if (highlight_.contains(c, r)) {
                const double a = 0.3;
                tint = QColor::fromRgbF(float(base.redF() * (1 - a) + mark.redF() * a),
                                        float(base.greenF() * (1 - a) + mark.greenF() * a),
                                        float(base.blueF() * (1 - a) + mark.blueF() * a));
            }
            cell->setBackground(tint.isValid() ? QBrush(tint) : QBrush());
        }
    filling_ = wasFilling;
}

void MatrixGrid::paintEvent(QPaintEvent* event) {
    QTableWidget::paintEvent(event);
    if (highlight_.isEmpty()) return;
    // The window's outline, drawn over the grid lines so it reads as one frame.
    const QRect first = visualRect(model()->index(highlight_.top(), highlight_.left()));
    const QRect last = visualRect(model()->index(highlight_.bottom(), highlight_.right()));
    QPainter painter(viewport());
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2.5));
    painter.drawRect(first.united(last).adjusted(1, 1, -1, -1));
}

QSize MatrixGrid::sizeHint() const {
    // Exactly the cells and the frame, so small matrices sit in a tight box
    // with no scroll-bar room; large ones are capped by the layout and scroll.
    const int f = 2 * frameWidth();
    return {horizontalHeader()->length() + f, verticalHeader()->length() + f};
}

QSize MatrixGrid::minimumSizeHint() const {
    const int f = 2 * frameWidth();
    return {std::min(columnCount(), 3) * horizontalHeader()->defaultSectionSize() + f,
            std::min(rowCount(), 3) * verticalHeader()->defaultSectionSize() + f};
}

} // namespace ui
