// Internal to the ONNX importer: an ONNX graph (already parsed) turned into a
// ConvStudio architecture plus its weights in Keras layouts. Errors are
// FormatErrors without the file's path (importOnnx() adds it).
#pragma once

#include "engine/core/tensor.h"
#include "engine/io/json.h"

#include <map>
#include <string>

namespace onnx {
class GraphProto;
}

namespace cs {

struct ImportedGraph {
    Json architecture;                    // docs/formats.md §1, every layer with inbound_nodes
    std::map<std::string, Tensor> weights; // "<layer>.<weight>"
};

ImportedGraph convertOnnxGraph(const onnx::GraphProto& graph, int opset, const std::string& modelName);

} // namespace cs
