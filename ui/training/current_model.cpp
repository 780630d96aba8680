#include "training/current_model.h"

#include "core/errors.h"
#include "model/model_file.h"

#include <QFileInfo>

namespace ui {

CurrentModel::CurrentModel(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ui::ModelSnapshotPtr>();
}

bool CurrentModel::openFile(const QString& path, QString* error) {
    try {
        cs::LoadedModel loaded = cs::loadModelFile(path.toStdString());
        if (loaded.metadata.classNames.empty())
            throw cs::FormatError(QFileInfo(path).fileName().toStdString() +
                                  ": holds no class names (an untrained architecture?)");
        setModel(makeSnapshot(loaded.model, loaded.metadata.classNames, loaded.metadata.preprocessing,
                              QFileInfo(path).fileName()));
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

void CurrentModel::setModel(ModelSnapshotPtr snapshot) {
    show(std::move(snapshot), -1);
}

void CurrentModel::beginRun() {
    epochs_.clear();
    selectedEpoch_ = -1;
    follow_ = true;
    Q_EMIT epochsChanged();
}

void CurrentModel::addEpoch(ModelSnapshotPtr snapshot) {
    if (!snapshot) return;
    epochs_.push_back(snapshot);
    Q_EMIT epochsChanged();
    if (follow_) show(std::move(snapshot), int(epochs_.size()) - 1);
}

void CurrentModel::setLive(ModelSnapshotPtr snapshot) {
    if (snapshot && follow_) show(std::move(snapshot), -1);
}

void CurrentModel::selectEpoch(int index) {
    if (index < 0 || index >= int(epochs_.size())) return;
    follow_ = index == int(epochs_.size()) - 1;
    show(epochs_[size_t(index)], index);
}

void CurrentModel::setFollowsRun(bool follow) {
    follow_ = follow;
    if (follow_ && !epochs_.empty() && selectedEpoch_ != int(epochs_.size()) - 1)
        show(epochs_.back(), int(epochs_.size()) - 1);
}

void CurrentModel::show(ModelSnapshotPtr snapshot, int epochIndex) {
    if (snapshot == current_ && epochIndex == selectedEpoch_) return;
    current_ = std::move(snapshot);
    selectedEpoch_ = epochIndex;
    Q_EMIT changed();
}

} // namespace ui
