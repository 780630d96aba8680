// TrainingSession and TrainingConfig: one JSON form of a run's settings (read
// back from a saved model, older forms still read), one validation, and a run
// whose saved metadata says what it was trained with.
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/core/random.h"
#include "engine/model/model_file.h"
#include "engine/training/optimizer.h"
#include "engine/training/training_session.h"

#include <QtTest>

using namespace cs;
using namespace cs::test;

namespace {

const char* kTinyModel = R"({"layers": [
    {"class_name": "InputLayer", "config": {"shape": [4, 4, 1]}},
    {"class_name": "Flatten", "config": {}},
    {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})";

SessionData tinyData() {
    auto set = std::make_shared<Dataset>();
    set->name = "dark-or-bright";
    set->classNames = {"dark", "bright"};
    set->train = darkOrBright(64, 3);
    set->test = darkOrBright(16, 4);
    return SessionData::inMemory(set);
}

TrainingConfig tinyConfig() {
    TrainingConfig c;
    c.training.optimizer = "sgd";
    c.training.learningRate = 0.05;
    c.training.momentum = 0.5;
    c.training.loss = "sparse_categorical_crossentropy";
    c.training.epochs = 2;
    c.training.batchSize = 8;
    c.training.validationSplit = 0.25;
    c.training.seed = 9;
    c.training.threads = 1;
    c.training.earlyStopping.enabled = true;
    c.training.earlyStopping.patience = 5;
    return c;
}

} // namespace

class TrainingSessionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void configJsonRoundTrips() {
        TrainingConfig c = tinyConfig();
        c.training.reduceLr.enabled = true;
        c.training.reduceLr.cooldown = 2;
        c.training.reduceLr.mode = "min";
        c.training.csvLogger = {true, "log.csv"};
        c.training.stepsPerEpoch = 3;
        c.training.shuffle = false;
        c.data.kind = DatasetKind::ImageFolders;
        c.data.folder = "/data/cats";
        c.data.imageFolders.height = 150;
        c.data.imageFolders.classMode = ClassMode::Sparse;
        c.augmentation.horizontalFlip = true;
        const Json json = c.toJson();
        QCOMPARE(json::getString(json, "optimizer", ""), std::string("sgd"));
        QVERIFY(json::find(json, "augmentation"));
        const TrainingConfig back = TrainingConfig::fromJson(json);
        QVERIFY(back.toJson() == json);
        QCOMPARE(back.training.reduceLr.cooldown, 2);
        QCOMPARE(back.data.imageFolders.height, 150);
        QVERIFY(back.augmentation.horizontalFlip);
    }

    // The form convstudio-cli wrote before the one form: class name, display kind,
    // image-folder keys and augmentation inside "data".
    void readsTheOlderCommandLineForm() {
        const Json old = json::parse(R"({"loss": "categorical_crossentropy", "optimizer": "RMSprop",
            "epochs": 3, "batch_size": 32, "validation_split": 0.1, "seed": 7,
            "data": {"kind": "image folders", "target_size": [64, 48], "color_mode": "grayscale",
                     "interpolation": "auto", "class_mode": "sparse", "layout": "train/ + validation/",
                     "augmentation": {"horizontal_flip": true}},
            "history": {"loss": [0.5, 0.4]}})");
        const TrainingConfig c = TrainingConfig::fromJson(old);
        QCOMPARE(c.training.optimizer, std::string("rmsprop"));
        QCOMPARE(c.training.epochs, 3);
        QCOMPARE(c.training.seed, uint64_t(7));
        QVERIFY(c.data.kind == DatasetKind::ImageFolders);
        QCOMPARE(c.data.imageFolders.height, 64);
        QCOMPARE(c.data.imageFolders.width, 48);
        QVERIFY(c.data.imageFolders.colorMode == ColorMode::Grayscale);
        QVERIFY(c.data.imageFolders.classMode == ClassMode::Sparse);
        QVERIFY(c.augmentation.horizontalFlip);
        QVERIFY(!c.training.earlyStopping.enabled);
        c.validate();
        const Json idx = json::parse(R"({"optimizer": "Adam", "data": {"kind": "IDX"}})");
        QVERIFY(TrainingConfig::fromJson(idx).data.kind == DatasetKind::Idx);
    }

    // The window's form before mode/min_delta/cooldown existed: those take their defaults.
    void readsTheOlderWindowForm() {
        const Json old = json::parse(R"({"optimizer": "adam", "learning_rate": 0.002, "momentum": 0,
            "nesterov": false, "loss": "auto", "batch_size": 16, "epochs": 4, "validation_split": 0.2,
            "seed": 42, "threads": -1, "callbacks": {
              "early_stopping": {"enabled": true, "monitor": "val_accuracy", "min_delta": 0,
                                 "patience": 2, "restore_best_weights": true},
              "model_checkpoint": {"enabled": false, "filepath": "best.safetensors",
                                   "monitor": "val_loss", "save_best_only": true},
              "reduce_lr_on_plateau": {"enabled": true, "monitor": "val_loss", "factor": 0.5,
                                       "patience": 1, "min_lr": 0}}})");
        const TrainingSettings t = TrainingSettings::fromJson(old);
        QCOMPARE(t.learningRate, 0.002);
        QCOMPARE(t.threads, -1);
        QCOMPARE(t.earlyStopping.monitor, std::string("val_accuracy"));
        QCOMPARE(t.earlyStopping.mode, std::string("auto"));
        QCOMPARE(t.reduceLr.factor, 0.5);
        QCOMPARE(t.reduceLr.minDelta, 1e-4);
        QCOMPARE(t.reduceLr.cooldown, 0);
        t.validate();
    }

    void validationNamesTheSetting() {
        auto messageFor = [](auto change) {
            TrainingSettings t;
            change(t);
            return thrownMessage<ConfigError>([&] { t.validate(); });
        };
        QVERIFY(messageFor([](TrainingSettings& t) { t.learningRate = 20; }).find("learning_rate") !=
                std::string::npos);
        QVERIFY(messageFor([](TrainingSettings& t) { t.optimizer = "adamw"; }).find("adamw") !=
                std::string::npos);
        QVERIFY(messageFor([](TrainingSettings& t) { t.loss = "hinge"; }).find("hinge") !=
                std::string::npos);
        QVERIFY(messageFor([](TrainingSettings& t) {
                    t.reduceLr.enabled = true;
                    t.reduceLr.factor = 2;
                }).find("factor") != std::string::npos);
        QVERIFY(messageFor([](TrainingSettings& t) {
                    t.earlyStopping.enabled = true;
                    t.earlyStopping.mode = "up";
                }).find("mode") != std::string::npos);
    }

    // A run's model file carries the config in the one form, with the history, and
    // the config read back from it is the one it trained with.
    void savedMetadataIsTheConfig() {
        TrainingSession session(modelFromJson(kTinyModel), tinyConfig(), tinyData(), Preprocessing{});
        const History h = session.run(nullptr, nullptr);
        QCOMPARE(int(h.epochs.size()), 2);
        const std::string path = tempDir() + "/session.safetensors";
        session.save(path);
        LoadedModel loaded = loadModelFile(path);
        const Json& training = loaded.metadata.training;
        QCOMPARE(json::getString(training, "optimizer", ""), std::string("sgd"));
        QVERIFY(json::find(training, "callbacks"));
        QVERIFY(json::find(training, "data"));
        const Json* history = json::find(training, "history");
        QVERIFY(history);
        QCOMPARE(json::at(*history, "val_loss").size(), size_t(2));
        QCOMPARE(loaded.metadata.dataset, std::string("dark-or-bright"));
        const TrainingConfig back = TrainingConfig::fromJson(training);
        QVERIFY(back.training.toJson() == session.config().training.toJson());
        QVERIFY(loaded.optimizer);
        QCOMPARE(loaded.optimizer->className(), std::string("SGD"));
        const Evaluation test = session.evaluate();
        QCOMPARE(int(test.predicted.size()), 16);
        QCOMPARE(session.testSplitName(), std::string("test"));
    }

    // "auto" is stored as the loss the run used, so evaluate reads it back.
    void autoLossIsStoredResolved() {
        TrainingConfig c = tinyConfig();
        c.training.loss = "auto";
        TrainingSession session(modelFromJson(kTinyModel), c, tinyData(), Preprocessing{});
        QVERIFY(session.loss() == Loss::CategoricalCrossentropy);
        QCOMPARE(json::getString(session.trainingMetadata(nullptr), "loss", ""),
                 std::string("categorical_crossentropy"));
    }

    // A resumed optimizer is the one in use: the metadata names it and its rate.
    void resumedOptimizerIsTheOneStored() {
        auto adam = createOptimizer("adam", json::parse(R"({"learning_rate": 0.004})"));
        TrainingSession session(modelFromJson(kTinyModel), tinyConfig(), tinyData(), Preprocessing{},
                                std::move(adam));
        const Json meta = session.trainingMetadata(nullptr);
        QCOMPARE(json::getString(meta, "optimizer", ""), std::string("adam"));
        QCOMPARE(json::getNumber(meta, "learning_rate", 0), 0.004);
    }

    void modelThatDoesNotTakeTheImagesIsRefused() {
        const char* wide = R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [8, 8, 1]}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})";
        const std::string message = thrownMessage<ShapeError>(
            [&] { TrainingSession(modelFromJson(wide), tinyConfig(), tinyData(), Preprocessing{}); });
        QVERIFY2(message.find("dark-or-bright images are 4x4x1") != std::string::npos, message.c_str());
    }
};

CS_REGISTER_TEST(TrainingSessionTest)
#include "test_training_session.moc"
