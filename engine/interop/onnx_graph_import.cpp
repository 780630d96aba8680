#include "engine/interop/onnx_graph_import.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_layout.h"
#include "engine/layers/layer_registry.h"
#include "engine/layers/window_geometry.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <unordered_map>

namespace cs {

namespace {

// A constant of the graph (initializer or Constant node), as numbers.
struct Constant {
    std::vector<int64_t> dims;
    std::vector<float> floats; // FLOAT tensors
    std::vector<int64_t> ints; // INT64 / INT32 tensors
    bool isFloat = false;
    int64_t count() const {
        int64_t n = 1;
        for (int64_t d : dims)
            n *= d;
        return n;
    }
};

// What a tensor of the ONNX graph is on our side.
struct Value {
    int layer = -1; // entry of layers_ that produces it
    Shape shape;    // our per-sample shape: (H, W, C) or (N)
    // A flat tensor holding an (H, W, C) image in ONNX's C, H, W order (ours is
    // H, W, C): a Dense or BatchNormalization reading it permutes its weights.
    Shape chwImage;
    bool pooled = false; // ONNX [N, C, 1, 1] after GlobalAveragePool, ours (C)
    bool nhwc = false;   // an image transposed to NHWC: only a Flatten may read it
};

struct Entry {
    Json json;
    std::string name;
    Shape shape;
};

std::string attrString(const onnx::NodeProto& n, const std::string& key, const std::string& def) {
    for (const auto& a : n.attribute())
        if (a.name() == key) return a.s();
    return def;
}
const onnx::AttributeProto* attr(const onnx::NodeProto& n, const std::string& key) {
    for (const auto& a : n.attribute())
        if (a.name() == key) return &a;
    return nullptr;
}
int64_t attrInt(const onnx::NodeProto& n, const std::string& key, int64_t def) {
    const auto* a = attr(n, key);
    return a ? a->i() : def;
}
float attrFloat(const onnx::NodeProto& n, const std::string& key, float def) {
    const auto* a = attr(n, key);
    return a ? a->f() : def;
}
std::vector<int64_t> attrInts(const onnx::NodeProto& n, const std::string& key,
                              std::vector<int64_t> def) {
    const auto* a = attr(n, key);
    if (!a) return def;
    return {a->ints().begin(), a->ints().end()};
}
std::string listText(const std::vector<int64_t>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

Constant readTensor(const onnx::TensorProto& t) {
    // In front of a problem with its data: "tensor 'fc.weight': ...".
    const UserText what = CS_TEXT("cs::Files", "tensor '%1'").arg(t.name());
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        throw FormatError(CS_TEXT("cs::Files", "tensor '%1' keeps its data in an external file: "
                                               "export with the weights inside the .onnx file")
                              .arg(t.name()));
    Constant c;
    int64_t count = 1;
    for (int64_t d : t.dims()) {
        if (d < 0 || d > (int64_t(1) << 30))
            throw FormatError(CS_TEXT("cs::Files", "dimension %1 is invalid").arg(d).within(what));
        c.dims.push_back(d);
        count *= d;
        if (count > (int64_t(1) << 31))
            throw FormatError(CS_TEXT("cs::Files", "tensor '%1' is too large").arg(t.name()));
    }
    const std::string& raw = t.raw_data();
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
        c.isFloat = true;
        if (!raw.empty()) {
            if (int64_t(raw.size()) != count * 4)
                throw FormatError(CS_TEXT("cs::Files", "%1 bytes of data for %2 floats")
                                      .arg(int64_t(raw.size()))
                                      .arg(count)
                                      .within(what));
            c.floats.resize(size_t(count));
            std::memcpy(c.floats.data(), raw.data(), raw.size());
        } else {
            c.floats.assign(t.float_data().begin(), t.float_data().end());
        }
        if (int64_t(c.floats.size()) != count)
            throw FormatError(CS_TEXT("cs::Files", "%1 values for shape %2")
                                  .arg(int64_t(c.floats.size()))
                                  .arg(listText(c.dims))
                                  .within(what));
        break;
    case onnx::TensorProto::INT64:
        if (!raw.empty()) {
            if (int64_t(raw.size()) != count * 8)
                throw FormatError(
                    CS_TEXT("cs::Files", "wrong data size for its shape").within(what));
            c.ints.resize(size_t(count));
            std::memcpy(c.ints.data(), raw.data(), raw.size());
        } else {
            c.ints.assign(t.int64_data().begin(), t.int64_data().end());
        }
        if (int64_t(c.ints.size()) != count)
            throw FormatError(
                CS_TEXT("cs::Files", "wrong number of values for its shape").within(what));
        break;
    case onnx::TensorProto::INT32:
        if (!raw.empty()) {
            if (int64_t(raw.size()) != count * 4)
                throw FormatError(
                    CS_TEXT("cs::Files", "wrong data size for its shape").within(what));
            std::vector<int32_t> v(static_cast<size_t>(count));
            std::memcpy(v.data(), raw.data(), raw.size());
            c.ints.assign(v.begin(), v.end());
        } else {
            c.ints.assign(t.int32_data().begin(), t.int32_data().end());
        }
        if (int64_t(c.ints.size()) != count)
            throw FormatError(
                CS_TEXT("cs::Files", "wrong number of values for its shape").within(what));
        break;
    default:
        throw FormatError(CS_TEXT("cs::Files", "tensor '%1' has data type %2: only float32 "
                                               "weights (and int64/int32 shapes) are supported")
                              .arg(t.name())
                              .arg(int(t.data_type())));
    }
    return c;
}

class GraphImporter {
public:
    GraphImporter(const onnx::GraphProto& graph, int opset) : graph_(graph), opset_(opset) {}

