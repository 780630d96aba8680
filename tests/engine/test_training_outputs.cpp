// The files a training run writes as it goes — the CSV log and ModelCheckpoint's
// saves — when writing them fails: the failure is reported as an event naming
// the file and the run goes on; wrong paths fail before the first batch.
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/core/random.h"
#include "engine/io/atomic_file.h"
#include "engine/training/csv_logger.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/optimizer.h"
#include "engine/training/trainer.h"

#include <QtTest>
#include <filesystem>

using namespace cs;
using namespace cs::test;
namespace fs = std::filesystem;

namespace {

const char* kTinyModel = R"({"layers": [
    {"class_name": "InputLayer", "config": {"shape": [4, 4, 1]}},
    {"class_name": "Flatten", "config": {}},
    {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})";

// A host that records events and whose saves fail for the paths it is told.
class RecordingHost : public CallbackHost {
public:
    RecordingHost() : model_(modelFromJson(kTinyModel)) { model_.build(1); }
    Model& model() override { return model_; }
    Optimizer& optimizer() override { return sgd_; }
    void stopTraining() override {}
    void report(const TrainingEvent& e) override { events.push_back(e); }
    void saveModel(const std::string& path) override {
        if (path == failingPath) throw IoError(path + ": cannot write: No space left on device");
        saved.push_back(path);
    }
    std::string failingPath;
    std::vector<TrainingEvent> events;
    std::vector<std::string> saved;

private:
    Model model_;
    SGD sgd_;
};

std::vector<TrainingEvent::Kind> kindsOf(const std::vector<TrainingEvent>& events) {
    std::vector<TrainingEvent::Kind> kinds;
    for (const auto& e : events)
        kinds.push_back(e.kind);
    return kinds;
}

} // namespace

class TrainingOutputsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aLogWriteErrorIsReportedOnce() {
        // /dev/full: every write fails with "No space left on device", as a full disk.
        RecordingHost host;
        CSVLogger log("/dev/full");
        log.onTrainBegin(host);
        log.onEpochEnd(0, {{"loss", 0.5}}, host);
        log.onEpochEnd(1, {{"loss", 0.25}}, host);
        log.onTrainEnd(host);
        QCOMPARE(int(host.events.size()), 1);
        const TrainingEvent& e = host.events[0];
        QVERIFY(e.kind == TrainingEvent::Kind::LogWriteFailed);
        QCOMPARE(e.epoch, 0);
        QCOMPARE(QString::fromStdString(e.path), QString("/dev/full"));
        QVERIFY2(QString::fromStdString(e.message.english())
                     .startsWith("/dev/full: cannot write the CSV log: No space left"),
                 e.message.english().c_str());
        QVERIFY(log.failed());
    }

    void aFailedCheckpointIsReportedAndTheRunGoesOn() {
        // A real run whose checkpoint of epoch 2 cannot be written: all 3 epochs
        // train, epochs 1 and 3 are saved, epoch 2's failure is an event.
        const std::string dir = tempDir() + "/failed-checkpoint";
        fs::create_directories(dir);
        Model model = modelFromJson(kTinyModel);
        SGD sgd;
        FitOptions options;
        options.epochs = 3;
        options.batchSize = 8;
        options.threads = 1;
        Trainer trainer(model, sgd, Loss::SparseCategoricalCrossentropy, options);
        trainer.setModelSaver([&](const std::string& path) {
            if (path.find("ck-2") != std::string::npos)
                throw IoError(path + ": cannot write: No space left on device");
            writeFileAtomically(path, {"model"});
        });
        ModelCheckpoint checkpoint(dir + "/ck-{epoch}.bin", "loss");
        trainer.addCallback(&checkpoint);
        const History history = trainer.fit(darkOrBright(32), 2);
        QCOMPARE(int(history.epochs.size()), 3);
        QCOMPARE(kindsOf(history.events),
                 (std::vector<TrainingEvent::Kind>{TrainingEvent::Kind::CheckpointSaved,
                                                   TrainingEvent::Kind::CheckpointFailed,
                                                   TrainingEvent::Kind::CheckpointSaved}));
        const TrainingEvent& failed = history.events[1];
        QCOMPARE(failed.epoch, 1);
        QCOMPARE(QString::fromStdString(failed.path), QString::fromStdString(dir + "/ck-2.bin"));
        QVERIFY2(QString::fromStdString(failed.message.english())
                     .contains(QString::fromStdString(dir + "/ck-2.bin")),
                 failed.message.english().c_str());
        QVERIFY(fs::exists(dir + "/ck-1.bin") && fs::exists(dir + "/ck-3.bin"));
        QCOMPARE(QString::fromStdString(checkpoint.lastSaved()),
                 QString::fromStdString(dir + "/ck-3.bin"));
    }

    void bestOnlyComparesWithTheBestModelSaved() {
        // The save of 0.4 fails: 0.45 is then better than the 0.5 on disk and is saved.
        RecordingHost host;
        host.failingPath = "best-03.bin";
        ModelCheckpoint ck("best-{epoch:02d}.bin", "val_loss", true);
        const double values[] = {0.5, 0.6, 0.4, 0.45, 0.47};
        for (int e = 0; e < 5; ++e)
            ck.onEpochEnd(e, {{"val_loss", values[e]}}, host);
        QCOMPARE(host.saved, (std::vector<std::string>{"best-01.bin", "best-04.bin"}));
        QCOMPARE(kindsOf(host.events),
                 (std::vector<TrainingEvent::Kind>{TrainingEvent::Kind::CheckpointSaved,
                                                   TrainingEvent::Kind::CheckpointFailed,
                                                   TrainingEvent::Kind::CheckpointSaved}));
    }

    void aCheckpointPathIsCheckedBeforeTraining() {
        // A missing folder and a field the run does not compute fail before the
        // first batch, not at the end of the first epoch.
        const std::string missing = tempDir() + "/no-such-folder/ck.bin";
        Model model = modelFromJson(kTinyModel);
        SGD sgd;
        FitOptions options;
        options.epochs = 1;
        Trainer trainer(model, sgd, Loss::SparseCategoricalCrossentropy, options);
        int saves = 0;
        trainer.setModelSaver([&](const std::string&) { ++saves; });
        ModelCheckpoint ck(missing, "loss");
        trainer.addCallback(&ck);
        const QString err = QString::fromStdString(
            thrownMessage<IoError>([&] { trainer.fit(darkOrBright(16), 2); }));
        QVERIFY2(err.startsWith(QString::fromStdString(missing)) && err.contains("does not exist"),
                 qPrintable(err));
        QCOMPARE(saves, 0);

        ModelCheckpoint unknownField(tempDir() + "/ck-{val_acc:.2f}.bin", "loss");
        const QString field = QString::fromStdString(thrownMessage<ConfigError>([&] {
            unknownField.checkLogs({"loss", "accuracy", "learning_rate"});
        }));
        QVERIFY2(field.contains("{val_acc}"), qPrintable(field));
    }
};

CS_REGISTER_TEST(TrainingOutputsTest)
#include "test_training_outputs.moc"
