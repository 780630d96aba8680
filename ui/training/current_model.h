// CurrentModel: which trained model the Inspect and Classify pages show.
// The window owns one and feeds it: while a run trains, each epoch's snapshot
// (and the live one within an epoch); when the run ends, the trained model;
// File ▸ Open Model… or a run's best checkpoint, a .safetensors file. Pages
// connect to changed() and read current(); the Inspect page's epoch slider
// picks one of the run's epoch snapshots with selectEpoch().
//
//   connect(current, &CurrentModel::changed, page, &Page::refresh);
//   if (ModelSnapshotPtr s = current->current()) { cs::Model m = s->model->clone(); ... }
#pragma once

#include "ui/training/model_snapshot.h"

#include <QObject>
#include <vector>

namespace ui {

class CurrentModel : public QObject {
    Q_OBJECT
public:
    explicit CurrentModel(QObject* parent = nullptr);

    // Null until a run made an epoch or a model was opened.
    ModelSnapshotPtr current() const { return current_; }
    bool hasModel() const { return bool(current_); }
    // A run has begun and sent no snapshot yet: the pages say they wait for it
    // rather than show the previous model as if it were this run's.
    bool waitingForRun() const { return waiting_; }
    // The current (or last) run's end-of-epoch snapshots, in order (past
    // 768 MB of weights, every other one is let go: each knows its epoch).
    const std::vector<ModelSnapshotPtr>& epochs() const { return epochs_; }
    // Index into epochs() of what current() shows, -1 when it is something else
    // (a live snapshot, the trained model, a file).
    int selectedEpoch() const { return selectedEpoch_; }
    // Follow the run: each new snapshot becomes current (default); false keeps
    // the one chosen with selectEpoch() while new epochs are added.
    bool followsRun() const { return follow_; }

    // Reads a .safetensors model; false with `error` set (nothing changes) when it cannot.
    bool openFile(const QString& path, QString* error);

public Q_SLOTS:
    void setModel(ui::ModelSnapshotPtr snapshot); // a finished run or any other model
    void beginRun();                               // clears the epochs and the model shown
    // The run is over: its model (a stopped run's too), or null when it made
    // none (failed at once): then the model from before the run comes back.
    void endRun(ui::ModelSnapshotPtr trained);
    void addEpoch(ui::ModelSnapshotPtr snapshot);
    void setLive(ui::ModelSnapshotPtr snapshot);   // within an epoch: shown when following
    void selectEpoch(int index);                   // stops following; -1 or the last one follows again
    void setFollowsRun(bool follow);

Q_SIGNALS:
    void changed();       // current() is another model
    void epochsChanged(); // epochs() gained one or was cleared

private:
    void show(ModelSnapshotPtr snapshot, int epochIndex);

    ModelSnapshotPtr current_;
    ModelSnapshotPtr beforeRun_; // shown again when a run ends without a model
    bool waiting_ = false;
    std::vector<ModelSnapshotPtr> epochs_;
    int selectedEpoch_ = -1;
    bool follow_ = true;
};

} // namespace ui