    ImportedGraph run(const std::string& modelName) {
        for (const auto& t : graph_.initializer())
            constants_[t.name()] = readTensor(t);
        for (const auto& n : graph_.node())
            for (const auto& i : n.input())
                ++uses_[i];
        for (const auto& o : graph_.output())
            ++uses_[o.name()];
        readInput();
        for (const auto& n : graph_.node())
            convert(n);
        if (graph_.output_size() != 1)
            throw FormatError(CS_TEXT("cs::Files", "the graph has %1 outputs; ConvStudio "
                                                   "imports models with one output")
                                  .arg(graph_.output_size()));
        const Value& out = outputValue(graph_.output(0).name());
        if (out.nhwc)
            throw FormatError(CS_TEXT("cs::Files", "the graph's output is a transposed image"));
        if (out.layer != int(layers_.size()) - 1)
            throw FormatError(CS_TEXT("cs::Files", "the graph's output '%1' is not made by its "
                                                   "last operator, so it cannot be the model's "
                                                   "last layer")
                                  .arg(graph_.output(0).name()));
        ImportedGraph result;
        Json& arch = result.architecture;
        arch = Json::object();
        arch["format"] = "convstudio-architecture";
        arch["version"] = 1;
        arch["name"] = modelName;
        arch["layers"] = Json::array();
        for (Entry& e : layers_)
            arch["layers"].push_back(std::move(e.json));
        result.weights = std::move(weights_);
        return result;
    }

private:
    // ---- Values and layers ------------------------------------------------------------
    // The layer output `tensor` that node `reader` reads.
    const Value& value(const std::string& tensor, const onnx::NodeProto& reader) const {
        auto it = values_.find(tensor);
        if (it == values_.end()) {
            if (constants_.count(tensor))
                throw FormatError(CS_TEXT("cs::Files", "%1 takes the constant '%2' where "
                                                       "ConvStudio needs a layer's output")
                                      .arg(where(reader))
                                      .arg(tensor));
            throw FormatError(CS_TEXT("cs::Files", "%1 reads '%2', which no earlier operator makes")
                                  .arg(where(reader))
                                  .arg(tensor));
        }
        return it->second;
    }
    // The layer output `tensor` that is the graph's output.
    const Value& outputValue(const std::string& tensor) const {
        auto it = values_.find(tensor);
        if (it == values_.end()) {
            if (constants_.count(tensor))
                throw FormatError(CS_TEXT("cs::Files", "the graph's output takes the constant "
                                                       "'%1' where ConvStudio needs a layer's "
                                                       "output")
                                      .arg(tensor));
            throw FormatError(CS_TEXT("cs::Files", "the graph's output reads '%1', which no "
                                                   "earlier operator makes")
                                  .arg(tensor));
        }
        return it->second;
    }
    const Constant& constant(const std::string& tensor, const onnx::NodeProto& reader) const {
        auto it = constants_.find(tensor);
        if (it == constants_.end())
            throw FormatError(CS_TEXT("cs::Files", "input '%1' must be a constant (an initializer)")
                                  .arg(tensor)
                                  .within(where(reader)));
        return it->second;
    }
    // A constant of float32 values: the weights of a layer.
    const Constant& weights(const std::string& tensor, const onnx::NodeProto& reader) const {
        const Constant& c = constant(tensor, reader);
        if (!c.isFloat)
            throw FormatError(CS_TEXT("cs::Files", "weight '%1' is not float32")
                                  .arg(tensor)
                                  .within(where(reader)));
        return c;
    }
    bool isConstant(const std::string& tensor) const { return constants_.count(tensor) > 0; }

