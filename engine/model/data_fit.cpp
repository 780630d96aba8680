#include "engine/model/data_fit.h"

#include "engine/core/errors.h"
#include "engine/model/quick_fixes.h"

namespace cs {

namespace {

// Sizes in words are width x height, as images are described; Keras's
// target_size (and --target-size) is height x width.
std::string sizeInWords(int height, int width) {
    return std::to_string(width) + "\u00d7" + std::to_string(height);
}

// The activation the output ends with: the last Dense's, or a last Activation layer's.
std::string headActivation(const LayerNode& node) {
    if (node.className == "Dense" || node.className == "Activation")
        return json::getString(node.config, "activation", "linear");
    return {};
}

// True when `edit` gives node `index` the shape `wanted` and adds no error to the
// model (smaller images can leave nothing for the later layers to work on).
bool keepsModelSound(const ModelGraph& graph, const std::function<void(ModelGraph&)>& edit,
                     int index, const Shape& wanted) {
    ModelGraph trial = graph;
    try {
        edit(trial);
    } catch (const Error&) {
        return false;
    }
    const ShapeInference before = inferGraphShapes(graph);
    const ShapeInference after = inferGraphShapes(trial);
    const auto& shape = after.shapes[size_t(index)];
    return after.errorCount() <= before.errorCount() && shape && *shape == wanted;
}

QuickFix loadImagesAs(int height, int width, ColorMode colour) {
    QuickFix fix;
    fix.label = (colour == ColorMode::Rgb ? CS_TEXT("cs::Model", "Load the images at %1 RGB")
                                          : CS_TEXT("cs::Model", "Load the images at %1 grayscale"))
                    .arg(sizeInWords(height, width));
    fix.applyToData = [height, width, colour](DataBinding& b) {
        b.imageFolders.height = height;
        b.imageFolders.width = width;
        b.imageFolders.colorMode = colour;
    };
    fix.dataSettings = {{"target_size", std::to_string(height) + "x" + std::to_string(width)},
                        {"color_mode", colorModeName(colour)}};
    return fix;
}

QuickFix readLabelsAs(ClassMode mode) {
    const std::string name = classModeName(mode);
    QuickFix fix;
    fix.label = CS_TEXT("cs::Model", "Read the labels as %1 (class_mode %1)").arg(name);
    fix.applyToData = [mode](DataBinding& b) { b.imageFolders.classMode = mode; };
    fix.dataSettings = {{"class_mode", name}};
    return fix;
}

// The head (a Dense) with `units` units and, when not empty, a new activation.
QuickFix setHead(const std::string& dense, int units, const std::string& activation) {
    QuickFix fix;
    if (activation.empty())
        fix.label = CS_TEXT("cs::Model", "Set units to %1").arg(units);
    else if (units == 1)
        fix.label = CS_TEXT("cs::Model", "Use one %1 unit in %2").arg(activation).arg(dense);
    else
        fix.label = CS_TEXT("cs::Model", "Use %1 %2 units in %3").arg(units).arg(activation).arg(dense);
    fix.apply = [dense, units, activation](ModelGraph& g) {
        g.setAttribute(dense, "units", units);
        if (!activation.empty()) g.setAttribute(dense, "activation", activation);
    };
    return fix;
}

void checkInput(const ModelGraph& graph, const DataShape& data, LayerReport& input) {
    const Shape image{data.height, data.width, data.channels};
    if (!input.shapeKnown || !input.problem.empty() || input.outputShape == image) return;
    const Shape takes = input.outputShape;
    input.isWarning = true;
    if (data.loadOptions)
        input.problem = CS_TEXT("cs::Model", "The images are loaded at %1 but the input takes %2: load "
                                             "them at the input's size or change the input")
                            .arg(shortShape(image))
                            .arg(shortShape(takes));
    else
        input.problem = CS_TEXT("cs::Model", "The data set's images are %1 as stored (this kind of data "
                                             "set cannot be resized while loading) but the input "
                                             "takes %2: set the input shape to match")
                            .arg(shortShape(image))
                            .arg(shortShape(takes));
    // The data side first: the model was made for its size (the course's 150x150).
    if (data.loadOptions && takes.rank() == 3 && (takes[2] == 1 || takes[2] == 3))
        input.fixes.push_back(loadImagesAs(takes[0], takes[1],
                                           takes[2] == 1 ? ColorMode::Grayscale : ColorMode::Rgb));
    const std::string name = graph.node(0).name();
    QuickFix setInput{CS_TEXT("cs::Model", "Set the input to %1").arg(shortShape(image)),
                      [name, data](ModelGraph& g) {
                          g.setAttribute(
                              name, "shape",
                              Json(std::vector<int>{data.height, data.width, data.channels}));
                      }};
    if (keepsModelSound(graph, setInput.apply, 0, image))
        input.fixes.push_back(std::move(setInput));
}

void checkOutput(const ModelGraph& graph, const DataShape& data, LayerReport& output) {
    const int last = graph.size() - 1;
    if (last <= 0 || !output.shapeKnown || !output.problem.empty() ||
        output.outputShape.rank() != 1)
        return;
    const int units = output.outputShape[0];
    const int classes = data.classCount;
    const LayerNode& head = graph.node(last);
    const std::string dense = head.className == "Dense" ? head.name() : std::string();
    const std::string activation = headActivation(head);
    // Only image folders have a class mode; IDX and CIFAR-10 labels are class indices.
    const bool binaryLabels = data.loadOptions && data.classMode == ClassMode::Binary;
    const std::string mode = classModeName(data.classMode);

    std::vector<QuickFix> dataFixes;
    std::vector<std::pair<int, std::string>>
        heads; // the Dense's units and new activation ("": kept)
    if (units == 1 && classes == 2) {
        if (!data.loadOptions || binaryLabels) return;
        output.problem = CS_TEXT("cs::Model", "The output is one unit (a 0/1 label per image, as "
                                              "class_mode binary gives) but class_mode is %1: read "
                                              "the labels as binary or use 2 softmax units")
                             .arg(mode);
        dataFixes.push_back(readLabelsAs(ClassMode::Binary));
        heads.push_back({2, "softmax"});
    } else if (units == classes) {
        if (!binaryLabels) return;
        output.problem = CS_TEXT("cs::Model", "class_mode is binary (a 0/1 label per image, for one "
                                              "sigmoid unit) but the output has %1 units, one per "
                                              "class: read the labels as categorical or use one "
                                              "sigmoid unit")
                             .arg(units);
        dataFixes.push_back(readLabelsAs(ClassMode::Categorical));
        if (classes == 2) heads.push_back({1, "sigmoid"});
    } else {
        output.problem =
            (units == 1 ? CS_TEXT("cs::Model", "The output has %1 unit but the data set has %2 classes")
                        : CS_TEXT("cs::Model", "The output has %1 units but the data set has %2 classes"))
                .arg(units)
                .arg(classes);
        // The data cannot lose or gain a class: only the head changes.
        if (binaryLabels)
            heads.push_back({1, "sigmoid"});
        else
            heads.push_back({classes, activation == "sigmoid" ? "softmax" : ""});
    }
    output.isWarning = true;
    output.fixes = std::move(dataFixes);
    if (dense.empty()) return; // a head that ends in another layer is the person's to change
    for (const auto& [n, newActivation] : heads) {
        QuickFix fix = setHead(dense, n, newActivation);
        if (keepsModelSound(graph, fix.apply, last, Shape{n}))
            output.fixes.push_back(std::move(fix));
    }
}

} // namespace

void checkDataFit(const ModelGraph& graph, const DataShape& data, ModelReport& report) {
    if (!data.known() || graph.size() == 0) return;
    checkInput(graph, data, report.layers.front());
    checkOutput(graph, data, report.layers.back());
}

DataShape withLoadOptions(DataShape data, const DataBinding& binding) {
    if (!data.loadOptions || binding.kind != DatasetKind::ImageFolders) return data;
    data.height = binding.imageFolders.height;
    data.width = binding.imageFolders.width;
    data.channels = binding.imageFolders.channels();
    data.classMode = binding.imageFolders.classMode;
    return data;
}

} // namespace cs
