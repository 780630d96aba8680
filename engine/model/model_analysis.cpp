#include "engine/model/model_analysis.h"

#include "engine/core/errors.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/data_fit.h"
#include "engine/model/quick_fixes.h"

namespace cs {

std::string shortShape(const Shape& shape) {
    std::string out;
    for (int i = 0; i < shape.rank(); ++i)
        out += (i ? "\u00d7" : "") + std::to_string(shape[i]);
    return out;
}

namespace {

// Parameters of one layer from its input shapes (nothing allocated), as Model counts them.
void countParameters(const LayerNode& node, const std::vector<Shape>& inputs, LayerReport& r) {
    try {
        const Layer::ParameterCount c = createLayer(node.className, node.config)->parameterCountFor(inputs);
        r.parameters = c.total;
        r.trainableParameters = c.trainable;
        r.parametersKnown = true;
    } catch (const std::exception& e) {
        r.problem = textOf(e);
    }
}

} // namespace

ModelReport analyzeModel(const ModelGraph& graph, const DataShape& data) {
    ModelReport report;
    const ShapeInference pass = inferGraphShapes(graph);
    report.layers.resize(size_t(graph.size()));
    for (int i = 0; i < graph.size(); ++i) {
        const LayerNode& node = graph.node(i);
        LayerReport& r = report.layers[size_t(i)];
        r.problem = pass.problems[size_t(i)];
        if (pass.shapes[size_t(i)]) {
            r.shapeKnown = true;
            r.outputShape = *pass.shapes[size_t(i)];
            std::vector<Shape> inputs;
            for (const std::string& in : node.inputs)
                inputs.push_back(*pass.shapes[size_t(graph.indexOf(in))]);
            countParameters(node, inputs, r);
        }
        if (!r.problem.empty()) {
            r.fixes = fixesForError(graph, pass, i);
            // The engine names the layer ("dense (Dense): ..."); views show the name already.
            const std::string label = node.name() + " (" + node.className + ")";
            if (r.problem.subject == label)
                r.problem.subject.clear();
            else if (r.problem.subject.empty() && r.problem.format.rfind(label + ": ", 0) == 0)
                r.problem.format = r.problem.format.substr(label.size() + 2); // a plain message
        }
    }
    checkDataFit(graph, data, report);

    report.summary.modelName = graph.name;
    report.summary.functional = !graph.isChain();
    for (int i = 0; i < graph.size(); ++i) {
        const LayerNode& node = graph.node(i);
        const LayerReport& r = report.layers[size_t(i)];
        if (!r.problem.empty()) {
            if (r.isWarning)
                ++report.warningCount;
            else
                ++report.errorCount;
        }
        SummaryRow row;
        row.name = node.name();
        row.className = node.className;
        row.outputShape = r.shapeKnown ? r.outputShape.toString(true) : "?";
        row.parameters = r.parametersKnown ? r.parameters : -1;
        row.connectedTo = node.inputs;
        report.summary.rows.push_back(row);
        if (r.parametersKnown) {
            report.totalParameters += r.parameters;
            report.trainableParameters += r.trainableParameters;
        }
    }
    report.nonTrainableParameters = report.totalParameters - report.trainableParameters;
    report.summary.totalParameters = report.totalParameters;
    report.summary.trainableParameters = report.trainableParameters;
    report.summary.nonTrainableParameters = report.nonTrainableParameters;
    for (int pass2 = 0; pass2 < 2 && report.firstProblem < 0; ++pass2)
        for (int i = 0; i < graph.size(); ++i) {
            const LayerReport& r = report.layers[size_t(i)];
            if (!r.problem.empty() && r.isWarning == (pass2 == 1)) {
                report.firstProblem = i;
                break;
            }
        }
    return report;
}

} // namespace cs