    std::string uniqueName(std::string base) {
        std::string name = base;
        for (int i = 1; !names_.insert(name).second; ++i)
            name = base + "_" + std::to_string(i);
        return name;
    }
    // "/layer1/conv1/Conv" (PyTorch's module path, then the op) -> "layer1_conv1";
    // a plain name stays as it is; nothing usable -> the layer type's prefix.
    std::string layerName(const onnx::NodeProto& n, const std::string& className) {
        std::string s = n.name();
        if (!s.empty() && s[0] == '/') {
            s.erase(0, 1);
            const size_t slash = s.rfind('/');
            s = slash == std::string::npos ? std::string() : s.substr(0, slash);
        }
        for (char& ch : s)
            if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-')) ch = '_';
        if (s.empty()) s = layerSpec(className).namePrefix;
        return uniqueName(s);
    }

    // Adds a layer reading `inputs`, computes its shape with the engine's own
    // shape inference, and makes `output` its value.
    // readsTransposed: a Flatten may read an image transposed to NHWC (it reads
    // the layer before the Transpose; our tensors are NHWC already).
    Value& addLayer(const onnx::NodeProto& n, const std::string& className, Json config,
                    const std::vector<std::string>& inputs, const std::string& output,
                    bool readsTransposed = false) {
        const std::string name = layerName(n, className);
        config["name"] = name;
        std::vector<Shape> inShapes;
        Json inbound = Json::array();
        for (const auto& i : inputs) {
            const Value& v = value(i, n);
            if (v.nhwc && !readsTransposed)
                throw FormatError(
                    CS_TEXT("cs::Files", "reads a Transpose that only a Flatten may follow")
                        .within(where(n)));
            inShapes.push_back(v.shape);
            inbound.push_back(layers_[size_t(v.layer)].name);
        }
        Shape shape;
        try {
            shape = createLayer(className, config)->outputShape(inShapes);
        } catch (const Error& e) {
            throw FormatError(e.text().within(where(n))); // the layer's own words, translated
        }
        Entry e;
        e.name = name;
        e.shape = shape;
        e.json = Json::object();
        e.json["class_name"] = className;
        e.json["config"] = std::move(config);
        e.json["inbound_nodes"] = std::move(inbound);
        layers_.push_back(std::move(e));
        Value& v = values_[output];
        v = Value{};
        v.layer = int(layers_.size()) - 1;
        v.shape = shape;
        return v;
    }
    void alias(const std::string& output, const Value& v) { values_[output] = v; }

    // "Conv '/conv1/Conv'": the node, in front of its problems as a place that is
    // never translated (an operator and a name).
    static std::string where(const onnx::NodeProto& n) {
        return n.op_type() + " '" +
               (n.name().empty() ? (n.output_size() ? n.output(0) : std::string()) : n.name()) +
               "'";
    }
    static void requireInputs(const onnx::NodeProto& n, int min, int max) {
        if (n.input_size() < min || n.input_size() > max)
            throw FormatError(max > min
                                  ? CS_TEXT("cs::Files", "%1 has %2 inputs, expected %3 to %4")
                                        .arg(where(n))
                                        .arg(n.input_size())
                                        .arg(min)
                                        .arg(max)
                                  : CS_TEXT("cs::Files", "%1 has %2 inputs, expected %3")
                                        .arg(where(n))
                                        .arg(n.input_size())
                                        .arg(min));
        if (n.output_size() < 1 || n.output(0).empty())
            throw FormatError(CS_TEXT("cs::Files", "%1 has no output").arg(where(n)));
    }
    const Value& imageInput(const onnx::NodeProto& n) const {
        const Value& v = value(n.input(0), n);
        if (v.shape.rank() != 3 || v.pooled || v.nhwc)
            throw FormatError(CS_TEXT("cs::Files", "%1 needs an image (N, C, H, W), its input "
                                                   "has shape %2 on ConvStudio's side")
                                  .arg(where(n))
                                  .arg(v.shape.toString()));
        return v;
    }
    const Value& flatInput(const onnx::NodeProto& n) const {
        const Value& v = value(n.input(0), n);
        if (v.shape.rank() != 1)
            throw FormatError(CS_TEXT("cs::Files", "%1 needs a flat input (N, features): put a "
                                                   "Flatten before it")
                                  .arg(where(n)));
        return v;
    }

