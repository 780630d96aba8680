// Finite-difference gradient checks of every layer (inputs and parameters),
// including strides and 'same' padding on odd and even sizes, and of whole
// models through the real losses (fused softmax / sigmoid cross-entropy).
#include "tests/engine/layer_test_support.h"
#include "tests/engine/op_coverage.h"
#include "tests/engine/test_registry.h"

#include <QtTest>

using namespace cs;
using namespace cs::test;

namespace {
constexpr double kTolerance = 2e-3;

void expectGood(const GradientCheckResult& r) {
    QVERIFY2(r.checked > 0, "nothing was checked");
    QVERIFY2(r.worstError < kTolerance, qPrintable(QString("worst %1 at %2").arg(r.worstError).arg(QString::fromStdString(r.worstWhere))));
}
} // namespace

class GradientCheckTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { gradientCoverage().noteFunction(); }
    // Every layer type of layerSpecs() has a gradient check here (when the whole class ran).
    void cleanupTestCase() { gradientCoverage().checkEveryLayerType(*this, "a finite-difference gradient check"); }

    void conv2d_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("channels");
        QTest::newRow("valid 3x3 stride 1") << R"({"filters": 3, "kernel_size": 3})" << 6 << 5 << 2;
        QTest::newRow("same 3x3 odd size") << R"({"filters": 2, "kernel_size": 3, "padding": "same"})" << 5 << 5 << 2;
        QTest::newRow("same 3x3 even size stride 2") << R"({"filters": 2, "kernel_size": 3, "strides": 2, "padding": "same"})" << 6 << 6 << 3;
        QTest::newRow("same 2x2 odd size stride 2") << R"({"filters": 2, "kernel_size": 2, "strides": 2, "padding": "same"})" << 7 << 5 << 1;
        QTest::newRow("same 4x4 even size") << R"({"filters": 2, "kernel_size": 4, "padding": "same"})" << 6 << 7 << 2;
        QTest::newRow("valid stride 2x1 kernel 3x2") << R"({"filters": 2, "kernel_size": [3, 2], "strides": [2, 1]})" << 7 << 6 << 2;
        QTest::newRow("pointwise 1x1") << R"({"filters": 4, "kernel_size": 1})" << 4 << 3 << 3;
        // 8+ channels in and out: the direct convolution kernel, forward and input gradient.
        QTest::newRow("same 3x3, 9 channels, 8 filters") << R"({"filters": 8, "kernel_size": 3, "padding": "same", "activation": "tanh"})" << 4 << 5 << 9;
        QTest::newRow("valid 3x3 stride 2, 8 channels") << R"({"filters": 3, "kernel_size": 3, "strides": 2})" << 7 << 6 << 8;
        // 3 channels, windows inside the image sideways: a window row read as one run of 9.
        QTest::newRow("valid 3x3, 3 channels") << R"({"filters": 4, "kernel_size": 3, "activation": "tanh"})" << 6 << 7 << 3;
        // Many channels, valid: a window row read as one run too (32 channels: 96 rows per
        // position, M2's second convolution; 10 channels x 2 columns: 20, not a tile's multiple).
        QTest::newRow("valid 3x3, 32 channels") << R"({"filters": 17, "kernel_size": 3, "activation": "tanh"})" << 5 << 6 << 32;
        // 3x3 at stride 1 with 8+ channels: Winograd's F(2x2, 3x3) forward; with 8+ filters its
        // input gradient too, as a correlation ('same' above; valid here: 12x11 from 10x9, odd tiles).
        QTest::newRow("valid 3x3 Winograd, 8 channels, 9 filters") << R"({"filters": 9, "kernel_size": 3, "activation": "tanh"})" << 12 << 11 << 8;
        QTest::newRow("valid 3x2, 10 channels") << R"({"filters": 5, "kernel_size": [3, 2], "activation": "tanh"})" << 5 << 6 << 10;
        QTest::newRow("no bias, tanh") << R"({"filters": 2, "kernel_size": 3, "use_bias": false, "activation": "tanh"})" << 5 << 5 << 2;
        QTest::newRow("sigmoid + l2") << R"({"filters": 2, "kernel_size": 3, "activation": "sigmoid", "kernel_regularizer": 0.01})" << 5 << 4 << 1;
    }
    void conv2d() {
        QFETCH(QString, config);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, channels);
        auto layer = makeLayer("Conv2D", config.toStdString());
        expectGood(checkLayerGradients(*layer, {{height, width, channels}}, 3, true));
    }

    void dense_data() {
        QTest::addColumn<QString>("config");
        QTest::newRow("linear") << R"({"units": 4})";
        QTest::newRow("relu") << R"({"units": 5, "activation": "relu"})";
        QTest::newRow("softmax") << R"({"units": 4, "activation": "softmax"})";
        QTest::newRow("sigmoid no bias") << R"({"units": 3, "activation": "sigmoid", "use_bias": false})";
        QTest::newRow("l2 regulariser") << R"({"units": 3, "kernel_regularizer": {"class_name": "L2", "config": {"l2": 0.05}}})";
    }
    void dense() {
        QFETCH(QString, config);
        auto layer = makeLayer("Dense", config.toStdString());
        expectGood(checkLayerGradients(*layer, {{7}}, 5, true));
    }

    void pooling_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("size");
        QTest::newRow("max 2x2 valid even") << "MaxPooling2D" << R"({"pool_size": 2})" << 6;
        QTest::newRow("max 2x2 valid odd") << "MaxPooling2D" << R"({"pool_size": 2})" << 5;
        QTest::newRow("max 3x3 stride 2 same odd") << "MaxPooling2D" << R"({"pool_size": 3, "strides": 2, "padding": "same"})" << 7;
        QTest::newRow("max 2x2 same odd") << "MaxPooling2D" << R"({"pool_size": 2, "padding": "same"})" << 5;
        QTest::newRow("avg 2x2 valid") << "AveragePooling2D" << R"({"pool_size": 2})" << 6;
        QTest::newRow("avg 3x3 stride 1 same") << "AveragePooling2D" << R"({"pool_size": 3, "strides": 1, "padding": "same"})" << 5;
        QTest::newRow("avg 2x2 same odd") << "AveragePooling2D" << R"({"pool_size": 2, "padding": "same"})" << 5;
        QTest::newRow("global average") << "GlobalAveragePooling2D" << "{}" << 5;
    }
    void pooling() {
        QFETCH(QString, type);
        QFETCH(QString, config);
        QFETCH(int, size);
        auto layer = makeLayer(type.toStdString(), config.toStdString());
        expectGood(checkLayerGradients(*layer, {{size, size, 3}}, 2, true));
    }

    void batchNormalizationTraining() {
        auto layer = makeLayer("BatchNormalization", "{}");
        expectGood(checkLayerGradients(*layer, {{4, 3, 3}}, 4, true));
    }
    void batchNormalizationDense() {
        auto layer = makeLayer("BatchNormalization", R"({"epsilon": 0.01})");
        expectGood(checkLayerGradients(*layer, {{6}}, 5, true, 1));
    }
    void batchNormalizationInference() {
        auto layer = makeLayer("BatchNormalization", "{}");
        expectGood(checkLayerGradients(*layer, {{3, 3, 2}}, 3, false));
    }
    void dropoutTraining() {
        auto layer = makeLayer("Dropout", R"({"rate": 0.4})");
        expectGood(checkLayerGradients(*layer, {{4, 4, 2}}, 3, true));
    }
    void flattenAndActivations_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("config");
        QTest::newRow("flatten") << "Flatten" << "{}";
        QTest::newRow("tanh") << "Activation" << R"({"activation": "tanh"})";
        QTest::newRow("sigmoid") << "Activation" << R"({"activation": "sigmoid"})";
        QTest::newRow("softmax") << "Activation" << R"({"activation": "softmax"})";
        QTest::newRow("relu") << "Activation" << R"({"activation": "relu"})";
    }
    void flattenAndActivations() {
        QFETCH(QString, type);
        QFETCH(QString, config);
        auto layer = makeLayer(type.toStdString(), config.toStdString());
        expectGood(checkLayerGradients(*layer, {{3, 2, 4}}, 2, true));
    }
    void mergeLayers() {
        auto add = makeLayer("Add", "{}");
        expectGood(checkLayerGradients(*add, {{3, 3, 2}, {3, 3, 2}, {3, 3, 2}}, 2, true));
        auto concat = makeLayer("Concatenate", "{}");
        expectGood(checkLayerGradients(*concat, {{3, 3, 2}, {3, 3, 1}}, 2, true));
    }

    void wholeModelSoftmaxCrossEntropy() {
        Model m = modelFromJson(R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [8, 8, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "padding": "same", "activation": "tanh"}},
            {"class_name": "MaxPooling2D", "config": {}},
            {"class_name": "BatchNormalization", "config": {}},
            {"class_name": "Dropout", "config": {"rate": 0.3}},
            {"class_name": "Conv2D", "config": {"filters": 3, "kernel_size": 2, "strides": 2, "activation": "sigmoid"}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 5, "activation": "softmax", "kernel_regularizer": 0.001}}]})");
        expectGood(checkModelGradients(m, "categorical_crossentropy", 6, 5));
    }
    void wholeModelBinaryAndMse() {
        const char* arch = R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [5, 5, 2]}},
            {"class_name": "Conv2D", "config": {"filters": 3, "kernel_size": 3, "activation": "tanh"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 1, "activation": "sigmoid"}}]})";
        Model binary = modelFromJson(arch);
        expectGood(checkModelGradients(binary, "binary_crossentropy", 5, 2));
        Model mse = modelFromJson(arch);
        expectGood(checkModelGradients(mse, "mse", 5, 2));
    }
    void graphWithSkipConnections() {
        // conv_a feeds both conv_b and the Add: its gradient arrives from two consumers.
        Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
            {"class_name": "InputLayer", "config": {"name": "image", "shape": [6, 6, 2]}},
            {"class_name": "Conv2D", "config": {"name": "conv_a", "filters": 3, "kernel_size": 3, "padding": "same", "activation": "tanh"}, "inbound_nodes": ["image"]},
            {"class_name": "Conv2D", "config": {"name": "conv_b", "filters": 3, "kernel_size": 3, "padding": "same", "activation": "tanh"}, "inbound_nodes": ["conv_a"]},
            {"class_name": "Add", "config": {"name": "skip"}, "inbound_nodes": ["conv_a", "conv_b"]},
            {"class_name": "Conv2D", "config": {"name": "conv_c", "filters": 2, "kernel_size": 1}, "inbound_nodes": ["image"]},
            {"class_name": "Concatenate", "config": {"name": "join"}, "inbound_nodes": ["skip", "conv_c"]},
            {"class_name": "GlobalAveragePooling2D", "config": {"name": "gap"}, "inbound_nodes": ["join"]},
            {"class_name": "Dense", "config": {"name": "out", "units": 3, "activation": "softmax"}, "inbound_nodes": ["gap"]}]})");
        QVERIFY(!m.isChain());
        expectGood(checkModelGradients(m, "sparse_categorical_crossentropy", 4, 3));
    }
    void mergeOfTheSameInputTwice() {
        // Add(a, a) = 2a: both gradient slots of 'a' must add up, not overwrite.
        Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
            {"class_name": "InputLayer", "config": {"name": "in", "shape": [5]}},
            {"class_name": "Dense", "config": {"name": "a", "units": 4, "activation": "tanh"}, "inbound_nodes": ["in"]},
            {"class_name": "Add", "config": {"name": "twice"}, "inbound_nodes": ["a", "a"]},
            {"class_name": "Concatenate", "config": {"name": "again"}, "inbound_nodes": ["twice", "twice"]},
            {"class_name": "Dense", "config": {"name": "out", "units": 3, "activation": "softmax"}, "inbound_nodes": ["again"]}]})");
        expectGood(checkModelGradients(m, "categorical_crossentropy", 4, 3));
    }
    void frozenLayerGetsNoGradient() {
        Model m = modelFromJson(R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [4]}},
            {"class_name": "Dense", "config": {"name": "frozen", "units": 3, "trainable": false}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})");
        m.build(1);
        QCOMPARE(m.trainableParameterCount(), int64_t(8));
        QCOMPARE(m.parameterCount(), int64_t(15 + 8));
        Param* k = &m.findLayer("frozen")->params()[0];
        k->grad.fill(123.0f);
        Tensor input(Shape{2, 4});
        fillRandom(input, 1);
        RunContext ctx;
        ctx.training = true;
        const Tensor& out = m.forward(input, ctx);
        Tensor grad(out.shape());
        grad.fill(0.1f);
        m.backward(grad, ctx, false);
        QCOMPARE(k->grad[0], 123.0f); // untouched: frozen layers compute no weight gradient
    }
};

CS_REGISTER_TEST(GradientCheckTest)
#include "test_gradients.moc"
