#include "ui/playground/output_panel.h"

#include "ui/export/export_target.h"
#include "ui/imaging/image_converter.h"
#include "ui/playground/matrix_grid.h"
#include "ui/window/engine_text.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString number(double v) {
    return QString::number(v, 'g', 4);
}

// One axis of the arithmetic as a table row: the engine's formula, its clauses
// ("...; padding ...") on lines of their own so they wrap where they read well.
QString arithmeticRow(const QString& axis, const cs::WindowArithmetic& a) {
    QString formula = engineText(a.formula).toHtmlEscaped();
    formula.replace(QStringLiteral("; "), QStringLiteral("<br>"));
    return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
        .arg(axis.toHtmlEscaped(), formula);
}

} // namespace

OutputPanel::OutputPanel(QWidget* parent) : QWidget(parent) {
    shape_ = new QLabel(this);
    shape_->setObjectName(QStringLiteral("outputShapeLabel"));
    QFont bold = shape_->font();
    bold.setBold(true);
    shape_->setFont(bold);
    shape_->setWordWrap(true);
    arithmetic_ = new QLabel(this);
    arithmetic_->setObjectName(QStringLiteral("arithmeticLabel"));
    arithmetic_->setTextFormat(Qt::RichText);
    arithmetic_->setWordWrap(true);
    arithmetic_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("errorLabel"));
    error_->setWordWrap(true);
    // The problem colour of the issue bar, bold: legible on light and dark palettes.
    error_->setStyleSheet(QStringLiteral("color: #d32f2f; font-weight: bold;"));
    error_->hide();

    stack_ = new QStackedWidget(this);
    stack_->setObjectName(QStringLiteral("outputStack"));
    auto* matrixPage = new QWidget(stack_);
    grid_ = new MatrixGrid(false, matrixPage);
    grid_->setObjectName(QStringLiteral("outputMatrix"));
    grid_->setShadeByValue(true);
    windowNote_ = new QLabel(matrixPage);
    windowNote_->setObjectName(QStringLiteral("windowNote"));
    windowNote_->setWordWrap(true);
    auto* matrixLayout = new QVBoxLayout(matrixPage);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    matrixLayout->addWidget(grid_, 0, Qt::AlignLeft);
    matrixLayout->addWidget(windowNote_);
    matrixLayout->addStretch();
    stack_->addWidget(matrixPage);

    images_ = new QWidget(stack_);
    images_->setObjectName(QStringLiteral("outputImages"));
    auto* imagesLayout = new QVBoxLayout(images_);
    imagesLayout->setContentsMargins(0, 0, 0, 0);
    imageGrid_ = new QGridLayout;
    imagesLayout->addLayout(imageGrid_);
    legend_ = new QLabel(images_);
    legend_->setObjectName(QStringLiteral("outputLegend"));
    legendText_ = new QLabel(images_);
    legendText_->setObjectName(QStringLiteral("outputLegendText"));
    legendText_->setWordWrap(true);
    auto* legendRow = new QHBoxLayout;
    legendRow->addWidget(legend_);
    legendRow->addWidget(legendText_, 1);
    imagesLayout->addLayout(legendRow);
    imagesLayout->addStretch();
    stack_->addWidget(images_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(error_);
    layout->addWidget(shape_);
    layout->addWidget(arithmetic_);
    layout->addSpacing(6);
    layout->addWidget(stack_, 1);

    connect(grid_, &QTableWidget::currentCellChanged, this, [this](int row, int col) {
        if (row >= 0 && col >= 0) Q_EMIT cellSelected(row, col);
    });
    auto* target = ExportTarget::attach(this, tr("Playground output"), QStringLiteral("playground_output"));
    target->addTable(tr("output matrix"), [this] { return outputTable(); });
    target->setAvailable([this] { return hasResult_; });
}

DataTable OutputPanel::outputTable() const {
    DataTable t;
    if (!hasResult_ || !shown_.images.isEmpty()) return t;
    const cs::PlaygroundMatrix& m = shown_.output;
    t.header.append(tr("row"));
    for (int c = 0; c < m.cols; ++c)
        t.header.append(tr("column %1").arg(c));
    for (int r = 0; r < m.rows; ++r) {
        QStringList row{QString::number(r)};
        for (int c = 0; c < m.cols; ++c)
            row.append(cellNumber(m.at(r, c)));
        t.rows.append(row);
    }
    return t;
}

void OutputPanel::showResult(const PlaygroundResult& result, const QString& what) {
    shown_ = result;
    hasResult_ = true;
    error_->hide();
    stack_->setEnabled(true);
    arithmetic_->setEnabled(true);
    shape_->setEnabled(true);
    shape_->setText(tr("%1 → output %2×%3").arg(what).arg(result.cols.out).arg(result.rows.out)); // width × height
    arithmetic_->setText(QStringLiteral("<table cellspacing='0' cellpadding='2'>%1%2</table>"
                                        "<small>%3</small>")
                             .arg(arithmeticRow(tr("width (columns)"), result.cols),
                                  arithmeticRow(tr("height (rows)"), result.rows),
                                  tr("n: input size · k: window size · s: stride")));
    if (result.images.isEmpty()) {
        stack_->setCurrentIndex(0);
        grid_->setMatrix(result.output);
        grid_->setHighlight({});
        setWindowNote(tr("Orange cells are positive, blue negative, deeper for larger values. "
                         "Click an output cell to outline the input window it comes from."));
        return;
    }
    stack_->setCurrentIndex(1);
    clearImages();
    // One channel gets the room; three share it two to a row.
    const int columns = result.images.size() == 1 ? 1 : 2;
    const int side = result.images.size() == 1 ? 320 : 200;
    for (int i = 0; i < result.images.size(); ++i) {
        auto* picture = new QLabel(images_);
        picture->setObjectName(QStringLiteral("outputImage%1").arg(i));
        picture->setPixmap(crispPixmap(result.images[i], side, devicePixelRatioF()));
        picture->setAlignment(Qt::AlignCenter);
        auto* caption = new QLabel(tr("%1 · %2×%3")
                                       .arg(result.channelNames.value(i))
                                       .arg(result.images[i].width())
                                       .arg(result.images[i].height()),
                                   images_);
        caption->setAlignment(Qt::AlignCenter);
        imageGrid_->addWidget(picture, (i / columns) * 2, i % columns);
        imageGrid_->addWidget(caption, (i / columns) * 2 + 1, i % columns);
    }
    legend_->setPixmap(QPixmap::fromImage(result.legend.scaled(160, 14)));
    const bool signedRange = result.lo < 0;
    legendText_->setText(tr("black %1 … %2 white%3\nvalues %4 … %5")
                             .arg(number(result.lo), number(result.hi),
                                  signedRange ? tr(" (0 is mid grey)") : QString(),
                                  number(result.minValue), number(result.maxValue)));
}

void OutputPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
    // The last good output stays for comparison, dimmed so it is not taken as current.
    stack_->setEnabled(false);
    arithmetic_->setEnabled(false);
    shape_->setEnabled(false);
}

void OutputPanel::showBusy() {
    shape_->setText(tr("Computing…"));
}

void OutputPanel::showNote(const QString& text) {
    hasResult_ = false;
    error_->hide();
    shape_->setEnabled(true);
    shape_->setText(text);
    arithmetic_->clear();
    clearImages();
    legend_->clear();
    legendText_->clear();
    stack_->setCurrentIndex(1);
}

void OutputPanel::setWindowNote(const QString& text) {
    windowNote_->setText(text);
}

void OutputPanel::clearImages() {
    while (QLayoutItem* item = imageGrid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace ui
