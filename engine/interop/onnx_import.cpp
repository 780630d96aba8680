#include "engine/interop/onnx_import.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/interop/onnx_graph_import.h"
#include "engine/io/atomic_file.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

namespace cs {

namespace {

// protobuf cannot parse messages of 2 GB or more.
constexpr uintmax_t kMaxOnnxBytes = (uintmax_t(2) << 30) - 1;

std::string stem(const std::string& path) {
    std::string s = std::filesystem::path(path).stem().string();
    return s.empty() ? "model" : s;
}

const std::string* metadataProp(const onnx::ModelProto& m, const std::string& key) {
    for (const auto& e : m.metadata_props())
        if (e.key() == key) return &e.value();
    return nullptr;
}

std::string joined(const std::set<std::string>& items) {
    std::string s;
    for (const auto& i : items)
        s += (s.empty() ? "" : ", ") + i;
    return s;
}

// The default-domain opset the model declares (ai.onnx), or an error.
int defaultOpset(const onnx::ModelProto& m) {
    for (const auto& o : m.opset_import())
        if (o.domain().empty() || o.domain() == "ai.onnx") return int(o.version());
    throw FormatError(CS_TEXT("cs::Files", "declares no opset of the standard ONNX domain"));
}

// Every operator the graph uses that the importer does not know, with its domain.
std::set<std::string> unsupportedOperators(const onnx::GraphProto& g) {
    const auto& known = onnxImportOperators();
    std::set<std::string> out;
    for (const auto& n : g.node()) {
        const bool standard = n.domain().empty() || n.domain() == "ai.onnx";
        if (!standard)
            out.insert(n.domain() + "." + n.op_type());
        else if (!std::binary_search(known.begin(), known.end(), n.op_type()))
            out.insert(n.op_type());
    }
    return out;
}

LoadedModel readOnnx(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw IoError(
            CS_TEXT("cs::Files", "not a regular file").within(CS_TEXT("cs::Files", "cannot open")));
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw IoError(CS_TEXT("cs::Files", "cannot read: %1").arg(ec.message()));
    if (size == 0) throw FormatError(CS_TEXT("cs::Files", "the file is empty, not an ONNX model"));
    if (size > kMaxOnnxBytes)
        throw FormatError(CS_TEXT("cs::Files", "%1 is over the 2 GB an ONNX file can hold")
                              .arg(formatBytes(size)));
    checkMemoryLimit(size * 2, CS_TEXT("cs::Files", "the ONNX file needs %1 to read its %3, over "
                                                    "the %2 limit (CONVSTUDIO_MEMORY_LIMIT): it "
                                                    "is larger than a CNN ConvStudio can run")
                                   .arg(formatBytes(size)));
    const std::string bytes = readWholeFile(path, size_t(size));
    onnx::ModelProto m;
    if (!m.ParseFromString(bytes))
        throw FormatError(CS_TEXT("cs::Files", "not an ONNX model, or a truncated one: its %1 "
                                               "bytes are not a valid ONNX ModelProto message")
                              .arg(formatCount(bytes.size())));
    if (m.ir_version() <= 0 || !m.has_graph())
        throw FormatError(
            CS_TEXT("cs::Files", "not an ONNX model: it has no ir_version or no graph"));
    const int opset = defaultOpset(m);
    if (opset < 7 || opset > 18)
        throw FormatError(
            CS_TEXT("cs::Files", "opset %1 is not supported (7 to 18 are)").arg(opset));
    const onnx::GraphProto& g = m.graph();
    if (g.node_size() == 0) throw FormatError(CS_TEXT("cs::Files", "the graph has no operators"));
    if (const std::set<std::string> bad = unsupportedOperators(g); !bad.empty())
        throw FormatError(
            CS_TEXT("cs::Files", "uses operators ConvStudio cannot import: %1 (it "
                                 "imports CNNs made of: %2)")
                .arg(joined(bad))
                .arg(joined({onnxImportOperators().begin(), onnxImportOperators().end()})));

    ImportedGraph imported = convertOnnxGraph(g, opset, g.name().empty() ? stem(path) : g.name());
    // PyTorch classifiers end in logits (CrossEntropyLoss applies the softmax):
    // a last linear Dense of several units becomes a softmax one, so that
    // predict, evaluate and training see probabilities. ConvStudio's own
    // exports keep their activations.
    if (m.producer_name() != "ConvStudio") {
        Json& last = imported.architecture["layers"].back();
        Json& config = last["config"];
        if (last["class_name"] == "Dense" && config["activation"] == "linear" &&
            json::asInt(config["units"]) > 1)
            config["activation"] = "softmax";
    }
    LoadedModel out;
    try {
        out.model = Model::fromJson(imported.architecture);
        out.model.build(0);
    } catch (const ResourceError&) {
        throw;
    } catch (const Error& e) {
        throw FormatError(e.text().within(
            CS_TEXT("cs::Files", "the graph does not make a valid ConvStudio model")));
    }
    size_t used = 0;
    for (int k = 0; k < out.model.nodeCount(); ++k) {
        Layer& layer = out.model.layer(k);
        for (Param& p : layer.params()) {
            const std::string name = layer.name() + "." + p.name;
            auto it = imported.weights.find(name);
            if (it == imported.weights.end())
                throw FormatError(CS_TEXT("cs::Files", "no weight for '%1'").arg(name));
            if (!(it->second.shape() == p.value.shape()))
                throw FormatError(
                    CS_TEXT("cs::Files", "weight '%1' has shape %2, the layer needs %3")
                        .arg(name)
                        .arg(it->second.shape().toString())
                        .arg(p.value.shape().toString()));
            for (int64_t i = 0; i < it->second.size(); ++i)
                if (!std::isfinite(it->second[i]))
                    throw FormatError(CS_TEXT("cs::Files", "weight '%1' holds NaN or an "
                                                           "infinity: the model is broken")
                                          .arg(name));
            p.value = std::move(it->second);
            ++used;
        }
    }
    if (used != imported.weights.size())
        throw FormatError(CS_TEXT("cs::Files", "holds weights that no layer uses"));

    // ConvStudio's own exports carry class names and preprocessing; otherwise
    // the classes are numbered and pixels are scaled to [0, 1] (torchvision's ToTensor).
    const int units = int(out.model.outputShape().numel());
    try {
        if (const std::string* v = metadataProp(m, "class_names"))
            out.metadata.classNames = json::asStringVector(json::parse(*v));
        if (const std::string* v = metadataProp(m, "preprocessing"))
            out.metadata.preprocessing = Preprocessing::fromJson(json::parse(*v));
    } catch (const Error& e) {
        throw FormatError(e.text().within("metadata_props")); // ONNX's name: not translated
    }
    if (const std::string* v = metadataProp(m, "dataset")) out.metadata.dataset = *v;
    if (!out.metadata.classNames.empty() && units > 1 &&
        int(out.metadata.classNames.size()) != units)
        throw FormatError(CS_TEXT("cs::Files", "metadata_props 'class_names' has %1 names for "
                                               "a model with %2 outputs")
                              .arg(int64_t(out.metadata.classNames.size()))
                              .arg(units));
    if (out.metadata.classNames.empty())
        for (int i = 0; i < std::max(units, 2); ++i)
            out.metadata.classNames.push_back(std::to_string(i));
    return out;
}

} // namespace

const std::vector<std::string>& onnxImportOperators() {
    static const std::vector<std::string> ops = [] {
        std::vector<std::string> v{"Add",
                                   "AveragePool",
                                   "BatchNormalization",
                                   "Concat",
                                   "Constant",
                                   "Conv",
                                   "Dropout",
                                   "Flatten",
                                   "Gemm",
                                   "GlobalAveragePool",
                                   "Identity",
                                   "MatMul",
                                   "MaxPool",
                                   "Pad",
                                   "Relu",
                                   "Reshape",
                                   "Sigmoid",
                                   "Softmax",
                                   "Tanh",
                                   "Transpose"};
        std::sort(v.begin(), v.end());
        return v;
    }();
    return ops;
}

bool looksLikeOnnxFile(const std::string& path) {
    if (std::filesystem::path(path).extension() == ".onnx") return true;
    std::ifstream in(path, std::ios::binary);
    unsigned char b[9] = {};
    in.read(reinterpret_cast<char*>(b), sizeof b);
    const std::streamsize n = in.gcount();
    if (n < 3) return false;
    if (n == 9 && b[8] == '{') return false; // safetensors: an 8-byte length, then its JSON header
    // A ModelProto starts with field 1 (ir_version, a small varint), then
    // field 2-8 or 14 (producer name and version, domain, model version, doc,
    // graph, opset_import, metadata_props).
    static const unsigned char nextTags[] = {0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72};
    return b[0] == 0x08 && b[1] >= 1 && b[1] < 0x80 &&
           std::find(std::begin(nextTags), std::end(nextTags), b[2]) != std::end(nextTags);
}

LoadedModel importOnnx(const std::string& path) {
    // Every load error starts with the file's path (docs/formats.md), a place
    // in front of the error's own text, which stays translatable.
    auto named = [&](const Error& e) {
        return std::string(e.what()).rfind(path, 0) == 0 ? e.text() : e.text().within(path);
    };
    try {
        return readOnnx(path);
    } catch (const ResourceError& e) {
        throw ResourceError(named(e));
    } catch (const IoError& e) {
        throw IoError(named(e));
    } catch (const Error& e) {
        throw FormatError(named(e));
    }
}

} // namespace cs
