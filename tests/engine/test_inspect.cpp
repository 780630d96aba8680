// Tests of what the Inspect and Classify pages compute (engine/inspect):
// Grad-CAM's gradients against finite differences and against CAM's closed
// form, feature maps against the model's own output, kernel images and
// histograms, and classifying files and folders (with a broken file) to CSV.
#include "engine/core/errors.h"
#include "engine/inspect/class_scores.h"
#include "engine/inspect/feature_maps.h"
#include "engine/inspect/grad_cam.h"
#include "engine/inspect/image_classifier.h"
#include "engine/inspect/kernel_view.h"
#include "engine/inspect/model_input.h"
#include "engine/io/atomic_file.h"
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"
#include "engine/training/trainer.h"

#include <opencv2/imgcodecs.hpp>

#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace cs;
using namespace cs::test;

namespace {

// Conv (linear, so its bias moves every map value 1:1) -> pool -> dropout -> dense.
std::string gradCamModelJson(const char* outputActivation) {
    return std::string(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [8, 8, 2]}},
        {"class_name": "Conv2D", "config": {"name": "conv", "filters": 3, "kernel_size": 3, "padding": "same"}},
        {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
        {"class_name": "Dropout", "config": {"rate": 0.5}},
        {"class_name": "Flatten", "config": {}},
        {"class_name": "Dense", "config": {"units": 4, "activation": ")") +
           outputActivation + R"("}}]})";
}

Tensor randomImage(const Shape& shape, uint64_t seed) {
    Tensor x(shape.withBatch(1));
    fillRandom(x, seed, 0.0f, 1.0f);
    return x;
}

void copyParameters(Model& from, Model& to) {
    std::vector<Param*> a = from.parameters(), b = to.parameters();
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) b[i]->value = a[i]->value;
}

void writeGrey(const std::string& path, int side, int value) {
    QVERIFY(cv::imwrite(path, cv::Mat(side, side, CV_8U, cv::Scalar(value))));
}

} // namespace

class InspectTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gradCamWeightsAreTheClassScoreGradient() {
        Model m = modelFromJson(gradCamModelJson("linear"));
        m.build(3);
        const Tensor x = randomImage(m.inputShape(), 5);
        const int node = m.findNode("conv");
        QCOMPARE(defaultGradCamNode(m), node);
        for (int cls = 0; cls < 4; ++cls) {
            const GradCam cam = gradCam(m, x, cls);
            QCOMPARE(cam.layer, std::string("conv"));
            QCOMPARE(cam.height, 8);
            QCOMPARE(cam.width, 8);
            // mean_ij dScore/dA_k,ij * 64 = dScore/d(bias_k): central differences.
            Tensor& bias = m.findLayer("conv")->params()[1].value;
            for (int k = 0; k < 3; ++k) {
                const float b0 = bias[k], eps = 1e-2f;
                bias[k] = b0 + eps;
                const double up = predict(m, x, 1)[cls];
                bias[k] = b0 - eps;
                const double down = predict(m, x, 1)[cls];
                bias[k] = b0;
                const double numeric = (up - down) / (2.0 * eps);
                const double analytic = double(cam.channelWeights[size_t(k)]) * 64.0;
                QVERIFY2(std::fabs(numeric - analytic) < 1e-3 * (1.0 + std::fabs(numeric)),
                         qPrintable(QString("class %1 map %2: numeric %3, analytic %4").arg(cls).arg(k).arg(numeric).arg(analytic)));
            }
            float hottest = 0.0f;
            for (float v : cam.heat) {
                QVERIFY(v >= 0.0f && v <= 1.0f);
                hottest = std::max(hottest, v);
            }
            QCOMPARE(hottest, cam.peak > 0 ? 1.0f : 0.0f);
        }
    }

    void gradCamOfSoftmaxUsesTheLogit() {
        // Same weights with softmax: the heat map explains the same logit.
        Model linear = modelFromJson(gradCamModelJson("linear"));
        linear.build(3);
        Model softmax = modelFromJson(gradCamModelJson("softmax"));
        softmax.build(99);
        copyParameters(linear, softmax);
        const Tensor x = randomImage(linear.inputShape(), 8);
        const GradCam a = gradCam(linear, x, 2), b = gradCam(softmax, x, 2);
        for (size_t i = 0; i < a.heat.size(); ++i) QCOMPARE(a.heat[i], b.heat[i]);
        const Tensor p = predict(softmax, x, 1);
        QCOMPARE(b.probability, double(p[2]));
        // -1 explains the most probable class, and every class's probability comes along.
        const GradCam top = gradCam(softmax, x, -1);
        QCOMPARE(top.probabilities.size(), size_t(4));
        for (int c = 0; c < 4; ++c) QCOMPARE(top.probabilities[size_t(c)], double(p[c]));
        QCOMPARE(top.classIndex, topClasses(top.probabilities, {}, 1)[0].index);
    }

    void gradCamEqualsClassActivationMapAfterGlobalPooling() {
        // conv -> GlobalAveragePooling -> Dense: weight_k = w[k][c] / (H * W) (Zhou et al.'s CAM).
        Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [6, 5, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}}]})");
        m.build(4);
        const Tensor x = randomImage(m.inputShape(), 2);
        const GradCam cam = gradCam(m, x, 1);
        QCOMPARE(cam.height, 4);
        QCOMPARE(cam.width, 3);
        const Tensor& w = m.layer(3).params()[0].value; // [4, 3]
        for (int k = 0; k < 4; ++k) QVERIFY(std::fabs(cam.channelWeights[size_t(k)] - w[k * 3 + 1] / 12.0f) < 1e-6f);
    }

    void gradCamWorksOnGraphsWithSkipConnections() {
        // conv -> conv -> Add(both) -> GlobalAveragePooling -> Dense: at the Add node the
        // weights are CAM's w[k][c] / (H * W), through the graph (not chain) backward.
        Model m = modelFromJson(R"({"class_name": "Functional", "layers": [
            {"class_name": "InputLayer", "config": {"name": "in", "shape": [6, 6, 1]}},
            {"class_name": "Conv2D", "config": {"name": "a", "filters": 3, "kernel_size": 3, "padding": "same", "activation": "relu"}, "inbound_nodes": [[["in", 0, 0, {}]]]},
            {"class_name": "Conv2D", "config": {"name": "b", "filters": 3, "kernel_size": 3, "padding": "same"}, "inbound_nodes": [[["a", 0, 0, {}]]]},
            {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]},
            {"class_name": "GlobalAveragePooling2D", "config": {"name": "gap"}, "inbound_nodes": [[["sum", 0, 0, {}]]]},
            {"class_name": "Dense", "config": {"name": "out", "units": 2, "activation": "softmax"}, "inbound_nodes": [[["gap", 0, 0, {}]]]}]})");
        QVERIFY(!m.isChain());
        m.build(5);
        const Tensor x = randomImage(m.inputShape(), 4);
        const int sum = m.findNode("sum");
        QCOMPARE(defaultGradCamNode(m), m.findNode("b")); // the last Conv2D by default
        const GradCam cam = gradCam(m, x, 1, sum);
        QCOMPARE(cam.layer, std::string("sum"));
        const Tensor& w = m.findLayer("out")->params()[0].value; // [3, 2]
        for (int k = 0; k < 3; ++k) QVERIFY(std::fabs(cam.channelWeights[size_t(k)] - w[k * 2 + 1] / 36.0f) < 1e-6f);
    }

    void gradCamRefusesWhatItCannotExplain() {
        Model m = modelFromJson(gradCamModelJson("softmax"));
        m.build(1);
        const Tensor x = randomImage(m.inputShape(), 1);
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { gradCam(m, x, 4); })).contains("out of range"));
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { gradCam(m, x, -2); })).contains("out of range"));
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { gradCam(m, x, 0, m.findNode("flatten")); }))
                    .contains("spatial"));
        Tensor two(m.inputShape().withBatch(2));
        QVERIFY(QString::fromStdString(thrownMessage<ShapeError>([&] { gradCam(m, two, 0); })).contains("one image"));
        Model dense = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})");
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { defaultGradCamNode(dense); })).contains("spatial"));
    }

    void featureMapsShowEveryLayerWithItsShape() {
        Model m = modelFromJson(gradCamModelJson("softmax"));
        m.build(2);
        const Tensor x = randomImage(m.inputShape(), 3);
        const std::vector<LayerActivation> maps = featureMaps(m, x);
        QCOMPARE(int(maps.size()), m.nodeCount());
        QCOMPARE(maps[1].name, std::string("conv"));
        QCOMPARE(maps[1].maps(), 3);
        QCOMPARE(maps[1].mapHeight(), 8);
        QCOMPARE(maps[2].mapWidth(), 4); // pooled
        QVERIFY(!maps[4].spatial());    // flatten: one strip of 48
        QCOMPARE(maps[4].mapWidth(), 48);
        for (int i = 0; i < 8 * 8 * 2; ++i) QCOMPARE(maps[0].values[size_t(i)], x[i]);
        const Tensor p = predict(m, x, 1);
        for (int c = 0; c < 4; ++c) QCOMPARE(maps.back().values[size_t(c)], p[c]);
        // Ranges and the pixels of a map: its minimum black, its maximum white.
        const LayerActivation& conv = maps[1];
        const std::vector<uint8_t> px = featureMapPixels(conv, 2, conv.channelMin[2], conv.channelMax[2]);
        QCOMPARE(int(px.size()), 64);
        for (int i = 0; i < 64; ++i) {
            const float v = conv.values[size_t(i) * 3 + 2];
            QVERIFY(v >= conv.channelMin[2] && v <= conv.channelMax[2]);
            if (v == conv.channelMin[2]) QCOMPARE(int(px[size_t(i)]), 0);
            if (v == conv.channelMax[2]) QCOMPARE(int(px[size_t(i)]), 255);
        }
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { featureMapPixels(conv, 3, 0, 1); })).contains("3 maps"));
    }

    void kernelsAreDrawnFromTheKerasLayout() {
        Model m = modelFromJson(gradCamModelJson("softmax"));
        m.build(6);
        QCOMPARE(convolutionNodes(m), std::vector<int>{1});
        const ConvKernels k = convKernels(m, 1);
        QCOMPARE(k.filters, 3);
        QCOMPARE(k.channels, 2);
        const Tensor& w = m.layer(1).params()[0].value; // [3, 3, 2, 3]
        QCOMPARE(k.at(2, 1, 0, 1), w[((0 * 3 + 1) * 2 + 1) * 3 + 2]);
        QCOMPARE(int(k.bias.size()), 3);
        QVERIFY(k.maxAbs > 0 && k.maxAbs >= k.filterMaxAbs(0));
        const std::vector<uint8_t> px = kernelChannelPixels(k, 2, 1, k.maxAbs);
        QCOMPARE(int(px.size()), 3 * 3 * 3);
        const Rgb8 white = divergingColour(0), red = divergingColour(1), blue = divergingColour(-2);
        QCOMPARE(int(white.r) + white.g + white.b, 3 * 255);
        QVERIFY(red.r > 150 && red.b < 60);
        QVERIFY(blue.b > 150 && blue.r < 60);
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { convKernels(m, 2); })).contains("not a Conv2D"));
        QVERIFY(QString::fromStdString(thrownMessage<ConfigError>([&] { kernelRgbPixels(k, 0, 1); })).contains("3-channel"));

        const Histogram h = histogramOf({-1.0f, 0.0f, 0.0f, 1.0f, 3.0f}, 4);
        QCOMPARE(h.counts, (std::vector<int>{1, 2, 1, 1}));
        QCOMPARE(h.total, int64_t(5));
        QCOMPARE(h.mean, 0.6);
        QVERIFY(std::fabs(h.stddev - std::sqrt(11.0 / 5 - 0.36)) < 1e-9);
    }

    void classifyingAFolderWritesEveryRowToCsv() {
        const std::string dir = tempDir() + "/classify";
        std::filesystem::create_directories(dir + "/sub");
        writeGrey(dir + "/a_dark.png", 20, 10);
        writeGrey(dir + "/b_bright.jpg", 40, 240);
        writeGrey(dir + "/sub/c_mid.png", 12, 128);
        writeGrey(dir + "/.hidden.png", 12, 128);
        writeFileAtomically(dir + "/notes.txt", {"not an image"});
        writeFileAtomically(dir + "/d_broken.png", {std::string("\x89PNG\r\n\x1a\n broken", 16)});
        QCOMPARE(listImageFiles(dir, false).size(), size_t(3)); // a, b, broken d (signature only)
        QCOMPARE(listImageFiles(dir, true).size(), size_t(4));

        Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [16, 16, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3, "activation": "relu"}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}}]})");
        m.build(9);
        Preprocessing pre;
        const std::vector<std::string> files = listImageFiles(dir, true);
        int progressCalls = 0;
        const std::vector<FileClassification> rows = classifyFiles(m, pre, files, 1, [&](int done, int total) {
            ++progressCalls;
            return done <= total;
        });
        QCOMPARE(rows.size(), files.size());
        QVERIFY(progressCalls >= 1);
        int broken = 0;
        for (const FileClassification& r : rows) {
            if (!r.ok()) {
                ++broken;
                QVERIFY2(r.error.english().find("d_broken.png") != std::string::npos, r.error.english().c_str());
                // The window shows it in its own language (the path a place of its own).
                QVERIFY2(r.error.context != nullptr, r.error.english().c_str());
                continue;
            }
            double sum = 0;
            for (double p : r.probabilities) sum += p;
            QVERIFY(std::fabs(sum - 1.0) < 1e-5);
            // The same numbers as one image through modelInputFromFile + predict.
            const Tensor p = predict(m, modelInputFromFile(r.path, m, pre), 1);
            for (int c = 0; c < 3; ++c) QVERIFY(std::fabs(r.probabilities[size_t(c)] - p[c]) < 1e-6);
            QCOMPARE(r.best, topClasses(r.probabilities, {}, 1)[0].index);
        }
        QCOMPARE(broken, 1);

        const std::string csv = dir + "/out.csv";
        writeClassificationsCsv(csv, rows, {"zero", "one, with comma", "two"});
        std::ifstream in(csv);
        std::string header, line;
        std::getline(in, header);
        QCOMPARE(header, std::string("file,predicted,confidence,p(zero),\"p(one, with comma)\",p(two),error"));
        int lines = 0;
        while (std::getline(in, line)) ++lines;
        QCOMPARE(lines, 4);
        QVERIFY(QString::fromStdString(thrownMessage<DataError>([&] { listImageFiles(dir + "/missing", false); }))
                    .contains("no such folder"));
    }

    void binaryOutputsBecomeTwoProbabilities() {
        Tensor out(Shape{2, 1});
        out[0] = 0.25f;
        out[1] = 0.9f;
        const std::vector<double> p = classProbabilities(out, 0);
        QCOMPARE(p.size(), size_t(2));
        QCOMPARE(p[1], 0.25);
        QCOMPARE(p[0], 0.75);
        const std::vector<ClassScore> top = topClasses(classProbabilities(out, 1), {"cats", "dogs"}, 5);
        QCOMPARE(top.size(), size_t(2));
        QCOMPARE(top[0].name, std::string("dogs"));
        QCOMPARE(className({"cats"}, 1), std::string("class 1"));
    }

    void pastedImagesBecomeModelInputLikeFiles() {
        Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4, 4, 3]}},
            {"class_name": "Flatten", "config": {}}]})");
        cv::Mat bgra(8, 8, CV_8UC4, cv::Scalar(10, 20, 30, 255)); // B, G, R, A
        const ImageSet set = modelPixelsFromImage(bgra, m);
        QCOMPARE(set.count(), 1);
        QCOMPARE(int(set.image(0)[0]), 30); // RGB order, as training images
        QCOMPARE(int(set.image(0)[2]), 10);
        QVERIFY(QString::fromStdString(thrownMessage<ShapeError>([&] {
                    ImageSet grey;
                    grey.height = grey.width = 4;
                    grey.channels = 1;
                    grey.pixels.resize(16);
                    grey.labels = {0};
                    modelInputFromSet(grey, 0, m, {});
                })).contains("4x4x3"));
    }
};

CS_REGISTER_TEST(InspectTest)

#include "test_inspect.moc"
