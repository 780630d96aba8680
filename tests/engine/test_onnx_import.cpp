// ONNX import checked against its producers: models exported by PyTorch
// (tests/engine/fixtures/onnx, made by make_onnx_fixtures.py with torch's
// outputs beside them; no torch needed here) must give torch's numbers within
// 1e-4; ConvStudio's own exports come back as the same model; unsupported,
// broken, truncated and foreign files are refused by path and problem.
#include "tests/engine/data_test_support.h"
#include "tests/engine/onnx_test_support.h"
#include "tests/engine/random_architecture.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_export.h"
#include "engine/interop/onnx_import.h"
#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QtTest>
#include <filesystem>
#include <fstream>

using namespace cs;
using namespace cs::test;

namespace {

std::string fixture(const std::string& name) {
    return std::string(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/onnx/" + name;
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void writeText(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// NCHW values of the fixture as our NHWC batch.
Tensor nhwcBatch(const Json& ref) {
    const std::vector<int> s = json::asIntVector(json::at(ref, "input_shape"));
    const std::vector<double> v = json::asNumberVector(json::at(ref, "input"));
    const int n = s[0], c = s[1], h = s[2], w = s[3];
    Tensor t(Shape{n, h, w, c});
    for (int b = 0; b < n; ++b)
        for (int ch = 0; ch < c; ++ch)
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    t[((int64_t(b) * h + y) * w + x) * c + ch] = float(v[((size_t(b) * c + ch) * h + y) * w + x]);
    return t;
}

Tensor flat(const Tensor& t) {
    Tensor f(Shape{int(t.size())});
    std::copy(t.data(), t.data() + t.size(), f.data());
    return f;
}

} // namespace

class OnnxImportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pytorchExportsGiveTorchOutputs_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("layers");
        // SimpleCNN: input, 2 x (conv+relu, pool), flatten, fc1+relu, fc2 = 8 layers.
        QTest::newRow("course SimpleCNN") << "simple_cnn" << 8;
        QTest::newRow("residual") << "residual" << 17;
    }
    void pytorchExportsGiveTorchOutputs() {
        QFETCH(QString, name);
        QFETCH(int, layers);
        const Json ref = json::parseFile(fixture(name.toStdString() + ".json"));
        // loadAnyModel: what every CLI command and File > Open use.
        LoadedModel m = loadAnyModel(fixture(name.toStdString() + ".onnx"));
        QCOMPARE(m.model.nodeCount(), layers);
        const Tensor out = predict(m.model, nhwcBatch(ref));
        // softmax(torch's output): SimpleCNN ends in logits, which import turns into probabilities.
        const std::vector<double> expected = json::asNumberVector(json::at(ref, "probabilities"));
        Tensor torch(Shape{int(expected.size())});
        for (size_t i = 0; i < expected.size(); ++i) torch[int64_t(i)] = float(expected[i]);
        const double diff = maxAbsDifference(flat(out), torch);
        qInfo("%s: max |ConvStudio - torch| = %.3g (outputs vary by %.3g across inputs)", qPrintable(name), diff,
              spreadAcrossSamples(out));
        QVERIFY2(diff <= 1e-4, qPrintable(QString("difference %1").arg(diff)));
        QVERIFY(spreadAcrossSamples(out) > 1e-3);
        QCOMPARE(int(m.metadata.classNames.size()), int(out.sampleSize()));
        QCOMPARE(m.metadata.classNames.front(), std::string("0"));
    }

    void simpleCnnLayersAreKerasLayers() {
        LoadedModel m = importOnnx(fixture("simple_cnn.onnx"));
        QCOMPARE(m.model.layer(1).className(), std::string("Conv2D"));
        QCOMPARE(m.model.layer(1).name(), std::string("conv1"));
        QCOMPARE(json::asString(m.model.layer(1).config()["padding"]), std::string("same"));
        QCOMPARE(json::asString(m.model.layer(1).config()["activation"]), std::string("relu")); // fused Relu
        QCOMPARE(m.model.layer(5).className(), std::string("Flatten")); // x.view(-1, ...): a Reshape
        QCOMPARE(m.model.layer(6).findParam("kernel")->value.shape(), (Shape{16 * 8 * 8, 64}));
        QCOMPARE(json::asString(m.model.layer(7).config()["activation"]), std::string("softmax")); // was logits
    }

    // Presets and random graphs exported by ConvStudio come back with the same outputs and metadata.
    void ownExportsRoundTrip() {
        int models = 0;
        double worst = 0;
        auto check = [&](Model& model, const std::string& label) {
            ModelMetadata meta;
            for (int i = 0; i < int(model.outputShape().numel()); ++i) meta.classNames.push_back("class " + std::to_string(i));
            meta.preprocessing.mean = {0.5f};
            meta.preprocessing.std = {0.25f};
            meta.dataset = "CIFAR-10";
            const std::string path = tempDir() + "/" + label + ".onnx";
            exportOnnx(path, model, meta);
            LoadedModel back = importOnnx(path);
            const Tensor batch = randomBatch(model, 3, 9);
            const double diff = maxAbsDifference(flat(predict(model, batch)), flat(predict(back.model, batch)));
            worst = std::max(worst, diff);
            QVERIFY2(diff <= 1e-5, qPrintable(QString::fromStdString(label) + QString(": difference %1").arg(diff)));
            QCOMPARE(back.model.parameterCount(), model.parameterCount());
            QCOMPARE(back.metadata.classNames, meta.classNames);
            QCOMPARE(back.metadata.preprocessing.std, meta.preprocessing.std);
            QCOMPARE(back.metadata.dataset, meta.dataset);
            ++models;
        };
        for (const PresetInfo& p : listPresets()) {
            Model model = loadArchitectureFile(p.path);
            model.build(1);
            randomizeWeights(model, 3);
            check(model, p.name);
            QCOMPARE(importOnnx(tempDir() + "/" + p.name + ".onnx").model.layer(1).name(), model.layer(1).name());
        }
        // TensorFlow's 'same' average pooling with uneven pads: OpenCV 4.6 does not
        // read count_include_pad, so this round trip is what checks it.
        Model pooled = Model::fromJson(json::parse(R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [7, 6, 2]}},
            {"class_name": "AveragePooling2D", "config": {"pool_size": 2, "strides": 2, "padding": "same"}},
            {"class_name": "Conv2D", "config": {"filters": 3, "kernel_size": 2, "strides": 2, "padding": "same"}},
            {"class_name": "AveragePooling2D", "config": {"pool_size": [3, 2], "strides": 1, "padding": "same"}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 4, "activation": "softmax"}}]})"));
        pooled.build(4);
        randomizeWeights(pooled, 4);
        check(pooled, "same_average_pooling");
        for (uint64_t seed = 1; seed <= 40; ++seed) {
            Model model = Model::fromJson(randomArchitecture(seed));
            model.build(seed);
            randomizeWeights(model, seed);
            check(model, "random_" + std::to_string(seed));
        }
        qInfo("%d models exported and imported back: max difference %.3g", models, worst);
        QVERIFY(models >= 49);
    }

    void unsupportedOperatorsAreListed() {
        const std::string path = fixture("unsupported.onnx");
        const std::string msg = thrownMessage<FormatError>([&] { importOnnx(path); });
        QVERIFY2(msg.rfind(path + ": ", 0) == 0, msg.c_str());
        QVERIFY2(msg.find("cannot import: LeakyRelu, Resize (") != std::string::npos, msg.c_str());
    }

    void paddingOtherThanValidOrSameIsRefused() {
        const std::string path = fixture("strided_pad.onnx");
        CS_CHECK_THROWS(FormatError, importOnnx(path), path + ": Conv '/conv/Conv': pads [1, 1, 1, 1] on a 8x8 input",
                        "TensorFlow's 'same' [0, 0, 1, 1]");
    }

    void brokenFilesNameThePathAndTheProblem() {
        const std::string good = fileText(fixture("simple_cnn.onnx"));
        struct Case {
            std::string name, bytes, expected;
        };
        const std::vector<Case> cases{
            {"empty.onnx", "", "the file is empty, not an ONNX model"},
            {"truncated.onnx", good.substr(0, good.size() / 2), "not an ONNX model, or a truncated one"},
            {"text.onnx", "hello, this is not a model\n", "not an ONNX model"},
            // A valid protobuf message that is not a model: a ModelProto field with no graph.
            {"nograph.onnx", std::string("\x08\x07", 2), "not an ONNX model: it has no ir_version or no graph"},
        };
        for (const Case& c : cases) {
            const std::string path = tempDir() + "/" + c.name;
            writeText(path, c.bytes);
            const std::string msg = thrownMessage<FormatError>([&] { loadAnyModel(path); });
            QVERIFY2(msg.rfind(path + ": ", 0) == 0, msg.c_str());
            QVERIFY2(msg.find(c.expected) != std::string::npos, msg.c_str());
        }
    }

    void recognisedByContent() {
        const std::string renamed = tempDir() + "/model.bin";
        std::filesystem::copy_file(fixture("residual.onnx"), renamed, std::filesystem::copy_options::overwrite_existing);
        QVERIFY(looksLikeOnnxFile(renamed));
        QCOMPARE(loadAnyModel(renamed).model.nodeCount(), 17);
        // A safetensors file whose 8-byte header length starts with the byte of an ONNX file.
        Model model = loadArchitectureFile(presetPath("mnist_cnn_architecture"));
        model.build(0);
        const std::string st = tempDir() + "/model.safetensors";
        saveModelFile(st, model, ModelMetadata{}, nullptr);
        std::string bytes = fileText(st);
        QVERIFY(!looksLikeOnnxFile(st));
        bytes[0] = 0x08, bytes[1] = 0x07, bytes[2] = 0x12; // as an ONNX file starts, but '{' at byte 8
        writeText(st, bytes);
        QVERIFY(!looksLikeOnnxFile(st));
        QVERIFY(!looksLikeOnnxFile(presetPath("mnist_cnn_architecture")));
    }
};

CS_REGISTER_TEST(OnnxImportTest)
#include "test_onnx_import.moc"
