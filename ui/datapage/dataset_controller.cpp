#include "ui/datapage/dataset_controller.h"

#include "ui/window/engine_text.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace ui {

namespace {
struct LoadResult {
    std::shared_ptr<const LoadedDataset> data;
    QString error;
};
} // namespace

DatasetController::DatasetController(QObject* parent) : QObject(parent) {}

DatasetController::~DatasetController() = default;

void DatasetController::load(const DataSettings& settings) {
    const int generation = ++generation_;
    loading_ = true;
    Q_EMIT loadingStarted(QString::fromStdString(dataSettingsTitle(settings)));
    auto* watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) return; // superseded by a newer choice
        loading_ = false;
        const LoadResult result = watcher->result();
        if (result.data) {
            current_ = result.data;
            error_.clear();
            Q_EMIT loaded(current_);
        } else {
            current_.reset();
            error_ = result.error;
            Q_EMIT failed(error_);
        }
    });
    watcher->setFuture(QtConcurrent::run([settings]() -> LoadResult {
        try {
            return {LoadedDataset::load(settings), {}};
        } catch (const std::exception& e) {
            return {nullptr, errorText(e)};
        }
    }));
}

} // namespace ui
