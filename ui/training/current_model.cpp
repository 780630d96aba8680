#include "ui/training/current_model.h"

#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/model/model_file.h"

#include <QFileInfo>

namespace ui {

CurrentModel::CurrentModel(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ui::ModelSnapshotPtr>();
}

bool CurrentModel::openFile(const QString& path, QString* error) {
    try {
        cs::LoadedModel loaded = cs::loadAnyModel(path.toStdString()); // .safetensors, .onnx, Keras .h5
        if (loaded.metadata.classNames.empty())
            throw cs::FormatError(
                CS_TEXT("ui::CurrentModel", "holds no class names (an untrained architecture?)")
                    .about(QFileInfo(path).fileName().toStdString()));
        setModel(makeSnapshot(loaded.model, loaded.metadata.classNames, loaded.metadata.preprocessing,
                              QFileInfo(path).fileName()));
        return true;
    } catch (const std::exception& e) {
        if (error) *error = errorText(e);
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
    if (!waiting_) beforeRun_ = current_;
    current_.reset();
    waiting_ = true;
    Q_EMIT epochsChanged();
    Q_EMIT changed();
}

void CurrentModel::endRun(ModelSnapshotPtr trained) {
    ModelSnapshotPtr previous = std::move(beforeRun_);
    beforeRun_.reset();
    if (trained) {
        setModel(std::move(trained));
    } else if (waiting_) {
        waiting_ = false;
        show(std::move(previous), -1);
        Q_EMIT changed(); // not waiting any more, even when nothing else changed
    }
    waiting_ = false;
}

namespace {
constexpr int64_t kEpochBudgetBytes = int64_t(768) << 20; // the run's snapshots together

int64_t parameterBytes(const ModelSnapshot& s) {
    int64_t bytes = 0;
    for (int k = 0; k < s.model->nodeCount(); ++k)
        for (const cs::Param& p : s.model->layer(k).params()) bytes += p.value.size() * int64_t(sizeof(float));
    return bytes;
}
} // namespace

void CurrentModel::addEpoch(ModelSnapshotPtr snapshot) {
    if (!snapshot) return;
    epochs_.push_back(snapshot);
    // A long run of a big model: keep the first and last epochs and every other one between.
    if (int64_t(epochs_.size()) * parameterBytes(*snapshot) > kEpochBudgetBytes && epochs_.size() > 3) {
        std::vector<ModelSnapshotPtr> kept;
        for (size_t i = 0; i < epochs_.size(); ++i)
            if (i == 0 || i + 1 == epochs_.size() || i % 2 == 0) kept.push_back(epochs_[i]);
        const ModelSnapshotPtr selected = selectedEpoch_ >= 0 ? epochs_[size_t(selectedEpoch_)] : nullptr;
        epochs_ = std::move(kept);
        selectedEpoch_ = -1;
        for (size_t i = 0; i < epochs_.size(); ++i)
            if (epochs_[i] == selected) selectedEpoch_ = int(i);
    }
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
    if (snapshot) waiting_ = false;
    if (snapshot == current_ && epochIndex == selectedEpoch_) return;
    current_ = std::move(snapshot);
    selectedEpoch_ = epochIndex;
    Q_EMIT changed();
}

} // namespace ui
