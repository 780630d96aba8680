// A broken or unsupported ONNX file is refused with the same English as
// always (what(), the CLI's output), and with a text the window can translate
// (issue 15): made with CS_TEXT, each place in front ("Conv 'conv'", the
// file's path) a piece of its own, the path never inside a translated format.
//
// The files are written here byte by byte (a few protobuf fields of ONNX's
// ModelProto), each a small valid CNN with one thing broken: the tests do not
// need ONNX's protobuf classes, which only the engine's importer links.
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"
#include "tests/engine/user_text_checks.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_import.h"

#include <QtTest>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace cs;
using cs::test::pathIsArgument;
using cs::test::pathOutsideFormats;
using cs::test::translatedPartsHaveFormats;

namespace {

// ---- Protobuf's wire format, as much as these files need --------------------------------
std::string varint(uint64_t v) {
    std::string out;
    while (v >= 0x80) {
        out += char((v & 0x7f) | 0x80);
        v >>= 7;
    }
    return out + char(v);
}
std::string intField(int field, int64_t v) {
    return varint(uint64_t(field) << 3) + varint(uint64_t(v));
}
std::string bytesField(int field, const std::string& bytes) {
    return varint((uint64_t(field) << 3) | 2) + varint(bytes.size()) + bytes;
}
std::string floatBytes(const std::vector<float>& v) {
    std::string out(v.size() * sizeof(float), '\0');
    std::memcpy(out.data(), v.data(), out.size());
    return out;
}

// ---- ONNX messages (field numbers of onnx.proto) ----------------------------------------
enum DataType { Float = 1, Int8 = 3, Int64 = 7 };

// TensorProto: dims 1, data_type 2, name 8, raw_data 9.
std::string tensor(const std::string& name, const std::vector<int64_t>& dims, DataType type,
                   const std::string& raw) {
    std::string t;
    for (int64_t d : dims)
        t += intField(1, d);
    return t + intField(2, type) + bytesField(8, name) + bytesField(9, raw);
}
std::string floats(const std::string& name, const std::vector<int64_t>& dims, float value = 0.1f) {
    int64_t count = 1;
    for (int64_t d : dims)
        count *= d;
    return tensor(name, dims, Float, floatBytes(std::vector<float>(size_t(count), value)));
}
std::string int64s(const std::string& name, const std::vector<int64_t>& values) {
    std::string raw(values.size() * 8, '\0');
    std::memcpy(raw.data(), values.data(), raw.size());
    return tensor(name, {int64_t(values.size())}, Int64, raw);
}

// AttributeProto: name 1, i 3, s 4, ints 8, type 20 (INT 2, STRING 3, INTS 7).
std::string attrInt(const std::string& name, int64_t v) {
    return bytesField(1, name) + intField(3, v) + intField(20, 2);
}
std::string attrString(const std::string& name, const std::string& v) {
    return bytesField(1, name) + bytesField(4, v) + intField(20, 3);
}
std::string attrInts(const std::string& name, const std::vector<int64_t>& v) {
    std::string a = bytesField(1, name);
    for (int64_t i : v)
        a += intField(8, i);
    return a + intField(20, 7);
}

struct Node {
    std::string op, name;
    std::vector<std::string> inputs, outputs, attributes;
    std::string domain;
};
// NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.
std::string node(const Node& n) {
    std::string out;
    for (const auto& i : n.inputs)
        out += bytesField(1, i);
    for (const auto& o : n.outputs)
        out += bytesField(2, o);
    out += bytesField(3, n.name) + bytesField(4, n.op);
    for (const auto& a : n.attributes)
        out += bytesField(5, a);
    if (!n.domain.empty()) out += bytesField(7, n.domain);
    return out;
}

// ValueInfoProto name 1, type 2; TypeProto tensor_type 1; its elem_type 1, shape 2;
// TensorShapeProto dim 1; its dim_value 1.
std::string valueInfo(const std::string& name, const std::vector<int64_t>& dims,
                      DataType type = Float) {
    std::string shape;
    for (int64_t d : dims)
        shape += bytesField(1, intField(1, d));
    return bytesField(1, name) +
           bytesField(2, bytesField(1, intField(1, type) + bytesField(2, shape)));
}

struct OnnxFile {
    std::vector<std::pair<std::string, int64_t>> opsets{{"", 13}};
    std::vector<Node> nodes;
    std::vector<std::string> initializers;
    std::vector<std::string> inputs;
    std::vector<std::string> outputs{"y"};
    std::vector<std::pair<std::string, std::string>> metadata;
};
// ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8 (domain 1,
// version 2), metadata_props 14 (key 1, value 2); GraphProto: node 1, name 2,
// initializer 5, input 11, output 12.
std::string modelBytes(const OnnxFile& f) {
    std::string graph;
    for (const Node& n : f.nodes)
        graph += bytesField(1, node(n));
    graph += bytesField(2, "net");
    for (const auto& t : f.initializers)
        graph += bytesField(5, t);
    for (const auto& i : f.inputs)
        graph += bytesField(11, i);
    for (const auto& o : f.outputs)
        graph += bytesField(12, bytesField(1, o));
    std::string model = intField(1, 8) + bytesField(2, "pytorch") + bytesField(7, graph);
    for (const auto& [domain, version] : f.opsets)
        model += bytesField(8, bytesField(1, domain) + intField(2, version));
    for (const auto& [key, value] : f.metadata)
        model += bytesField(14, bytesField(1, key) + bytesField(2, value));
    return model;
}

// A small CNN that imports: x (1, 1, 8, 8) -> Conv 'conv' (4 filters 3x3) ->
// Relu -> Flatten -> Gemm 'fc' (10 units) -> y.
OnnxFile smallCnn() {
    OnnxFile f;
    f.inputs = {valueInfo("x", {1, 1, 8, 8})};
    f.initializers = {floats("W", {4, 1, 3, 3}), floats("B", {4}), floats("FW", {10, 144}),
                      floats("FB", {10})};
    f.nodes = {{"Conv", "conv", {"x", "W", "B"}, {"c"}, {}, {}},
               {"Relu", "relu", {"c"}, {"r"}, {}, {}},
               {"Flatten", "flat", {"r"}, {"f"}, {}, {}},
               {"Gemm", "fc", {"f", "FW", "FB"}, {"y"}, {attrInt("transB", 1)}, {}}};
    return f;
}
// smallCnn() with `change` applied to its node named `name`.
OnnxFile withNode(const std::string& name, const std::function<void(Node&)>& change) {
    OnnxFile f = smallCnn();
    for (Node& n : f.nodes)
        if (n.name == name) change(n);
    return f;
}

// ---- What the window gets -------------------------------------------------------------
// True when `value` is an argument of `text` or of a place, or a place shown as it is.
bool isArgument(const UserText& text, const std::string& value) {
    if (!text.context && text.format == value) return true;
    for (const std::string& arg : text.args)
        if (arg == value) return true;
    for (const UserText& place : text.places)
        if (isArgument(place, value)) return true;
    return false;
}
// True when a translated format of `text` or of its places holds `piece`.
bool inFormat(const UserText& text, const std::string& piece) {
    if (text.context && text.format.find(piece) != std::string::npos) return true;
    for (const UserText& place : text.places)
        if (inFormat(place, piece)) return true;
    return false;
}
// The names the files use, and lists of numbers: never part of a translated format.
const std::vector<std::string> kNames{"'conv'", "'fc'",   "'relu'",  "'flat'",    "'pool'",
                                      "'soft'", "'dead'", "'ghost'", "'B'",       "'W'",
                                      "'FW'",   "'x'",    "'r'",     "'nowhere'", "["};

struct Case {
    const char* tag;
    std::function<std::string()> bytes; // the file's content
    std::string expected;               // what() after "<path>: "
    // Values that vary with the file (names, numbers, shapes, operators): each
    // an argument or a place shown as it is, never translated.
    std::vector<std::string> arguments;
};

std::string file(const OnnxFile& f) {
    return modelBytes(f);
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        // onnx_import.cpp: the file as a whole.
        {"empty", [] { return std::string(); }, "the file is empty, not an ONNX model", {}},
        {"text",
         [] { return std::string("hello, this is not a model\n"); },
         "not an ONNX model, or a truncated one: its 27 bytes are not a valid ONNX ModelProto "
         "message",
         {"27"}},
        {"truncated",
         [] { return file(smallCnn()).substr(0, 40); },
         "not an ONNX model, or a truncated one: its 40 bytes are not a valid ONNX ModelProto "
         "message",
         {"40"}},
        {"no graph",
         [] { return intField(1, 7); },
         "not an ONNX model: it has no ir_version or no graph",
         {}},
        {"no standard opset",
         [] {
             OnnxFile f = smallCnn();
             f.opsets = {{"com.example", 1}};
             return file(f);
         },
         "declares no opset of the standard ONNX domain",
         {}},
        {"opset 19",
         [] {
             OnnxFile f = smallCnn();
             f.opsets = {{"", 19}};
             return file(f);
         },
         "opset 19 is not supported (7 to 18 are)",
         {"19"}},
        {"no operators",
         [] {
             OnnxFile f = smallCnn();
             f.nodes.clear();
             return file(f);
         },
         "the graph has no operators",
         {}},
        {"unsupported operators",
         [] {
             OnnxFile f = withNode("relu", [](Node& n) { n.op = "LeakyRelu"; });
             f.nodes.push_back({"Frob", "frob", {"y"}, {"z"}, {}, "com.example"});
             return file(f);
         },
         "uses operators ConvStudio cannot import: LeakyRelu, com.example.Frob (it imports CNNs "
         "made of: Add, AveragePool, BatchNormalization, Concat, Constant, Conv, Dropout, "
         "Flatten, Gemm, GlobalAveragePool, Identity, MatMul, MaxPool, Pad, Relu, Reshape, "
         "Sigmoid, Softmax, Tanh, Transpose)",
         {"LeakyRelu, com.example.Frob"}},
        {"invalid model",
         [] { // a Conv whose output nothing reads
             OnnxFile f = smallCnn();
             f.nodes.insert(f.nodes.begin(), {"Conv", "dead", {"x", "W"}, {"d"}, {}, {}});
             return file(f);
         },
         "the graph does not make a valid ConvStudio model: 'dead' leads nowhere: connect its "
         "output to a later layer or remove it",
         {"dead"}},
        {"weight NaN",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[0] = floats("W", {4, 1, 3, 3}, std::numeric_limits<float>::quiet_NaN());
             return file(f);
         },
         "weight 'conv.kernel' holds NaN or an infinity: the model is broken",
         {"conv.kernel"}},
        {"class_names count",
         [] {
             OnnxFile f = smallCnn();
             f.metadata = {{"class_names", "[\"cat\", \"dog\", \"bird\"]"}};
             return file(f);
         },
         "metadata_props 'class_names' has 3 names for a model with 10 outputs",
         {"3", "10"}},
        {"class_names not JSON",
         [] {
             OnnxFile f = smallCnn();
             f.metadata = {{"class_names", "[\"cat\", "}};
             return file(f);
         },
         "metadata_props: line 1, column 9: syntax error while parsing value - unexpected end "
         "of input; expected '[', '{', or a literal",
         {"metadata_props"}},
        {"class_names not a list",
         [] {
             OnnxFile f = smallCnn();
             f.metadata = {{"class_names", "5"}};
             return file(f);
         },
         "metadata_props: expected an array, found a number",
         {"metadata_props"}},

