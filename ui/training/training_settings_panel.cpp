#include "ui/training/training_settings_panel.h"

#include "ui/document/project_document.h"
#include "ui/window/engine_text.h"

#include "engine/training/loss.h"
#include "engine/training/optimizer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <thread>

namespace ui {

namespace {
const QStringList kMonitors = {"val_loss", "val_accuracy", "loss", "accuracy"};
}

TrainingSettingsPanel::TrainingSettingsPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* compile = new QGroupBox(tr("Optimizer and loss"), this);
    auto* cf = new QFormLayout(compile);
    auto* optimizer = new QComboBox(compile);
    for (const cs::OptimizerSpec& spec : cs::optimizerSpecs()) {
        optimizer->addItem(QString::fromStdString(spec.className), QString::fromStdString(spec.name));
        optimizer->setItemData(optimizer->count() - 1, specText("cs::OptimizerSpec", spec.help),
                               Qt::ToolTipRole);
    }
    editors_["optimizer"] = optimizer;
    connect(optimizer, &QComboBox::activated, this, [this, optimizer] {
        commit({}, [&](TrainingSettings& t) {
            t.optimizer = optimizer->currentData().toString().toStdString();
        });
    });
    cf->addRow(tr("optimizer"), optimizer);
    cf->addRow(tr("learning_rate"),
               // The engine's range, from the smallest rate six decimals show.
               doubleSpin("learning_rate", std::max(cs::kMinLearningRate, 1e-6), cs::kMaxLearningRate, 1e-4, 6,
                          [](TrainingSettings& t, double v) { t.learningRate = v; }));
    cf->addRow(tr("momentum"), doubleSpin("momentum", 0, 0.999, 0.05, 3,
                                          [](TrainingSettings& t, double v) { t.momentum = v; }));
    auto* nesterov = new QCheckBox(tr("nesterov"), compile);
    editors_["nesterov"] = nesterov;
    connect(nesterov, &QCheckBox::toggled, this,
            [this](bool on) { commit({}, [on](TrainingSettings& t) { t.nesterov = on; }); });
    cf->addRow(QString(), nesterov);
    auto* loss = new QComboBox(compile);
    loss->addItem(tr("auto (from the output layer)"), "auto");
    for (const std::string& name : cs::lossNames())
        loss->addItem(QString::fromStdString(name), QString::fromStdString(name));
    editors_["loss"] = loss;
    connect(loss, &QComboBox::activated, this, [this, loss] {
        commit({},
               [&](TrainingSettings& t) { t.loss = loss->currentData().toString().toStdString(); });
    });
    cf->addRow(tr("loss"), loss);
    layout->addWidget(compile);

    auto* fit = new QGroupBox(tr("fit()"), this);
    auto* ff = new QFormLayout(fit);
    ff->addRow(tr("epochs"),
               intSpin("epochs", 1, 10000, [](TrainingSettings& t, int v) { t.epochs = v; }));
    ff->addRow(tr("batch_size"),
               intSpin("batch_size", 1, 4096, [](TrainingSettings& t, int v) { t.batchSize = v; }));
    ff->addRow(tr("validation_split"),
               doubleSpin("validation_split", 0, 0.9, 0.05, 2,
                          [](TrainingSettings& t, double v) { t.validationSplit = v; }));
    ff->addRow(tr("seed"), intSpin("seed", 0, 2147483647,
                                   [](TrainingSettings& t, int v) { t.seed = uint64_t(v); }));
    auto* threads = new QComboBox(fit);
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    threads->addItem(tr("every core (%1)").arg(cores), 0);
    if (cores > 1)
        threads->addItem(tr("all but one (%1): keeps one for the window").arg(cores - 1), -1);
    for (int n = 1; n <= cores; ++n)
        threads->addItem(QString::number(n), n);
    editors_["threads"] = threads;
    connect(threads, &QComboBox::activated, this, [this, threads] {
        commit({}, [&](TrainingSettings& t) { t.threads = threads->currentData().toInt(); });
    });
    ff->addRow(tr("threads"), threads);
    layout->addWidget(fit);