    // ---- The graph's input --------------------------------------------------------------
    void readInput() {
        std::vector<const onnx::ValueInfoProto*> inputs;
        for (const auto& i : graph_.input())
            if (!isConstant(i.name())) inputs.push_back(&i);
        if (inputs.size() != 1)
            throw FormatError(CS_TEXT("cs::Files", "the graph has %1 inputs besides its "
                                                   "weights; ConvStudio imports models with one "
                                                   "input image")
                                  .arg(int64_t(inputs.size())));
        const onnx::ValueInfoProto& in = *inputs[0];
        const auto& type = in.type().tensor_type();
        if (type.elem_type() != onnx::TensorProto::FLOAT)
            throw FormatError(CS_TEXT("cs::Files", "input '%1' is not float32").arg(in.name()));
        std::vector<int64_t> dims;
        for (const auto& d : type.shape().dim())
            dims.push_back(d.has_dim_value() ? d.dim_value() : -1);
        std::vector<int> shape;
        if (dims.size() == 4 && dims[1] > 0 && dims[2] > 0 && dims[3] > 0)
            shape = {int(dims[2]), int(dims[3]), int(dims[1])};
        else if (dims.size() == 2 && dims[1] > 0)
            shape = {int(dims[1])};
        else
            throw FormatError(CS_TEXT("cs::Files", "input '%1' has shape %2: ConvStudio needs "
                                                   "(N, C, H, W) with C, H and W fixed, or (N, "
                                                   "features)")
                                  .arg(in.name())
                                  .arg(listText(dims)));
        for (int d : shape)
            if (d > 4096 && shape.size() == 3)
                throw FormatError(
                    CS_TEXT("cs::Files", "input '%1' is larger than 4096").arg(in.name()));
        Json config = Json::object();
        config["name"] = uniqueName("input");
        config["shape"] = shape;
        Entry e;
        e.name = config["name"];
        e.shape = Shape(shape);
        e.json = Json::object();
        e.json["class_name"] = "InputLayer";
        e.json["config"] = std::move(config);
        layers_.push_back(std::move(e));
        Value& v = values_[in.name()];
        v.layer = 0;
        v.shape = Shape(shape);
    }

    // ---- Windows: Conv and pooling ----------------------------------------------------------
    // 'valid' or 'same' for these ONNX pads, or an error naming both.
    std::string padding(const onnx::NodeProto& n, const Shape& in, const std::vector<int64_t>& k,
                        const std::vector<int64_t>& s) {
        const std::string autoPad = attrString(n, "auto_pad", "NOTSET");
        if (autoPad == "VALID") return "valid";
        if (autoPad == "SAME_UPPER") return "same";
        if (autoPad != "NOTSET" && !autoPad.empty())
            throw FormatError(
                CS_TEXT("cs::Files", "auto_pad %1 is not supported (SAME_UPPER and VALID are)")
                    .arg(autoPad)
                    .within(where(n)));
        const std::vector<int64_t> pads = attrInts(n, "pads", {0, 0, 0, 0});
        if (pads.size() != 4)
            throw FormatError(CS_TEXT("cs::Files", "pads %1 must have 4 entries")
                                  .arg(listText(pads))
                                  .within(where(n)));
        if (std::all_of(pads.begin(), pads.end(), [](int64_t p) { return p == 0; })) return "valid";
        const WindowAxis y = windowAxis(in[0], int(k[0]), int(s[0]), true);
        const WindowAxis x = windowAxis(in[1], int(k[1]), int(s[1]), true);
        const std::vector<int64_t> same{y.padBefore, x.padBefore, y.padAfter, x.padAfter};
        if (pads == same) return "same";
        throw FormatError(CS_TEXT("cs::Files", "pads %1 on a %2x%3 input are neither none "
                                               "('valid') nor TensorFlow's 'same' %4, the only "
                                               "paddings ConvStudio has")
                              .arg(listText(pads))
                              .arg(in[0])
                              .arg(in[1])
                              .arg(listText(same))
                              .within(where(n)));
    }
    std::vector<int64_t> window(const onnx::NodeProto& n, const std::string& key,
                                std::vector<int64_t> def) {
        std::vector<int64_t> v = attrInts(n, key, def);
        if (v.size() != 2 || v[0] < 1 || v[1] < 1 || v[0] > 64 || v[1] > 64)
            throw FormatError(CS_TEXT("cs::Files", "%1 %2 must be two numbers between 1 and 64")
                                  .arg(key) // kernel_shape, strides: ONNX's names
                                  .arg(listText(v))
                                  .within(where(n)));
        return v;
    }
    void requireNoDilation(const onnx::NodeProto& n) {
        for (int64_t d : attrInts(n, "dilations", {1, 1}))
            if (d != 1)
                throw FormatError(CS_TEXT("cs::Files", "dilations %1 are not supported (only 1)")
                                      .arg(listText(attrInts(n, "dilations", {})))
                                      .within(where(n)));
    }

