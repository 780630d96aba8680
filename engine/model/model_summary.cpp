#include "engine/model/model_summary.h"

#include <algorithm>

namespace cs {

std::string withThousands(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

ModelSummary summarize(const Model& model) {
    std::vector<Shape> shapes = model.inferShapes();
    // Counted from the shapes, not by building: a summary allocates no weights,
    // so a model too large to build (or to fit the memory limit) still prints.
    const Model::ParameterCounts counts = model.countParameters();
    ModelSummary s;
    s.modelName = model.name;
    s.functional = !model.isChain();
    for (int k = 0; k < model.nodeCount(); ++k) {
        const Layer& layer = model.layer(k);
        if (k == 0 && !s.functional) continue; // Keras's Sequential summary hides the input
        SummaryRow row;
        row.name = layer.name();
        row.className = layer.className();
        row.outputShape = shapes[size_t(k)].toString(true);
        row.parameters = counts.perNode[size_t(k)];
        for (int i : model.inputsOf(k))
            row.connectedTo.push_back(model.layer(i).name());
        s.rows.push_back(row);
    }
    s.totalParameters = counts.total;
    s.trainableParameters = counts.trainable;
    s.nonTrainableParameters = s.totalParameters - s.trainableParameters;
    return s;
}

namespace {
std::string pad(std::string s, size_t width) {
    if (s.size() + 1 > width) return s + " ";
    s.resize(width, ' ');
    return s;
}
} // namespace

std::string ModelSummary::toText() const {
    // Keras's column widths, widened when a name or shape would not fit.
    size_t w1 = 29, w2 = 26;
    const size_t w3 = 12;
    for (const SummaryRow& r : rows) {
        w1 = std::max(w1, r.name.size() + r.className.size() + 5);
        w2 = std::max(w2, r.outputShape.size() + 2);
    }
    const size_t total = functional ? w1 + w2 + w3 + 24 : w1 + w2 + w3;
    const std::string thin(total, '_'), thick(total, '=');
    std::string out = "Model: \"" + modelName + "\"\n" + thin + "\n";
    out += pad(" Layer (type)", w1) + pad("Output Shape", w2) + pad("Param #", w3);
    if (functional) out += "Connected to";
    out += "\n" + thick + "\n";
    for (size_t i = 0; i < rows.size(); ++i) {
        const SummaryRow& r = rows[i];
        out += pad(" " + r.name + " (" + r.className + ")", w1) + pad(r.outputShape, w2) +
               pad(r.parameters < 0 ? "?" : withThousands(r.parameters), w3); // -1: unknown
        if (functional) {
            std::string links;
            for (auto& c : r.connectedTo) links += (links.empty() ? "" : ", ") + c;
            out += links;
        }
        // Trim trailing spaces; Keras separates rows with a blank-ish rule.
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
        if (i + 1 < rows.size()) out += "\n";
    }
    out += thick + "\n";
    out += "Total params: " + withThousands(totalParameters) + "\n";
    out += "Trainable params: " + withThousands(trainableParameters) + "\n";
    out += "Non-trainable params: " + withThousands(nonTrainableParameters) + "\n";
    out += thin + "\n";
    return out;
}

} // namespace cs
