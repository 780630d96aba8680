#include "ui/training/training_job.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/training/model_evaluation.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/model/transfer_learning.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <chrono>

namespace ui {

QString EventUpdate::shortName() const {
    switch (kind) {
    case EarlyStopping:
        return QCoreApplication::translate("EventUpdate", "early stop");
    case BestWeightsRestored:
        return QCoreApplication::translate("EventUpdate", "best weights");
    case CheckpointSaved:
        return QCoreApplication::translate("EventUpdate", "checkpoint");
    case LearningRateReduced:
        return QCoreApplication::translate("EventUpdate", "LR reduced");
    case NonFiniteLoss:
        return QCoreApplication::translate("EventUpdate", "NaN loss");
    case CheckpointFailed:
        return QCoreApplication::translate("EventUpdate", "checkpoint failed");
    case LogWriteFailed:
        return QCoreApplication::translate("EventUpdate", "log failed");
    }
    return {};
}

QString EventUpdate::listText() const {
    // lupdate files tr() here under the struct's full name: the same context at run time.
    auto tr = [](const char* text) { return QCoreApplication::translate("ui::EventUpdate", text); };
    const QString number = QString::number(value, 'g', 4);
    const QString watched = monitor.isEmpty() ? number : monitor + ' ' + number;
    switch (kind) {
    case CheckpointSaved:
        return tr("epoch %1 · checkpoint saved · %2 · %3").arg(epoch + 1).arg(watched, QFileInfo(path).fileName());
    case LearningRateReduced:
        return monitor.isEmpty() ? tr("epoch %1 · learning rate reduced to %2").arg(epoch + 1).arg(number)
                                 : tr("epoch %1 · learning rate reduced to %2 (%3 stalled)")
                                       .arg(epoch + 1)
                                       .arg(number, monitor);
    case EarlyStopping:
        return tr("epoch %1 · early stop · best %2").arg(epoch + 1).arg(watched);
    case BestWeightsRestored:
        return tr("epoch %1 · best weights restored (%2)").arg(epoch + 1).arg(watched);
    default:
        return tr("epoch %1 · %2: %3").arg(epoch + 1).arg(shortName(), message);
    }
}

void saveTrainedModel(TrainedModel& trained, const std::string& path) {
    trained.save(path);
}

namespace {

// The loaded data set as the session reads it: in memory, or its folder listing.
cs::SessionData sessionData(const LoadedDataset& data, int trainLimit) {
    cs::SessionData d;
    if (auto memory = data.inMemory()) {
        d = cs::SessionData::inMemory(memory, trainLimit);
    } else {
        const cs::ImageFolderIndex* index = data.folderIndex();
        if (!index) throw cs::DataError(CS_TEXT("ui::TrainPage", "the data set holds no images"));
        auto limited = std::make_shared<cs::ImageFolderIndex>(*index);
        if (trainLimit > 0 && size_t(trainLimit) < limited->train.size())
            limited->train.resize(size_t(trainLimit));
        d = cs::SessionData::imageFolders(std::move(limited));
    }
    d.name = data.title().toStdString();
    return d;
}

} // namespace

TrainingJob::TrainingJob(const ModelGraph& graph, const ProjectSettings& settings,
                         std::shared_ptr<const LoadedDataset> data,
                         const TrainingJobOptions& options,
                         std::shared_ptr<const cs::Model> startWeights)
    : data_(std::move(data)), options_(options) {
    if (!data_)
        throw cs::DataError(
            CS_TEXT("ui::TrainPage", "no data set is loaded yet (the Data page chooses one)"));
    cs::TrainingConfig config;
    config.training = settings.training;
    config.data = data_->settings(); // as loaded (the Data page may have changed since)
    config.augmentation = settings.augmentation;
    cs::Model model = startWeights
                          ? cs::modelWithWeightsFrom(graph, *startWeights,
                                                     config.training.seed, &fromStartWeights_)
                          : graph.toModel();
    session_ = std::make_unique<cs::TrainingSession>(std::move(model), config,
                                                     sessionData(*data_, options_.trainLimit),
                                                     settings.preprocessing);
    // The window's thread wins the CPU when it needs it (docs/architecture.md).
    session_->setNiceness(5);
}

TrainingJob::~TrainingJob() = default;

ModelSnapshotPtr TrainingJob::snapshot(QString source, int epoch) const {
    const TrainedModel& t = *session_->trained();
    return makeSnapshot(t.model, t.metadata.classNames, t.metadata.preprocessing,
                        std::move(source), epoch);
}

TrainingOutcome TrainingJob::run(cs::TrainingObserver* observer, const std::atomic<bool>* stop) {
    TrainingOutcome out;
    const auto start = std::chrono::steady_clock::now();
    try {
        const cs::History history = session_->run(observer, stop);
        out.stopped = history.stoppedByRequest;
        out.diverged = history.diverged;
        out.epochsRun = int(history.epochs.size());
        if (const auto& p = history.partial) {
            out.partialEpoch = p->epoch;
            out.partialBatches = p->batchesDone;
            out.partialBatchesTotal = p->batches;
            out.partialInValidation = p->validationInterrupted;
        }
        // No test pass after a stop, and a stop during it ends it (the result is then not done).
        if (!out.diverged && !out.stopped && options_.evaluateTest) {
            cs::PassControl control;
            control.stop = stop;
            const cs::FitOptions fit = session_->fitOptions();
            TrainedModel& t = *session_->trained();
            out.test = evaluateOnTestSplit(t.model, t.metadata.preprocessing, t.loss, data_,
                                           fit.batchSize, options_.testLimit, fit.threads, control);
            out.stopped = stop && stop->load();
        }
        out.trained = session_->trained();
    } catch (const std::exception& e) {
        out.failed = true;
        out.error = errorText(e);
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

} // namespace ui