    void conv(const onnx::NodeProto& n) {
        requireInputs(n, 2, 3);
        const Value in = imageInput(n);
        const Constant& w = weights(n.input(1), n);
        if (attrInt(n, "group", 1) != 1)
            throw FormatError(
                CS_TEXT("cs::Files", "grouped convolution (group > 1) is not supported")
                    .within(where(n)));
        requireNoDilation(n);
        if (w.dims.size() != 4 || w.dims[1] != in.shape[2])
            throw FormatError(CS_TEXT("cs::Files", "weight %1 does not fit an input of %2 channels")
                                  .arg(listText(w.dims))
                                  .arg(in.shape[2])
                                  .within(where(n)));
        const std::vector<int64_t> k = window(n, "kernel_shape", {w.dims[2], w.dims[3]});
        if (k[0] != w.dims[2] || k[1] != w.dims[3])
            throw FormatError(
                CS_TEXT("cs::Files", "kernel_shape differs from its weight").within(where(n)));
        const std::vector<int64_t> s = window(n, "strides", {1, 1});
        const bool bias = n.input_size() == 3 && !n.input(2).empty();
        Json c = Json::object();
        c["filters"] = w.dims[0];
        c["kernel_size"] = k;
        c["strides"] = s;
        c["padding"] = padding(n, in.shape, k, s);
        c["activation"] = "linear";
        c["use_bias"] = bias;
        addLayer(n, "Conv2D", c, {n.input(0)}, n.output(0));
        const std::string& name = layers_.back().name;
        weights_[name + ".kernel"] = onnx_layout::convKernelFromOihw(
            w.floats.data(), int(w.dims[0]), int(w.dims[1]), int(k[0]), int(k[1]));
        if (bias)
            weights_[name + ".bias"] = vector(constant(n.input(2), n), int(w.dims[0]), n, "bias");
    }

    void pool(const onnx::NodeProto& n, bool max) {
        requireInputs(n, 1, 1);
        const Value in = imageInput(n);
        requireNoDilation(n);
        if (attrInt(n, "storage_order", 0) != 0)
            throw FormatError(
                CS_TEXT("cs::Files", "storage_order 1 is not supported").within(where(n)));
        const std::vector<int64_t> k = window(n, "kernel_shape", {});
        const std::vector<int64_t> s = window(n, "strides", {1, 1});
        const std::string pad = padding(n, in.shape, k, s);
        if (attrInt(n, "ceil_mode", 0) != 0 && pad == "valid")
            for (int a = 0; a < 2; ++a)
                if ((in.shape[a] - k[size_t(a)]) % s[size_t(a)] != 0)
                    throw FormatError(CS_TEXT("cs::Files", "ceil_mode 1 adds a partial window "
                                                           "here; only floor rounding is supported")
                                          .within(where(n)));
        if (!max && pad == "same" && attrInt(n, "count_include_pad", 0) != 0)
            throw FormatError(CS_TEXT("cs::Files", "count_include_pad 1 averages padded zeros; "
                                                   "ConvStudio's average pooling counts only real "
                                                   "values (count_include_pad 0)")
                                  .within(where(n)));
        Json c = Json::object();
        c["pool_size"] = k;
        c["strides"] = s;
        c["padding"] = pad;
        addLayer(n, max ? "MaxPooling2D" : "AveragePooling2D", c, {n.input(0)}, n.output(0));
    }

    // ---- Flat layers -------------------------------------------------------------------------
    // A 1-D constant of `count` floats (a single value is repeated), as a tensor:
    // the weight `weight` ("bias", "gamma": ONNX's or Keras's name) of node n.
    static Tensor vector(const Constant& c, int count, const onnx::NodeProto& n,
                         const std::string& weight) {
        if (c.floats.empty() || (int64_t(c.floats.size()) != count && c.floats.size() != 1))
            throw FormatError(CS_TEXT("cs::Files", "%1 %2 has %3 values, expected %4")
                                  .arg(where(n))
                                  .arg(weight)
                                  .arg(int64_t(c.floats.size()))
                                  .arg(count));
        Tensor t(Shape{count});
        for (int i = 0; i < count; ++i)
            t[i] = c.floats.size() == 1 ? c.floats[0] : c.floats[size_t(i)];
        return t;
    }

