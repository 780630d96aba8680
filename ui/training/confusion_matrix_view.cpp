#include "ui/training/confusion_matrix_view.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/export/export_target.h"
#include "ui/imaging/image_converter.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setToolTip(tr("Rows: true class · columns: predicted class. Click a cell to see its images."));
    connect(this, &QTableWidget::cellClicked, this,
            [this](int row, int column) { Q_EMIT cellChosen(row, column); });
    auto* target = ExportTarget::attach(this, tr("Confusion matrix"), QStringLiteral("confusion_matrix"));
    target->addTable(tr("confusion matrix"), [this] { return matrixTable(); });
    target->addTable(tr("per-class report"), [this] { return reportTable(); });
    target->setAvailable([this] { return evaluation_.done; });
}

DataTable ConfusionMatrixView::matrixTable() const {
    DataTable t;
    const cs::ConfusionMatrix& m = evaluation_.confusion;
    if (!evaluation_.done) return t;
    t.header.append(tr("true class / predicted"));
    t.header.append(names_);
    for (int truth = 0; truth < m.classes; ++truth) {
        QStringList row{names_.value(truth)};
        for (int p = 0; p < m.classes; ++p)
            row.append(QString::number(m.at(truth, p)));
        t.rows.append(row);
    }
    return t;
}

DataTable ConfusionMatrixView::reportTable() const {
    DataTable t;
    if (!evaluation_.done) return t;
    t.header = {"class", "precision", "recall", "f1", "support"};
    const std::vector<cs::ClassMetrics> metrics = evaluation_.confusion.perClass();
    for (size_t c = 0; c < metrics.size(); ++c)
        t.rows.append({names_.value(int(c)), cellNumber(metrics[c].precision), cellNumber(metrics[c].recall),
                       cellNumber(metrics[c].f1), QString::number(metrics[c].support)});
    const cs::ClassMetrics macro = evaluation_.confusion.macroAverage();
    t.rows.append({tr("macro avg"), cellNumber(macro.precision), cellNumber(macro.recall),
                   cellNumber(macro.f1), QString::number(evaluation_.confusion.total())});
    return t;
}

void ConfusionMatrixView::clearMatrix() {
    evaluation_ = TestEvaluation();
    names_.clear();
    setRowCount(0);
    setColumnCount(0);
}

void ConfusionMatrixView::setEvaluation(const TestEvaluation& evaluation,
                                        const std::vector<std::string>& classNames) {
    evaluation_ = evaluation;
    const cs::ConfusionMatrix& m = evaluation.confusion;
    const int n = m.classes;
    setRowCount(n);
    setColumnCount(n);
    QStringList names;
    for (int c = 0; c < n; ++c)
        names << (c < int(classNames.size()) ? QString::fromStdString(classNames[size_t(c)])
                                             : QString::number(c));
    names_ = names;
    // Columns by number (ten class names side by side do not fit), rows by number and name.
    QStringList columns, rows;
    for (int c = 0; c < n; ++c) {
        columns << QString::number(c);
        rows << QString("%1 %2").arg(c).arg(names[c]);
    }
    setHorizontalHeaderLabels(columns);
    setVerticalHeaderLabels(rows);
    for (int c = 0; c < n; ++c)
        horizontalHeaderItem(c)->setToolTip(tr("predicted %1").arg(names[c]));
    for (int t = 0; t < n; ++t) {
        int64_t rowTotal = 0;
        for (int p = 0; p < n; ++p)
            rowTotal += m.at(t, p);
        for (int p = 0; p < n; ++p) {
            const int64_t count = m.at(t, p);
            auto* item = new QTableWidgetItem(QString::number(count));
            item->setTextAlignment(Qt::AlignCenter);
            const double share = rowTotal ? double(count) / double(rowTotal) : 0.0;
            QColor shade = t == p ? QColor(0x2f, 0x80, 0xd0) : QColor(0xd9, 0x6a, 0x1c);
            shade.setAlphaF(float(std::min(1.0, t == p ? share : share * 4)) * 0.8f);
            if (count) item->setBackground(shade);
            item->setToolTip(
                tr("%1 %2 image(s) predicted as %3").arg(count).arg(names[t], names[p]));
            setItem(t, p, item);
        }
    }
    // Stretched columns share the width, but never below the widest count: a cut "9…" says
    // nothing. Where the pane is narrower than that (Spanish settings take more room), the
    // matrix scrolls sideways rather than widening the window.
    int64_t largest = 0;
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) largest = std::max(largest, m.at(t, p));
    const int margin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1);
    const int cell = std::max(fontMetrics().horizontalAdvance(QString::number(largest)),
                              horizontalHeader()->fontMetrics().horizontalAdvance(QString::number(n - 1))) +
                     margin + 4;
    horizontalHeader()->setMinimumSectionSize(cell);
}

CellImagesDialog::CellImagesDialog(const TestEvaluation& evaluation,
                                   const std::vector<std::string>& classNames, int truth,
                                   int predicted, QWidget* parent)
    : QDialog(parent), list_(new QListWidget(this)),
      indices_(evaluation.imagesOf(truth, predicted)) {
    auto name = [&](int c) {
        return c >= 0 && c < int(classNames.size()) ? QString::fromStdString(classNames[size_t(c)])
                                                    : QString::number(c);
    };
    const QString split = evaluation.split;
    setWindowTitle(truth == predicted ? tr("%1 recognised").arg(name(truth))
                                      : tr("%1 predicted as %2").arg(name(truth), name(predicted)));
    auto* caption = new QLabel(
        windowTitle() + " · " + tr("%1 %2 image(s)").arg(indices_.size()).arg(split) +
            (int(indices_.size()) > kMaxImages ? tr(" (the first %1 shown)").arg(kMaxImages)
                                               : QString()),
        this);
    list_->setViewMode(QListView::IconMode);
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setIconSize(QSize(64, 64));
    list_->setSpacing(4);
    const int shown = std::min(int(indices_.size()), kMaxImages);
    std::vector<uint8_t> pixels;
    for (int i = 0; i < shown; ++i) {
        const int index = indices_[size_t(i)];
        QIcon icon;
        if (evaluation.data && evaluation.data->pixels(split, index, pixels))
            icon = QIcon(
                crispPixmap(imageFromPixels(pixels.data(), evaluation.data->height(),
                                            evaluation.data->width(), evaluation.data->channels()),
                            64, devicePixelRatioF()));
        auto* item = new QListWidgetItem(icon, QString("#%1").arg(index), list_);
        item->setData(Qt::UserRole, index);
        item->setToolTip(tr("%1 image %2: true %3, predicted %4")
                             .arg(split)
                             .arg(index)
                             .arg(name(truth), name(predicted)));
    }
    connect(list_, &QListWidget::itemActivated, this, [this, split](QListWidgetItem* item) {
        Q_EMIT inspectRequested(split, item->data(Qt::UserRole).toInt());
    });
    auto* hint = new QLabel(tr("Double-click an image to see its feature maps in Inspect."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(caption);
    layout->addWidget(list_, 1);
    layout->addWidget(hint);
    resize(620, 480);
}

} // namespace ui
