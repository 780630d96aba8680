// The document's undoable edits. Each command keeps the graph (or the
// settings) before and after the edit: the model is a dozen small JSON
// configs, so a snapshot is cheap and undo restores exactly what was there.
// Changing one attribute merges with the next change of the same attribute
// in the same editing gesture, so a spin-box drag is one undo step.
#pragma once

#include "ui/document/model_graph.h"
#include "ui/document/project_settings.h"

#include <QString>
#include <QUndoCommand>

namespace ui {

class ProjectDocument;

// Base of every model edit: swaps the document's graph between two snapshots.
class GraphEditCommand : public QUndoCommand {
public:
    GraphEditCommand(ProjectDocument* document, const QString& text, ModelGraph before,
                     ModelGraph after, QString focusAfter);
    void undo() override;
    void redo() override;

protected:
    ProjectDocument* document_;
    ModelGraph before_, after_;
    QString focusBefore_, focusAfter_;
};

class AddLayerCommand : public GraphEditCommand {
public:
    using GraphEditCommand::GraphEditCommand;
};

class RemoveLayerCommand : public GraphEditCommand {
public:
    using GraphEditCommand::GraphEditCommand;
};

class MoveLayerCommand : public GraphEditCommand {
public:
    using GraphEditCommand::GraphEditCommand;
};

class ConnectionCommand : public GraphEditCommand {
public:
    using GraphEditCommand::GraphEditCommand;
};

class QuickFixCommand : public GraphEditCommand {
public:
    using GraphEditCommand::GraphEditCommand;
};

// One attribute of one layer; consecutive changes of the same attribute in
// the same gesture (merge sequence) merge into one step.
class SetAttributeCommand : public GraphEditCommand {
public:
    enum { Id = 0x4353 };
    SetAttributeCommand(ProjectDocument* document, const QString& layer, const QString& key,
                        ModelGraph before, ModelGraph after, int sequence);
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    QString layer_, key_;
    int sequence_;
};

// Data set choice, preprocessing, augmentation or training settings.
class SettingsCommand : public QUndoCommand {
public:
    enum { Id = 0x4354 };
    // mergeKey: non-empty to merge consecutive edits of the same setting in one gesture.
    SettingsCommand(ProjectDocument* document, const QString& text, ProjectSettings before,
                    ProjectSettings after, QString mergeKey, int sequence);
    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_.isEmpty() ? -1 : Id; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* document_;
    ProjectSettings before_, after_;
    QString mergeKey_;
    int sequence_;
};

} // namespace ui