    // Flatten or a Reshape to (N, features).
    void flatten(const onnx::NodeProto& n) {
        const Value in = value(n.input(0), n);
        if (in.shape.rank() == 1) { // already flat on our side (a GlobalAveragePool's (N, C, 1, 1))
            Value v = in;
            v.pooled = false;
            alias(n.output(0), v);
            return;
        }
        Value& v = addLayer(n, "Flatten", Json::object(), {n.input(0)}, n.output(0), true);
        if (!in.nhwc) v.chwImage = in.shape; // ONNX unrolls C, H, W; ours H, W, C
    }
    void flattenOp(const onnx::NodeProto& n) {
        requireInputs(n, 1, 1);
        const int64_t axis = attrInt(n, "axis", 1);
        if (axis != 1)
            throw FormatError(CS_TEXT("cs::Files", "axis %1 is not supported (only 1)")
                                  .arg(axis)
                                  .within(where(n)));
        flatten(n);
    }
    void reshape(const onnx::NodeProto& n) {
        requireInputs(n, 2, 2);
        const Value in = value(n.input(0), n);
        const Constant& shape = constant(n.input(1), n);
        const int64_t numel = in.shape.numel();
        const auto& s = shape.ints;
        const bool flat = s.size() == 2 && (s[0] == -1 || s[0] == 0 || s[0] > 0) &&
                          (s[1] == numel || (s[1] == -1 && s[0] <= 0));
        if (!flat)
            throw FormatError(CS_TEXT("cs::Files", "a reshape to %1 is not supported; only "
                                                   "flattening each sample, (N, %2)")
                                  .arg(listText(s))
                                  .arg(numel)
                                  .within(where(n)));
        flatten(n);
    }
    void transpose(const onnx::NodeProto& n) {
        requireInputs(n, 1, 1);
        const Value in = imageInput(n);
        if (attrInts(n, "perm", {}) != std::vector<int64_t>{0, 2, 3, 1})
            throw FormatError(CS_TEXT("cs::Files", "only the Transpose to NHWC before a "
                                                   "Flatten is supported")
                                  .within(where(n)));
        Value v = in;
        v.nhwc = true;
        alias(n.output(0), v);
    }

    // PyTorch writes a Pad of zeros before an AvgPool2d: a no-op, taken as such.
    void pad(const onnx::NodeProto& n) {
        requireInputs(n, 1, 3);
        if (attrString(n, "mode", "constant") != "constant")
            throw FormatError(
                CS_TEXT("cs::Files", "only a Pad that adds nothing is supported").within(where(n)));
        std::vector<int64_t> pads = attrInts(n, "pads", {}); // opset < 11: an attribute
        if (n.input_size() >= 2 && !n.input(1).empty()) pads = constant(n.input(1), n).ints;
        if (!std::all_of(pads.begin(), pads.end(), [](int64_t p) { return p == 0; }))
            throw FormatError(CS_TEXT("cs::Files", "pads %1 are not supported; only padding "
                                                   "inside a Conv or pooling operator is")
                                  .arg(listText(pads))
                                  .within(where(n)));
        alias(n.output(0), value(n.input(0), n));
    }

    // Gemm (A·B + C, PyTorch's Linear) or MatMul (a Dense without bias; an Add may give it one).
    void dense(const onnx::NodeProto& n, bool gemm) {
        requireInputs(n, 2, gemm ? 3 : 2);
        const Value in = flatInput(n);
        const Constant& b = weights(n.input(1), n);
        if (b.dims.size() != 2)
            throw FormatError(CS_TEXT("cs::Files", "weight %1 is not a matrix")
                                  .arg(listText(b.dims))
                                  .within(where(n)));
        const bool transB = gemm && attrInt(n, "transB", 0) != 0;
        if (gemm && attrInt(n, "transA", 0) != 0)
            throw FormatError(CS_TEXT("cs::Files", "transA 1 is not supported").within(where(n)));
        const int64_t inputs = transB ? b.dims[1] : b.dims[0],
                      units = transB ? b.dims[0] : b.dims[1];
        if (inputs != in.shape[0])
            throw FormatError(CS_TEXT("cs::Files", "weight %1 does not fit %2 inputs")
                                  .arg(listText(b.dims))
                                  .arg(in.shape[0])
                                  .within(where(n)));
        const float alpha = gemm ? attrFloat(n, "alpha", 1.0f) : 1.0f,
                    beta = gemm ? attrFloat(n, "beta", 1.0f) : 1.0f;
        const bool bias = gemm && n.input_size() == 3 && !n.input(2).empty();
        Json c = Json::object();
        c["units"] = units;
        c["activation"] = "linear";
        c["use_bias"] = bias;
        addLayer(n, "Dense", c, {n.input(0)}, n.output(0));
        const std::string& name = layers_.back().name;
        Tensor kernel = onnx_layout::denseKernelFromOnnx(b.floats.data(), int(inputs), int(units),
                                                         transB, in.chwImage);
        for (int64_t i = 0; i < kernel.size(); ++i)
            kernel[i] *= alpha;
        weights_[name + ".kernel"] = std::move(kernel);
        if (bias) {
            Tensor t = vector(constant(n.input(2), n), int(units), n, "bias C");
            for (int64_t i = 0; i < t.size(); ++i)
                t[i] *= beta;
            weights_[name + ".bias"] = std::move(t);
        }
    }

