// DatasetController: loads the document's chosen data set in the background
// and holds the current one. Loading Fashion-MNIST takes about a second and a
// big image folder longer, so it runs on a pool thread; the window stays
// usable and views show "Loading…". A newer request supersedes an older one.
// The Train page (next issue) takes its data from current().
#pragma once

#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_settings.h"

#include <QObject>
#include <memory>

namespace ui {

class DatasetController : public QObject {
    Q_OBJECT
public:
    explicit DatasetController(QObject* parent = nullptr);
    ~DatasetController() override;

    std::shared_ptr<const LoadedDataset> current() const { return current_; }
    bool isLoading() const { return loading_; }
    QString lastError() const { return error_; }

public Q_SLOTS:
    void load(const DataSettings& settings);

Q_SIGNALS:
    void loadingStarted(const QString& what);
    void loaded(std::shared_ptr<const LoadedDataset> data);
    void failed(const QString& message);

private:
    std::shared_ptr<const LoadedDataset> current_;
    int generation_ = 0;
    bool loading_ = false;
    QString error_;
};

} // namespace ui
