#include "ui/document/edit_commands.h"

#include "ui/document/project_document.h"

namespace ui {

GraphEditCommand::GraphEditCommand(ProjectDocument* document, const QString& text,
                                   ModelGraph before, ModelGraph after, QString focusAfter)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)),
      focusBefore_(document->focusedLayer()), focusAfter_(std::move(focusAfter)) {}

void GraphEditCommand::undo() {
    document_->applyGraph(before_, focusBefore_);
}

void GraphEditCommand::redo() {
    document_->applyGraph(after_, focusAfter_);
}

SetAttributeCommand::SetAttributeCommand(ProjectDocument* document, const QString& layer,
                                         const QString& key, ModelGraph before, ModelGraph after,
                                         int sequence)
    : GraphEditCommand(document, QObject::tr("Change %1 of %2").arg(key, layer), std::move(before),
                       std::move(after), layer),
      layer_(layer), key_(key), sequence_(sequence) {}

bool SetAttributeCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SetAttributeCommand*>(other);
    if (!next || next->layer_ != layer_ || next->key_ != key_ || next->sequence_ != sequence_)
        return false;
    after_ = next->after_;
    setObsolete(after_ == before_); // dragged back to where it started: no step at all
    return true;
}

SettingsCommand::SettingsCommand(ProjectDocument* document, const QString& text,
                                 ProjectSettings before, ProjectSettings after, QString mergeKey,
                                 int sequence)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)),
      mergeKey_(std::move(mergeKey)), sequence_(sequence) {}

void SettingsCommand::undo() {
    document_->applySettings(before_);
}

void SettingsCommand::redo() {
    document_->applySettings(after_);
}

bool SettingsCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SettingsCommand*>(other);
    if (!next || next->mergeKey_ != mergeKey_ || next->sequence_ != sequence_) return false;
    after_ = next->after_;
    setObsolete(after_.toJson() == before_.toJson());
    return true;
}

} // namespace ui
