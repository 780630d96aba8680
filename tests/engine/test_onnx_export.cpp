// ONNX export checked by a real consumer: every course preset and random
// graphs, with random weights, exported and run by OpenCV's DNN module
// (cv::dnn::readNetFromONNX), whose probabilities must match ConvStudio's
// within 1e-4. With CONVSTUDIO_ONNX_KEEP_DIR set, the exported files stay in
// that folder for the onnx.checker test (tests/engine/check_onnx_files.py).
#include "tests/engine/data_test_support.h"
#include "tests/engine/onnx_test_support.h"
#include "tests/engine/random_architecture.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_export.h"
#include "engine/model/model_file.h"
#include "engine/model/presets.h"

#include <QtTest>
#include <cstdlib>
#include <filesystem>
#include <opencv2/dnn.hpp>

using namespace cs;
using namespace cs::test;

namespace {

constexpr double kTolerance = 1e-4;
constexpr int kRandomGraphs = 40;

std::string exportDir() {
    const char* keep = std::getenv("CONVSTUDIO_ONNX_KEEP_DIR");
    if (!keep || !*keep) return tempDir();
    std::filesystem::create_directories(keep);
    return keep;
}

// The batch through OpenCV DNN: NHWC in, the network's NCHW (or [N, F]) blob, the output back.
Tensor runOpenCv(const std::string& path, const Tensor& nhwc) {
    cv::dnn::Net net = cv::dnn::readNetFromONNX(path);
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    const Shape& s = nhwc.shape();
    cv::Mat blob;
    if (s.rank() == 4) {
        const int n = s[0], h = s[1], w = s[2], c = s[3];
        const int sizes[] = {n, c, h, w};
        blob.create(4, sizes, CV_32F);
        float* out = blob.ptr<float>();
        for (int b = 0; b < n; ++b)
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    for (int ch = 0; ch < c; ++ch)
                        out[((int64_t(b) * c + ch) * h + y) * w + x] = nhwc[((int64_t(b) * h + y) * w + x) * c + ch];
    } else {
        blob.create(s[0], s[1], CV_32F);
        std::copy(nhwc.data(), nhwc.data() + nhwc.size(), blob.ptr<float>());
    }
    net.setInput(blob);
    cv::Mat result = net.forward();
    Tensor t(Shape{int(result.total())});
    const cv::Mat flat = result.isContinuous() ? result : result.clone();
    std::copy(flat.ptr<float>(), flat.ptr<float>() + flat.total(), t.data());
    return t;
}

struct Agreement {
    double maxDiff = 0, spread = 0;
};

Agreement exportAndCompare(Model& model, const std::string& path, uint64_t seed) {
    exportOnnx(path, model, ModelMetadata{});
    const Tensor batch = randomBatch(model, 4, seed);
    Tensor ours = predict(model, batch);
    Tensor flatOurs(Shape{int(ours.size())});
    std::copy(ours.data(), ours.data() + ours.size(), flatOurs.data());
    const Tensor theirs = runOpenCv(path, batch);
    return {maxAbsDifference(flatOurs, theirs), spreadAcrossSamples(ours)};
}

double worstPreset = 0, worstRandom = 0;

} // namespace

class OnnxExportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsAgreeWithOpenCv_data() {
        QTest::addColumn<QString>("preset");
        for (const PresetInfo& p : listPresets()) QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
    }
    void presetsAgreeWithOpenCv() {
        QFETCH(QString, preset);
        Model model = loadArchitectureFile(presetPath(preset.toStdString()));
        model.build(1);
        randomizeWeights(model, 100);
        const Agreement a = exportAndCompare(model, exportDir() + "/preset_" + preset.toStdString() + ".onnx", 5);
        qInfo("%s: max |ConvStudio - OpenCV| = %.3g (outputs vary by %.3g across inputs)",
              qPrintable(preset), a.maxDiff, a.spread);
        worstPreset = std::max(worstPreset, a.maxDiff);
        QVERIFY2(a.maxDiff <= kTolerance, qPrintable(QString("difference %1").arg(a.maxDiff)));
        QVERIFY2(a.spread > 1e-3, "the outputs do not depend on the input: the comparison would prove nothing");
    }

    // Random graphs: every layer type, uneven 'same' pads, Add/Concatenate, the Flatten variants.
    void randomGraphsAgreeWithOpenCv() {
        int compared = 0, informative = 0;
        for (uint64_t seed = 1; seed <= kRandomGraphs; ++seed) {
            Model model = Model::fromJson(randomArchitecture(seed));
            model.build(seed);
            randomizeWeights(model, seed * 31);
            const Agreement a = exportAndCompare(model, exportDir() + "/random_" + std::to_string(seed) + ".onnx", seed);
            worstRandom = std::max(worstRandom, a.maxDiff);
            QVERIFY2(a.maxDiff <= kTolerance,
                     qPrintable(QString("random graph %1: difference %2").arg(seed).arg(a.maxDiff)));
            ++compared;
            informative += a.spread > 1e-3; // a softmax over one channel, say, makes a constant
        }
        qInfo("%d random graphs (%d with input-dependent outputs): max |ConvStudio - OpenCV| = %.3g (presets: %.3g)",
              compared, informative, worstRandom, worstPreset);
        QCOMPARE(compared, kRandomGraphs);
        QVERIFY2(informative >= kRandomGraphs * 3 / 4, qPrintable(QString("only %1 graphs depend on their input").arg(informative)));
    }

    // A flat input (features, no image) exports as [batch, features].
    void flatInputModel() {
        Model model = Model::fromJson(json::parse(R"({"layers": [
            {"class_name": "InputLayer", "config": {"name": "in", "shape": [20]}},
            {"class_name": "Dense", "config": {"units": 8, "activation": "relu"}},
            {"class_name": "BatchNormalization", "config": {}},
            {"class_name": "Dropout", "config": {"rate": 0.2}},
            {"class_name": "Dense", "config": {"units": 3, "activation": "softmax", "use_bias": false}}]})"));
        model.build(2);
        randomizeWeights(model, 7);
        const Agreement a = exportAndCompare(model, exportDir() + "/flat_input.onnx", 3);
        QVERIFY2(a.maxDiff <= kTolerance, qPrintable(QString("difference %1").arg(a.maxDiff)));
    }

    void unbuiltModelIsRefused() {
        Model model = loadArchitectureFile(presetPath("mnist_cnn_architecture"));
        CS_CHECK_THROWS(ShapeError, onnxModelBytes(model, ModelMetadata{}), "no weights");
    }
};

CS_REGISTER_TEST(OnnxExportTest)
#include "test_onnx_export.moc"
