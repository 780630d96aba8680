#include "engine/interop/onnx_export.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_layout.h"
#include "engine/io/atomic_file.h"
#include "engine/layers/window_geometry.h"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <functional>

namespace cs {

namespace {

// What the exporter knows about each node's output in the ONNX graph.
struct Output {
    std::string tensor; // ONNX tensor name
    // A flat tensor that holds an (H, W, C) image in ONNX's C, H, W order
    // (rank 3 when so): the Dense that reads it permutes its rows.
    Shape chwImage;
};

class OnnxWriter {
public:
    OnnxWriter(const Model& model, onnx::GraphProto& graph)
        : model_(model), graph_(graph), shapes_(model.inferShapes()), outputs_(size_t(model.nodeCount())),
          consumers_(size_t(model.nodeCount())) {
        for (int k = 0; k < model.nodeCount(); ++k)
            for (int in : model.inputsOf(k)) consumers_[size_t(in)].push_back(k);
    }

    void write() {
        for (int k = 0; k < model_.nodeCount(); ++k) writeNode(k);
        const int last = model_.nodeCount() - 1;
        valueInfo(graph_.add_output(), outputs_[size_t(last)].tensor, shapes_[size_t(last)]);
    }

private:
    // ---- Graph pieces ---------------------------------------------------------------
    onnx::NodeProto& node(const std::string& op, const std::string& name, std::vector<std::string> inputs,
                          const std::string& output) {
        onnx::NodeProto& n = *graph_.add_node();
        n.set_op_type(op);
        n.set_name(name);
        for (const auto& i : inputs) n.add_input(i);
        n.add_output(output);
        return n;
    }
    static void intsAttribute(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& values) {
        onnx::AttributeProto& a = *n.add_attribute();
        a.set_name(name);
        a.set_type(onnx::AttributeProto::INTS);
        for (int64_t v : values) a.add_ints(v);
    }
    static void intAttribute(onnx::NodeProto& n, const std::string& name, int64_t value) {
        onnx::AttributeProto& a = *n.add_attribute();
        a.set_name(name);
        a.set_type(onnx::AttributeProto::INT);
        a.set_i(value);
    }
    static void floatAttribute(onnx::NodeProto& n, const std::string& name, float value) {
        onnx::AttributeProto& a = *n.add_attribute();
        a.set_name(name);
        a.set_type(onnx::AttributeProto::FLOAT);
        a.set_f(value);
    }
    const std::string& initializer(const std::string& name, const std::vector<int64_t>& dims, const float* data,
                                   size_t count) {
        onnx::TensorProto& t = *graph_.add_initializer();
        t.set_name(name);
        t.set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims) t.add_dims(d);
        // raw_data is little-endian float32: the machine's own layout on x86-64 and arm64.
        t.set_raw_data(std::string(reinterpret_cast<const char*>(data), count * sizeof(float)));
        return t.name();
    }
    std::string initializer(const std::string& name, const Tensor& t) {
        std::vector<int64_t> dims(t.shape().dims().begin(), t.shape().dims().end());
        return initializer(name, dims, t.data(), size_t(t.size()));
    }
    // [batch, C, H, W] for an image, [batch, N] for a flat vector; the batch is symbolic.
    static void valueInfo(onnx::ValueInfoProto* v, const std::string& name, const Shape& perSample) {
        v->set_name(name);
        onnx::TypeProto_Tensor& t = *v->mutable_type()->mutable_tensor_type();
        t.set_elem_type(onnx::TensorProto::FLOAT);
        onnx::TensorShapeProto& s = *t.mutable_shape();
        s.add_dim()->set_dim_param("batch");
        if (perSample.rank() == 3) {
            for (int d : {perSample[2], perSample[0], perSample[1]}) s.add_dim()->set_dim_value(d);
        } else {
            for (int d : perSample.dims()) s.add_dim()->set_dim_value(d);
        }
    }

    const Tensor& param(const Layer& layer, const std::string& name) const {
        for (const Param& p : layer.params())
            if (p.name == name) return p.value;
        throw ShapeError(layer.name() + " (" + layer.className() + ") has no weight '" + name + "'");
    }
    bool hasParam(const Layer& layer, const std::string& name) const {
        for (const Param& p : layer.params())
            if (p.name == name) return true;
        return false;
    }
    const Output& input(int k, size_t i = 0) const { return outputs_[size_t(model_.inputsOf(k)[i])]; }
    const Shape& inputShape(int k, size_t i = 0) const { return shapes_[size_t(model_.inputsOf(k)[i])]; }

