#include "engine/model/quick_fixes.h"

#include "engine/core/errors.h"
#include "engine/layers/layer_registry.h"

#include <algorithm>

namespace cs {

ShapeInference inferGraphShapes(const ModelGraph& graph) {
    const int n = graph.size();
    ShapeInference pass = inferShapes(
        n,
        [&graph](int k) {
            std::vector<int> inputs;
            for (const std::string& in : graph.node(k).inputs) inputs.push_back(graph.indexOf(in));
            return inputs;
        },
        [&graph](int k, const std::vector<Shape>& inputs) {
            const LayerNode& node = graph.node(k);
            if (k > 0 && inputs.empty())
                throw ShapeError(
                    CS_TEXT("cs::Model", "has no input: connect a layer to it or remove it")
                        .about(node.name() + " (" + node.className + ")"));
            return createLayer(node.className, node.config)->outputShape(inputs);
        },
        ShapeErrors::Record);
    // A layer whose output nobody reads (after a hand-made connection was undone ...).
    for (int i = 0; i + 1 < n; ++i)
        if (pass.problems[size_t(i)].empty() && graph.consumersOf(graph.node(i).name()).empty())
            pass.problems[size_t(i)] =
                CS_TEXT("cs::Model",
                        "leads nowhere: connect its output to a later layer or remove it")
                    .about(graph.node(i).name() + " (" + graph.node(i).className + ")");
    return pass;
}

namespace {

bool isImageLayer(const std::string& className) {
    return className == "Conv2D" || className == "MaxPooling2D" ||
           className == "AveragePooling2D" || className == "GlobalAveragePooling2D";
}

// True when the fix leaves node `name` without a problem and adds no new error.
// A removal takes the problem with it; it counts when it adds no error (the layer
// may be the misplaced one even when a later layer then shows the same problem).
bool helps(const ModelGraph& graph, const QuickFix& fix, const std::string& name,
           int errorsBefore, bool removal) {
    ModelGraph trial = graph;
    try {
        fix.apply(trial);
    } catch (const Error&) {
        return false;
    }
    const ShapeInference after = inferGraphShapes(trial);
    const int k = trial.indexOf(name);
    const bool fixedHere = k < 0 || after.problems[size_t(k)].empty();
    return fixedHere && (removal ? after.errorCount() <= errorsBefore : after.errorCount() < errorsBefore);
}

} // namespace

std::vector<QuickFix> fixesForError(const ModelGraph& graph, const ShapeInference& pass, int index) {
    const LayerNode& node = graph.node(index);
    const std::string name = node.name();
    std::vector<QuickFix> candidates;
    const Shape* input = nullptr;
    if (!node.inputs.empty()) {
        const int k = graph.indexOf(node.inputs[0]);
        if (k >= 0 && pass.shapes[size_t(k)]) input = &*pass.shapes[size_t(k)];
    }
    if (input && input->rank() == 3 && !isImageLayer(node.className)) {
        for (const char* cls : {"Flatten", "GlobalAveragePooling2D"})
            candidates.push_back(
                {CS_TEXT("cs::Model", "Insert a %1 before %2").arg(cls).arg(name),
                 [cls, name](ModelGraph& g) { g.insertBefore(cls, Json::object(), name); }});
    }
    if (input && input->rank() == 1 && isImageLayer(node.className)) {
        const LayerNode* before = graph.find(node.inputs[0]);
        if (before && before->className == "Flatten") {
            const std::string flatten = before->name();
            candidates.push_back(
                {CS_TEXT("cs::Model", "Remove %1 before %2").arg(flatten).arg(name),
                 [flatten](ModelGraph& g) { g.remove(flatten); }});
        }
    }
    if (json::getString(node.config, "padding", "") == "valid")
        candidates.push_back({CS_TEXT("cs::Model", "Use padding 'same' in %1").arg(name),
                              [name](ModelGraph& g) { g.setAttribute(name, "padding", "same"); }});
    if (node.className == "Add" || node.className == "Concatenate" || index + 1 < graph.size())
        candidates.push_back({CS_TEXT("cs::Model", "Remove %1").arg(name),
                              [name](ModelGraph& g) { g.remove(name); }});

    // Removing the layer comes last: the edits that keep it come first.
    std::vector<QuickFix> fixes;
    const int errorsBefore = pass.errorCount();
    for (QuickFix& fix : candidates)
        if (helps(graph, fix, name, errorsBefore, fix.label.english() == "Remove " + name))
            fixes.push_back(std::move(fix));
    return fixes;
}

} // namespace cs
