// Depth-first execution of a chain model (the Keras Sequential case).
//
// Instead of streaming the whole batch through memory once per layer, each
// thread takes its chunk of the batch through a run of layers a few images
// (a sub-batch) at a time, so a layer's output is still in that core's cache
// when the next layer reads it. Layers that need the whole batch at once
// (BatchNormalization in training) split the chain into segments; layers that
// re-read all their weights per call (Dense) get the thread's whole chunk.
// In inference (unless activations are kept for inspection) a sub-batch runs
// through small per-thread buffers: only each group's last output is written
// to the batch-sized tensor, so the large early feature maps never leave cache.
// Outputs are identical to layer-at-a-time execution (every image is computed
// the same way); weight gradients are summed per sub-batch, then per chunk in
// chunk order, so they are deterministic for a thread count and differ from
// layer-at-a-time sums only by float rounding.
#include "engine/core/checks.h"
#include "engine/core/parallel.h"
#include "engine/layers/range_copy.h"
#include "engine/model/model.h"

#include <algorithm>
#include <cstring>

namespace cs {

namespace {
// A sub-batch's largest activation should stay within a core's L2 cache (1 MB
// here; measured with engine_benchmark --layers: 1 MB beat 384 KB, 4 MB, 16 MB).
constexpr long kSubBatchBytes = 1024 * 1024;
} // namespace

std::vector<Model::RangeGroup> Model::rangeGroups(int first, int end) const {
    std::vector<RangeGroup> groups;
    int i = first;
    while (i < end) {
        if (nodes_[size_t(i)].layer->prefersWholeChunk()) {
            groups.push_back({i, i + 1, 0});
            ++i;
            continue;
        }
        int j = i;
        long largest = 1;
        while (j < end && !nodes_[size_t(j)].layer->prefersWholeChunk()) {
            largest = std::max<long>(largest, long(shapes_[size_t(j)].numel()) * long(sizeof(float)));
            ++j;
        }
        groups.push_back({i, j, int(std::max<long>(1, kSubBatchBytes / largest))});
        i = j;
    }
    return groups;
}

void Model::forwardNodeRange(int k, const RunContext& ctx, int chunk, ChunkRange range) {
    CS_PRECONDITION(range.begin >= 0 && range.begin <= range.end && range.end <= outputs_[size_t(k)].shape()[0],
                    "a layer's range of samples is inside the batch");
    const double start = times_ && ctx.chunks == 1 ? threadCpuSeconds() : 0.0;
    nodes_[size_t(k)].layer->forwardRange({outputPtr_[size_t(k) - 1]}, outputs_[size_t(k)], ctx, chunk, range);
    if (times_ && ctx.chunks == 1) times_->forward[size_t(k)] += threadCpuSeconds() - start;
}

void Model::backwardNodeRange(int k, Tensor* const* grads, const RunContext& ctx, int chunk, ChunkRange range) {
    CS_PRECONDITION(range.begin >= 0 && range.begin <= range.end && range.end <= grads[k]->shape()[0],
                    "a layer's range of samples is inside the batch");
    const double start = times_ && ctx.chunks == 1 ? threadCpuSeconds() : 0.0;
    Tensor* dIn = k >= 2 ? grads[k - 1] : nullptr; // nothing learns from the input image
    if (k == gradientTapNode_) copyRange(*grads[k], gradientTap_, range);
    nodes_[size_t(k)].layer->backwardRange({outputPtr_[size_t(k) - 1]}, *outputPtr_[size_t(k)], *grads[k], {dIn},
                                           ctx, chunk, range);
    if (times_ && ctx.chunks == 1) times_->backward[size_t(k)] += threadCpuSeconds() - start;
}

void Model::forwardChain(const Tensor& input, const RunContext& ctx) {
    const int n = input.shape()[0];
    const int count = nodeCount();
    if (times_) {
        times_->forward.resize(size_t(count));
        times_->backward.resize(size_t(count));
    }
    for (int k = 1; k < count; ++k) {
        outputs_[size_t(k)].resize(shapes_[size_t(k)].withBatch(n));
        outputPtr_[size_t(k)] = &outputs_[size_t(k)];
    }
    int k = 1;
    while (k < count) {
        Layer& layer = *nodes_[size_t(k)].layer;
        if (!layer.runsInRanges(ctx)) {
            const double start = times_ && ctx.chunks == 1 ? threadCpuSeconds() : 0.0;
            layer.forward({outputPtr_[size_t(k) - 1]}, outputs_[size_t(k)], ctx);
            if (times_ && ctx.chunks == 1) times_->forward[size_t(k)] += threadCpuSeconds() - start;
            ++k;
            continue;
        }
        int end = k;
        while (end < count && nodes_[size_t(end)].layer->runsInRanges(ctx)) ++end;
        for (int j = k; j < end; ++j) nodes_[size_t(j)].layer->prepareBatch(n, ctx);
        const std::vector<RangeGroup> groups = rangeGroups(k, end);
        const bool streaming = !ctx.training && !ctx.keepActivations && !ctx.backwardFollows && !times_;
        if (streaming) {
            if (int(streamBuffers_.size()) < ctx.chunks) streamBuffers_.resize(size_t(ctx.chunks));
            for (auto& buffers : streamBuffers_) buffers.resize(size_t(count) + 1);
            for (const RangeGroup& g : groups)
                if (g.subBatch > 0)
                    for (int j = g.first; j + 1 < g.end; ++j) outputPtr_[size_t(j)] = nullptr; // not kept
        }
        forEachChunk(n, ctx.chunks, [&](int chunk, ChunkRange r) {
            if (r.size() == 0) return;
            for (const RangeGroup& g : groups) {
                if (streaming && g.subBatch > 0) {
                    forwardGroupStreaming(g.first, g.end, g.subBatch, ctx, chunk, r);
                    continue;
                }
                const int step = g.subBatch > 0 ? g.subBatch : r.size();
                for (int b = r.begin; b < r.end; b += step) {
                    const ChunkRange sub{b, std::min(b + step, r.end)};
                    for (int j = g.first; j < g.end; ++j) forwardNodeRange(j, ctx, chunk, sub);
                }
            }
        });
        k = end;
    }
}

void Model::forwardGroupStreaming(int first, int end, int subBatch, const RunContext& ctx, int chunk,
                                  ChunkRange r) {
    std::vector<Tensor>& buffers = streamBuffers_[size_t(chunk)];
    const Tensor& source = first == 1 ? *outputPtr_[0] : outputs_[size_t(first) - 1];
    Tensor& target = outputs_[size_t(end) - 1];
    for (int b = r.begin; b < r.end; b += subBatch) {
        const int n = std::min(subBatch, r.end - b);
        const ChunkRange local{0, n};
        // The sub-batch's input, copied once into this thread's buffer (small: a
        // group starts at the input image or after a Dense layer).
        Tensor& in = buffers[size_t(nodeCount())];
        in.resize(source.shape().withoutBatch().withBatch(n));
        std::memcpy(in.data(), source.sample(b), sizeof(float) * size_t(in.size()));
        const Tensor* prev = &in;
        for (int j = first; j < end; ++j) {
            if (nodes_[size_t(j)].layer->passesInputThrough(ctx)) continue; // its output is `prev` as it is
            Tensor& out = buffers[size_t(j)];
            out.resize(shapes_[size_t(j)].withBatch(n));
            nodes_[size_t(j)].layer->forwardRange({prev}, out, ctx, chunk, local);
            prev = &out;
        }
        std::memcpy(target.sample(b), prev->data(), sizeof(float) * size_t(prev->size()));
    }
}

void Model::backwardChain(Tensor& dOutput, const RunContext& ctx, bool outputGradIsPreActivation) {
    const int count = nodeCount();
    const int last = count - 1;
    const int n = dOutput.shape()[0];
    std::vector<Tensor*> grads(size_t(count), nullptr);
    for (int k = 1; k < last; ++k) {
        grads_[size_t(k)].resize(outputs_[size_t(k)].shape());
        grads[size_t(k)] = &grads_[size_t(k)];
    }
    grads[size_t(last)] = &dOutput;
    RunContext lastCtx = ctx;
    lastCtx.lossGradientIsPreActivation = outputGradIsPreActivation;
    auto contextOf = [&](int k) -> const RunContext& { return k == last ? lastCtx : ctx; };

    if (gradientTapNode_ >= 1) gradientTap_.resize(outputPtr_[size_t(gradientTapNode_)]->shape());
    for (int k = 1; k < count; ++k) nodes_[size_t(k)].layer->beginBackward(ctx);
    int k = last;
    while (k >= 1) {
        Layer& layer = *nodes_[size_t(k)].layer;
        if (!layer.runsInRanges(ctx)) {
            const double start = times_ && ctx.chunks == 1 ? threadCpuSeconds() : 0.0;
            if (k == gradientTapNode_) gradientTap_ = *grads[size_t(k)];
            layer.backward({outputPtr_[size_t(k) - 1]}, *outputPtr_[size_t(k)], *grads[size_t(k)],
                           {k >= 2 ? grads[size_t(k) - 1] : nullptr}, contextOf(k));
            if (times_ && ctx.chunks == 1) times_->backward[size_t(k)] += threadCpuSeconds() - start;
            --k;
            continue;
        }
        int first = k;
        while (first - 1 >= 1 && nodes_[size_t(first) - 1].layer->runsInRanges(ctx)) --first;
        const std::vector<RangeGroup> groups = rangeGroups(first, k + 1);
        forEachChunk(n, ctx.chunks, [&](int chunk, ChunkRange r) {
            if (r.size() == 0) return;
            for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
                const int step = g->subBatch > 0 ? g->subBatch : r.size();
                for (int b = r.begin; b < r.end; b += step) {
                    const ChunkRange sub{b, std::min(b + step, r.end)};
                    for (int j = g->end - 1; j >= g->first; --j)
                        backwardNodeRange(j, grads.data(), contextOf(j), chunk, sub);
                }
            }
        });
        k = first - 1;
    }
    for (int j = 1; j < count; ++j) nodes_[size_t(j)].layer->endBackward(ctx);
}

} // namespace cs
