#include "ui/document/project_document.h"

#include "ui/document/edit_commands.h"
#include "ui/document/presets.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/data_fit.h"
#include "engine/model/transfer_learning.h"

#include <QFileInfo>

namespace ui {

namespace {
enum EditKind { Add, Remove, Move, Connect, Fix, Rename };

std::string str(const QString& s) {
    return s.toStdString();
}
} // namespace

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent) {
    connect(&undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    graph_ = starterGraph({});
    reanalyse();
}

QString ProjectDocument::displayName() const {
    if (!filePath_.isEmpty()) return QFileInfo(filePath_).fileName();
    return tr("Untitled (%1)").arg(QString::fromStdString(graph_.name));
}

void ProjectDocument::setDataShape(const DataShape& shape) {
    if (shape == dataShape_) return;
    dataShape_ = shape;
    reanalyse();
    Q_EMIT modelChanged();
}

void ProjectDocument::reanalyse() {
    report_ = analyzeModel(graph_, dataShape_);
}

ProjectContent ProjectDocument::defaultProject() {
    ProjectContent content;
    const std::string path = presetPath(kDefaultPreset);
    if (!path.empty()) {
        try {
            content.graph = ModelGraph::fromJson(cs::json::parseFile(path));
            return content;
        } catch (const cs::Error&) {
        }
    }
    content.graph = starterGraph({28, 28, 1, 10});
    return content;
}

ModelGraph ProjectDocument::starterGraph(const DataShape& data) {
    const DataShape d = data.known() ? data : DataShape{28, 28, 1, 10};
    return ModelGraph::starter({d.height, d.width, d.channels}, d.classCount);
}

void ProjectDocument::load(const ProjectContent& content, const QString& path) {
    undoStack_.clear();
    graph_ = content.graph;
    const bool dataChanged = !(settings_.data == content.settings.data);
    settings_ = content.settings;
    filePath_ = content.isProject ? path : QString();
    // Start with the first layer after the input selected, so the inspector has something to show.
    focusedLayer_ = graph_.size() > 1 ? QString::fromStdString(graph_.node(1).name()) : QString();
    reanalyse();
    Q_EMIT modelChanged();
    Q_EMIT focusedLayerChanged(focusedLayer_);
    if (dataChanged) Q_EMIT dataSettingsChanged();
    Q_EMIT preprocessingChanged();
    Q_EMIT augmentationChanged();
    Q_EMIT trainingSettingsChanged();
    Q_EMIT filePathChanged(filePath_);
    Q_EMIT modifiedChanged(false);
    Q_EMIT documentReplaced();
}

void ProjectDocument::save(const QString& path) {
    writeProjectFile(str(path), graph_, settings_);
    undoStack_.setClean();
    if (filePath_ != path) {
        filePath_ = path;
        Q_EMIT filePathChanged(filePath_);
    }
}

void ProjectDocument::setFocusedLayer(const QString& name) {
    if (name == focusedLayer_) return;
    focusedLayer_ = name;
    endGesture();
    Q_EMIT focusedLayerChanged(name);
}

void ProjectDocument::applyGraph(const ModelGraph& graph, const QString& focus) {
    graph_ = graph;
    reanalyse();
    Q_EMIT modelChanged();
    const QString kept = graph_.indexOf(str(focus)) >= 0 ? focus : QString();
    if (kept != focusedLayer_) {
        focusedLayer_ = kept;
        Q_EMIT focusedLayerChanged(kept);
    }
}

void ProjectDocument::applySettings(const ProjectSettings& s) {
    const bool data = !(s.data == settings_.data);
    const bool pre = !(s.preprocessing.toJson() == settings_.preprocessing.toJson());
    const bool aug = !(s.augmentation.toJson() == settings_.augmentation.toJson());
    const bool train = !(s.training.toJson() == settings_.training.toJson());
    // The same image folders loaded another way: the new size, colour and class mode
    // count at once (the classes stay), so the fit is right before the folder is read again.
    const bool sameFolders = s.data.kind == settings_.data.kind && s.data.folder == settings_.data.folder;
    settings_ = s;
    if (data && sameFolders) {
        const DataShape next = cs::withLoadOptions(dataShape_, s.data);
        if (!(next == dataShape_)) {
            dataShape_ = next;
            reanalyse();
            Q_EMIT modelChanged();
        }
    }
    if (data) Q_EMIT dataSettingsChanged();
    if (pre) Q_EMIT preprocessingChanged();
    if (aug) Q_EMIT augmentationChanged();
    if (train) Q_EMIT trainingSettingsChanged();
}

bool ProjectDocument::pushGraphEdit(const QString& text,
                                    const std::function<void(ModelGraph&)>& edit, int kind,
                                    QString* focus) {
    ModelGraph after = graph_;
    try {
        edit(after);
    } catch (const cs::Error& e) {
        Q_EMIT editRefused(errorText(e));
        return false;
    }
    if (after == graph_) return false;
    const QString f = focus ? *focus : focusedLayer_;
    QUndoCommand* command = nullptr;
    switch (kind) {
    case Add:
        command = new AddLayerCommand(this, text, graph_, after, f);
        break;
    case Remove:
        command = new RemoveLayerCommand(this, text, graph_, after, f);
        break;
    case Move:
        command = new MoveLayerCommand(this, text, graph_, after, f);
        break;
    case Connect:
        command = new ConnectionCommand(this, text, graph_, after, f);
        break;
    default:
        command = new QuickFixCommand(this, text, graph_, after, f);
        break;
    }
    undoStack_.push(command);
    return true;
}

QString ProjectDocument::appendLayer(const QString& className) {
    QString name;
    const bool ok = pushGraphEdit(
        tr("Add %1").arg(className),
        [&](ModelGraph& g) {
            name = QString::fromStdString(g.append(str(className), cs::Json::object()));
        },
        Add, &name);
    return ok ? name : QString();
}

QString ProjectDocument::insertLayer(const QString& className, const Connection& where) {
    if (where.from.empty() && where.to.empty()) return appendLayer(className);
    QString name;
    const bool ok = pushGraphEdit(
        tr("Insert %1").arg(className),
        [&](ModelGraph& g) {
            name = QString::fromStdString(
                g.insertOnConnection(str(className), cs::Json::object(), where.from, where.to));
        },
        Add, &name);
    return ok ? name : QString();
}

bool ProjectDocument::replaceModel(const ModelGraph& graph, const QString& text) {
    QString none;
    return pushGraphEdit(text, [&](ModelGraph& g) { g = graph; }, Fix, &none);
}

bool ProjectDocument::freezeUpTo(const QString& name) {
    QString focus = name;
    return pushGraphEdit(
        tr("Freeze up to %1").arg(name), [&](ModelGraph& g) { cs::freezeUpTo(g, str(name)); }, Fix,
        &focus);
}

bool ProjectDocument::unfreezeAll() {
    return pushGraphEdit(
        tr("Unfreeze all layers"),
        [&](ModelGraph& g) {
            for (const LayerNode& n : std::vector<LayerNode>(g.nodes()))
                if (!cs::json::getBool(n.config, "trainable", true))
                    g.setAttribute(n.name(), "trainable", true);
        },
        Fix);
}

bool ProjectDocument::replaceClassifierHead() {
    if (dataShape_.classCount < 2) {
        Q_EMIT editRefused(tr("No data set with classes is loaded: the Data page chooses the "
                              "one the new classifier is for"));
        return false;
    }
    QString focus;
    return pushGraphEdit(
        tr("New classifier for %1 classes").arg(dataShape_.classCount),
        [&](ModelGraph& g) {
            focus = QString::fromStdString(cs::replaceClassifierHead(g, dataShape_.classCount,
                                                                cs::readsBinaryLabels(settings_.data))
                                          .added);
        },
        Fix, &focus);
}

bool ProjectDocument::removeLayer(const QString& name, const QString& focusAfter) {
    QString focus = focusAfter;
    return pushGraphEdit(
        tr("Remove %1").arg(name), [&](ModelGraph& g) { g.remove(str(name)); }, Remove, &focus);
}

QString ProjectDocument::duplicateLayer(const QString& name) {
    QString copy;
    const bool ok = pushGraphEdit(
        tr("Duplicate %1").arg(name),
        [&](ModelGraph& g) {
            const LayerNode* node = g.find(str(name));
            if (!node) throw cs::ConfigError(str(tr("There is no layer named '%1'.").arg(name)));
            if (cs::layerSpec(node->className).isInput())
                throw cs::ConfigError(
                    str(tr("The InputLayer cannot be duplicated: a model has one.")));
            if (node->inputs.size() > 1)
                throw cs::ConfigError(
                    str(tr("'%1' merges %2 inputs: duplicate the layers of its branches instead.")
                            .arg(name)
                            .arg(node->inputs.size())));
            const std::string cls = node->className;
            cs::Json config = node->config;
            config.erase("name"); // the copy takes the class's next free name
            const auto consumers = g.consumersOf(str(name));
            if (!consumers.empty())
                copy = QString::fromStdString(
                    g.insertOnConnection(cls, config, str(name), consumers.front()));
            else if (g.node(g.size() - 1).name() == str(name))
                copy = QString::fromStdString(g.append(cls, config));
            else
                throw cs::ConfigError(
                    str(tr("'%1' feeds no layer: connect it before duplicating it.").arg(name)));
        },
        Add, &copy);
    return ok ? copy : QString();
}

bool ProjectDocument::moveLayer(const QString& name, const Connection& where) {
    QString focus = name;
    return pushGraphEdit(
        tr("Move %1").arg(name), [&](ModelGraph& g) { g.move(str(name), where.from, where.to); },
        Move, &focus);
}

bool ProjectDocument::connectLayers(const QString& from, const QString& to) {
    QString focus = to;
    return pushGraphEdit(
        tr("Connect %1 to %2").arg(from, to),
        [&](ModelGraph& g) {
            const cs::UserText why = g.connect(str(from), str(to));
            if (!why.empty()) throw cs::ConfigError(why);
        },
        Connect, &focus);
}

bool ProjectDocument::disconnectLayers(const QString& from, const QString& to) {
    QString focus = to;
    return pushGraphEdit(
        tr("Disconnect %1 from %2").arg(from, to),
        [&](ModelGraph& g) { g.disconnect(str(from), str(to)); }, Connect, &focus);
}

bool ProjectDocument::setLayerAttribute(const QString& name, const QString& key,
                                        const cs::Json& value) {
    ModelGraph after = graph_;
    try {
        after.setAttribute(str(name), str(key), value);
    } catch (const cs::Error& e) {
        Q_EMIT editRefused(errorText(e));
        return false;
    }
    if (after == graph_) return false;
    undoStack_.push(new SetAttributeCommand(this, name, key, graph_, after, gesture_));
    return true;
}

bool ProjectDocument::renameLayer(const QString& oldName, const QString& newName) {
    QString focus = newName;
    return pushGraphEdit(
        tr("Rename %1 to %2").arg(oldName, newName),
        [&](ModelGraph& g) {
            const cs::UserText why = g.rename(str(oldName), str(newName));
            if (!why.empty()) throw cs::ConfigError(why);
        },
        Rename, &focus);
}

void ProjectDocument::applyQuickFix(int layerIndex, int fixIndex) {
    if (layerIndex < 0 || layerIndex >= int(report_.layers.size())) return;
    const auto& fixes = report_.layers[size_t(layerIndex)].fixes;
    if (fixIndex < 0 || fixIndex >= int(fixes.size())) return;
    const QuickFix fix = fixes[size_t(fixIndex)];
    if (fix.changesData()) { // how the data loads, not the model: a settings step
        ProjectSettings after = settings_;
        fix.applyToData(after.data);
        pushSettings(engineText(fix.label), after, {});
        return;
    }
    QString focus = QString::fromStdString(graph_.node(layerIndex).name());
    pushGraphEdit(engineText(fix.label), fix.apply, Fix, &focus);
}

void ProjectDocument::renameModel(const QString& name) {
    QString focus = focusedLayer_;
    pushGraphEdit(
        tr("Rename the model"), [&](ModelGraph& g) { g.name = str(name); }, Rename, &focus);
}

void ProjectDocument::pushSettings(const QString& text, const ProjectSettings& after,
                                   const QString& mergeKey) {
    if (after.toJson() == settings_.toJson()) return;
    undoStack_.push(new SettingsCommand(this, text, settings_, after, mergeKey, gesture_));
}

void ProjectDocument::setDataSettings(const DataSettings& data) {
    ProjectSettings after = settings_;
    after.data = data;
    pushSettings(tr("Choose the data set"), after, {});
}

void ProjectDocument::setPreprocessing(const cs::Preprocessing& preprocessing,
                                       const QString& mergeKey) {
    ProjectSettings after = settings_;
    after.preprocessing = preprocessing;
    pushSettings(tr("Change preprocessing"), after,
                 mergeKey.isEmpty() ? QString() : "pre:" + mergeKey);
}

void ProjectDocument::setAugmentation(const cs::AugmentationOptions& augmentation,
                                      const QString& mergeKey) {
    ProjectSettings after = settings_;
    after.augmentation = augmentation;
    pushSettings(tr("Change augmentation"), after,
                 mergeKey.isEmpty() ? QString() : "aug:" + mergeKey);
}

void ProjectDocument::setTrainingSettings(const TrainingSettings& training,
                                          const QString& mergeKey) {
    ProjectSettings after = settings_;
    after.training = training;
    pushSettings(tr("Change training settings"), after,
                 mergeKey.isEmpty() ? QString() : "train:" + mergeKey);
}

} // namespace ui
