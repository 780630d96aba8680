// ModelGraph: the model as the editor edits it — an ordered list of layer
// nodes (class name, complete Keras config, names of the nodes it reads).
//
// Unlike cs::Model it can hold a graph the engine would refuse (an Add with
// one input, a layer whose inputs are gone): the editor shows such models with
// their problem instead of refusing the edit. Nodes stay in topological order
// (a node's inputs come before it) and the first node is the InputLayer.
// Every edit here is a plain function on the value; the document wraps them in
// undoable commands (ui/document/edit_commands.h); the engine analyses it
// (model_analysis.h) for the editor and `convstudio-cli summary`.
//
//   ModelGraph g = ModelGraph::fromJson(cs::json::parseFile("preset.json"));
//   std::string name = g.insertOnConnection("BatchNormalization", {}, "conv2d", "max_pooling2d");
//   cs::Model model = g.toModel(); // throws cs::ConfigError when the engine would refuse it
#pragma once

#include "engine/core/user_text.h"
#include "engine/io/json.h"
#include "engine/model/model.h"

#include <string>
#include <vector>

namespace cs {

struct LayerNode {
    std::string className;
    cs::Json config;                 // complete: every attribute, plus name and trainable
    std::vector<std::string> inputs; // names of earlier nodes; empty for the InputLayer

    std::string name() const { return cs::json::getString(config, "name", ""); }
};

// An edge of the graph: `from` feeds `to`.
struct Connection {
    std::string from, to;
    bool operator==(const Connection&) const = default;
};

class ModelGraph {
public:
    std::string name = "model";

    // The architecture JSON (docs/formats.md §1): also graphs the engine refuses.
    static ModelGraph fromJson(const cs::Json& architecture);
    static ModelGraph fromModel(const cs::Model& model);
    // The smallest model that trains on images of `inputShape` (height, width,
    // channels) in `classCount` classes: input, Flatten, Dense(classCount,
    // softmax). A new project starts from it.
    static ModelGraph starter(const std::vector<int>& inputShape, int classCount);
    cs::Json toJson() const;
    // The engine's model (unbuilt). Throws cs::ConfigError for a graph it refuses.
    cs::Model toModel() const;

    int size() const { return int(nodes_.size()); }
    const LayerNode& node(int i) const { return nodes_[size_t(i)]; }
    const std::vector<LayerNode>& nodes() const { return nodes_; }
    int indexOf(const std::string& name) const; // -1 when absent
    const LayerNode* find(const std::string& name) const;
    std::vector<Connection> connections() const;
    std::vector<std::string> consumersOf(const std::string& name) const;
    bool isChain() const;
    // Keras's next automatic name for a prefix ("conv2d", "conv2d_1" ...).
    std::string uniqueName(const std::string& prefix) const;

    // ---- Edits (each keeps the order topological) ---------------------------------
    // A new layer of that class with its defaults, overridden by `config` members.
    // Placed on the edge from -> to (taking `from`, feeding `to`); returns its name.
    std::string insertOnConnection(const std::string& className, const cs::Json& config,
                                   const std::string& from, const std::string& to);
    // Appended after the last node (taking it as input); returns its name.
    std::string append(const std::string& className, const cs::Json& config);
    // Removes a node; its consumers read its first input instead. Not the InputLayer.
    void remove(const std::string& name);
    // Takes a single-input node out of its place and puts it on the edge from -> to
    // (or at the end when both are empty).
    void move(const std::string& name, const std::string& from, const std::string& to);
    // Adds `from` as an input of `to` (a merge layer). Returns a reason when refused.
    cs::UserText connect(const std::string& from, const std::string& to);
    void disconnect(const std::string& from, const std::string& to);
    void setAttribute(const std::string& name, const std::string& key, const cs::Json& value);
    // Renames and updates every reference; returns a reason when refused.
    cs::UserText rename(const std::string& oldName, const std::string& newName);
    // A Flatten/pooling ... of the given class placed right before node `name`
    // (on its first input edge); returns the new name.
    std::string insertBefore(const std::string& className, const cs::Json& config,
                             const std::string& name);

    bool operator==(const ModelGraph& other) const;

private:
    LayerNode makeNode(const std::string& className, const cs::Json& config) const;
    LayerNode& at(const std::string& name);
    void placeBefore(LayerNode node, int index);

    std::vector<LayerNode> nodes_;
};

} // namespace cs
