#include "engine/interop/pytorch_script_export.h"

#include "engine/core/errors.h"
#include "engine/data/data_binding.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/training/loss.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace cs {

namespace {

// The template, embedded by CMake (embed_text.cmake) as a raw string literal.
const char* const kTemplate =
#include "pytorch_train_template.inc"
    ;

// ---- Python names --------------------------------------------------------------

// Names a layer attribute or a forward() variable must not take: Python's
// keywords, nn.Module's members, and the names forward() itself uses.
const std::set<std::string>& reservedNames() {
    static const std::set<std::string> names{"False",
                                             "None",
                                             "True",
                                             "and",
                                             "as",
                                             "assert",
                                             "async",
                                             "await",
                                             "break",
                                             "class",
                                             "continue",
                                             "def",
                                             "del",
                                             "elif",
                                             "else",
                                             "except",
                                             "finally",
                                             "for",
                                             "from",
                                             "global",
                                             "if",
                                             "import",
                                             "in",
                                             "is",
                                             "lambda",
                                             "nonlocal",
                                             "not",
                                             "or",
                                             "pass",
                                             "raise",
                                             "return",
                                             "try",
                                             "while",
                                             "with",
                                             "yield",
                                             "self",
                                             "x",
                                             "z",
                                             "logits",
                                             "torch",
                                             "F",
                                             "nn",
                                             "np",
                                             "forward",
                                             "train",
                                             "eval",
                                             "training",
                                             "cuda",
                                             "cpu",
                                             "to",
                                             "parameters",
                                             "buffers",
                                             "modules",
                                             "children",
                                             "state_dict",
                                             "float",
                                             "double",
                                             "half",
                                             "type",
                                             "apply",
                                             "zero_grad",
                                             "KERAS_LAYERS",
                                             "L2_FACTORS",
                                             "FROZEN",
                                             "FROZEN_BATCH_NORMS"};
    return names;
}

std::string pythonName(const std::string& layerName, std::set<std::string>& taken) {
    std::string s;
    for (char c : layerName)
        s += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])) || reservedNames().count(s))
        s = "layer_" + s;
    std::string unique = s;
    for (int k = 2; taken.count(unique); ++k)
        unique = s + "_" + std::to_string(k);
    taken.insert(unique);
    return unique;
}

// A JSON string as a Python string literal (JSON's escapes are Python's).
std::string pyString(const std::string& s) {
    return json::dump(Json(s));
}

// Text inside a """docstring""": no quotes or backslashes to end or escape it.
std::string docText(std::string s) {
    for (char& c : s)
        if (c == '"' || c == '\\' || c == '\n') c = '_';
    return s;
}

// "(3, 3)". (Built piece by piece: GCC 12 warns falsely about "(" + std::string&&.)
std::string pair(const Json& p) {
    std::string s = "(";
    s += std::to_string(json::asInt(p[0]));
    s += ", ";
    s += std::to_string(json::asInt(p[1]));
    s += ")";
    return s;
}

// The shortest text of the float: 0.01, not 0.010000000000000009.
std::string number(double v) {
    return json::dump(json::number(float(v)));
}

// ---- 'same' padding ---------------------------------------------------------------

// TensorFlow's split along one axis: total max((out - 1) s + k - n, 0), the
// smaller half first.
std::pair<int, int> samePads(int n, int k, int s) {
    const int out = (n + s - 1) / s;
    const int total = std::max((out - 1) * s + k - n, 0);
    return {total / 2, total - total / 2};
}

struct Pads {
    int left = 0, right = 0, top = 0, bottom = 0;
    bool any() const { return left || right || top || bottom; }
    std::string text() const { // (left, right, top, bottom), F.pad's order
        std::string s = "(";
        for (int v : {left, right, top, bottom}) {
            s += std::to_string(v);
            s += ", ";
        }
        s.resize(s.size() - 2);
        return s + ")";
    }
};

Pads padsFor(const Shape& in, const Json& kernel, const Json& strides) {
    Pads p;
    std::tie(p.top, p.bottom) = samePads(in[0], json::asInt(kernel[0]), json::asInt(strides[0]));
    std::tie(p.left, p.right) = samePads(in[1], json::asInt(kernel[1]), json::asInt(strides[1]));
    return p;
}

