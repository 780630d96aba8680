// Layer: the base of every layer type (Conv2D, Dense, ...).
//
// A layer owns its parameters and its per-batch scratch memory. The model
// calls outputShape() to infer shapes, build() once to create parameters,
// then runs batches (NHWC tensors). A batch is cut into ctx.chunks contiguous
// pieces, one per thread (see core/parallel.h); a layer computes any range of
// images of its chunk with forwardRange()/backwardRange(), accumulating its
// weight gradients per chunk, and endBackward() adds the chunks up in chunk
// order, so results are deterministic for a thread count.
//
// Working on ranges lets the model run a chain depth-first: each thread takes
// a few images through many layers while they are still in its cache, instead
// of streaming the whole batch through memory once per layer. forward() and
// backward() run one layer over a whole batch (graphs, BatchNormalization).
#pragma once

#include "engine/core/parallel.h"
#include "engine/core/random.h"
#include "engine/core/tensor.h"
#include "engine/io/json.h"

#include <string>
#include <vector>

namespace cs {

struct Param {
    std::string name; // Keras weight name: kernel, bias, gamma, beta, moving_mean, moving_variance
    Tensor value;
    Tensor grad;            // set by backward() for trainable parameters
    bool trainable = true;  // false for BatchNormalization's moving statistics
    float l2 = 0.0f;        // kernel_regularizer=l2(l2): adds l2 * sum(w^2) to the loss
};

struct RunContext {
    bool training = false; // dropout active, batch statistics for BatchNormalization
    int chunks = 1;        // how many pieces the batch is cut into (= threads)
    uint64_t seed = 0;     // with step and the layer's index, seeds dropout masks
    uint64_t step = 0;
    // Set for the output layer when the loss already gave dL/d(pre-activation)
    // (softmax or sigmoid with cross-entropy, computed stably as p - y).
    bool lossGradientIsPreActivation = false;
    // Inference keeps only the model's output unless asked (feature maps):
    // intermediate activations then live in small per-thread buffers.
    bool keepActivations = false;
    // Set when backward() follows an inference forward (Grad-CAM): layers
    // then record what their backward needs (max-pooling's argmax) and every
    // activation is kept, but dropout and BatchNormalization stay in inference mode.
    bool backwardFollows = false;
};

class Layer {
public:
    Layer(std::string className, Json config);
    virtual ~Layer();
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    const std::string& className() const { return className_; }
    std::string name() const;
    void setName(const std::string& name);
    bool trainable() const;
    void setTrainable(bool trainable);
    // Keras config: every attribute with its value, plus name and trainable.
    const Json& config() const { return config_; }

    // Per-sample output shape (no batch dimension) for these per-sample input
    // shapes; throws ShapeError with a message that names the layer and the fix.
    virtual Shape outputShape(const std::vector<Shape>& inputs) const = 0;
    // Creates and initialises the parameters (glorot_uniform kernels, zero biases).
    virtual void build(const std::vector<Shape>& inputs, Rng& rng);
    // How many parameters build() would create for these inputs, computed from
    // the shapes alone (nothing allocated): the summary's counts and the
    // memory check before build(). Saturates at INT64_MAX instead of wrapping.
    struct ParameterCount {
        int64_t total = 0, trainable = 0;
    };
    virtual ParameterCount parameterCountFor(const std::vector<Shape>& inputs) const;

    // ---- Range execution ------------------------------------------------------------
    // Sizes per-batch state (masks, indices, per-chunk workspaces) before ranges run.
    virtual void prepareBatch(int batch, const RunContext& ctx);
    // Images [range.begin, range.end) of `output` (already sized for the batch), on
    // thread slot `chunk`.
    virtual void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output,
                              const RunContext& ctx, int chunk, ChunkRange range);
    // Zeroes the per-chunk gradient sums (before any backwardRange of a batch).
    virtual void beginBackward(const RunContext& ctx);
    // Given dL/dOutput for the range (may be modified in place), writes dL/dInput
    // of the range into every non-null dInputs[i] (sized for the batch) and adds
    // the range's weight gradients to chunk `chunk`'s sums when trainable.
    virtual void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output,
                               Tensor& dOutput, const std::vector<Tensor*>& dInputs,
                               const RunContext& ctx, int chunk, ChunkRange range);
    // Adds the chunks' gradient sums into the parameters' gradients.
    virtual void endBackward(const RunContext& ctx);
    // False when an image's output depends on the other images of the batch
    // (BatchNormalization in training): the model then runs it whole.
    virtual bool runsInRanges(const RunContext& ctx) const;
    // True when small ranges would waste work (Dense re-reads all its weights per
    // range): the model gives it each thread's whole chunk at once.
    virtual bool prefersWholeChunk() const { return false; }
    // True when, in this context, the output is the input's values unchanged
    // (Flatten; Dropout outside training): a streaming inference passes the
    // input on instead of copying it (Model::forwardGroupStreaming).
    virtual bool passesInputThrough(const RunContext&) const { return false; }

    // ---- Whole-batch execution --------------------------------------------------------
    // The whole batch through this layer: sizes the output, then ranges per chunk.
    virtual void forward(const std::vector<const Tensor*>& inputs, Tensor& output,
                         const RunContext& ctx);
    // The whole batch backwards: dInputs (non-null ones) are resized and
    // overwritten; trainable parameters get their gradients.
    virtual void backward(const std::vector<const Tensor*>& inputs, const Tensor& output,
                          Tensor& dOutput, const std::vector<Tensor*>& dInputs,
                          const RunContext& ctx);

    std::vector<Param>& params() { return params_; }
    const std::vector<Param>& params() const { return params_; }
    Param* findParam(const std::string& name);
    int64_t parameterCount() const;
    int64_t trainableParameterCount() const;
    // The layer's position in its model, used to give each dropout layer its own stream.
    void setIndex(int index) { index_ = index; }
    int index() const { return index_; }

protected:
    // Per-chunk sums of a kernel's and a bias's gradients (Conv2D, Dense):
    // zeroed by beginGradientSums, added up in chunk order by endGradientSums
    // (with the L2 term), so the result is the same for a thread count.
    struct GradientSums {
        Tensor dKernel, dBias;
    };
    void beginGradientSums(std::vector<GradientSums>& sums, int chunks) const;
    void endGradientSums(const std::vector<GradientSums>& sums, int chunks);

    Param& addParam(const std::string& name, const Shape& shape, bool trainable);
    // Keras glorot_uniform: U(-l, l), l = sqrt(6 / (fanIn + fanOut)).
    static void glorotUniform(Tensor& t, int fanIn, int fanOut, Rng& rng);
    std::string layerLabel() const; // "conv2d (Conv2D)" for messages

    std::string className_;
    Json config_;
    std::vector<Param> params_;
    int index_ = 0;
};

} // namespace cs
