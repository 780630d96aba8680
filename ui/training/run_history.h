// RunHistory: every training run of this session, kept with a description
// of its settings, its per-epoch curves, its outcome (final metrics, test
// evaluation, the trained model). The Train page lists the runs, overlays
// an earlier run's curves on the charts to compare, and saves any run's model.
#pragma once

#include "ui/training/training_progress.h"

#include "ui/document/project_settings.h"

#include <QObject>
#include <QString>
#include <vector>

namespace ui {

struct TrainingRun {
    int number = 0;   // 1, 2 ... in this session
    QString settings; // "adam lr 0.001 · batch 64 · 6 epochs"
    std::vector<EpochUpdate> epochs;
    TrainingOutcome outcome;
    QString bestCheckpoint; // the last file ModelCheckpoint saved (the best with save_best_only)
    QString title() const; // "Run 2 · adam lr 0.001 · … · val_accuracy 0.871"
};

class RunHistory : public QObject {
    Q_OBJECT
public:
    explicit RunHistory(QObject* parent = nullptr) : QObject(parent) {}

    static QString describe(const TrainingSettings& settings);
    // How a stopped run ended, honestly: "Stopped in epoch 3 at batch 440/750 (2 complete
    // epochs)", "Stopped during epoch 3's validation (2 complete epochs)". The status bar,
    // the Train page and the run list all say it this way.
    static QString stopDescription(const TrainingOutcome& outcome);
    int count() const { return int(runs_.size()); }
    const TrainingRun& run(int i) const { return runs_[size_t(i)]; }
    void add(TrainingRun run); // numbers it

Q_SIGNALS:
    void runAdded(int index);

private:
    std::vector<TrainingRun> runs_;
};

} // namespace ui