std::string applyActivation(const std::string& act, const std::string& expr) {
    if (act == "relu") return "F.relu(" + expr + ")";
    if (act == "sigmoid") return "torch.sigmoid(" + expr + ")";
    if (act == "tanh") return "torch.tanh(" + expr + ")";
    if (act == "softmax")
        return "torch.softmax(" + expr + ", dim=1)"; // NHWC's last axis is NCHW's 1
    return expr;
}

// "(N, 64, 28, 28)" for a per-sample (28, 28, 64) shape.
std::string torchShape(const Shape& s) {
    if (s.rank() == 3)
        return "(N, " + std::to_string(s[2]) + ", " + std::to_string(s[0]) + ", " +
               std::to_string(s[1]) + ")";
    std::string t = "(N";
    for (int d : s.dims())
        t += ", " + std::to_string(d);
    return t + ")";
}

// ---- The nn.Module ------------------------------------------------------------------

struct ModelCode {
    std::vector<std::string> init, forward, kerasLayers, l2, frozen, frozenBatchNorms;
    std::string outputActivation = "None";
};

std::string modelSource(const Model& model) {
    const std::vector<Shape> shapes = model.inferShapes();
    const bool chain = model.isChain();
    ModelCode code;
    std::set<std::string> taken;
    std::vector<std::string> var(size_t(model.nodeCount()));
    const int last = model.nodeCount() - 1;
    for (int k = 0; k < model.nodeCount(); ++k) {
        const Layer& layer = model.layer(k);
        const Json& c = layer.config();
        const std::string cls = layer.className();
        const std::string attr = pythonName(layer.name(), taken);
        var[size_t(k)] = chain ? "x" : attr;
        const std::vector<int>& ins = model.inputsOf(k);
        const Shape in = ins.empty() ? shapes[size_t(k)] : shapes[size_t(ins[0])];
        const std::string a = ins.empty() ? "x" : var[size_t(ins[0])];
        const std::string out = var[size_t(k)];
        const std::string self = "self." + attr;
        std::string comment =
            "  # " + cls + " '" + layer.name() + "' -> " + torchShape(shapes[size_t(k)]);
        std::string expr; // the layer's value before its activation
        std::string act = "linear";
        auto weights = [&](const std::vector<std::string>& names) {
            std::string list;
            for (const std::string& n : names)
                list += (list.empty() ? "" : ", ") + pyString(n);
            code.kerasLayers.push_back(pyString(attr) + ": (" + pyString(layer.name()) + ", " +
                                       pyString(cls) + ", [" + list + "]),");
        };
        // Conv2D and Dense: an activation, a kernel (and bias) and maybe an L2 penalty.
        auto kernelLayer = [&] {
            act = json::asString(c["activation"]);
            weights(json::asBool(c["use_bias"]) ? std::vector<std::string>{"kernel", "bias"}
                                                : std::vector<std::string>{"kernel"});
            if (json::asNumber(c["kernel_regularizer"]) > 0)
                code.l2.push_back(pyString(attr) + ": " +
                                  number(json::asNumber(c["kernel_regularizer"])) + ",");
        };
        if (cls == "InputLayer") {
            if (chain) continue;
            expr = "x";
        } else if (cls == "Conv2D") {
            const bool same = json::asString(c["padding"]) == "same";
            const bool unitStride =
                json::asInt(c["strides"][0]) == 1 && json::asInt(c["strides"][1]) == 1;
            const Pads pads = same ? padsFor(in, c["kernel_size"], c["strides"]) : Pads{};
            // PyTorch's padding="same" is TensorFlow's for stride 1; larger strides pad first.
            const std::string padding = same && unitStride ? "\"same\"" : "0";
            std::string input = a;
            if (same && !unitStride && pads.any()) {
                code.init.push_back(self + "_pad = nn.ZeroPad2d(" + pads.text() +
                                    ")  # TensorFlow's 'same' for stride " + pair(c["strides"]) +
                                    ": (left, right, top, bottom)");
                input = self + "_pad(" + a + ")";
            }
            code.init.push_back(self + " = nn.Conv2d(" + std::to_string(in[2]) + ", " +
                                std::to_string(json::asInt(c["filters"])) +
                                ", kernel_size=" + pair(c["kernel_size"]) +
                                ", stride=" + pair(c["strides"]) + ", padding=" + padding +
                                (json::asBool(c["use_bias"]) ? "" : ", bias=False") + ")" +
                                comment);
            expr = self + "(" + input + ")";
            kernelLayer();
        } else if (cls == "MaxPooling2D" || cls == "AveragePooling2D") {
            const Json strides = c["strides"].is_null() ? c["pool_size"] : c["strides"];
            const bool same = json::asString(c["padding"]) == "same";
            const Pads pads = same ? padsFor(in, c["pool_size"], strides) : Pads{};
            const bool max = cls == "MaxPooling2D";
            const std::string k = pair(c["pool_size"]), s = pair(strides);
            if (!pads.any())
                code.init.push_back(self + " = nn." + (max ? "MaxPool2d" : "AvgPool2d") +
                                    "(kernel_size=" + k + ", stride=" + s + ")" + comment);
            else if (max)
                code.init.push_back(self + " = MaxPool2dSame(" + k + ", " + s +
                                    ", pads=" + pads.text() + ")" + comment);
            else
                code.init.push_back(self + " = AvgPool2dSame(" + k + ", " + s + ", pads=" +
                                    pads.text() + ", input_hw=(" + std::to_string(in[0]) + ", " +
                                    std::to_string(in[1]) + "))" + comment);
            expr = self + "(" + a + ")";
        } else if (cls == "GlobalAveragePooling2D") {
            expr = a + ".mean(dim=(2, 3))";
        } else if (cls == "Flatten") {
            // Keras unrolls H, W, C (channels fastest): NCHW goes back to NHWC first.
            expr = in.rank() == 3 ? "torch.flatten(" + a + ".permute(0, 2, 3, 1), 1)" : a;
        } else if (cls == "Dense") {
            code.init.push_back(self + " = nn.Linear(" + std::to_string(in.numel()) + ", " +
                                std::to_string(json::asInt(c["units"])) +
                                (json::asBool(c["use_bias"]) ? "" : ", bias=False") + ")" +
                                comment);
            expr = self + "(" + a + ")";
            kernelLayer();
        } else if (cls == "Dropout") {
            code.init.push_back(self + " = nn.Dropout(" + number(json::asNumber(c["rate"])) + ")" +
                                comment);
            expr = self + "(" + a + ")";
        } else if (cls == "BatchNormalization") {
            // Keras: moving = moving * momentum + batch * (1 - momentum); PyTorch's
            // momentum is the batch's share, so 1 - Keras's.
            code.init.push_back(
                self + " = nn.BatchNorm" + (in.rank() == 3 ? "2d(" : "1d(") +
                std::to_string(in.dims().back()) + ", eps=" + number(json::asNumber(c["epsilon"])) +
                ", momentum=" + number(1.0 - json::asNumber(c["momentum"])) + ")" + comment);
            expr = self + "(" + a + ")";
            weights({"gamma", "beta", "moving_mean", "moving_variance"});
            if (!layer.trainable()) code.frozenBatchNorms.push_back(pyString(attr) + ",");
        } else if (cls == "Activation") {
            expr = a;
            act = json::asString(c["activation"]);
        } else if (cls == "Add" || cls == "Concatenate") {
            std::string list;
            for (int i : ins)
                list += (list.empty() ? "" : cls == "Add" ? " + " : ", ") + var[size_t(i)];
            expr =
                cls == "Add" ? list : "torch.cat([" + list + "], dim=1)"; // channels: NCHW's axis 1
        } else {
            throw ConfigError(
                CS_TEXT("cs::Files", "the PyTorch export has no code for layer type '%1'")
                    .arg(cls));
        }
        if (!layer.trainable() && !layer.params().empty())
            code.frozen.push_back(pyString(attr) + ",");
        const bool fusedOutput = k == last && (act == "softmax" || act == "sigmoid");
        if (fusedOutput) {
            code.outputActivation = pyString(act);
            code.forward.push_back("z = " + expr + comment);
            code.forward.push_back("return z if logits else " + applyActivation(act, "z") +
                                   "  # the loss fuses the " + act + " (compute_loss)");
        } else {
            code.forward.push_back(out + " = " + applyActivation(act, expr) +
                                   (cls == "InputLayer" ? "" : comment));
            if (k == last) code.forward.push_back("return " + out);
        }
    }

    std::ostringstream s;
    s << "# The last layer's activation: the loss takes the values before it (logits) so that\n"
      << "# softmax/sigmoid and the cross-entropy are computed together, stably.\n"
      << "OUTPUT_ACTIVATION = " << code.outputActivation << "\n\n\n"
      << "class Net(nn.Module):\n"
      << "    \"\"\"" << docText(model.name) << ": ConvStudio's layers in PyTorch (NCHW). Input "
      << torchShape(model.inputShape()) << ".\"\"\"\n\n"
      << "    # PyTorch attribute: (ConvStudio/Keras layer name, type, weights in the "
         ".safetensors)\n"
      << "    KERAS_LAYERS = {\n";
    for (const std::string& l : code.kerasLayers)
        s << "        " << l << "\n";
    s << "    }\n"
      << "    # kernel_regularizer=l2(f): f * sum(kernel ** 2) is added to the loss\n"
      << "    L2_FACTORS = {" << (code.l2.empty() ? "" : "\n");
    for (const std::string& l : code.l2)
        s << "        " << l << "\n";
    s << (code.l2.empty() ? "" : "    ") << "}\n"
      << "    # Layers with trainable=False in ConvStudio: their weights stay as they are\n"
      << "    FROZEN = [";
    for (const std::string& l : code.frozen)
        s << l << " ";
    s << "]\n"
      << "    # Frozen BatchNormalization layers use their moving statistics in training too "
         "(Keras)\n"
      << "    FROZEN_BATCH_NORMS = [";
    for (const std::string& l : code.frozenBatchNorms)
        s << l << " ";
    s << "]\n\n"
      << "    def __init__(self):\n"
      << "        super().__init__()\n";
    for (const std::string& l : code.init)
        s << "        " << l << "\n";
    s << "        for name in self.FROZEN:\n"
      << "            for p in getattr(self, name).parameters():\n"
      << "                p.requires_grad = False\n\n"
      << "    def train(self, mode=True):\n"
      << "        super().train(mode)\n"
      << "        for name in self.FROZEN_BATCH_NORMS:\n"
      << "            getattr(self, name).eval()\n"
      << "        return self\n\n"
      << "    def forward(self, x, logits=False):\n";
    for (const std::string& l : code.forward)
        s << "        " << l << "\n";
    return s.str();
}

