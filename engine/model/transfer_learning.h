// Transfer learning on the editor's graph, as Keras users do it: freeze a
// trained network's feature layers (`layer.trainable = False` for a layer and
// every layer it reads from) and put a new classifier on top for another data
// set; then train with the old weights where the layers are still the same.
//
//   cs::ModelGraph g = cs::ModelGraph::fromModel(trained.model);
//   cs::freezeUpTo(g, "max_pooling2d_1");
//   cs::replaceClassifierHead(g, 2);          // one sigmoid unit for two classes
//   cs::Model m = g.toModel();
//   m.build(42);
//   cs::copyMatchingWeights(trained.model, m); // the frozen layers keep their weights
#pragma once

#include "engine/data/data_binding.h"
#include "engine/model/model.h"
#include "engine/model/model_graph.h"

#include <string>
#include <vector>

namespace cs {

// Sets trainable = false on `name` and on every layer it depends on (its
// inputs, their inputs ...), which for a chain is every layer before it.
// Returns the layers that were trainable and are now frozen, in graph order.
// ConfigError when there is no such layer.
std::vector<std::string> freezeUpTo(ModelGraph& graph, const std::string& name);

// How many layers of the graph are frozen (trainable = false).
int frozenLayerCount(const ModelGraph& graph);
inline bool hasFrozenLayers(const ModelGraph& graph) { return frozenLayerCount(graph) > 0; }

struct ClassifierHead {
    std::vector<std::string> removed; // the old head's layers, in graph order
    std::string added;                // the new Dense layer
    int units = 0;
    std::string activation;           // "softmax", or "sigmoid" for two classes
};

// Removes every layer after the last Flatten / GlobalAveragePooling2D (the
// old classifier: Dense, Dropout, Activation, BatchNormalization) and appends
// a trainable Dense sized for `classes`: softmax over the classes, or, for two
// classes read as binary labels, one sigmoid unit (Keras's class_mode='binary';
// two classes read as categorical or sparse labels get two softmax units).
// The new layer gets a name no trained layer had ("classifier", "classifier_1"
// ...), so copyMatchingWeights never fills it with the old head's weights.
// ConfigError, graph unchanged, when there is no Flatten/GlobalAveragePooling2D,
// when a layer after it is not part of a classifier (a Conv2D, a merge), or
// when classes < 2.
ClassifierHead replaceClassifierHead(ModelGraph& graph, int classes, bool binaryLabels = true);

// Whether a data binding reads two classes as binary labels: image folders
// only with class_mode binary; IDX and CIFAR-10 labels suit either head.
bool readsBinaryLabels(const DataBinding& data);

// Copies the parameters of `from` into the built model `to` for every layer
// with the same name and class whose parameters have the same names and
// shapes (BatchNormalization's moving statistics included). Returns the names
// of the layers copied, in `to`'s order; the other layers keep their values.
std::vector<std::string> copyMatchingWeights(const Model& from, Model& to);

// The graph as a built model (fresh weights from `seed`) that starts from
// `source`'s weights wherever copyMatchingWeights() finds the same layer:
// what a fine-tuning run trains. `copied` receives those layers' names.
Model modelWithWeightsFrom(const ModelGraph& graph, const Model& source, uint64_t seed,
                           std::vector<std::string>* copied = nullptr);

} // namespace cs
