// Model: a directed acyclic graph of named layers, Keras-style.
//
// Nodes are kept in topological order (each node's inputs come before it); the
// first node is the InputLayer and the last is the output. A plain chain is the
// common case (Keras's Sequential); Add/Concatenate nodes with several inputs
// make skip connections. The model owns one activation and one gradient buffer
// per node, sized at the first batch and reused every step after.
#pragma once

#include "engine/core/activation.h"
#include "engine/core/tensor.h"
#include "engine/io/json.h"
#include "engine/layers/layer.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

class Model {
public:
    Model();
    ~Model();
    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;

    std::string name = "model";

    // ---- Graph -------------------------------------------------------------------
    // Appends a layer. An empty name gets Keras's automatic one (conv2d, conv2d_1, ...).
    // Names are looked up through an index, so a model of n layers is made in
    // about n steps (a layer renamed after add() is not seen by findNode).
    // inbound: names of its input nodes; empty = the previous node (a chain).
    // Throws ConfigError on a duplicate name or an unknown inbound node.
    std::string add(std::unique_ptr<Layer> layer, std::vector<std::string> inbound = {});
    int nodeCount() const { return int(nodes_.size()); }
    Layer& layer(int node) { return *nodes_[size_t(node)].layer; }
    const Layer& layer(int node) const { return *nodes_[size_t(node)].layer; }
    const std::vector<int>& inputsOf(int node) const { return nodes_[size_t(node)].inputs; }
    int findNode(const std::string& name) const; // -1 if absent
    Layer* findLayer(const std::string& name);
    // True when every node takes exactly the previous node (Keras Sequential).
    bool isChain() const;
    // Keras's next automatic name for a layer class in this model.
    std::string uniqueName(const std::string& prefix) const;

    // ---- Shapes and parameters ---------------------------------------------------
    // Per-node per-sample output shapes; throws ShapeError naming the first bad layer.
    std::vector<Shape> inferShapes() const;
    // Parameter counts from the shapes alone, nothing allocated (the summary of
    // a model too large to build still prints). Throws ShapeError like inferShapes().
    struct ParameterCounts {
        int64_t total = 0, trainable = 0;
        std::vector<int64_t> perNode;
    };
    ParameterCounts countParameters() const;
    // Bytes a forward pass over `batch` images allocates for the layers'
    // outputs (training: and their gradients), from the shapes.
    uint64_t activationBytes(int batch, bool training) const;
    // ResourceError ("a batch of 512 in training needs 3.1 GB for the layers'
    // outputs, over the 2 GB limit ...") when activationBytes() exceeds the
    // memory limit: callers that prepare a batch check before filling it.
    void checkBatchMemory(int batch, bool training) const;
    // Creates every layer's parameters (glorot_uniform kernels from `seed`).
    // Throws ResourceError, before allocating, when the parameters and their
    // gradients, or the layers' outputs for one image, would need more than
    // the memory limit (core/resource_limits.h).
    void build(uint64_t seed);
    bool isBuilt() const { return built_; }
    Shape inputShape() const;
    Shape outputShape() const;
    int64_t parameterCount() const;
    int64_t trainableParameterCount() const;
    std::vector<Param*> parameters();
    // The L2 penalty sum over kernels with a kernel_regularizer.
    double regularizationLoss() const;
    // Activation of the output layer (softmax/sigmoid decide how the loss fuses).
    Activation outputActivation() const;

    // ---- Running ------------------------------------------------------------------
    // Forward pass over a batch [N, ...inputShape]; returns the output [N, ...].
    // ResourceError before allocating when the batch's activations would need
    // more than the memory limit.
    const Tensor& forward(const Tensor& input, const RunContext& ctx);
    // Backward pass after a training forward: dOutput = dL/d(output) (or
    // dL/d(pre-activation) when outputGradIsPreActivation). Sets parameter gradients.
    void backward(Tensor& dOutput, const RunContext& ctx, bool outputGradIsPreActivation);
    // The output of a node from the last forward pass (feature maps): kept
    // after a training forward, or an inference forward with ctx.keepActivations.
    const Tensor& nodeOutput(int node) const;
    // Asks the next backward passes to keep dL/d(output of `node`) as it
    // arrives from the layers after it — before the node's own backward turns
    // it into its pre-activation gradient in place. -1 stops. Grad-CAM's gradients.
    void recordGradientOf(int node);
    // That gradient from the last backward pass; ShapeError when not recorded.
    const Tensor& nodeGradient(int node) const;

    // When set, forward/backward add each node's time (seconds of CPU time of
    // the calling thread; profile with one thread) here: the benchmark's
    // per-layer profile. Null (the default) costs nothing.
    struct LayerTimes {
        std::vector<double> forward, backward;
    };
    void setLayerTimes(LayerTimes* times) { times_ = times; }

    // ---- Files ---------------------------------------------------------------------
    // The architecture as JSON (docs/formats.md): Keras class names and configs.
    Json toJson() const;
    // Builds the graph from that JSON (not the parameters: call build()).
    static Model fromJson(const Json& architecture);
    // A deep copy: same graph and same parameter values.
    Model clone() const;

private:
    struct Node {
        std::unique_ptr<Layer> layer;
        std::vector<int> inputs;
    };
    static double threadCpuSeconds(); // for the LayerTimes profile
    // Depth-first execution of a chain (model_chain.cpp).
    void forwardChain(const Tensor& input, const RunContext& ctx);
    void backwardChain(Tensor& dOutput, const RunContext& ctx, bool outputGradIsPreActivation);
    void forwardNodeRange(int node, const RunContext& ctx, int chunk, ChunkRange range);
    void forwardGroupStreaming(int first, int end, int subBatch, const RunContext& ctx, int chunk, ChunkRange range);
    void backwardNodeRange(int node, Tensor* const* grads, const RunContext& ctx, int chunk, ChunkRange range);
    // The nodes [first, end) that run in ranges, split into groups that share
    // sub-batches (and nodes that take a thread's whole chunk at once).
    struct RangeGroup {
        int first, end;
        int subBatch; // images per sub-batch; 0 = the whole chunk
    };
    std::vector<RangeGroup> rangeGroups(int first, int end) const;

    std::vector<Node> nodes_;
    // Node of each layer name (names are set before add() and never change after).
    std::unordered_map<std::string, int> nodeByName_;
    // uniqueName(): per prefix, the lowest suffix that may still be free.
    mutable std::unordered_map<std::string, int> nextSuffix_;
    std::vector<Shape> shapes_; // per-sample output shape of every node, from build()
    bool built_ = false;
    // Run-time buffers, one per node.
    std::vector<Tensor> outputs_;
    std::vector<const Tensor*> outputPtr_;
    std::vector<Tensor> grads_;
    std::vector<int> consumers_;
    std::vector<Tensor> scratch_; // gradients of inputs that several layers consume
    // Inference without kept activations: per thread, one small buffer per node.
    std::vector<std::vector<Tensor>> streamBuffers_;
    LayerTimes* times_ = nullptr;
    // The largest batch whose activations passed the memory check (inference, training).
    int checkedBatch_[2] = {0, 0};
    int gradientTapNode_ = -1; // recordGradientOf()
    Tensor gradientTap_;
};

} // namespace cs
