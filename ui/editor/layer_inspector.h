// LayerInspector: the property editor of the layer selected in the model
// editor. Its form is generated from the layer's metadata (one typed editor
// per attribute, ranges and help from the spec), plus the layer's name, its
// inputs for merge layers (connect/disconnect by hand), and its output shape,
// parameter count and problem with quick-fix buttons. Edits go to the
// document; a spin-box drag is one undo step (the document merges a gesture).
#pragma once

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QComboBox;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace ui {

class ProjectDocument;
class AttributeEditor;

class LayerInspector : public QWidget {
    Q_OBJECT
public:
    explicit LayerInspector(ProjectDocument* document, QWidget* parent = nullptr);

    // The editor of an attribute of the shown layer (for tests and keyboard focus).
    AttributeEditor* editorFor(const QString& key) const { return editors_.value(key); }
    QString shownLayer() const { return layer_; }
    // Return on a canvas block: the keyboard goes to the first attribute's field (the
    // name for a layer without attributes), its text selected so typing replaces it.
    void editFirstField();

private:
    void showLayer(const QString& name);
    void rebuildForm();
    void refreshValues();
    void refreshInputs();
    void refreshStatus();

    ProjectDocument* document_;
    QString layer_;     // shown layer's name
    QString className_; // its class, to know when the form must be rebuilt
    QLabel* title_;
    QLabel* description_;
    QLabel* empty_;
    QWidget* body_;
    QLineEdit* name_;
    QFormLayout* form_;
    QHash<QString, AttributeEditor*> editors_;
    QWidget* inputsBox_;
    QListWidget* inputs_;
    QComboBox* connectFrom_;
    QPushButton* connectButton_;
    QPushButton* disconnectButton_;
    QLabel* output_;
    QLabel* problem_;
    QWidget* fixes_;
};

} // namespace ui
