// Transfer learning (engine/model/transfer_learning.h): freezing a layer and
// what it reads from, a new classifier head for another data set, weights
// carried over by name; and the whole flow on a real imported model — the
// course's mejor_modelo.h5 (trained on Fashion-MNIST) fine-tuned on MNIST:
// the frozen layers keep their weights bit for bit and the new head learns.
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/model/model_file.h"
#include "engine/model/transfer_learning.h"
#include "engine/training/training_session.h"

#include <QtTest>
#include <cstring>

using namespace cs;
using cs::test::thrownMessage;

namespace {

std::string kerasFixture(const std::string& name) {
    return std::string(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/" + name;
}

// input -> conv_a -> pool -> conv_b ─┐
//                         └> conv_c ─┴> add -> flatten -> dense -> dropout -> out
ModelGraph branchingGraph() {
    return ModelGraph::fromJson(json::parse(R"({"layers": [
        {"class_name": "InputLayer", "config": {"name": "input", "shape": [8, 8, 1]}},
        {"class_name": "Conv2D", "config": {"name": "conv_a", "filters": 2, "kernel_size": 3, "padding": "same"}},
        {"class_name": "MaxPooling2D", "config": {"name": "pool"}},
        {"class_name": "Conv2D", "config": {"name": "conv_b", "filters": 2, "kernel_size": 3, "padding": "same"}},
        {"class_name": "Conv2D", "config": {"name": "conv_c", "filters": 2, "kernel_size": 3, "padding": "same"},
         "inbound_nodes": ["pool"]},
        {"class_name": "Add", "config": {"name": "add"}, "inbound_nodes": ["conv_b", "conv_c"]},
        {"class_name": "Flatten", "config": {"name": "flatten"}},
        {"class_name": "Dense", "config": {"name": "dense", "units": 8, "activation": "relu"}},
        {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.5}},
        {"class_name": "Dense", "config": {"name": "out", "units": 10, "activation": "softmax"}}]})"));
}

bool trainable(const ModelGraph& g, const std::string& name) {
    return json::getBool(g.find(name)->config, "trainable", true);
}

bool sameValues(const Layer& a, const Layer& b) {
    if (a.params().size() != b.params().size()) return false;
    for (size_t p = 0; p < a.params().size(); ++p) {
        const Tensor& x = a.params()[p].value;
        const Tensor& y = b.params()[p].value;
        if (!(x.shape() == y.shape()) ||
            std::memcmp(x.data(), y.data(), sizeof(float) * size_t(x.size())) != 0)
            return false;
    }
    return true;
}

} // namespace

class TransferLearningTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // "Freeze this and the layers before it" follows the inputs, not the list
    // order: conv_c's parallel sibling conv_b stays trainable.
    void freezingFollowsTheInputs() {
        ModelGraph g = branchingGraph();
        const auto frozen = freezeUpTo(g, "conv_c");
        QCOMPARE(frozen, (std::vector<std::string>{"conv_a", "pool", "conv_c"}));
        QVERIFY(!trainable(g, "conv_a") && !trainable(g, "pool") && !trainable(g, "conv_c"));
        QVERIFY(trainable(g, "conv_b") && trainable(g, "add") && trainable(g, "dense"));
        QVERIFY(hasFrozenLayers(g));
        // Freezing up to the merge takes both branches; already frozen layers are not listed again.
        QCOMPARE(freezeUpTo(g, "add"), (std::vector<std::string>{"conv_b", "add"}));
        QVERIFY(!hasFrozenLayers(branchingGraph()));
        QVERIFY(thrownMessage<ConfigError>([&] { freezeUpTo(g, "conv_z"); }).find("conv_z") !=
                std::string::npos);
        // The engine honours it: conv_a's parameters no longer count as trainable.
        const Model m = g.toModel();
        QVERIFY(m.countParameters().trainable < branchingGraph().toModel().countParameters().trainable);
    }

    void aNewHeadReplacesTheClassifier() {
        ModelGraph g = branchingGraph();
        const ClassifierHead head = replaceClassifierHead(g, 5);
        QCOMPARE(head.removed, (std::vector<std::string>{"dense", "dropout", "out"}));
        QCOMPARE(head.added, std::string("classifier"));
        QCOMPARE(g.size(), 8);
        const LayerNode& last = g.node(g.size() - 1);
        QCOMPARE(last.name(), std::string("classifier"));
        QCOMPARE(last.inputs, (std::vector<std::string>{"flatten"}));
        QCOMPARE(json::asInt(json::at(last.config, "units")), 5);
        QCOMPARE(json::getString(last.config, "activation", ""), std::string("softmax"));
        QCOMPARE(g.toModel().inferShapes().back(), Shape({5}));

        // Two classes: one sigmoid unit; a second replacement never reuses a trained head's name.
        const ClassifierHead binary = replaceClassifierHead(g, 2);
        QCOMPARE(binary.removed, (std::vector<std::string>{"classifier"}));
        QCOMPARE(binary.added, std::string("classifier_1"));
        QCOMPARE(binary.units, 1);
        QCOMPARE(binary.activation, std::string("sigmoid"));
        // Two classes read as categorical labels (flow_from_directory's default): two softmax units.
        const ClassifierHead categorical = replaceClassifierHead(g, 2, false);
        QCOMPARE(categorical.units, 2);
        QCOMPARE(categorical.activation, std::string("softmax"));
        DataBinding folders;
        QVERIFY(readsBinaryLabels(folders)); // IDX
        folders.kind = DatasetKind::ImageFolders;
        QVERIFY(!readsBinaryLabels(folders)); // categorical by default
        folders.imageFolders.classMode = ClassMode::Binary;
        QVERIFY(readsBinaryLabels(folders));
    }

    void aHeadThatCannotBeFoundIsRefusedAndNothingChanges() {
        ModelGraph noFlatten = ModelGraph::fromJson(json::parse(R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [4]}},
            {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}}]})"));
        const ModelGraph before = noFlatten;
        QVERIFY(thrownMessage<ConfigError>([&] { replaceClassifierHead(noFlatten, 3); })
                    .find("no Flatten or GlobalAveragePooling2D") != std::string::npos);
        QVERIFY(noFlatten == before);
        ModelGraph g = branchingGraph();
        QVERIFY(thrownMessage<ConfigError>([&] { replaceClassifierHead(g, 1); }).find("2 classes") !=
                std::string::npos);
        QVERIFY(g == branchingGraph());
    }

    void weightsGoWhereNameClassAndShapesAgree() {
        Model from = branchingGraph().toModel();
        from.build(1);
        ModelGraph g = branchingGraph();
        g.setAttribute("dense", "units", 16); // another shape (and so is out's kernel): stay as built
        Model to = g.toModel();
        to.build(2);
        const auto copied = copyMatchingWeights(from, to);
        QCOMPARE(copied, (std::vector<std::string>{"conv_a", "conv_b", "conv_c"}));
        for (const std::string& name : copied)
            QVERIFY(sameValues(*from.findLayer(name), *to.findLayer(name)));
        QVERIFY(!sameValues(*from.findLayer("out"), *to.findLayer("out")));
        QCOMPARE(to.findLayer("dense")->params()[0].value.shape(), Shape({32, 16}));
    }

    // The issue's check: an imported model fine-tuned on another data set.
    void anImportedModelFineTunedOnAnotherDataSetKeepsItsFrozenWeights() {
        const std::string mnist = test::sharedDatasetsDir() + "/mnist";
        CS_REQUIRE_DATA(mnist);
        const LoadedModel imported = loadAnyModel(kerasFixture("mejor_modelo.h5"));
        ModelGraph g = ModelGraph::fromModel(imported.model);
        const auto frozen = freezeUpTo(g, "flatten");
        QCOMPARE(int(frozen.size()), 9); // conv2d ... flatten, not the InputLayer
        const ClassifierHead head = replaceClassifierHead(g, 10);
        QCOMPARE(head.removed, (std::vector<std::string>{"dense", "dropout_2", "dense_1"}));

        std::vector<std::string> copied;
        Model model = modelWithWeightsFrom(g, imported.model, 7, &copied);
        QCOMPARE(int(copied.size()), 4); // two Conv2D, two BatchNormalization
        const std::vector<Param> headBefore = model.layer(model.findNode("classifier")).params();

        auto data = std::make_shared<Dataset>(loadDataset(mnist));
        TrainingConfig config;
        config.training.optimizer = "adam";
        config.training.learningRate = 1e-3;
        config.training.epochs = 1;
        config.training.batchSize = 32;
        config.training.validationSplit = 0;
        config.training.seed = 3;
        config.training.threads = 2;
        TrainingSession session(std::move(model), config, SessionData::inMemory(data, 32 * 300),
                                imported.metadata.preprocessing);
        const double before = session.evaluate().accuracy();
        const History history = session.run(nullptr, nullptr);
        QCOMPARE(int(history.epochs.size()), 1);
        const double after = session.evaluate().accuracy();
        qInfo("MNIST test accuracy of the new head: %.4f before, %.4f after 300 steps", before, after);
        QVERIFY2(before < 0.3, "an untrained head should be near chance (0.1)");
        QVERIFY2(after > 0.8, "the head on the frozen Fashion-MNIST features should learn MNIST");

        // Every frozen layer, BatchNormalization's moving statistics included, bit for bit.
        const Model& tuned = session.model();
        for (const std::string& name : frozen)
            QVERIFY2(sameValues(imported.model.layer(imported.model.findNode(name)),
                                tuned.layer(tuned.findNode(name))),
                     name.c_str());
        const Layer& headAfter = tuned.layer(tuned.findNode("classifier"));
        QVERIFY(std::memcmp(headBefore[0].value.data(), headAfter.params()[0].value.data(),
                            sizeof(float) * size_t(headBefore[0].value.size())) != 0);
    }
};

CS_REGISTER_TEST(TransferLearningTest)
#include "test_transfer_learning.moc"