        // onnx_graph_import.cpp: tensors.
        {"external data",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[1] = floats("B", {4}) + intField(14, 1);
             return file(f);
         },
         "tensor 'B' keeps its data in an external file: export with the weights inside the "
         ".onnx file",
         {"B"}},
        {"int8 weight",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[1] = tensor("B", {4}, Int8, std::string(4, '\1'));
             return file(f);
         },
         "tensor 'B' has data type 3: only float32 weights (and int64/int32 shapes) are "
         "supported",
         {"B", "3"}},
        {"short raw data",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[1] = tensor("B", {4}, Float, floatBytes({1, 2, 3}));
             return file(f);
         },
         "tensor 'B': 12 bytes of data for 4 floats",
         {"B", "12", "4"}},
        {"negative dimension",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[1] = tensor("B", {-4}, Float, "");
             return file(f);
         },
         "tensor 'B': dimension -4 is invalid",
         {"B", "-4"}},

        // The graph's input and output.
        {"two inputs",
         [] {
             OnnxFile f = smallCnn();
             f.inputs.push_back(valueInfo("x2", {1, 1, 8, 8}));
             return file(f);
         },
         "the graph has 2 inputs besides its weights; ConvStudio imports models with one input "
         "image",
         {"2"}},
        {"input not float",
         [] {
             OnnxFile f = smallCnn();
             f.inputs = {valueInfo("x", {1, 1, 8, 8}, Int64)};
             return file(f);
         },
         "input 'x' is not float32",
         {"x"}},
        {"input shape",
         [] {
             OnnxFile f = smallCnn();
             f.inputs = {valueInfo("x", {1, 8, 8})};
             return file(f);
         },
         "input 'x' has shape [1, 8, 8]: ConvStudio needs (N, C, H, W) with C, H and W fixed, "
         "or (N, features)",
         {"x", "[1, 8, 8]"}},
        {"two outputs",
         [] {
             OnnxFile f = smallCnn();
             f.outputs.push_back("r");
             return file(f);
         },
         "the graph has 2 outputs; ConvStudio imports models with one output",
         {"2"}},
        {"output not last",
         [] {
             OnnxFile f = smallCnn();
             f.outputs = {"r"};
             return file(f);
         },
         "the graph's output 'r' is not made by its last operator, so it cannot be the model's "
         "last layer",
         {"r"}},
        {"output made by nothing",
         [] {
             OnnxFile f = smallCnn();
             f.outputs = {"nowhere"};
             return file(f);
         },
         "the graph's output reads 'nowhere', which no earlier operator makes",
         {"nowhere"}},

        // Nodes: what they read and their attributes.
        {"reads nothing",
         [] { return file(withNode("relu", [](Node& n) { n.inputs = {"ghost"}; })); },
         "Relu 'relu' reads 'ghost', which no earlier operator makes",
         {"Relu 'relu'", "ghost"}},
        {"reads a constant",
         [] { return file(withNode("relu", [](Node& n) { n.inputs = {"B"}; })); },
         "Relu 'relu' takes the constant 'B' where ConvStudio needs a layer's output",
         {"Relu 'relu'", "B"}},
        {"input count",
         [] { return file(withNode("relu", [](Node& n) {
                  n.inputs = {"c", "c"};
              })); },
         "Relu 'relu' has 2 inputs, expected 1",
         {"Relu 'relu'", "2", "1"}},
        {"input count range",
         [] { return file(withNode("conv", [](Node& n) { n.inputs = {"x"}; })); },
         "Conv 'conv' has 1 inputs, expected 2 to 3",
         {"Conv 'conv'", "1", "2", "3"}},
        {"weight not constant",
         [] { return file(withNode("conv", [](Node& n) { n.inputs[1] = "ghost"; })); },
         "Conv 'conv': input 'ghost' must be a constant (an initializer)",
         {"Conv 'conv'", "ghost"}},
        {"grouped conv",
         [] {
             return file(withNode("conv", [](Node& n) { n.attributes = {attrInt("group", 2)}; }));
         },
         "Conv 'conv': grouped convolution (group > 1) is not supported",
         {"Conv 'conv'"}},
        {"auto_pad",
         [] {
             return file(withNode(
                 "conv", [](Node& n) { n.attributes = {attrString("auto_pad", "SAME_LOWER")}; }));
         },
         "Conv 'conv': auto_pad SAME_LOWER is not supported (SAME_UPPER and VALID are)",
         {"Conv 'conv'", "SAME_LOWER"}},
        {"pads",
         [] {
             return file(withNode("conv", [](Node& n) {
                 n.attributes = {attrInts("pads", {2, 2, 2, 2})};
             }));
         },
         "Conv 'conv': pads [2, 2, 2, 2] on a 8x8 input are neither none ('valid') nor "
         "TensorFlow's 'same' [1, 1, 1, 1], the only paddings ConvStudio has",
         {"Conv 'conv'", "[2, 2, 2, 2]", "8", "[1, 1, 1, 1]"}},
        {"dilations",
         [] {
             return file(withNode("conv", [](Node& n) {
                 n.attributes = {attrInts("dilations", {2, 2})};
             }));
         },
         "Conv 'conv': dilations [2, 2] are not supported (only 1)",
         {"Conv 'conv'", "[2, 2]"}},
        {"kernel_shape",
         [] {
             return file(
                 withNode("conv", [](Node& n) { n.attributes = {attrInts("kernel_shape", {3})}; }));
         },
         "Conv 'conv': kernel_shape [3] must be two numbers between 1 and 64",
         {"Conv 'conv'", "kernel_shape", "[3]"}},
        {"conv weight shape",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[0] = floats("W", {4, 3, 3, 3});
             return file(f);
         },
         "Conv 'conv': weight [4, 3, 3, 3] does not fit an input of 1 channels",
         {"Conv 'conv'", "[4, 3, 3, 3]", "1"}},
        {"bias length",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[1] = floats("B", {3});
             return file(f);
         },
         "Conv 'conv' bias has 3 values, expected 4",
         {"Conv 'conv'", "bias", "3", "4"}},
        {"gemm weight shape",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[2] = floats("FW", {10, 100});
             return file(f);
         },
         "Gemm 'fc': weight [10, 100] does not fit 144 inputs",
         {"Gemm 'fc'", "[10, 100]", "144"}},
        {"gemm weight not float",
         [] {
             OnnxFile f = smallCnn();
             f.initializers[2] = int64s("FW", {1, 2});
             return file(f);
         },
         "Gemm 'fc': weight 'FW' is not float32",
         {"Gemm 'fc'", "FW"}},
        {"transA",
         [] {
             return file(
                 withNode("fc", [](Node& n) { n.attributes.push_back(attrInt("transA", 1)); }));
         },
         "Gemm 'fc': transA 1 is not supported",
         {"Gemm 'fc'"}},
        {"layer refuses",
         [] { // a 3x3 kernel on a 2x2 image: the engine's Conv2D says why
             OnnxFile f = smallCnn();
             f.inputs = {valueInfo("x", {1, 1, 2, 2})};
             return file(f);
         },
         "Conv 'conv': conv (Conv2D): the 3x3 kernel is larger than its 2x2 input: use padding "
         "'same', a smaller kernel, or less pooling before it",
         {"Conv 'conv'"}},
        {"ceil_mode",
         [] {
             OnnxFile f = smallCnn();
             f.nodes[1] = {"MaxPool",
                           "pool",
                           {"c"},
                           {"r"},
                           {attrInts("kernel_shape", {4, 4}), attrInts("strides", {3, 3}),
                            attrInt("ceil_mode", 1)},
                           {}};
             return file(f);
         },
         "MaxPool 'pool': ceil_mode 1 adds a partial window here; only floor rounding is "
         "supported",
         {"MaxPool 'pool'"}},
        {"reshape",
         [] {
             OnnxFile f = smallCnn();
             f.initializers.push_back(int64s("S", {1, 4, 36}));
             f.nodes[2] = {"Reshape", "reshape", {"r", "S"}, {"f"}, {}, {}};
             return file(f);
         },
         "Reshape 'reshape': a reshape to [1, 4, 36] is not supported; only flattening each "
         "sample, (N, 144)",
         {"Reshape 'reshape'", "[1, 4, 36]", "144"}},
        {"flatten axis",
         [] {
             return file(withNode("flat", [](Node& n) { n.attributes = {attrInt("axis", 2)}; }));
         },
         "Flatten 'flat': axis 2 is not supported (only 1)",
         {"Flatten 'flat'", "2"}},
        {"softmax axis",
         [] {
             OnnxFile f = smallCnn();
             f.nodes[1] = {"Softmax", "soft", {"c"}, {"r"}, {attrInt("axis", 2)}, {}};
             return file(f);
         },
         "Softmax 'soft': softmax over axis 2 (opset 13) is not supported; only over the "
         "channels",
         {"Softmax 'soft'", "2", "13"}},
        {"flat input",
         [] {
             OnnxFile f = smallCnn();
             f.nodes[2] = {"Relu", "relu2", {"r"}, {"f"}, {}, {}};
             return file(f);
         },
         "Gemm 'fc' needs a flat input (N, features): put a Flatten before it",
         {"Gemm 'fc'"}},
        {"image input",
         [] {
             OnnxFile f = smallCnn();
             f.inputs = {valueInfo("x", {1, 64})};
             return file(f);
         },
         "Conv 'conv' needs an image (N, C, H, W), its input has shape (64,) on ConvStudio's side",
         {"Conv 'conv'", "(64,)"}},
    };
    return all;
}

} // namespace

class OnnxErrorTextTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void brokenFiles_data() {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].tag) << int(i);
    }

    // importOnnx (File > Open / Import in the window) refuses each file with
    // today's English and a text whose parts are translated on their own.
    void brokenFiles() {
        QFETCH(int, index);
        const Case& c = cases()[size_t(index)];
        const std::string dir = cs::test::freshDataFolder("onnx_error_text");
        const std::string path = dir + "/broken model.onnx";
        const std::string bytes = c.bytes();
        std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
        try {
            importOnnx(path);
        } catch (const Error& e) {
            QVERIFY2(dynamic_cast<const FormatError*>(&e), e.what());
            const UserText& text = e.text();
            QCOMPARE(QString::fromStdString(e.what()),
                     QString::fromStdString(path + ": " + c.expected));
            QCOMPARE(QString::fromStdString(text.english()), QString::fromStdString(e.what()));
            QVERIFY2(text.context != nullptr,
                     ("not translatable: " + std::string(e.what())).c_str());
            QVERIFY2(translatedPartsHaveFormats(text), e.what());
            QVERIFY2(pathOutsideFormats(text, path),
                     ("path in a format: " + std::string(e.what())).c_str());
            QVERIFY2(pathIsArgument(text, path),
                     ("path not an argument: " + std::string(e.what())).c_str());
            for (const std::string& value : c.arguments)
                QVERIFY2(isArgument(text, value), ("not an argument: " + value).c_str());
            for (const std::string& name : kNames)
                QVERIFY2(!inFormat(text, name), ("in a format: " + name).c_str());
            // The path is shown as it is, in front.
            QVERIFY(!text.places.empty());
            QCOMPARE(text.places[0].english(), path);
            QVERIFY(text.places[0].context == nullptr);
            return;
        }
        QFAIL("importOnnx accepted the file");
    }
};

CS_REGISTER_TEST(OnnxErrorTextTest)
#include "test_onnx_error_text.moc"