    // An activation node after `from`, writing `to` (Identity for linear).
    void activation(const std::string& name, const std::string& activationName, const std::string& from,
                    const std::string& to) {
        if (activationName == "relu") node("Relu", name, {from}, to);
        else if (activationName == "sigmoid") node("Sigmoid", name, {from}, to);
        else if (activationName == "tanh") node("Tanh", name, {from}, to);
        else if (activationName == "softmax") intAttribute(node("Softmax", name, {from}, to), "axis", 1);
        else node("Identity", name, {from}, to);
    }
    // The layer's own op writes `name` directly when linear, else `name/linear`
    // which the activation node turns into `name`.
    std::string withActivation(const Layer& layer, const std::string& act) {
        return act == "linear" ? layer.name() : layer.name() + "/linear";
    }
    void finishActivation(const Layer& layer, const std::string& act) {
        if (act != "linear") activation(layer.name() + "/" + act, act, layer.name() + "/linear", layer.name());
    }

    // The pads of a window along both axes, ONNX order [top, left, bottom, right].
    static std::vector<int64_t> pads(const WindowAxis& y, const WindowAxis& x) {
        return {y.padBefore, x.padBefore, y.padAfter, x.padAfter};
    }
    static std::vector<int> pair(const Json& config, const std::string& key) {
        return json::asIntVector(json::at(config, key));
    }

    // True when every path from the Flatten `k` goes through Dropout/Activation
    // layers only into Dense layers, and not to the model's output: then the
    // Dense rows can absorb ONNX's C, H, W order.
    bool onlyDenseReads(int k) const {
        if (k == model_.nodeCount() - 1 || consumers_[size_t(k)].empty()) return false;
        for (int c : consumers_[size_t(k)]) {
            const std::string& cls = model_.layer(c).className();
            if (cls == "Dense") continue;
            if ((cls == "Dropout" || cls == "Activation") && onlyDenseReads(c)) continue;
            return false;
        }
        return true;
    }

    void writeNode(int k) {
        const Layer& layer = model_.layer(k);
        const std::string& cls = layer.className();
        const std::string name = layer.name();
        const Json& config = layer.config();
        Output& out = outputs_[size_t(k)];
        out.tensor = name;
        if (cls == "InputLayer") {
            valueInfo(graph_.add_input(), name, shapes_[size_t(k)]);
        } else if (cls == "Conv2D") {
            const Shape& in = inputShape(k);
            const std::vector<int> ks = pair(config, "kernel_size"), st = pair(config, "strides");
            const bool same = isSamePadding(json::asString(json::at(config, "padding")));
            const WindowAxis y = windowAxis(in[0], ks[0], st[0], same), x = windowAxis(in[1], ks[1], st[1], same);
            const Tensor& kernel = param(layer, "kernel");
            const std::vector<float> w = onnx_layout::convKernelToOihw(kernel);
            std::vector<std::string> inputs{input(k).tensor,
                                            initializer(name + ".kernel",
                                                        {kernel.shape()[3], kernel.shape()[2], ks[0], ks[1]},
                                                        w.data(), w.size())};
            if (hasParam(layer, "bias")) inputs.push_back(initializer(name + ".bias", param(layer, "bias")));
            const std::string act = json::asString(json::at(config, "activation"));
            onnx::NodeProto& n = node("Conv", name, inputs, withActivation(layer, act));
            intsAttribute(n, "kernel_shape", {ks[0], ks[1]});
            intsAttribute(n, "strides", {st[0], st[1]});
            intsAttribute(n, "pads", pads(y, x));
            intsAttribute(n, "dilations", {1, 1});
            intAttribute(n, "group", 1);
            finishActivation(layer, act);
        } else if (cls == "MaxPooling2D" || cls == "AveragePooling2D") {
            const Shape& in = inputShape(k);
            const std::vector<int> ps = pair(config, "pool_size");
            const Json& strides = json::at(config, "strides");
            const std::vector<int> st = strides.is_null() ? ps : json::asIntVector(strides);
            const bool same = isSamePadding(json::asString(json::at(config, "padding")));
            const WindowAxis y = windowAxis(in[0], ps[0], st[0], same), x = windowAxis(in[1], ps[1], st[1], same);
            const bool max = cls == "MaxPooling2D";
            onnx::NodeProto& n = node(max ? "MaxPool" : "AveragePool", name, {input(k).tensor}, name);
            intsAttribute(n, "kernel_shape", {ps[0], ps[1]});
            intsAttribute(n, "strides", {st[0], st[1]});
            intsAttribute(n, "pads", pads(y, x));
            // TensorFlow's 'same' average divides by the real cells only.
            if (!max) intAttribute(n, "count_include_pad", 0);
        } else if (cls == "GlobalAveragePooling2D") {
            // ONNX keeps (N, C, 1, 1); ours is flat (C).
            node("GlobalAveragePool", name, {input(k).tensor}, name + "/pooled");
            intAttribute(node("Flatten", name + "/flatten", {name + "/pooled"}, name), "axis", 1);
        } else if (cls == "Flatten") {
            const Shape& in = inputShape(k);
            const bool image = in.rank() == 3 && !(in[0] == 1 && in[1] == 1);
            std::string from = input(k).tensor;
            if (image && onlyDenseReads(k)) {
                out.chwImage = in;
            } else if (image) {
                onnx::NodeProto& t = node("Transpose", name + "/to_nhwc", {from}, name + "/nhwc");
                intsAttribute(t, "perm", {0, 2, 3, 1});
                from = name + "/nhwc";
            }
            intAttribute(node("Flatten", name, {from}, name), "axis", 1);
        } else if (cls == "Dense") {
            const Tensor& kernel = param(layer, "kernel");
            const Shape image = input(k).chwImage;
            const std::string act = json::asString(json::at(config, "activation"));
            const int64_t in = kernel.shape()[0], units = kernel.shape()[1];
            if (hasParam(layer, "bias")) {
                const std::vector<float> b = onnx_layout::denseKernelToGemm(kernel, image);
                onnx::NodeProto& n = node("Gemm", name,
                                          {input(k).tensor, initializer(name + ".kernel", {units, in}, b.data(), b.size()),
                                           initializer(name + ".bias", param(layer, "bias"))},
                                          withActivation(layer, act));
                intAttribute(n, "transB", 1);
            } else {
                const std::vector<float> b = onnx_layout::denseKernelToMatMul(kernel, image);
                node("MatMul", name, {input(k).tensor, initializer(name + ".kernel", {in, units}, b.data(), b.size())},
                     withActivation(layer, act));
            }
            finishActivation(layer, act);
        } else if (cls == "Dropout") {
            const float rate = float(json::asNumber(json::at(config, "rate")));
            node("Dropout", name, {input(k).tensor, initializer(name + ".ratio", {}, &rate, 1)}, name);
            out.chwImage = input(k).chwImage;
        } else if (cls == "BatchNormalization") {
            onnx::NodeProto& n = node("BatchNormalization", name,
                                      {input(k).tensor, initializer(name + ".gamma", param(layer, "gamma")),
                                       initializer(name + ".beta", param(layer, "beta")),
                                       initializer(name + ".moving_mean", param(layer, "moving_mean")),
                                       initializer(name + ".moving_variance", param(layer, "moving_variance"))},
                                      name);
            floatAttribute(n, "epsilon", float(json::asNumber(json::at(config, "epsilon"))));
            floatAttribute(n, "momentum", float(json::asNumber(json::at(config, "momentum"))));
        } else if (cls == "Activation") {
            activation(name, json::asString(json::at(config, "activation")), input(k).tensor, name);
            out.chwImage = input(k).chwImage;
        } else if (cls == "Add") {
            // ONNX's Add takes two inputs: more are summed left to right, as a chain.
            const size_t n = model_.inputsOf(k).size();
            std::string sum = input(k, 0).tensor;
            for (size_t i = 1; i < n; ++i) {
                const std::string to = i + 1 == n ? name : name + "/partial" + std::to_string(i);
                node("Add", to, {sum, input(k, i).tensor}, to);
                sum = to;
            }
        } else if (cls == "Concatenate") {
            std::vector<std::string> inputs;
            for (size_t i = 0; i < model_.inputsOf(k).size(); ++i) inputs.push_back(input(k, i).tensor);
            intAttribute(node("Concat", name, inputs, name), "axis", 1); // channels in NCHW, features when flat
        } else {
            throw ConfigError(name + " (" + cls + "): no ONNX export for this layer type");
        }
    }

