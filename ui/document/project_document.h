// ProjectDocument: the one object that owns what a person edits — the model
// graph, the project settings (data set, preprocessing, augmentation,
// training) and the QUndoStack of every change to them.
//
// Views never change the model themselves: they call the edit functions here,
// each of which pushes one undoable command, and they redraw on the signals.
// After every model edit the document re-runs the analysis (shapes, parameter
// counts, problems with quick fixes) so every view reads the same report.
//
//   ProjectDocument doc;
//   doc.load(readProjectFile("mnist.json"), "mnist.json");
//   QString name = doc.insertLayer("BatchNormalization", {"conv2d", "max_pooling2d"});
//   doc.undoStack()->undo();
#pragma once

#include "ui/document/model_analysis.h"
#include "ui/document/model_graph.h"
#include "ui/document/project_file.h"
#include "ui/document/project_settings.h"

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>

namespace ui {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject* parent = nullptr);

    const ModelGraph& graph() const { return graph_; }
    const ModelReport& report() const { return report_; }
    const ProjectSettings& settings() const { return settings_; }
    QUndoStack* undoStack() { return &undoStack_; }

    // The file the project was read from or saved to (empty for a new one).
    const QString& filePath() const { return filePath_; }
    bool isModified() const { return !undoStack_.isClean(); }
    QString displayName() const; // file name, or "Untitled (<model name>)"

    // What the loaded data set feeds the model (checked against its input and output).
    void setDataShape(const DataShape& shape);
    const DataShape& dataShape() const { return dataShape_; }

    // Replaces everything (New, Open): the undo history starts again.
    void load(const ProjectContent& content, const QString& path);
    void save(const QString& path); // throws cs::Error; marks the document clean
    // The first start: the course's first CNN on Fashion-MNIST.
    static ProjectContent defaultProject();
    // A minimal model for "New": input, Flatten and a softmax output sized to the data.
    static ModelGraph starterGraph(const DataShape& data);

    // ---- Model edits: one undo step each; a refusal emits editRefused(reason) --------
    QString appendLayer(const QString& className);
    QString insertLayer(const QString& className, const Connection& where);
    bool removeLayer(const QString& name);
    // To the connection `where`, or to the end of the chain when it is empty.
    bool moveLayer(const QString& name, const Connection& where);
    bool connectLayers(const QString& from, const QString& to);
    bool disconnectLayers(const QString& from, const QString& to);
    bool setLayerAttribute(const QString& name, const QString& key, const cs::Json& value);
    bool renameLayer(const QString& oldName, const QString& newName);
    // A fix of the report: a model edit, or (a data fix) a change of how the data set
    // loads, pushed as a settings step; the data set is then read again.
    void applyQuickFix(int layerIndex, int fixIndex);
    void renameModel(const QString& name);
    // The whole model at once, as one undo step (a lesson's preset): unlike load(), the
    // settings, the file and the undo history stay.
    bool replaceModel(const ModelGraph& graph, const QString& text);
    // Transfer learning (engine/model/transfer_learning.h), one undo step each:
    // `name` and every layer it reads from become frozen (trainable = false) ...
    bool freezeUpTo(const QString& name);
    bool unfreezeAll();
    // ... and the layers after the last Flatten/GlobalAveragePooling2D give way
    // to a Dense sized for the loaded data set (dataShape().classCount).
    bool replaceClassifierHead();

    // ---- Settings edits (mergeKey: merge a gesture's consecutive changes) ------------
    void setDataSettings(const DataSettings& data);
    void setPreprocessing(const cs::Preprocessing& preprocessing, const QString& mergeKey = {});
    void setAugmentation(const cs::AugmentationOptions& augmentation, const QString& mergeKey = {});
    void setTrainingSettings(const TrainingSettings& training, const QString& mergeKey = {});
    // Ends the current editing gesture: the next change starts a new undo step.
    void endGesture() { ++gesture_; }

    // The layer views should show selected (set by edits and by the views).
    const QString& focusedLayer() const { return focusedLayer_; }
    void setFocusedLayer(const QString& name);

    // Used by the undo commands.
    void applyGraph(const ModelGraph& graph, const QString& focus);
    void applySettings(const ProjectSettings& settings);

Q_SIGNALS:
    void modelChanged();     // graph and report are new
    void documentReplaced(); // New or Open: a different project altogether
    void focusedLayerChanged(const QString& name);
    void dataSettingsChanged();
    void preprocessingChanged();
    void augmentationChanged();
    void trainingSettingsChanged();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);
    void editRefused(const QString& reason);

private:
    bool pushGraphEdit(const QString& text, const std::function<void(ModelGraph&)>& edit, int kind,
                       QString* focus = nullptr);
    void pushSettings(const QString& text, const ProjectSettings& after, const QString& mergeKey);
    void reanalyse();

    ModelGraph graph_;
    ModelReport report_;
    ProjectSettings settings_;
    DataShape dataShape_;
    QUndoStack undoStack_;
    QString filePath_;
    QString focusedLayer_;
    int gesture_ = 0;
};

} // namespace ui
