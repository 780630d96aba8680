// How a model fits the data bound to it (engine/model/data_fit): image size,
// colour, number of classes and class mode, each mismatch with the fixes on
// both sides — the model's (set the input, the head's units) and, for image
// folders, the data's (target_size, color_mode, class_mode) — and only fixes
// that really remove the mismatch.
#include "tests/engine/test_registry.h"

#include "engine/data/data_binding.h"
#include "engine/io/json.h"
#include "engine/model/data_fit.h"
#include "engine/model/model_analysis.h"
#include "engine/model/model_graph.h"

#include <QtTest>

using namespace cs;

namespace {

// The course's cats-vs-dogs network, shortened: 150x150 RGB in, one sigmoid unit out.
ModelGraph catsModel(const char* headUnits = "1", const char* headActivation = "sigmoid") {
    const std::string text = std::string(R"({"layers": [
        {"class_name": "InputLayer", "config": {"shape": [150, 150, 3]}},
        {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
        {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
        {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
        {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
        {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
        {"class_name": "MaxPooling2D", "config": {"pool_size": 2}},
        {"class_name": "Flatten", "config": {}},
        {"class_name": "Dense", "config": {"units": )") +
                             headUnits + R"(, "activation": ")" + headActivation + R"("}}]})";
    return ModelGraph::fromJson(json::parse(text));
}

DataShape folders(int height, int width, int channels, int classes, ClassMode mode) {
    DataShape d{height, width, channels, classes};
    d.loadOptions = true;
    d.classMode = mode;
    return d;
}

DataBinding catsBinding(int height, int width, ColorMode colour, ClassMode mode) {
    DataBinding b;
    b.kind = DatasetKind::ImageFolders;
    b.folder = "cats_and_dogs_filtered";
    b.imageFolders.height = height;
    b.imageFolders.width = width;
    b.imageFolders.colorMode = colour;
    b.imageFolders.classMode = mode;
    return b;
}

QStringList labels(const LayerReport& r) {
    QStringList out;
    for (const QuickFix& f : r.fixes)
        out << QString::fromStdString(f.label.english());
    return out;
}

// The report after a fix: a model fix edits a copy of the graph, a data fix a copy of
// the binding (and so the shape the data then feeds).
ModelReport afterFix(const ModelGraph& graph, const DataShape& data, DataBinding binding,
                     const QuickFix& fix) {
    ModelGraph g = graph;
    if (fix.changesData()) {
        fix.applyToData(binding);
        return analyzeModel(g, withLoadOptions(data, binding));
    }
    fix.apply(g);
    return analyzeModel(g, data);
}

} // namespace

class DataFitTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageFoldersAtAnotherSizeOfferLoadingAtTheInputSize() {
        const ModelGraph model = catsModel();
        const DataShape data = folders(64, 64, 3, 2, ClassMode::Binary);
        const ModelReport r = analyzeModel(model, data);
        const LayerReport& input = r.layers.front();
        QVERIFY(input.isWarning);
        QVERIFY2(QString::fromStdString(input.problem.english()).contains("64×64×3"), input.problem.english().c_str());
        // Both directions: the loading first (the model was made for its size), then the model.
        QCOMPARE(labels(input),
                 QStringList({"Load the images at 150×150 RGB", "Set the input to 64×64×3"}));
        const QuickFix& load = input.fixes[0];
        QVERIFY(load.changesData());
        QVERIFY(!load.apply);
        QCOMPARE(load.dataSettings.size(), size_t(2));
        QCOMPARE(load.dataSettings[0].first, std::string("target_size"));
        QCOMPARE(load.dataSettings[0].second, std::string("150x150"));
        QCOMPARE(load.dataSettings[1].first, std::string("color_mode"));
        QCOMPARE(load.dataSettings[1].second, std::string("rgb"));

        const DataBinding before = catsBinding(64, 64, ColorMode::Rgb, ClassMode::Binary);
        DataBinding binding = before;
        load.applyToData(binding);
        QCOMPARE(binding.imageFolders.height, 150);
        QCOMPARE(binding.imageFolders.width, 150);
        QVERIFY(binding.imageFolders.colorMode == ColorMode::Rgb);
        QCOMPARE(binding.folder, before.folder); // only how the images load changes
        for (const QuickFix& fix : input.fixes) {
            const ModelReport after = afterFix(model, data, before, fix);
            QVERIFY2(after.warningCount == 0 && after.errorCount == 0, fix.label.english().c_str());
        }
        QVERIFY(!input.fixes[1].changesData());
    }

    void greyImageFoldersOfferRgb() {
        const ModelGraph model = catsModel();
        const DataShape data = folders(150, 150, 1, 2, ClassMode::Binary);
        const ModelReport r = analyzeModel(model, data);
        QCOMPARE(labels(r.layers.front()),
                 QStringList({"Load the images at 150×150 RGB", "Set the input to 150×150×1"}));
        DataBinding binding = catsBinding(150, 150, ColorMode::Grayscale, ClassMode::Binary);
        r.layers.front().fixes[0].applyToData(binding);
        QVERIFY(binding.imageFolders.colorMode == ColorMode::Rgb);
    }

    void nonSquareTargetSizeIsWidthByHeightInWordsAndHeightFirstInKerasForm() {
        ModelGraph model = catsModel();
        model.setAttribute("input", "shape", Json(std::vector<int>{120, 160, 1}));
        const ModelReport r = analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Binary));
        const QuickFix& load = r.layers.front().fixes.at(0);
        QCOMPARE(QString::fromStdString(load.label.english()),
                 QString("Load the images at 160×120 grayscale"));
        QCOMPARE(load.dataSettings[0].second,
                 std::string("120x160")); // target_size (height, width)
        QCOMPARE(load.dataSettings[1].second, std::string("grayscale"));
    }

    void idxDataCannotBeResizedSoOnlyTheModelChanges() {
        ModelGraph model = catsModel("10", "softmax");
        model.setAttribute("input", "shape", Json(std::vector<int>{32, 32, 3}));
        const ModelReport r = analyzeModel(model, DataShape{28, 28, 1, 10}); // IDX: loads as stored
        const LayerReport& input = r.layers.front();
        QVERIFY(input.isWarning);
        QVERIFY2(QString::fromStdString(input.problem.english()).contains("as stored"),
                 input.problem.english().c_str());
        QCOMPARE(labels(input), QStringList({"Set the input to 28×28×1"}));
    }

    void aModelFixThatBreaksTheModelIsNotOffered() {
        // Three convolution blocks cannot take 8x8 images: only loading at 150x150 fits.
        const ModelGraph model = catsModel();
        const ModelReport r = analyzeModel(model, folders(8, 8, 3, 2, ClassMode::Binary));
        QCOMPARE(labels(r.layers.front()), QStringList({"Load the images at 150×150 RGB"}));
    }

    void inputChannelsTheLoaderCannotMakeOfferOnlyTheModelFix() {
        ModelGraph model = catsModel();
        model.setAttribute("input", "shape", Json(std::vector<int>{150, 150, 4}));
        const ModelReport r = analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Binary));
        QCOMPARE(labels(r.layers.front()), QStringList({"Set the input to 150×150×3"}));
    }

    void oneSigmoidUnitWithCategoricalLabelsOffersBinaryLabels() {
        const ModelGraph model = catsModel();
        const DataShape data = folders(150, 150, 3, 2, ClassMode::Categorical);
        const ModelReport r = analyzeModel(model, data);
        QCOMPARE(r.warningCount, 1);
        const LayerReport& head = r.layers.back();
        QVERIFY(head.isWarning);
        QVERIFY2(QString::fromStdString(head.problem.english()).contains("class_mode"), head.problem.english().c_str());
        QCOMPARE(labels(head), QStringList({"Read the labels as binary (class_mode binary)",
                                            "Use 2 softmax units in dense"}));
        const DataBinding before = catsBinding(150, 150, ColorMode::Rgb, ClassMode::Categorical);
        DataBinding binding = before;
        head.fixes[0].applyToData(binding);
        QVERIFY(binding.imageFolders.classMode == ClassMode::Binary);
        for (const QuickFix& fix : head.fixes) {
            const ModelReport after = afterFix(model, data, before, fix);
            QVERIFY2(after.warningCount == 0 && after.errorCount == 0, fix.label.english().c_str());
        }
        // Sparse labels are class indices too: one sigmoid unit still wants binary ones.
        QCOMPARE(analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Sparse)).warningCount, 1);
        QCOMPARE(analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Binary)).warningCount, 0);
    }

    void softmaxUnitsWithBinaryLabelsOfferCategoricalLabels() {
        const ModelGraph model = catsModel("2", "softmax");
        const DataShape data = folders(150, 150, 3, 2, ClassMode::Binary);
        const ModelReport r = analyzeModel(model, data);
        const LayerReport& head = r.layers.back();
        QVERIFY(head.isWarning);
        QCOMPARE(labels(head),
                 QStringList({"Read the labels as categorical (class_mode categorical)",
                              "Use one sigmoid unit in dense"}));
        const DataBinding before = catsBinding(150, 150, ColorMode::Rgb, ClassMode::Binary);
        for (const QuickFix& fix : head.fixes) {
            const ModelReport after = afterFix(model, data, before, fix);
            QVERIFY2(after.warningCount == 0 && after.errorCount == 0, fix.label.english().c_str());
        }
        QCOMPARE(analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Categorical)).warningCount,
                 0);
        QCOMPARE(analyzeModel(model, folders(150, 150, 3, 2, ClassMode::Sparse)).warningCount, 0);
    }

    void aDifferentNumberOfClassesChangesTheHead() {
        // One sigmoid unit, three classes: three softmax units (the data cannot lose a class).
        const ModelGraph model = catsModel();
        const DataShape data = folders(150, 150, 3, 3, ClassMode::Categorical);
        const ModelReport r = analyzeModel(model, data);
        const LayerReport& head = r.layers.back();
        QVERIFY2(QString::fromStdString(head.problem.english()).contains("3 classes"), head.problem.english().c_str());
        QCOMPARE(labels(head), QStringList({"Use 3 softmax units in dense"}));
        const ModelReport after = afterFix(model, data, {}, head.fixes[0]);
        QCOMPARE(after.warningCount + after.errorCount, 0);

        // Ten softmax units, two classes read as binary: one sigmoid unit.
        const ModelGraph ten = catsModel("10", "softmax");
        const ModelReport binary = analyzeModel(ten, folders(150, 150, 3, 2, ClassMode::Binary));
        QCOMPARE(labels(binary.layers.back()), QStringList({"Use one sigmoid unit in dense"}));
        // ... and read as categorical: two units, the activation kept.
        const ModelReport categorical =
            analyzeModel(ten, folders(150, 150, 3, 2, ClassMode::Categorical));
        QCOMPARE(labels(categorical.layers.back()), QStringList({"Set units to 2"}));
    }

    void idxHasNoClassMode() {
        // IDX labels are class indices without a class_mode: only the number of classes counts.
        ModelGraph model = catsModel("10", "softmax");
        model.setAttribute("input", "shape", Json(std::vector<int>{28, 28, 1}));
        DataShape idx{28, 28, 1, 10};
        idx.classMode = ClassMode::Binary; // ignored: not image folders
        QCOMPARE(analyzeModel(model, idx).warningCount, 0);
    }

    void loadOptionsFollowTheBinding() {
        const DataShape loaded = folders(64, 64, 3, 2, ClassMode::Categorical);
        const DataShape next =
            withLoadOptions(loaded, catsBinding(150, 120, ColorMode::Grayscale, ClassMode::Binary));
        QCOMPARE(next.height, 150);
        QCOMPARE(next.width, 120);
        QCOMPARE(next.channels, 1);
        QCOMPARE(next.classCount, 2);
        QVERIFY(next.classMode == ClassMode::Binary);
        // Other kinds load as stored: the binding's image-folder options do not apply.
        const DataShape idx{28, 28, 1, 10};
        DataBinding b;
        b.imageFolders.height = 150;
        QVERIFY(withLoadOptions(idx, b) == idx);
    }
};

CS_REGISTER_TEST(DataFitTest)
#include "test_data_fit.moc"