    const Model& model_;
    onnx::GraphProto& graph_;
    std::vector<Shape> shapes_;
    std::vector<Output> outputs_;
    std::vector<std::vector<int>> consumers_;
};

void metadataProp(onnx::ModelProto& m, const std::string& key, const std::string& value) {
    onnx::StringStringEntryProto& e = *m.add_metadata_props();
    e.set_key(key);
    e.set_value(value);
}

} // namespace

std::string onnxModelBytes(const Model& model, const ModelMetadata& metadata) {
    if (!model.isBuilt()) throw ShapeError("the model has no weights to export: build or train it first");
    onnx::ModelProto m;
    m.set_ir_version(7); // the IR version that goes with opset 13
    m.set_producer_name("ConvStudio");
    m.set_model_version(1);
    m.set_doc_string("Exported by ConvStudio: NCHW input, weights converted from Keras layouts");
    onnx::OperatorSetIdProto& opset = *m.add_opset_import();
    opset.set_domain("");
    opset.set_version(kOnnxExportOpset);
    onnx::GraphProto& graph = *m.mutable_graph();
    graph.set_name(model.name.empty() ? "model" : model.name);
    OnnxWriter(model, graph).write();
    metadataProp(m, "class_names", json::dump(Json(metadata.classNames)));
    metadataProp(m, "preprocessing", json::dump(metadata.preprocessing.toJson()));
    if (!metadata.dataset.empty()) metadataProp(m, "dataset", metadata.dataset);
    metadataProp(m, "input_layout", "NCHW");
    std::string bytes;
    if (!m.SerializeToString(&bytes))
        throw ShapeError("the model is too large for an ONNX file (protobuf's limit is 2 GB)");
    return bytes;
}

void exportOnnx(const std::string& path, const Model& model, const ModelMetadata& metadata) {
    const std::string bytes = onnxModelBytes(model, metadata);
    writeFileAtomically(path, {bytes});
}

} // namespace cs
