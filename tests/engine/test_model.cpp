// Model graph, summary, architecture JSON and .safetensors files: the
// course's own numbers, Keras's parameter counts for every preset, round
// trips, and broken or hostile files.
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"
#include "engine/io/safetensors.h"
#include "engine/layers/conv2d.h"
#include "engine/layers/layer_registry.h"
#include "engine/layers/window_geometry.h"
#include "engine/model/model_file.h"
#include "engine/model/model_summary.h"

#include <QtTest>
#include <fstream>

using namespace cs;
using namespace cs::test;

namespace {
std::string presetPath(const std::string& name) {
    return std::string(CONVSTUDIO_SOURCE_DIR) + "/resources/presets/" + name + ".json";
}

std::string tempFile(const std::string& name) { return tempDir() + "/" + name; }

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

template <class E, class F> QString expectThrow(F&& f) {
    return QString::fromStdString(thrownMessage<E>(std::forward<F>(f)));
}

Model trainedLikeModel(const std::string& preset) {
    Model m = loadArchitectureFile(presetPath(preset));
    m.build(3);
    // Non-trivial values everywhere, including biases and BN statistics.
    uint64_t seed = 1;
    for (Param* p : m.parameters()) fillRandom(p->value, seed++, 0.1f, 0.9f);
    return m;
}
} // namespace

class ModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetParameterCountsEqualKeras_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<qlonglong>("total");
        QTest::addColumn<qlonglong>("trainable");
        // Totals Keras's model.summary() prints for these architectures.
        QTest::newRow("first CNN") << "fashion_mnist_first_cnn" << 423338LL << 423338LL;
        QTest::newRow("kernel lesson") << "mnist_kernel_model" << 121930LL << 121930LL;
        QTest::newRow("architecture lesson") << "mnist_cnn_architecture" << 93322LL << 93322LL;
        // PyTorch's sum(p.numel()) for the course's SimpleCNN: the same layers.
        QTest::newRow("CIFAR-10 SimpleCNN") << "cifar10_simple_cnn" << 2122186LL << 2122186LL;
        QTest::newRow("CIFAR-10 three conv") << "cifar10_three_conv" << 122570LL << 122570LL;
        QTest::newRow("CIFAR-10 same padding") << "cifar10_same_padding" << 620362LL << 620362LL;
        QTest::newRow("batch normalisation") << "fashion_mnist_batchnorm" << 225930LL << 225482LL;
        QTest::newRow("optimised") << "fashion_mnist_optimized" << 422026LL << 421834LL;
        QTest::newRow("cats vs dogs") << "cats_vs_dogs_150" << 3453121LL << 3453121LL;
    }
    void presetParameterCountsEqualKeras() {
        QFETCH(QString, preset);
        QFETCH(qlonglong, total);
        QFETCH(qlonglong, trainable);
        ModelSummary s = summarize(loadArchitectureFile(presetPath(preset.toStdString())));
        QCOMPARE(s.totalParameters, int64_t(total));
        QCOMPARE(s.trainableParameters, int64_t(trainable));
        QCOMPARE(s.nonTrainableParameters, int64_t(total - trainable));
    }

    void summaryRowsLookLikeKeras() {
        ModelSummary s = summarize(loadArchitectureFile(presetPath("mnist_cnn_architecture")));
        QCOMPARE(int(s.rows.size()), 8); // the InputLayer is not listed for a Sequential model
        QCOMPARE(QString::fromStdString(s.rows[0].name), QString("conv2d"));
        QCOMPARE(QString::fromStdString(s.rows[0].outputShape), QString("(None, 26, 26, 32)"));
        QCOMPARE(s.rows[0].parameters, int64_t(320));
        QCOMPARE(QString::fromStdString(s.rows[2].name), QString("conv2d_1"));
        QCOMPARE(QString::fromStdString(s.rows[5].outputShape), QString("(None, 576)"));
        const QString text = QString::fromStdString(s.toText());
        QVERIFY(text.contains("Total params: 93,322"));
        QVERIFY(text.contains("max_pooling2d_1 (MaxPooling2D)"));
    }

    void depthFirstChainEqualsLayerByLayer() {
        // A chain runs depth-first in sub-batches; running each layer over the
        // whole batch must give bit-identical outputs and the same weight
        // gradients up to float summation order (sub-batches split the sums).
        for (int chunks : {1, 2, 3}) {
            Model m = trainedLikeModel("fashion_mnist_batchnorm");
            Model copy = m.clone();
            Tensor input(m.inputShape().withBatch(7));
            fillRandom(input, 3, 0.0f, 1.0f);
            RunContext ctx;
            ctx.training = true;
            ctx.chunks = chunks;
            ctx.seed = 4;
            Tensor viaModel = m.forward(input, ctx);
            Tensor grad(viaModel.shape());
            fillRandom(grad, 8);
            Tensor gradCopy = grad;
            m.backward(grad, ctx, false);

            // The same layer by layer, whole batches.
            std::vector<Tensor> outs(size_t(copy.nodeCount()));
            const Tensor* prev = &input;
            for (int k = 1; k < copy.nodeCount(); ++k) {
                copy.layer(k).forward({prev}, outs[size_t(k)], ctx);
                prev = &outs[size_t(k)];
            }
            for (int64_t i = 0; i < viaModel.size(); ++i) QCOMPARE(viaModel[i], (*prev)[i]);
            std::vector<Tensor> grads(size_t(copy.nodeCount()));
            grads.back() = gradCopy;
            for (int k = copy.nodeCount() - 1; k >= 1; --k) {
                const Tensor* in = k == 1 ? &input : &outs[size_t(k) - 1];
                copy.layer(k).backward({in}, outs[size_t(k)], grads[size_t(k)], {k > 1 ? &grads[size_t(k) - 1] : nullptr},
                                       ctx);
            }
            for (int k = 1; k < m.nodeCount(); ++k)
                for (size_t p = 0; p < m.layer(k).params().size(); ++p) {
                    const Param& a = m.layer(k).params()[p];
                    const Param& b = copy.layer(k).params()[p];
                    if (!a.trainable) continue;
                    for (int64_t i = 0; i < a.grad.size(); ++i)
                        QVERIFY2(std::abs(a.grad[i] - b.grad[i]) <= 1e-5f * (1.0f + std::abs(b.grad[i])),
                                 qPrintable(QString("%1[%2]: %3 vs %4").arg(QString::fromStdString(a.name)).arg(i)
                                                .arg(a.grad[i]).arg(b.grad[i])));
                }
        }
    }

    void streamingInferenceEqualsKeptActivations() {
        // Inference streams sub-batches through small buffers unless activations
        // are kept (feature maps): the outputs must be the same to the bit.
        for (const char* preset : {"fashion_mnist_first_cnn", "fashion_mnist_batchnorm"}) {
            Model m = trainedLikeModel(preset);
            Tensor input(m.inputShape().withBatch(9));
            fillRandom(input, 6, 0.0f, 1.0f);
            for (int chunks : {1, 2}) {
                RunContext kept;
                kept.chunks = chunks;
                kept.keepActivations = true;
                Tensor a = m.forward(input, kept);
                QCOMPARE(m.nodeOutput(1).shape().withoutBatch(), m.inferShapes()[1]); // a feature map, kept
                RunContext streamed;
                streamed.chunks = chunks;
                Tensor b = m.forward(input, streamed);
                for (int64_t i = 0; i < a.size(); ++i) QCOMPARE(b[i], a[i]);
            }
        }
        // In the first CNN the first convolution's maps stay in per-thread buffers.
        Model m = trainedLikeModel("fashion_mnist_first_cnn");
        Tensor input(m.inputShape().withBatch(3));
        m.forward(input, RunContext{});
        const QString err = expectThrow<ShapeError>([&] { m.nodeOutput(1); });
        QVERIFY2(err.contains("keepActivations"), qPrintable(err));
    }

    void courseMaxPoolingExample() {
        // "Capa de pooling": 4x4 input, 2x2 window, stride 2 -> [[6, 4], [9, 6]].
        auto pool = makeLayer("MaxPooling2D", R"({"pool_size": [2, 2], "strides": 2})");
        Rng rng(0);
        pool->build({{4, 4, 1}}, rng);
        Tensor in(Shape{1, 4, 4, 1});
        const float values[] = {1, 3, 2, 4, 5, 6, 1, 2, 8, 9, 4, 1, 3, 7, 5, 6};
        std::copy(std::begin(values), std::end(values), in.data());
        Tensor out;
        pool->forward({&in}, out, RunContext{});
        QCOMPARE(out.shape(), (Shape{1, 2, 2, 1}));
        QCOMPARE(out[0], 6.0f);
        QCOMPARE(out[1], 4.0f);
        QCOMPARE(out[2], 9.0f);
        QCOMPARE(out[3], 6.0f);
    }

    void coursePaddingAndStrideSizes() {
        // "Padding y Strides": a 5x5 input and a 3x3 kernel.
        auto shapeOf = [](const char* config) {
            return makeLayer("Conv2D", config)->outputShape({{5, 5, 1}});
        };
        QCOMPARE(shapeOf(R"({"filters": 1, "kernel_size": 3, "padding": "valid"})"), (Shape{3, 3, 1}));
        QCOMPARE(shapeOf(R"({"filters": 1, "kernel_size": 3, "padding": "same"})"), (Shape{5, 5, 1}));
        QCOMPARE(shapeOf(R"({"filters": 1, "kernel_size": 3, "strides": 2, "padding": "valid"})"), (Shape{2, 2, 1}));
        // TensorFlow puts the odd padding row/column after: 6 wide, k 3, s 2 -> pad 0 before, 1 after.
        WindowAxis a = windowAxis(6, 3, 2, true);
        QCOMPARE(a.out, 3);
        QCOMPARE(a.padBefore, 0);
        QCOMPARE(a.padAfter, 1);
        WindowAxis b = windowAxis(5, 4, 1, true);
        QCOMPARE(b.padBefore, 1);
        QCOMPARE(b.padAfter, 2);
    }

    void convolutionKnownValues() {
        // One 3x3 kernel of ones on a 4x4 ramp, 'same': each output is the sum of its
        // neighbourhood, zero outside (values worked out by hand).
        auto conv = makeLayer("Conv2D", R"({"filters": 1, "kernel_size": 3, "padding": "same", "use_bias": false})");
        Rng rng(0);
        conv->build({{4, 4, 1}}, rng);
        conv->params()[0].value.fill(1.0f);
        Tensor in(Shape{1, 4, 4, 1});
        for (int i = 0; i < 16; ++i) in[i] = float(i);
        Tensor out;
        conv->forward({&in}, out, RunContext{});
        const float expected[] = {10, 18, 24, 18, 27, 45, 54, 39, 51, 81, 90, 63, 42, 66, 72, 50};
        for (int i = 0; i < 16; ++i) QCOMPARE(out[i], expected[i]);
    }

    // Winograd's F(2x2, 3x3) for 3x3 stride-1 layers over 8+ channels, but not for a
    // kernel so wide that its transform (16/9 of it, more per thread in training)
    // would weigh more than the layer itself is worth.
    void winogradOnlyForModestThreeByThreeLayers() {
        Rng rng(0);
        auto usesWinograd = [&](const std::string& config, Shape input) {
            auto layer = makeLayer("Conv2D", config);
            layer->build({input}, rng);
            return dynamic_cast<const Conv2D&>(*layer).forwardIsWinograd();
        };
        QVERIFY(usesWinograd(R"({"filters": 32, "kernel_size": 3, "padding": "same"})", {14, 14, 64}));
        QVERIFY(!usesWinograd(R"({"filters": 32, "kernel_size": 3, "strides": 2})", {14, 14, 64}));
        QVERIFY(!usesWinograd(R"({"filters": 32, "kernel_size": 5})", {14, 14, 64}));
        QVERIFY(!usesWinograd(R"({"filters": 64, "kernel_size": 3})", {28, 28, 3}));
        QVERIFY(usesWinograd(R"({"filters": 1024, "kernel_size": 3})", {3, 3, 1024}));
        QVERIFY(!usesWinograd(R"({"filters": 1025, "kernel_size": 3})", {3, 3, 1024}));
    }

    void shapeErrorsSpeakPlainly() {
        const QString dense = expectThrow<ShapeError>([] {
            Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [28, 28, 1]}},
                {"class_name": "Dense", "config": {"units": 10}}]})");
            m.inferShapes();
        });
        QVERIFY2(dense.contains("insert a Flatten"), qPrintable(dense));
        QVERIFY2(dense.contains("dense (Dense)"), qPrintable(dense));
        const QString tooSmall = expectThrow<ShapeError>([] {
            Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4, 4, 1]}},
                {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 5}}]})");
            m.inferShapes();
        });
        QVERIFY2(tooSmall.contains("larger than its 4x4 input"), qPrintable(tooSmall));
        const QString unknown = expectThrow<ConfigError>([] { makeLayer("Conv2D", R"({"filter": 3})"); });
        QVERIFY2(unknown.contains("unknown attribute 'filter'"), qPrintable(unknown));
        const QString range = expectThrow<ConfigError>([] { makeLayer("Dropout", R"({"rate": 1.5})"); });
        QVERIFY2(range.contains("rate") && range.contains("between"), qPrintable(range));
        const QString type =
            expectThrow<ConfigError>([] { createLayer("Conv3D", Json::object()); });
        QVERIFY2(type.contains("unknown layer type 'Conv3D'"), qPrintable(type));
    }

    void kerasStyleArchitectureIsAccepted() {
        // Keras 2 writes input_shape on the first layer and kernel_size as an int.
        Model m = modelFromJson(R"({"layers": [
            {"class_name": "Conv2D", "config": {"filters": 32, "kernel_size": 3, "activation": "relu", "input_shape": [28, 28, 1], "dtype": "float32"}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]})");
        QCOMPARE(m.nodeCount(), 4);
        QCOMPARE(m.inputShape(), (Shape{28, 28, 1}));
        QCOMPARE(m.outputShape(), (Shape{10}));
    }

    void unsupportedKerasOptionsAreRefused() {
        const QString dilated = expectThrow<ConfigError>([] {
            makeLayer("Conv2D", R"({"filters": 2, "dilation_rate": [2, 2]})");
        });
        QVERIFY2(dilated.contains("dilation_rate") && dilated.contains("not supported"), qPrintable(dilated));
        const QString l1 = expectThrow<ConfigError>([] {
            makeLayer("Dense", R"({"units": 2, "kernel_regularizer": {"class_name": "L1L2", "config": {"l1": 0.5, "l2": 0.01}}})");
        });
        QVERIFY2(l1.contains("only L2"), qPrintable(l1));
        // Keras's defaults for those keys are fine.
        QVERIFY(makeLayer("Conv2D", R"({"filters": 2, "dilation_rate": [1, 1], "groups": 1, "data_format": "channels_last"})"));
        QVERIFY(makeLayer("BatchNormalization", R"({"axis": [3], "center": true, "scale": true})"));
    }
    void kerasNestedInboundNodes() {
        Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
            {"class_name": "InputLayer", "config": {"name": "in", "shape": [4]}},
            {"class_name": "Dense", "config": {"name": "a", "units": 2}, "inbound_nodes": [[["in", 0, 0, {}]]]},
            {"class_name": "Dense", "config": {"name": "b", "units": 2}, "inbound_nodes": [[["in", 0, 0, {}]]]},
            {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}]})");
        QCOMPARE(m.inputsOf(3).size(), size_t(2));
        QCOMPARE(QString::fromStdString(m.layer(m.inputsOf(3)[1]).name()), QString("b"));
    }

    void architectureRoundTrip() {
        for (const char* preset : {"fashion_mnist_first_cnn", "fashion_mnist_batchnorm", "cats_vs_dogs_150"}) {
            Model m = loadArchitectureFile(presetPath(preset));
            const std::string path = tempFile(std::string(preset) + ".json");
            saveArchitectureFile(path, m);
            Model back = loadArchitectureFile(path);
            QCOMPARE(back.toJson(), m.toJson());
        }
    }

    void anArchitectureWrittenWithAByteOrderMarkOpens() {
        // Windows editors (Notepad) start UTF-8 files with EF BB BF.
        const std::string plain = tempFile("bom_source.json");
        saveArchitectureFile(plain, loadArchitectureFile(presetPath("mnist_cnn_architecture")));
        std::ifstream in(plain, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string withBom = tempFile("bom.json");
        std::ofstream(withBom, std::ios::binary) << "\xEF\xBB\xBF" << text;
        const LoadedModel m = loadAnyModel(withBom);
        QCOMPARE(m.model.toJson(), loadArchitectureFile(plain).toJson());
    }

    void safetensorsRoundTripKeepsOutputs_data() {
        QTest::addColumn<QString>("preset");
        QTest::newRow("first CNN") << "fashion_mnist_first_cnn";
        QTest::newRow("batch normalisation") << "fashion_mnist_batchnorm";
        QTest::newRow("CIFAR-10") << "cifar10_same_padding";
    }
    void safetensorsRoundTripKeepsOutputs() {
        QFETCH(QString, preset);
        Model m = trainedLikeModel(preset.toStdString());
        Adam adam;
        NamedParams named;
        for (int k = 0; k < m.nodeCount(); ++k)
            for (Param& p : m.layer(k).params())
                if (p.trainable) {
                    p.grad.fill(0.01f);
                    named.emplace_back(m.layer(k).name() + "." + p.name, &p);
                }
        adam.step(named);
        ModelMetadata meta;
        meta.classNames = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        meta.preprocessing.mean = {0.5f};
        meta.preprocessing.std = {0.25f};
        meta.dataset = "test";
        const std::string path = tempFile(preset.toStdString() + ".safetensors");
        saveModelFile(path, m, meta, &adam);

        LoadedModel back = loadModelFile(path);
        QCOMPARE(back.metadata.classNames, meta.classNames);
        QCOMPARE(back.metadata.preprocessing.mean, meta.preprocessing.mean);
        QCOMPARE(back.metadata.preprocessing.std, meta.preprocessing.std);
        QVERIFY(back.optimizer);
        QCOMPARE(back.optimizer->iterations, int64_t(1));
        QCOMPARE(back.optimizer->slots().size(), adam.slots().size());
        Tensor input(m.inputShape().withBatch(3));
        fillRandom(input, 5, 0.0f, 1.0f);
        RunContext ctx;
        Tensor a = m.forward(input, ctx);
        Tensor b = back.model.forward(input, ctx);
        for (int64_t i = 0; i < a.size(); ++i) QCOMPARE(b[i], a[i]); // bit-identical
    }

    void everyLayerTypeSurvivesSaveAndLoad() {
        // One graph with every layer type: configs and outputs come back identical.
        Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
            {"class_name": "InputLayer", "config": {"name": "in", "shape": [9, 8, 3]}},
            {"class_name": "Conv2D", "config": {"name": "c1", "filters": 4, "kernel_size": [3, 2], "strides": [2, 1], "padding": "same", "activation": "tanh", "kernel_regularizer": 0.01}, "inbound_nodes": ["in"]},
            {"class_name": "BatchNormalization", "config": {"name": "bn", "momentum": 0.9, "epsilon": 0.01}, "inbound_nodes": ["c1"]},
            {"class_name": "Activation", "config": {"name": "act", "activation": "relu"}, "inbound_nodes": ["bn"]},
            {"class_name": "MaxPooling2D", "config": {"name": "maxp", "pool_size": 2, "strides": 1, "padding": "same"}, "inbound_nodes": ["act"]},
            {"class_name": "AveragePooling2D", "config": {"name": "avgp", "pool_size": 2, "strides": 1, "padding": "same"}, "inbound_nodes": ["act"]},
            {"class_name": "Add", "config": {"name": "add"}, "inbound_nodes": ["maxp", "avgp"]},
            {"class_name": "Concatenate", "config": {"name": "cat"}, "inbound_nodes": ["add", "act"]},
            {"class_name": "Dropout", "config": {"name": "drop", "rate": 0.25}, "inbound_nodes": ["cat"]},
            {"class_name": "GlobalAveragePooling2D", "config": {"name": "gap"}, "inbound_nodes": ["drop"]},
            {"class_name": "Dense", "config": {"name": "d1", "units": 6, "activation": "sigmoid", "use_bias": false}, "inbound_nodes": ["gap"]},
            {"class_name": "Flatten", "config": {"name": "flat"}, "inbound_nodes": ["d1"]},
            {"class_name": "Dense", "config": {"name": "out", "units": 3, "activation": "softmax", "trainable": false}, "inbound_nodes": ["flat"]}]})");
        m.build(9);
        uint64_t seed = 1;
        for (Param* p : m.parameters()) fillRandom(p->value, seed++, 0.1f, 0.9f);
        const std::string path = tempFile("all-layers.safetensors");
        saveModelFile(path, m, ModelMetadata{{"x", "y", "z"}, {}, "", {}}, nullptr);
        LoadedModel back = loadModelFile(path);
        QCOMPARE(back.model.toJson(), m.toJson());
        QCOMPARE(back.model.trainableParameterCount(), m.trainableParameterCount());
        Tensor input(m.inputShape().withBatch(2));
        fillRandom(input, 4);
        RunContext ctx;
        Tensor a = m.forward(input, ctx);
        Tensor b = back.model.forward(input, ctx);
        for (int64_t i = 0; i < a.size(); ++i) QCOMPARE(b[i], a[i]);
    }

    void safetensorsLayoutFollowsKeras() {
        Model m = trainedLikeModel("fashion_mnist_first_cnn");
        const std::string path = tempFile("layout.safetensors");
        saveModelFile(path, m, ModelMetadata{{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, {}, "", {}}, nullptr);
        SafetensorsContent c = readSafetensors(path);
        QCOMPARE(c.find("conv2d.kernel")->shape(), (Shape{3, 3, 1, 64}));
        QCOMPARE(c.find("conv2d.bias")->shape(), (Shape{64}));
        QCOMPARE(c.find("dense.kernel")->shape(), (Shape{1568, 256}));
        QCOMPARE(c.find("dense_1.kernel")->shape(), (Shape{256, 10}));
        QCOMPARE(QString::fromStdString(c.metadata.at("format")), QString("convstudio-model"));
        QVERIFY(c.metadata.count("architecture"));
        // The header length is the first 8 bytes, little-endian, and data starts 8-aligned.
        const std::string bytes = readWholeFile(path, 1 << 30);
        uint64_t n = 0;
        for (int i = 0; i < 8; ++i) n |= uint64_t(uint8_t(bytes[size_t(i)])) << (8 * i);
        QCOMPARE((8 + n) % 8, uint64_t(0));
        QCOMPARE(bytes[8], '{');
    }

    void brokenModelFilesFailClearly() {
        Model m = trainedLikeModel("mnist_cnn_architecture");
        const std::string good = tempFile("good.safetensors");
        saveModelFile(good, m, ModelMetadata{{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, {}, "", {}}, nullptr);
        const std::string bytes = readWholeFile(good, 1 << 30);

        struct Case {
            const char* name;
            std::string content;
            const char* expected;
        };
        std::string hostile = bytes;
        for (int i = 0; i < 8; ++i) hostile[size_t(i)] = char(0xff); // header length 2^64-1
        std::string bigHeader = bytes;
        bigHeader[7] = 0x01; // 2^56 bytes
        std::string badJson = bytes;
        badJson[9] = '!';
        std::string wrongShape = bytes;
        const size_t at = wrongShape.find("[3,3,1,32]");
        QVERIFY(at != std::string::npos);
        wrongShape.replace(at, 10, "[3,3,2,16]");
        const std::vector<Case> cases{
            {"empty", "", "too short"},
            {"tiny", "abc", "too short"},
            {"truncated", bytes.substr(0, bytes.size() / 2), "fall outside"},
            {"hostile length", hostile, "does not fit"},
            {"huge header", bigHeader, "does not fit"},
            {"bad json", badJson, "not valid JSON"},
            {"header only", bytes.substr(0, 400), "does not fit"},
            {"shape mismatch", wrongShape, "conv2d.kernel"},
        };
        for (const Case& c : cases) {
            const std::string path = tempFile(std::string("broken-") + c.name + ".safetensors");
            writeBytes(path, c.content);
            const QString msg = expectThrow<Error>([&] { loadModelFile(path); });
            QVERIFY2(msg.contains(QString::fromStdString(path)), qPrintable(QString(c.name) + ": " + msg));
            QVERIFY2(msg.contains(c.expected), qPrintable(QString(c.name) + ": " + msg));
        }
        const QString missing = expectThrow<IoError>([&] { loadModelFile(tempFile("no-such.safetensors")); });
        QVERIFY2(missing.contains("cannot open"), qPrintable(missing));
    }

    void saveIsAtomic() {
        // A failed save leaves the previous file intact and no temporary behind.
        const std::string path = tempFile("atomic.txt");
        writeFileAtomically(path, {"first version"});
        QCOMPARE(QString::fromStdString(readWholeFile(path, 100)), QString("first version"));
        const QString err = expectThrow<IoError>([] { writeFileAtomically("/proc/no-such-dir/x", {"data"}); });
        QVERIFY2(err.contains("/proc/no-such-dir/x"), qPrintable(err));
        writeFileAtomically(path, {"second ", "version"});
        QCOMPARE(QString::fromStdString(readWholeFile(path, 100)), QString("second version"));
        QDir dir(QString::fromStdString(tempDir()));
        QVERIFY(dir.entryList({".atomic.txt.convstudio-tmp-*"}, QDir::Hidden | QDir::Files).isEmpty());
    }

    void graphValidation() {
        const QString dangling = expectThrow<ConfigError>([] {
            modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},
                {"class_name": "Dense", "config": {"units": 2}, "inbound_nodes": ["nowhere"]}]})");
        });
        QVERIFY2(dangling.contains("'nowhere'"), qPrintable(dangling));
        const QString addOne = expectThrow<ConfigError>([] {
            modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},
                {"class_name": "Add", "config": {}}]})");
        });
        QVERIFY2(addOne.contains("takes 2 or more input"), qPrintable(addOne));
        const QString deadEnd = expectThrow<ShapeError>([] {
            Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
                {"class_name": "InputLayer", "config": {"name": "in", "shape": [4]}},
                {"class_name": "Dense", "config": {"name": "a", "units": 2}, "inbound_nodes": ["in"]},
                {"class_name": "Dense", "config": {"name": "b", "units": 2}, "inbound_nodes": ["in"]}]})");
            m.build(0);
        });
        QVERIFY2(deadEnd.contains("'a' leads nowhere"), qPrintable(deadEnd));
    }

    void everyLayerTypeHasMetadata() {
        for (const LayerSpec& s : layerSpecs()) {
            QVERIFY(!s.description.empty());
            QVERIFY(!s.category.empty());
            // Defaults must pass the layer's own validation.
            QVERIFY(s.create(completeConfig(s, Json::object())) != nullptr);
        }
    }
};

CS_REGISTER_TEST(ModelTest)
#include "test_model.moc"
