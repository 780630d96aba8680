#include "ui/editor/summary_table.h"

#include "ui/document/project_document.h"
#include "ui/editor/layer_style.h"
#include "ui/window/engine_text.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

namespace ui {

namespace {
bool isNameColumn(int column) {
    return column == 0 || column == 3; // "Layer (type)" and "Connected to"
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString bytes(qint64 n) {
    const double b = double(n) * 4.0; // float32 weights
    if (b < 1024 * 1024) return QString::number(b / 1024.0, 'f', 2) + " KB";
    return QString::number(b / (1024.0 * 1024.0), 'f', 2) + " MB";
}
} // namespace

SummaryTableModel::SummaryTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
    connect(document_, &ProjectDocument::modelChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int SummaryTableModel::nodeOfRow(int row) const {
    return document_->report().summary.functional ? row : row + 1;
}

int SummaryTableModel::rowOfNode(int node) const {
    return document_->report().summary.functional ? node : node - 1;
}

int SummaryTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    const auto& s = document_->report().summary;
    return int(s.rows.size()) - (s.functional ? 0 : 1);
}

int SummaryTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : document_->report().summary.functional ? 4 : 3;
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case 0:
        return tr("Layer (type)");
    case 1:
        return tr("Output Shape");
    case 2:
        return tr("Param #");
    default:
        return tr("Connected to");
    }
}

QVariant SummaryTableModel::data(const QModelIndex& index, int role) const {
    const int node = nodeOfRow(index.row());
    const ModelReport& report = document_->report();
    if (node < 0 || node >= int(report.summary.rows.size())) return {};
    const cs::SummaryRow& row = report.summary.rows[size_t(node)];
    const LayerReport& layer = report.layers[size_t(node)];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case 0:
            return QString("%1 (%2)").arg(qs(row.name), qs(row.className));
        case 1:
            return qs(row.outputShape);
        case 2:
            return row.parameters < 0 ? QString("?") : withThousands(row.parameters);
        default: {
            QStringList links;
            for (const auto& c : row.connectedTo)
                links << qs(c);
            return links.join(", ");
        }
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == 2)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && !layer.problem.empty())
        return layer.isWarning ? QColor(0xd8, 0x84, 0x00) : QColor(0xd3, 0x2f, 0x2f);
    if (role == Qt::ToolTipRole && !layer.problem.empty()) return engineText(layer.problem);
    if (role == Qt::ToolTipRole && isNameColumn(index.column())) // the whole name where it is elided
        return data(index, Qt::DisplayRole);
    if (role == Qt::FontRole && index.column() != 0) {
        QFont mono("monospace");
        mono.setStyleHint(QFont::Monospace);
        return mono;
    }
    return {};
}

SummaryTable::SummaryTable(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), model_(new SummaryTableModel(document, this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    title_ = new QLabel(this);
    view_ = new QTableView(this);
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Widths are set by fitColumns(): the numbers whole, the names elided in the middle (the
    // layer's class stays readable) when the pane is narrow, their whole text in the tooltip.
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the columns are made to fit instead
    view_->setTextElideMode(Qt::ElideMiddle);
    view_->viewport()->installEventFilter(this);
    view_->installEventFilter(this);
    view_->setAlternatingRowColors(true);
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    totals_ = new QLabel(this);
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title_);
    layout->addWidget(view_, 1);
    layout->addWidget(totals_);
    connect(model_, &QAbstractItemModel::modelReset, this, &SummaryTable::refresh);
    connect(document_, &ProjectDocument::focusedLayerChanged, this, &SummaryTable::selectFocused);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& i) {
                if (!i.isValid()) return;
                const int node = model_->nodeOfRow(i.row());
                if (node >= 0 && node < document_->graph().size())
                    document_->setFocusedLayer(qs(document_->graph().node(node).name()));
            });
    refresh();
}

QString SummaryTable::totalsText() const {
    return totals_->text();
}

void SummaryTable::refresh() {
    const ModelReport& r = document_->report();
    title_->setText(
        tr("<b>Summary</b> — Model: \"%1\"").arg(qs(r.summary.modelName).toHtmlEscaped()));
    fitColumns();
    QMetaObject::invokeMethod(this, &SummaryTable::fitColumns, Qt::QueuedConnection);
    QString text =
        tr("Total params: <b>%1</b> (%2)<br>Trainable params: %3<br>Non-trainable params: %4")
            .arg(withThousands(r.totalParameters), bytes(r.totalParameters),
                 withThousands(r.trainableParameters), withThousands(r.nonTrainableParameters));
    if (!r.valid())
        text += tr("<br><span style='color:#d32f2f'>Incomplete: %1 with a problem</span>")
                    .arg(countOf(r.errorCount, tr("layer"), tr("layers")));
    totals_->setText(text);
    selectFocused();
}

bool SummaryTable::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && (event->type() == QEvent::Show || event->type() == QEvent::FontChange ||
                             event->type() == QEvent::StyleChange || event->type() == QEvent::Polish))
        // After the event: the view has its final font and style by then.
        QMetaObject::invokeMethod(this, &SummaryTable::fitColumns, Qt::QueuedConnection);
    if (watched == view_->viewport() && event->type() == QEvent::Resize) fitColumns();
    return QWidget::eventFilter(watched, event);
}

void SummaryTable::fitColumns() {
    const QHeaderView* header = view_->horizontalHeader();
    const int columns = model_->columnCount();
    // What each column needs, not what it has now; a name column may shrink to about 14
    // characters ("max_p…ooling2D)"), a number column never.
    std::vector<int> need(static_cast<size_t>(columns)), least(need);
    const int shortest = view_->fontMetrics().horizontalAdvance(QString(14, QChar('x')));
    int needed = 0, minimum = 0;
    for (int c = 0; c < columns; ++c) {
        need[size_t(c)] = std::max(static_cast<const QAbstractItemView*>(view_)->sizeHintForColumn(c),
                                   header->sectionSizeHint(c));
        least[size_t(c)] = isNameColumn(c) ? std::min(need[size_t(c)], shortest) : need[size_t(c)];
        needed += need[size_t(c)];
        minimum += least[size_t(c)];
    }
    view_->setMinimumWidth(minimum + 2 * view_->frameWidth() + view_->verticalScrollBar()->sizeHint().width());
    // The room beyond the minimum goes to the name columns in proportion to what they lack.
    const int room = view_->viewport()->width();
    const int spare = std::max(0, room - minimum), lacking = needed - minimum;
    for (int c = 0; c < columns; ++c) {
        int width = least[size_t(c)];
        if (lacking > 0)
            width += int(std::min<qint64>(need[size_t(c)] - least[size_t(c)],
                                          qint64(need[size_t(c)] - least[size_t(c)]) * spare / lacking));
        view_->setColumnWidth(c, width);
    }
}

void SummaryTable::selectFocused() {
    const int node = document_->graph().indexOf(document_->focusedLayer().toStdString());
    const int row = node < 0 ? -1 : model_->rowOfNode(node);
    if (row < 0 || row >= model_->rowCount()) {
        view_->clearSelection();
        return;
    }
    view_->selectRow(row);
    view_->scrollTo(model_->index(row, 0));
}

} // namespace ui
