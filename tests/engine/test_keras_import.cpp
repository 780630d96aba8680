// Keras import (engine/interop/keras_import.h): the committed fixtures of
// tests/engine/fixtures/keras (written by make_keras_fixtures.py in Keras's own
// HDF5 layout, expected outputs computed there with PyTorch) load through
// loadAnyModel() and compute the same outputs within 1e-4; to_json documents
// (Keras 2 and 3) give the same graph; broken, truncated, weights-only and
// unsupported files are refused with a message that starts with the path.
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/interop/keras_import.h"
#include "engine/io/json.h"
#include "engine/model/model_file.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

using cs::Json;
namespace json = cs::json;

namespace {

std::string fixture(const std::string& name) {
    return std::string(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/" + name;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

#define EXPECT_CONTAINS(message, part)                                                             \
    do {                                                                                           \
        const std::string m_ = (message);                                                          \
        QVERIFY2(contains(m_, part), ("message was: " + m_).c_str());                              \
    } while (false)

// The message of the engine error f throws, or "<no error>".
template <class E = cs::Error> std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "<no error>";
}

// Largest |ConvStudio - PyTorch| over the fixture's inputs.
double maxDifference(cs::Model& model, const std::string& expectedFile) {
    const Json expected = json::parseFile(expectedFile);
    const int count = json::asInt(json::at(expected, "count"));
    std::vector<int> dims{count};
    for (int d : json::asIntVector(json::at(expected, "input_shape")))
        dims.push_back(d);
    cs::Tensor input{cs::Shape(dims)};
    const std::vector<double> in = json::asNumberVector(json::at(expected, "inputs"));
    const std::vector<double> out = json::asNumberVector(json::at(expected, "outputs"));
    if (int64_t(in.size()) != input.size()) throw std::runtime_error("bad fixture inputs");
    for (int64_t i = 0; i < input.size(); ++i)
        input[i] = float(in[size_t(i)]);
    const cs::Tensor& got = model.forward(input, cs::RunContext{});
    if (int64_t(out.size()) != got.size())
        throw std::runtime_error("output size differs from the fixture");
    double worst = 0;
    for (int64_t i = 0; i < got.size(); ++i)
        worst = std::max(worst, std::abs(double(got[i]) - out[size_t(i)]));
    return worst;
}

// The architecture without the parts a Keras file cannot fix (the model name).
Json layersOf(const cs::Model& m) {
    return m.toJson()["layers"];
}

void copyPrefix(const std::string& from, const std::string& to, double fraction) {
    std::ifstream in(from, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(to, std::ios::binary)
        .write(bytes.data(), std::streamsize(double(bytes.size()) * fraction));
}

} // namespace

class KerasImportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void courseCheckpointComputesKerasOutputs() {
        cs::LoadedModel m = cs::loadAnyModel(fixture("mejor_modelo.h5"));
        QCOMPARE(m.model.nodeCount(), 13); // the InputLayer and the 12 layers of the course
        QCOMPARE(m.model.parameterCount(), int64_t(422026));
        QCOMPARE(m.model.trainableParameterCount(), int64_t(421834));
        const double diff = maxDifference(m.model, fixture("mejor_modelo_expected.json"));
        qInfo("mejor_modelo.h5: max |ConvStudio - PyTorch| = %.3g", diff);
        QVERIFY2(diff <= 1e-4, std::to_string(diff).c_str());
        // What Keras keeps of compile(): the loss and Adam's learning rate.
        QCOMPARE(json::getString(m.metadata.training, "loss", ""),
                 std::string("categorical_crossentropy"));
        QVERIFY(m.optimizer);
        QCOMPARE(m.optimizer->className(), std::string("Adam"));
        QVERIFY(std::abs(m.optimizer->learningRate - 1e-3) < 1e-9);
        // No class names in a Keras file: indices, one per output unit.
        QCOMPARE(int(m.metadata.classNames.size()), 10);
        QCOMPARE(m.metadata.classNames[9], std::string("9"));
    }

    void functionalGraphComputesKerasOutputs() {
        cs::LoadedModel m = cs::loadAnyModel(fixture("functional.h5"));
        QVERIFY(!m.model.isChain());
        QCOMPARE(m.model.layer(m.model.nodeCount() - 1).name(), std::string("dense"));
        const int add = m.model.findNode("add");
        QVERIFY(add > 0);
        QCOMPARE(int(m.model.inputsOf(add).size()), 2);
        const double diff = maxDifference(m.model, fixture("functional_expected.json"));
        qInfo("functional.h5: max |ConvStudio - PyTorch| = %.3g", diff);
        QVERIFY2(diff <= 1e-4, std::to_string(diff).c_str());
        // The L2 factor of Keras's serialised regularizer.
        QCOMPARE(json::asNumber(m.model.findLayer("dense")->config()["kernel_regularizer"]), 0.001);
    }

    void toJsonDocumentsGiveTheSameGraph() {
        const cs::LoadedModel h5 = cs::loadAnyModel(fixture("mejor_modelo.h5"));
        const cs::LoadedModel doc = cs::loadAnyModel(fixture("mejor_modelo.json"));
        QVERIFY(!doc.model.isBuilt());            // an architecture: no weights
        QVERIFY(doc.metadata.classNames.empty()); // so commands that need weights refuse it
        QCOMPARE(json::dump(layersOf(doc.model)), json::dump(layersOf(h5.model)));
        const cs::LoadedModel functional = cs::loadAnyModel(fixture("functional.h5"));
        for (const char* name : {"functional.json", "functional_keras3.json"}) {
            const cs::LoadedModel m = cs::loadAnyModel(fixture(name));
            QVERIFY2(json::dump(layersOf(m.model)) == json::dump(layersOf(functional.model)), name);
        }
    }

    void ownArchitecturesStayOurs() {
        // Our architecture also has a top-level class_name; "layers" at the top tells it apart.
        Json ours = json::parseFile(std::string(CONVSTUDIO_SOURCE_DIR) +
                                    "/resources/presets/fashion_mnist_first_cnn.json");
        QVERIFY(!cs::isKerasModelJson(ours));
        QVERIFY(cs::isKerasModelJson(json::parseFile(fixture("functional_keras3.json"))));
    }

    void unsupportedLayersAreListedAndNothingLoads() {
        const std::string path = fixture("unsupported.h5");
        const std::string m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(path); });
        QVERIFY2(m.rfind(path + ": not supported by ConvStudio: ", 0) == 0, m.c_str());
        EXPECT_CONTAINS(m, "layer 'conv2d' (Conv2D): Conv2D attribute 'dilation_rate' = [2,2]");
        EXPECT_CONTAINS(m, "layer 'leaky_re_lu' (LeakyReLU): not a layer type ConvStudio has");
        EXPECT_CONTAINS(m, "layer 'conv2d_transpose' (Conv2DTranspose)");
    }

    void unsupportedOptionsInJsonAreListed() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/model.json";
        std::ofstream(path) << R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
            {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": 3,
             "batch_input_shape": [null, null, null, 3], "activation": "elu"}},
            {"class_name": "GlobalAveragePooling2D", "config": {"name": "g", "keepdims": true}},
            {"class_name": "Dense", "config": {"name": "d", "units": 2, "kernel_regularizer":
             {"class_name": "L1", "config": {"l1": 0.01}}}}]}})";
        const std::string m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(path); });
        QVERIFY2(m.rfind(path + ": not supported by ConvStudio: ", 0) == 0, m.c_str());
        EXPECT_CONTAINS(m, "layer 'c' (Conv2D): Conv2D attribute 'activation' must be one of");
        EXPECT_CONTAINS(m, "has a free size (None)");
        EXPECT_CONTAINS(m, "layer 'g' (GlobalAveragePooling2D): 'keepdims' = true");
        EXPECT_CONTAINS(m, "layer 'd' (Dense): Dense attribute 'kernel_regularizer': only L2");
    }

    void kerasTwoZeroSequentialAndGraphProblems() {
        // Keras 2.0: the config is the bare list, input shape on the first layer.
        const Json old = json::parse(R"({"class_name": "Sequential", "config": [
            {"class_name": "Flatten", "config": {"name": "f", "batch_input_shape": [null, 4, 4, 1]}},
            {"class_name": "Dense", "config": {"name": "d", "units": 3, "activation": "softmax"}}]})");
        cs::Model m = cs::Model::fromJson(cs::architectureFromKeras(old));
        QCOMPARE(m.nodeCount(), 3);
        QCOMPARE(m.layer(0).name(), std::string("f_input"));
        QCOMPARE(m.inputShape().toString(), std::string("(4, 4, 1)"));

        const Json shared = json::parse(R"({"class_name": "Functional", "config": {"name": "m",
            "layers": [
              {"class_name": "InputLayer", "name": "i", "config": {"name": "i", "batch_input_shape": [null, 4]}, "inbound_nodes": []},
              {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 4}, "inbound_nodes": [[["i", 0, 0, {}]], [["d", 0, 0, {}]]]},
              {"class_name": "Sequential", "name": "base", "config": {"name": "base", "layers": []}, "inbound_nodes": [[["d", 1, 0, {}]]]}],
            "input_layers": [["i", 0, 0]], "output_layers": [["base", 0, 0]]}})");
        const std::string e = errorOf<cs::FormatError>([&] { cs::architectureFromKeras(shared); });
        EXPECT_CONTAINS(e,
                        "layer 'd' (Dense): is called 2 times (shared layers are not supported)");
        EXPECT_CONTAINS(e, "layer 'base' (Sequential): a model inside the model");

        const Json never =
            json::parse(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
            {"class_name": "Dense", "config": {"name": "d", "units": 3}}]}})");
        EXPECT_CONTAINS(errorOf<cs::FormatError>([&] { cs::architectureFromKeras(never); }),
                        "the Sequential model has no input shape");
    }

    void brokenFilesNameThePathAndTheProblem() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();

        const std::string truncated = d + "/mejor_modelo.h5";
        copyPrefix(fixture("mejor_modelo.h5"), truncated, 0.5);
        std::string m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(truncated); });
        QVERIFY2(m.rfind(truncated + ": ", 0) == 0, m.c_str());
        EXPECT_CONTAINS(m, "truncated or damaged");

        const std::string tiny = d + "/tiny.h5"; // the signature and little else
        copyPrefix(fixture("functional.h5"), tiny, 0.001);
        m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(tiny); });
        QVERIFY2(m.rfind(tiny + ": ", 0) == 0, m.c_str());
        EXPECT_CONTAINS(m, "truncated or damaged");

        const std::string text = d + "/notes.h5";
        std::ofstream(text) << "not a model\n";
        m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(text); });
        QCOMPARE(QString::fromStdString(m),
                 QString::fromStdString(text +
                                        ": not an HDF5 file (no HDF5 signature): a Keras .h5 "
                                        "model is an HDF5 file"));

        m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(fixture("weights_only.h5")); });
        QVERIFY2(m.rfind(fixture("weights_only.h5") + ": no 'model_config' attribute", 0) == 0,
                 m.c_str());

        m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(fixture("wrong_shape.h5")); });
        QCOMPARE(QString::fromStdString(m),
                 QString::fromStdString(fixture("wrong_shape.h5") +
                                        ": weight 'model_weights/dense/dense/kernel:0' has shape "
                                        "(12, 6), the architecture needs (12, 5)"));

        // 20 bytes of functional.h5 changed: libhdf5 itself reads out of bounds
        // (H5HG_read) on it. Read in a child process, the crash is a message.
        m = errorOf<cs::FormatError>([&] { cs::loadAnyModel(fixture("damaged_heap.h5")); });
        QVERIFY2(m.rfind(fixture("damaged_heap.h5") +
                             ": cannot be read as HDF5: the file is "
                             "truncated or damaged (the HDF5 library crashed",
                         0) == 0,
                 m.c_str());

        const std::string keras3 = d + "/model.keras";
        std::ofstream(keras3) << "PK\x03\x04";
        EXPECT_CONTAINS(errorOf<cs::FormatError>([&] { cs::loadAnyModel(keras3); }),
                        keras3 + ": a Keras 3 .keras archive is not supported");
    }
};

CS_REGISTER_TEST(KerasImportTest)
#include "test_keras_import.moc"
