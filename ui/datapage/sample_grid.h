// SampleGrid: a page of a data set's images with their class names — choose
// the split, filter by class, page through. Thumbnails are decoded and scaled
// on a pool thread (image folders decode files), so paging never blocks the
// window; small images are enlarged with crisp square pixels. Double-click an
// image to open it in the ImageViewerDialog.
#pragma once

#include "ui/datapage/loaded_dataset.h"

#include <QAbstractListModel>
#include <QPixmap>
#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QListView;
class QToolButton;

namespace ui {

class SampleGridModel : public QAbstractListModel {
    Q_OBJECT
public:
    struct Item {
        int index = 0; // in the split
        int label = 0;
        QImage image;
    };
    using QAbstractListModel::QAbstractListModel;
    void setItems(std::vector<Item> items, const std::vector<std::string>& classNames,
                  int thumbSide, qreal dpr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    const Item& item(int row) const { return items_[size_t(row)]; }

private:
    std::vector<Item> items_;
    std::vector<QPixmap> thumbs_;
    std::vector<std::string> classNames_;
};

class SampleGrid : public QWidget {
    Q_OBJECT
public:
    explicit SampleGrid(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const LoadedDataset> data);
    void setClassFilter(int classIndex); // -1: every class
    void setPage(int page);
    int page() const { return page_; }
    int pageCount() const;
    QString split() const;
    const SampleGridModel* model() const { return model_; }
    QListView* view() const { return view_; }
    // The split's images that pass the filter, in order.
    const std::vector<int>& filtered() const { return filtered_; }

Q_SIGNALS:
    void pageShown(); // thumbnails of the page are in
    void imageActivated(const QString& split, int positionInFilter); // double-click

private:
    void refilter();
    void loadPage();

    std::shared_ptr<const LoadedDataset> data_;
    SampleGridModel* model_;
    QListView* view_;
    QComboBox* split_;
    QComboBox* class_;
    QToolButton* previous_;
    QToolButton* next_;
    QLabel* pageLabel_;
    std::vector<int> filtered_;
    int page_ = 0;
    int generation_ = 0;
    static constexpr int kPageSize = 60;
    static constexpr int kThumbSide = 84;
};

} // namespace ui