    // Add: a bias for the MatMul before it, or the merge layer.
    void add(const onnx::NodeProto& n) {
        requireInputs(n, 2, 2);
        const bool c0 = isConstant(n.input(0)), c1 = isConstant(n.input(1));
        if (c0 && c1)
            throw FormatError(CS_TEXT("cs::Files", "%1 adds two constants").arg(where(n)));
        if (c0 || c1) {
            const std::string& x = c0 ? n.input(1) : n.input(0);
            const Value in = value(x, n);
            Entry& e = layers_[size_t(in.layer)];
            Json& config = e.json["config"];
            if (e.json["class_name"] != "Dense" || config["use_bias"] == true || uses_[x] != 1)
                throw FormatError(CS_TEXT("cs::Files", "adding a constant is supported only as "
                                                       "the bias of a MatMul")
                                      .within(where(n)));
            config["use_bias"] = true;
            weights_[e.name + ".bias"] =
                vector(constant(c0 ? n.input(0) : n.input(1), n), e.shape[0], n, "bias");
            alias(n.output(0), in);
            return;
        }
        merge(n, "Add");
    }
    void merge(const onnx::NodeProto& n, const std::string& className) {
        std::vector<std::string> inputs(n.input().begin(), n.input().end());
        const Value first = value(inputs[0], n);
        for (const auto& i : inputs) {
            const Value& v = value(i, n);
            if (!(v.chwImage == first.chwImage) || v.pooled != first.pooled)
                throw FormatError(CS_TEXT("cs::Files", "its inputs are laid out differently (a "
                                                       "Flatten on one side only)")
                                      .within(where(n)));
            if (!v.chwImage.dims().empty() && className == "Concatenate")
                throw FormatError(
                    CS_TEXT("cs::Files", "concatenating flattened images is not supported")
                        .within(where(n)));
        }
        Value& v = addLayer(n, className, Json::object(), inputs, n.output(0));
        v.chwImage = first.chwImage;
    }
    void concat(const onnx::NodeProto& n) {
        if (n.input_size() < 2)
            throw FormatError(CS_TEXT("cs::Files", "%1 needs at least 2 inputs").arg(where(n)));
        const Value& first = value(n.input(0), n);
        const int64_t axis = attrInt(n, "axis", 1);
        const int64_t rank = first.shape.rank() == 3 || first.pooled ? 4 : 2;
        if (axis != 1 && axis != 1 - rank)
            throw FormatError(CS_TEXT("cs::Files", "axis %1 is not supported; only channels (1)")
                                  .arg(axis)
                                  .within(where(n)));
        merge(n, "Concatenate");
    }

    void batchNorm(const onnx::NodeProto& n) {
        requireInputs(n, 5, 5);
        if (attrInt(n, "training_mode", 0) != 0)
            throw FormatError(
                CS_TEXT("cs::Files", "training_mode 1 is not supported").within(where(n)));
        for (int o = 1; o < n.output_size(); ++o)
            if (!n.output(o).empty())
                throw FormatError(CS_TEXT("cs::Files", "the training outputs are not supported")
                                      .within(where(n)));
        const Value in = value(n.input(0), n);
        const int channels = in.shape[in.shape.rank() - 1];
        Json c = Json::object();
        c["momentum"] = std::clamp(double(attrFloat(n, "momentum", 0.9f)), 0.0, 1.0);
        c["epsilon"] = std::clamp(double(attrFloat(n, "epsilon", 1e-5f)), 1e-12, 1.0);
        Value& v = addLayer(n, "BatchNormalization", c, {n.input(0)}, n.output(0));
        v.chwImage = in.chwImage;
        v.pooled = in.pooled;
        const std::string& name = layers_.back().name;
        const char* keys[] = {"gamma", "beta", "moving_mean", "moving_variance"};
        for (int i = 0; i < 4; ++i) {
            Tensor t = vector(constant(n.input(i + 1), n), channels, n, keys[i]);
            if (in.chwImage.rank() == 3) { // features arrive in C, H, W order: ours are H, W, C
                Tensor ours(t.shape());
                for (int r = 0; r < channels; ++r)
                    ours[r] = t[onnx_layout::flatPositionChw(r, in.chwImage[0], in.chwImage[1],
                                                             in.chwImage[2])];
                t = std::move(ours);
            }
            weights_[name + "." + keys[i]] = std::move(t);
        }
    }