// ---- Settings ----------------------------------------------------------------------

Json metadataStrings(const LoadedModel& m) {
    Json meta = Json::object();
    meta["format"] = "convstudio-model";
    meta["format_version"] = "1";
    meta["architecture"] = json::dump(m.model.toJson());
    meta["class_names"] = json::dump(Json(m.metadata.classNames));
    meta["preprocessing"] = json::dump(m.metadata.preprocessing.toJson());
    meta["dataset"] = m.metadata.dataset;
    meta["training"] =
        json::dump(m.metadata.training.is_object() ? m.metadata.training : Json::object());
    return meta;
}

Json settings(const LoadedModel& m, const PytorchScriptOptions& o) {
    const Json training = m.metadata.training.is_object() ? m.metadata.training : Json::object();
    const Json* data = json::find(training, "data");
    const int units = int(m.model.outputShape().numel());
    Json s = Json::object();
    s["model_name"] = m.model.name;
    s["weights"] = o.weightsPath.empty() ? Json(nullptr) : Json(o.weightsPath);
    s["data"] = o.dataPath.empty() ? Json(nullptr) : Json(o.dataPath);
    // The run's data binding in either form a model file holds (docs/formats.md §2.4).
    std::optional<DataBinding> binding;
    if (data && data->is_object()) binding = DataBinding::fromJson(*data);
    std::string kind = o.dataKind;
    if (kind.empty() && binding) kind = datasetKindName(binding->kind);
    if (kind.empty()) {
        const std::string& d = m.metadata.dataset;
        kind = d == "CIFAR-10"                          ? "CIFAR-10 binary"
               : (d == "MNIST" || d == "Fashion-MNIST") ? "IDX"
                                                        : "image folders";
    }
    s["data_kind"] = kind;
    const Shape in = m.model.inputShape();
    s["input_shape"] = Json(in.dims());
    Json folders = Json::object();
    folders["target_size"] = Json(std::vector<int>{in[0], in.rank() > 1 ? in[1] : 1});
    folders["color_mode"] = in.rank() == 3 && in[2] == 1 ? "grayscale" : "rgb";
    folders["interpolation"] = "bilinear";
    if (binding && binding->kind == DatasetKind::ImageFolders) {
        const ImageFolderOptions& f = binding->imageFolders;
        folders["target_size"] = Json(std::vector<int>{f.height, f.width});
        folders["color_mode"] = colorModeName(f.colorMode);
        folders["interpolation"] = interpolationName(f.interpolation);
    }
    s["image_folders"] = folders;
    s["class_names"] = Json(m.metadata.classNames);
    s["preprocessing"] = m.metadata.preprocessing.toJson();
    std::string loss = json::getString(training, "loss", "");
    if (loss.empty()) loss = lossName(defaultLossFor(units));
    s["loss"] = loss;
    Json opt = Json::object();
    opt["class_name"] = m.optimizer ? m.optimizer->className() : "Adam";
    opt["config"] = m.optimizer ? m.optimizer->config() : Json::object();
    s["optimizer"] = opt;
    s["epochs"] = json::getInt(training, "epochs", 10);
    s["batch_size"] = json::getInt(training, "batch_size", 64);
    s["validation_split"] = json::getNumber(training, "validation_split", 0.2);
    s["seed"] = json::getInt(training, "seed", 42);
    for (const Json& c : o.callbacks) {
        const std::string name = json::getString(c, "class_name", "");
        if (name != "EarlyStopping" && name != "ReduceLROnPlateau" && name != "ModelCheckpoint")
            throw ConfigError(CS_TEXT("cs::Files",
                                      "the PyTorch script has no callback '%1' (it has "
                                      "EarlyStopping, ReduceLROnPlateau and ModelCheckpoint)")
                                  .arg(name));
    }
    s["callbacks"] = o.callbacks;
    s["metadata"] = metadataStrings(m);
    if (o.checkProbabilities.empty()) {
        s["check"] = nullptr;
    } else {
        Json check = Json::object();
        check["inputs"] = o.checkInputs;
        check["count"] = o.checkCount;
        check["description"] = o.checkDescription;
        Json probabilities = Json::array();
        for (float p : o.checkProbabilities)
            probabilities.push_back(json::number(p));
        check["probabilities"] = probabilities;
        s["check"] = check;
    }
    return s;
}