    auto* es = callbackGroup("early_stopping", tr("EarlyStopping"),
                             [](TrainingSettings& t, bool on) { t.earlyStopping.enabled = on; });
    auto* ef = new QFormLayout(es);
    ef->addRow(tr("monitor"), monitorCombo("early_stopping.monitor",
                                           [](TrainingSettings& t, const std::string& m) {
                                               t.earlyStopping.monitor = m;
                                           }));
    ef->addRow(tr("min_delta"),
               doubleSpin("early_stopping.min_delta", 0, 10, 0.001, 4,
                          [](TrainingSettings& t, double v) { t.earlyStopping.minDelta = v; }));
    ef->addRow(tr("patience"),
               intSpin("early_stopping.patience", 0, 1000,
                       [](TrainingSettings& t, int v) { t.earlyStopping.patience = v; }));
    auto* restore = new QCheckBox(tr("restore_best_weights"), es);
    editors_["early_stopping.restore_best_weights"] = restore;
    connect(restore, &QCheckBox::toggled, this, [this](bool on) {
        commit({}, [on](TrainingSettings& t) { t.earlyStopping.restoreBestWeights = on; });
    });
    ef->addRow(QString(), restore);
    layout->addWidget(es);

    auto* ck = callbackGroup("model_checkpoint", tr("ModelCheckpoint"),
                             [](TrainingSettings& t, bool on) { t.checkpoint.enabled = on; });
    auto* kf = new QFormLayout(ck);
    auto* path = new QLineEdit(ck);
    editors_["model_checkpoint.filepath"] = path;
    connect(path, &QLineEdit::editingFinished, this, [this, path] {
        commit({},
               [&](TrainingSettings& t) { t.checkpoint.filepath = path->text().toStdString(); });
    });
    kf->addRow(tr("filepath"), path);
    kf->addRow(tr("monitor"), monitorCombo("model_checkpoint.monitor",
                                           [](TrainingSettings& t, const std::string& m) {
                                               t.checkpoint.monitor = m;
                                           }));
    auto* bestOnly = new QCheckBox(tr("save_best_only"), ck);
    editors_["model_checkpoint.save_best_only"] = bestOnly;
    connect(bestOnly, &QCheckBox::toggled, this, [this](bool on) {
        commit({}, [on](TrainingSettings& t) { t.checkpoint.saveBestOnly = on; });
    });
    kf->addRow(QString(), bestOnly);
    layout->addWidget(ck);

    auto* lr = callbackGroup("reduce_lr_on_plateau", tr("ReduceLROnPlateau"),
                             [](TrainingSettings& t, bool on) { t.reduceLr.enabled = on; });
    auto* lf = new QFormLayout(lr);
    lf->addRow(tr("monitor"), monitorCombo("reduce_lr_on_plateau.monitor",
                                           [](TrainingSettings& t, const std::string& m) {
                                               t.reduceLr.monitor = m;
                                           }));
    lf->addRow(tr("factor"),
               doubleSpin("reduce_lr_on_plateau.factor", 0.01, 0.99, 0.05, 2,
                          [](TrainingSettings& t, double v) { t.reduceLr.factor = v; }));
    lf->addRow(tr("patience"),
               intSpin("reduce_lr_on_plateau.patience", 0, 1000,
                       [](TrainingSettings& t, int v) { t.reduceLr.patience = v; }));
    lf->addRow(tr("min_lr"),
               doubleSpin("reduce_lr_on_plateau.min_lr", 0, 1, 1e-5, 6,
                          [](TrainingSettings& t, double v) { t.reduceLr.minLr = v; }));
    layout->addWidget(lr);
    layout->addStretch(1);

    connect(document_, &ProjectDocument::trainingSettingsChanged, this,
            &TrainingSettingsPanel::refresh);
    connect(document_, &ProjectDocument::documentReplaced, this, &TrainingSettingsPanel::refresh);
    // What applies depends on the data set too (validation_split).
    connect(document_, &ProjectDocument::dataSettingsChanged, this, &TrainingSettingsPanel::refresh);
    refresh();
}

void TrainingSettingsPanel::commit(const QString& mergeKey, const Edit& edit) {
    if (refreshing_) return;
    TrainingSettings t = document_->settings().training;
    edit(t);
    document_->setTrainingSettings(t, mergeKey);
}

QDoubleSpinBox*
TrainingSettingsPanel::doubleSpin(const QString& name, double lo, double hi, double step,
                                  int decimals,
                                  const std::function<void(TrainingSettings&, double)>& set) {
    auto* spin = new QDoubleSpinBox(this);
    spin->setRange(lo, hi);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    editors_[name] = spin;
    connect(spin, &QDoubleSpinBox::valueChanged, this,
            [this, name, set](double v) { commit(name, [&](TrainingSettings& t) { set(t, v); }); });
    connect(spin, &QDoubleSpinBox::editingFinished, document_, &ProjectDocument::endGesture);
    return spin;
}

QSpinBox* TrainingSettingsPanel::intSpin(const QString& name, int lo, int hi,
                                         const std::function<void(TrainingSettings&, int)>& set) {
    auto* spin = new QSpinBox(this);
    spin->setRange(lo, hi);
    editors_[name] = spin;
    connect(spin, &QSpinBox::valueChanged, this,
            [this, name, set](int v) { commit(name, [&](TrainingSettings& t) { set(t, v); }); });
    connect(spin, &QSpinBox::editingFinished, document_, &ProjectDocument::endGesture);
    return spin;
}

