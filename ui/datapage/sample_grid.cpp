#include "ui/datapage/sample_grid.h"

#include "ui/editor/layer_style.h"
#include "ui/imaging/image_converter.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ui {

void SampleGridModel::setItems(std::vector<Item> items, const std::vector<std::string>& classNames,
                               int thumbSide, qreal dpr) {
    beginResetModel();
    items_ = std::move(items);
    classNames_ = classNames;
    thumbs_.clear();
    for (const Item& item : items_)
        thumbs_.push_back(crispPixmap(item.image, thumbSide, dpr));
    endResetModel();
}

int SampleGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(items_.size());
}

QVariant SampleGridModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(items_.size())) return {};
    const Item& item = items_[size_t(index.row())];
    const QString name = item.label >= 0 && item.label < int(classNames_.size())
                             ? QString::fromStdString(classNames_[size_t(item.label)])
                             : QString::number(item.label);
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::DecorationRole:
        return thumbs_[size_t(index.row())];
    case Qt::ToolTipRole:
        return tr("#%1 · %2 · double-click to enlarge").arg(item.index).arg(name);
    default:
        return {};
    }
}

SampleGrid::SampleGrid(QWidget* parent) : QWidget(parent), model_(new SampleGridModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* controls = new QHBoxLayout;
    split_ = new QComboBox(this);
    class_ = new QComboBox(this);
    class_->setMinimumContentsLength(14);
    previous_ = new QToolButton(this);
    previous_->setArrowType(Qt::LeftArrow);
    previous_->setToolTip(tr("Previous page"));
    next_ = new QToolButton(this);
    next_->setArrowType(Qt::RightArrow);
    next_->setToolTip(tr("Next page"));
    pageLabel_ = new QLabel(this);
    controls->addWidget(new QLabel(tr("Split"), this));
    controls->addWidget(split_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Class"), this));
    controls->addWidget(class_);
    controls->addStretch(1);
    controls->addWidget(previous_);
    controls->addWidget(pageLabel_);
    controls->addWidget(next_);
    view_ = new QListView(this);
    view_->setModel(model_);
    view_->setViewMode(QListView::IconMode);
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);
    view_->setIconSize(QSize(kThumbSide, kThumbSide));
    const int textHeight = fontMetrics().lineSpacing();
    view_->setGridSize(QSize(kThumbSide + 40, kThumbSide + textHeight + 16));
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addLayout(controls);
    layout->addWidget(view_, 1);

    connect(split_, &QComboBox::activated, this, [this] { refilter(); });
    connect(class_, &QComboBox::activated, this, [this] { refilter(); });
    connect(previous_, &QToolButton::clicked, this, [this] { setPage(page_ - 1); });
    connect(next_, &QToolButton::clicked, this, [this] { setPage(page_ + 1); });
    connect(view_, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT imageActivated(split(), page_ * kPageSize + index.row());
    });
}

QString SampleGrid::split() const {
    return split_->currentData().toString();
}

int SampleGrid::pageCount() const {
    return std::max(1, int((filtered_.size() + kPageSize - 1) / kPageSize));
}

void SampleGrid::setDataset(std::shared_ptr<const LoadedDataset> data) {
    data_ = std::move(data);
    const QSignalBlocker b1(split_), b2(class_);
    split_->clear();
    class_->clear();
    if (data_) {
        for (const QString& split : data_->splits()) split_->addItem(splitTitle(split), split);
        class_->addItem(tr("All classes"), -1);
        for (int c = 0; c < data_->classCount(); ++c)
            class_->addItem(QString::fromStdString(data_->classNames()[size_t(c)]), c);
    }
    refilter();
}

void SampleGrid::setClassFilter(int classIndex) {
    const int row = class_->findData(classIndex);
    if (row < 0) return;
    class_->setCurrentIndex(row);
    refilter();
}

void SampleGrid::refilter() {
    filtered_ =
        data_ ? data_->indicesOf(split(), class_->currentData().toInt()) : std::vector<int>{};
    page_ = 0;
    loadPage();
}

void SampleGrid::setPage(int page) {
    const int clamped = std::clamp(page, 0, pageCount() - 1);
    if (clamped == page_ && model_->rowCount() > 0) return;
    page_ = clamped;
    loadPage();
}

void SampleGrid::loadPage() {
    pageLabel_->setText(tr("Page %1 of %2 · %3 images")
                            .arg(withThousands(page_ + 1), withThousands(pageCount()),
                                 withThousands(qint64(filtered_.size()))));
    previous_->setEnabled(page_ > 0);
    next_->setEnabled(page_ + 1 < pageCount());
    const int generation = ++generation_;
    const size_t first = size_t(page_) * kPageSize;
    const size_t last = std::min(filtered_.size(), first + kPageSize);
    std::vector<int> indices(filtered_.begin() + std::ptrdiff_t(std::min(first, filtered_.size())),
                             filtered_.begin() + std::ptrdiff_t(last));
    auto data = data_;
    const QString split = this->split();
    using Items = std::vector<SampleGridModel::Item>;
    auto* watcher = new QFutureWatcher<Items>(this);
    connect(watcher, &QFutureWatcher<Items>::finished, this, [this, watcher, generation, data] {
        watcher->deleteLater();
        if (generation != generation_) return;
        model_->setItems(watcher->result(), data ? data->classNames() : std::vector<std::string>{},
                         kThumbSide, devicePixelRatioF());
        Q_EMIT pageShown();
    });
    watcher->setFuture(QtConcurrent::run([data, split, indices]() {
        Items items;
        if (!data) return items;
        std::vector<uint8_t> pixels;
        for (int i : indices) {
            SampleGridModel::Item item;
            item.index = i;
            item.label = data->label(split, i);
            if (data->pixels(split, i, pixels))
                item.image =
                    imageFromPixels(pixels.data(), data->height(), data->width(), data->channels());
            items.push_back(std::move(item));
        }
        return items;
    }));
}

} // namespace ui