void replaceOnce(std::string& text, const std::string& placeholder, const std::string& value) {
    const size_t at = text.find(placeholder);
    if (at == std::string::npos)
        throw FormatError(
            CS_TEXT("cs::Files", "the PyTorch script template lacks %1").arg(placeholder));
    text.replace(at, placeholder.size(), value);
}

} // namespace

std::string pytorchTrainingScript(const LoadedModel& m, const PytorchScriptOptions& o) {
    std::string text = kTemplate;
    std::string settingsText = json::dump(settings(m, o), 2);
    // Inside r'''...''': a ' can only be in a JSON string, where \u0027 means the same.
    for (size_t at = settingsText.find('\''); at != std::string::npos;
         at = settingsText.find('\'', at))
        settingsText.replace(at, 1, "\\u0027");
    replaceOnce(text, "{{TITLE}}",
                docText(m.model.name) + ": training script for PyTorch, exported by ConvStudio");
    replaceOnce(text, "{{SETTINGS}}", settingsText);
    replaceOnce(text, "{{MODEL}}", modelSource(m.model));
    return text;
}

Tensor pytorchCheckInputs(const Shape& inputShape, int count) {
    Tensor t{inputShape.withBatch(count)};
    for (int64_t i = 0; i < t.size(); ++i)
        t[i] = float(0.5 + 0.5 * std::sin(0.731 * double(i) + 0.3));
    return t;
}

} // namespace cs