QComboBox* TrainingSettingsPanel::monitorCombo(
    const QString& name, const std::function<void(TrainingSettings&, const std::string&)>& set) {
    auto* combo = new QComboBox(this);
    for (const QString& m : kMonitors)
        combo->addItem(m, m);
    editors_[name] = combo;
    connect(combo, &QComboBox::activated, this, [this, combo, set] {
        commit({}, [&](TrainingSettings& t) { set(t, combo->currentText().toStdString()); });
    });
    return combo;
}

QGroupBox*
TrainingSettingsPanel::callbackGroup(const QString& name, const QString& title,
                                     const std::function<void(TrainingSettings&, bool)>& set) {
    auto* group = new QGroupBox(title, this);
    group->setCheckable(true);
    editors_[name] = group;
    connect(group, &QGroupBox::toggled, this,
            [this, set](bool on) { commit({}, [&](TrainingSettings& t) { set(t, on); }); });
    return group;
}

void TrainingSettingsPanel::refresh() {
    const TrainingSettings& t = document_->settings().training;
    refreshing_ = true;
    auto spin = [this](const QString& name, double v) {
        if (auto* s = qobject_cast<QDoubleSpinBox*>(editors_[name]))
            s->setValue(v);
        else if (auto* i = qobject_cast<QSpinBox*>(editors_[name]))
            i->setValue(int(v));
    };
    auto combo = [this](const QString& name, const QVariant& data) {
        auto* c = qobject_cast<QComboBox*>(editors_[name]);
        const int i = c->findData(data);
        c->setCurrentIndex(i >= 0 ? i : 0);
    };
    auto check = [this](const QString& name, bool on) {
        if (auto* c = qobject_cast<QCheckBox*>(editors_[name]))
            c->setChecked(on);
        else if (auto* g = qobject_cast<QGroupBox*>(editors_[name]))
            g->setChecked(on);
    };
    combo("optimizer", QString::fromStdString(t.optimizer));
    spin("learning_rate", t.learningRate);
    spin("momentum", t.momentum);
    check("nesterov", t.nesterov);
    const bool sgd = t.optimizer == "sgd";
    for (const char* name : {"momentum", "nesterov"}) {
        editors_[name]->setEnabled(sgd);
        editors_[name]->setToolTip(sgd ? QString()
                                       : tr("Only SGD uses %1; the optimizer is %2")
                                             .arg(name, QString::fromStdString(t.optimizer)));
    }
    combo("loss", QString::fromStdString(t.loss));
    spin("epochs", t.epochs);
    spin("batch_size", t.batchSize);
    spin("validation_split", t.validationSplit);
    // Image folders validate on their validation/ folder or the Data page's split of one folder.
    const bool folders = document_->settings().data.kind == cs::DatasetKind::ImageFolders;
    editors_["validation_split"]->setEnabled(!folders);
    editors_["validation_split"]->setToolTip(
        folders ? tr("Not used with image folders: their validation/ folder is the validation "
                     "data, or the Data page's validation_split cuts a single folder")
                : tr("This last fraction of the training set validates (taken before "
                     "shuffling, as Keras does)"));
    spin("seed", double(t.seed));
    combo("threads", t.threads);
    check("early_stopping", t.earlyStopping.enabled);
    combo("early_stopping.monitor", QString::fromStdString(t.earlyStopping.monitor));
    spin("early_stopping.min_delta", t.earlyStopping.minDelta);
    spin("early_stopping.patience", t.earlyStopping.patience);
    check("early_stopping.restore_best_weights", t.earlyStopping.restoreBestWeights);
    check("model_checkpoint", t.checkpoint.enabled);
    qobject_cast<QLineEdit*>(editors_["model_checkpoint.filepath"])
        ->setText(QString::fromStdString(t.checkpoint.filepath));
    combo("model_checkpoint.monitor", QString::fromStdString(t.checkpoint.monitor));
    check("model_checkpoint.save_best_only", t.checkpoint.saveBestOnly);
    check("reduce_lr_on_plateau", t.reduceLr.enabled);
    combo("reduce_lr_on_plateau.monitor", QString::fromStdString(t.reduceLr.monitor));
    spin("reduce_lr_on_plateau.factor", t.reduceLr.factor);
    spin("reduce_lr_on_plateau.patience", t.reduceLr.patience);
    spin("reduce_lr_on_plateau.min_lr", t.reduceLr.minLr);
    refreshing_ = false;
}

} // namespace ui