    void dropout(const onnx::NodeProto& n) {
        requireInputs(n, 1, 3);
        double rate = attrFloat(n, "ratio", 0.5f);
        if (n.input_size() >= 2 && !n.input(1).empty()) {
            const Constant& r = constant(n.input(1), n);
            if (r.floats.size() != 1)
                throw FormatError(
                    CS_TEXT("cs::Files", "ratio must be one number").within(where(n)));
            rate = r.floats[0];
        }
        if (n.input_size() == 3 && !n.input(2).empty()) {
            const Constant& t = constant(n.input(2), n);
            if (t.ints.empty() ? (t.floats.empty() || t.floats[0] != 0) : t.ints[0] != 0)
                throw FormatError(
                    CS_TEXT("cs::Files", "training_mode must be off").within(where(n)));
        }
        const Value in = value(n.input(0), n);
        Json c = Json::object();
        c["rate"] = std::clamp(rate, 0.0, 0.99);
        Value& v = addLayer(n, "Dropout", c, {n.input(0)}, n.output(0));
        v.chwImage = in.chwImage;
        v.pooled = in.pooled;
    }

    // Relu, Sigmoid, Tanh, Softmax: fused into the Conv2D/Dense before it when
    // nothing else reads that layer's output, else an Activation layer.
    void activation(const onnx::NodeProto& n, const std::string& act) {
        requireInputs(n, 1, 1);
        const Value in = value(n.input(0), n);
        if (act == "softmax") {
            const int64_t axis = attrInt(n, "axis", opset_ >= 13 ? -1 : 1);
            const bool image = in.shape.rank() == 3;
            const bool channels =
                image ? opset_ >= 13 && (axis == 1 || axis == -3) : (axis == 1 || axis == -1);
            if (!channels && !(in.pooled && opset_ >= 13 && axis == 1))
                throw FormatError(CS_TEXT("cs::Files", "softmax over axis %1 (opset %2) is not "
                                                       "supported; only over the channels")
                                      .arg(axis)
                                      .arg(opset_)
                                      .within(where(n)));
        }
        Entry& e = layers_[size_t(in.layer)];
        const std::string cls = e.json["class_name"];
        if ((cls == "Conv2D" || cls == "Dense") && e.json["config"]["activation"] == "linear" &&
            uses_[n.input(0)] == 1 && !in.nhwc) {
            e.json["config"]["activation"] = act;
            alias(n.output(0), in);
            return;
        }
        Json c = Json::object();
        c["activation"] = act;
        Value& v = addLayer(n, "Activation", c, {n.input(0)}, n.output(0));
        v.chwImage = in.chwImage;
        v.pooled = in.pooled;
    }

    void convert(const onnx::NodeProto& n) {
        const std::string& op = n.op_type();
        if (op == "Constant") {
            const auto* a = attr(n, "value");
            if (!a || n.output_size() != 1)
                throw FormatError(
                    CS_TEXT("cs::Files", "only a tensor 'value' is supported").within(where(n)));
            constants_[n.output(0)] = readTensor(a->t());
        } else if (op == "Conv")
            conv(n);
        else if (op == "MaxPool")
            pool(n, true);
        else if (op == "AveragePool")
            pool(n, false);
        else if (op == "GlobalAveragePool") {
            requireInputs(n, 1, 1);
            imageInput(n);
            addLayer(n, "GlobalAveragePooling2D", Json::object(), {n.input(0)}, n.output(0))
                .pooled = true;
        } else if (op == "Flatten")
            flattenOp(n);
        else if (op == "Reshape")
            reshape(n);
        else if (op == "Transpose")
            transpose(n);
        else if (op == "Pad")
            pad(n);
        else if (op == "Gemm")
            dense(n, true);
        else if (op == "MatMul")
            dense(n, false);
        else if (op == "Add")
            add(n);
        else if (op == "Concat")
            concat(n);
        else if (op == "BatchNormalization")
            batchNorm(n);
        else if (op == "Dropout")
            dropout(n);
        else if (op == "Relu")
            activation(n, "relu");
        else if (op == "Sigmoid")
            activation(n, "sigmoid");
        else if (op == "Tanh")
            activation(n, "tanh");
        else if (op == "Softmax")
            activation(n, "softmax");
        else if (op == "Identity") {
            requireInputs(n, 1, 1);
            if (isConstant(n.input(0)))
                constants_[n.output(0)] = constants_[n.input(0)];
            else
                alias(n.output(0), value(n.input(0), n));
        } else {
            // Screened before, by importOnnx().
            throw FormatError(CS_TEXT("cs::Files", "operator not supported").within(where(n)));
        }
    }

    const onnx::GraphProto& graph_;
    int opset_;
    std::unordered_map<std::string, Constant> constants_;
    std::unordered_map<std::string, Value> values_;
    std::unordered_map<std::string, int> uses_;
    std::vector<Entry> layers_;
    std::set<std::string> names_;
    std::map<std::string, Tensor> weights_;
};

} // namespace

ImportedGraph convertOnnxGraph(const onnx::GraphProto& graph, int opset,
                               const std::string& modelName) {
    return GraphImporter(graph, opset).run(modelName);
}

} // namespace cs
