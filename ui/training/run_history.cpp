#include "ui/training/run_history.h"

#include "engine/training/optimizer.h"

namespace ui {

QString TrainingRun::title() const {
    QString text = QObject::tr("Run %1 · %2").arg(number).arg(settings);
    if (outcome.failed) return text + QObject::tr(" · failed");
    if (!epochs.empty()) {
        const EpochUpdate& last = epochs.back();
        text += last.hasValidation()
                    ? QObject::tr(" · val_accuracy %1").arg(last.valAccuracy, 0, 'f', 3)
                    : QObject::tr(" · accuracy %1").arg(last.accuracy, 0, 'f', 3);
    }
    if (outcome.stopped) text += QObject::tr(" · ") + RunHistory::stopDescription(outcome).toLower();
    return text;
}

QString RunHistory::stopDescription(const TrainingOutcome& out) {
    const QString complete = QObject::tr("%n complete epoch(s)", nullptr, out.epochsRun);
    if (!out.hasPartialEpoch()) return QObject::tr("Stopped after %1").arg(complete);
    if (out.partialInValidation)
        return QObject::tr("Stopped during epoch %1's validation (%2)").arg(out.partialEpoch + 1).arg(complete);
    return QObject::tr("Stopped in epoch %1 at batch %2/%3 (%4)")
        .arg(out.partialEpoch + 1)
        .arg(out.partialBatches)
        .arg(out.partialBatchesTotal)
        .arg(complete);
}

QString RunHistory::describe(const TrainingSettings& t) {
    QString text = QString::fromStdString(t.optimizer) + QString(" lr %1").arg(t.learningRate);
    const cs::OptimizerSpec* optimizer = cs::findOptimizerSpec(t.optimizer);
    if (optimizer && optimizer->takes("momentum") && t.momentum > 0)
        text += QString(" momentum %1%2").arg(t.momentum).arg(t.nesterov ? " nesterov" : "");
    text += QObject::tr(" · batch %1 · %2 epochs").arg(t.batchSize).arg(t.epochs);
    if (t.earlyStopping.enabled) text += " · EarlyStopping";
    if (t.reduceLr.enabled) text += " · ReduceLROnPlateau";
    return text;
}

void RunHistory::add(TrainingRun run) {
    run.number = count() + 1;
    runs_.push_back(std::move(run));
    Q_EMIT runAdded(count() - 1);
}

} // namespace ui
