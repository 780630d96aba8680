#include "ui/document/quick_fixes.h"

#include "engine/core/errors.h"
#include "engine/layers/layer_registry.h"

#include <algorithm>

namespace ui {

int ShapePass::errorCount() const {
    return int(std::count_if(problems.begin(), problems.end(),
                             [](const std::string& p) { return !p.empty(); }));
}

ShapePass inferGraphShapes(const ModelGraph& graph) {
    ShapePass pass;
    const int n = graph.size();
    pass.shapes.resize(size_t(n));
    pass.problems.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const LayerNode& node = graph.node(i);
        std::vector<cs::Shape> inputs;
        bool known = true;
        for (const std::string& in : node.inputs) {
            const int k = graph.indexOf(in);
            if (k < 0 || k >= i || !pass.shapes[size_t(k)])
                known = false;
            else
                inputs.push_back(*pass.shapes[size_t(k)]);
        }
        if (!known) continue;
        try {
            if (i > 0 && inputs.empty())
                throw cs::ShapeError(node.name() + " (" + node.className +
                                     "): has no input: connect a layer to it or remove it");
            pass.shapes[size_t(i)] =
                cs::createLayer(node.className, node.config)->outputShape(inputs);
        } catch (const std::exception& e) {
            pass.problems[size_t(i)] = e.what();
        }
    }
    // A layer whose output nobody reads (after a hand-made connection was undone ...).
    for (int i = 0; i + 1 < n; ++i)
        if (pass.problems[size_t(i)].empty() && graph.consumersOf(graph.node(i).name()).empty())
            pass.problems[size_t(i)] =
                graph.node(i).name() + " (" + graph.node(i).className +
                "): leads nowhere: connect its output to a later layer or remove it";
    return pass;
}

namespace {

bool isImageLayer(const std::string& className) {
    return className == "Conv2D" || className == "MaxPooling2D" ||
           className == "AveragePooling2D" || className == "GlobalAveragePooling2D";
}

// True when the fix leaves node `name` without a problem and adds no new error.
bool helps(const ModelGraph& graph, const QuickFix& fix, const std::string& name,
           int errorsBefore) {
    ModelGraph trial = graph;
    try {
        fix.apply(trial);
    } catch (const cs::Error&) {
        return false;
    }
    const ShapePass after = inferGraphShapes(trial);
    const int k = trial.indexOf(name);
    const bool fixedHere = k < 0 || after.problems[size_t(k)].empty();
    return fixedHere && after.errorCount() < errorsBefore;
}

} // namespace

std::vector<QuickFix> fixesForError(const ModelGraph& graph, const ShapePass& pass, int index) {
    const LayerNode& node = graph.node(index);
    const std::string name = node.name();
    std::vector<QuickFix> candidates;
    const cs::Shape* input = nullptr;
    if (!node.inputs.empty()) {
        const int k = graph.indexOf(node.inputs[0]);
        if (k >= 0 && pass.shapes[size_t(k)]) input = &*pass.shapes[size_t(k)];
    }
    if (input && input->rank() == 3 && !isImageLayer(node.className)) {
        for (const char* cls : {"Flatten", "GlobalAveragePooling2D"})
            candidates.push_back(
                {std::string("Insert a ") + cls + " before " + name,
                 [cls, name](ModelGraph& g) { g.insertBefore(cls, cs::Json::object(), name); }});
    }
    if (input && input->rank() == 1 && isImageLayer(node.className)) {
        const LayerNode* before = graph.find(node.inputs[0]);
        if (before && before->className == "Flatten") {
            const std::string flatten = before->name();
            candidates.push_back({"Remove " + flatten + " before " + name,
                                  [flatten](ModelGraph& g) { g.remove(flatten); }});
        }
    }
    if (cs::json::getString(node.config, "padding", "") == "valid")
        candidates.push_back({"Use padding 'same' in " + name,
                              [name](ModelGraph& g) { g.setAttribute(name, "padding", "same"); }});
    if (node.className == "Add" || node.className == "Concatenate" || index + 1 < graph.size())
        candidates.push_back({"Remove " + name, [name](ModelGraph& g) { g.remove(name); }});

    std::vector<QuickFix> fixes;
    const int errorsBefore = pass.errorCount();
    for (QuickFix& fix : candidates)
        if (helps(graph, fix, name, errorsBefore)) fixes.push_back(std::move(fix));
    // Removing the layer is the last resort: only offered when nothing else helps.
    if (fixes.size() > 1 && fixes.back().label.rfind("Remove " + name, 0) == 0 &&
        fixes.back().label.size() == ("Remove " + name).size())
        fixes.pop_back();
    return fixes;
}

} // namespace ui
