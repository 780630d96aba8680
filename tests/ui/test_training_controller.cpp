// The training controller on a few hundred Fashion-MNIST images: progress
// arrives through queued signals on the GUI thread, a run finishes with a
// trained model and a test evaluation, Stop ends a run at the next batch with
// no validation or test pass after it, Pause holds the worker after its batch
// until Resume, and shutdown() joins a running (even paused) worker. Nothing
// here measures time: the worker says where it holds, and the tests check the
// order and count of what arrives (timeouts only catch hangs).
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_document.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_job.h"

#include "engine/core/errors.h"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace ui;

class TrainingControllerTest : public QObject {
    Q_OBJECT

    static constexpr int kHang = 120000; // only a hang takes this long

    std::shared_ptr<const LoadedDataset> data_;
    ProjectContent project_;

    std::unique_ptr<TrainingJob> job(int epochs, int trainLimit) {
        ProjectSettings s = project_.settings;
        s.training.epochs = epochs;
        s.training.batchSize = 32;
        s.training.validationSplit = 0.25;
        TrainingJobOptions o;
        o.trainLimit = trainLimit;
        o.testLimit = 300;
        return std::make_unique<TrainingJob>(project_.graph, s, data_, o);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDir(uitest::fashionMnistDir()).exists(), "Fashion-MNIST is missing");
        project_ = ProjectDocument::defaultProject();
        project_.settings.data.folder = uitest::fashionMnistDir().toStdString();
        data_ = LoadedDataset::load(project_.settings.data);
        QVERIFY(data_->inMemory());
    }

    void shortRunReportsProgressAndFinishes() {
        TrainingController controller;
        QSignalSpy batches(&controller, &TrainingController::batchProgress);
        QSignalSpy epochs(&controller, &TrainingController::epochEnded);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(2, 400)));
        QVERIFY(controller.isRunning());
        QVERIFY(finished.wait(kHang));
        QVERIFY(!controller.isRunning());
        QCOMPARE(epochs.count(), 2);
        QVERIFY(batches.count() >= 2); // at least each epoch's last batch
        const auto last = batches.last().at(0).value<BatchUpdate>();
        QCOMPARE(last.epoch, 1);
        QCOMPARE(last.batch, last.batches);
        QCOMPARE(last.batches, 10); // 300 training images (400 less a quarter) in 32s
        const auto epoch = epochs.last().at(0).value<EpochUpdate>();
        QVERIFY(epoch.hasValidation());
        QVERIFY(epoch.loss > 0 && epoch.accuracy > 0.2);
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY2(!outcome.failed, qPrintable(outcome.error));
        QCOMPARE(outcome.epochsRun, 2);
        QVERIFY(outcome.trained);
        QCOMPARE(outcome.trained->metadata.classNames.size(), size_t(10));
        QVERIFY(outcome.test.done);
        QCOMPARE(outcome.test.confusion.total(), int64_t(300));
    }

    void imageFoldersStreamTrainingAndTest() {
        // Two classes of 16x16 images, dark and bright, in train/ and test/ folders.
        const QString root = QDir(uitest::tempDir()).filePath("folders");
        for (const char* split : {"train", "test"})
            for (int c = 0; c < 2; ++c) {
                const QString dir = QString("%1/%2/%3").arg(root, split, c ? "bright" : "dark");
                QVERIFY(QDir().mkpath(dir));
                for (int i = 0; i < 12; ++i) {
                    QImage image(16, 16, QImage::Format_Grayscale8);
                    image.fill(c ? 200 + i : 20 + i);
                    QVERIFY(image.save(QString("%1/%2.png").arg(dir).arg(i)));
                }
            }
        ProjectSettings settings;
        settings.data.kind = cs::DatasetKind::ImageFolders;
        settings.data.folder = root.toStdString();
        settings.data.imageFolders.height = settings.data.imageFolders.width = 16;
        settings.data.imageFolders.colorMode = cs::ColorMode::Grayscale;
        settings.training.epochs = 2;
        settings.training.batchSize = 8;
        auto data = LoadedDataset::load(settings.data);
        QCOMPARE(data->classCount(), 2);
        QVERIFY(!data->inMemory());
        TrainingController controller;
        QSignalSpy epochs(&controller, &TrainingController::epochEnded);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(std::make_unique<TrainingJob>(
            ProjectDocument::starterGraph({16, 16, 1, 2}), settings, data, TrainingJobOptions{})));
        QVERIFY(finished.wait(kHang));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY2(!outcome.failed, qPrintable(outcome.error));
        QCOMPARE(epochs.count(), 2);
        QCOMPARE(outcome.test.split, QString("test"));
        QCOMPARE(outcome.test.confusion.total(), int64_t(24));
        QCOMPARE(outcome.test.truth.size(), size_t(24));
        QCOMPARE(outcome.trained->metadata.classNames,
                 (std::vector<std::string>{"bright", "dark"}));
    }

    void threadsSettingReservesACoreOnRequest() {
        const int cores = std::max(1, QThread::idealThreadCount());
        QCOMPARE(effectiveThreads(0), cores);
        QCOMPARE(effectiveThreads(-1), std::max(1, cores - 1));
        QCOMPARE(effectiveThreads(1), 1);
        QCOMPARE(effectiveThreads(cores + 5), cores);
        ProjectSettings s = project_.settings;
        s.training.threads = -1;
        TrainingJob job(project_.graph, s, data_, {});
        QCOMPARE(job.fitOptions().threads, std::max(1, cores - 1));
    }

    void aModelThatDoesNotFitTheDataIsRefusedAtOnce() {
        QVERIFY_THROWS_EXCEPTION(cs::Error,
                                 TrainingJob(ProjectDocument::starterGraph({32, 32, 3, 10}),
                                             project_.settings, data_, {}));
    }

    // Pauses a running controller and returns where the worker holds; by then every
    // batch up to that point has been reported (the signals arrive in order).
    static HoldPoint pauseAndWaitForHold(TrainingController& controller, QSignalSpy& held) {
        controller.pause();
        if (held.isEmpty() && !held.wait(kHang)) return {-1, -1, -1, false};
        return held.takeFirst().at(0).value<HoldPoint>();
    }

    void stopEndsTheRunAtTheNextBatch() {
        TrainingController controller;
        controller.setBatchInterval(0); // every batch is reported
        QSignalSpy batches(&controller, &TrainingController::batchProgress);
        QSignalSpy held(&controller, &TrainingController::held);
        QSignalSpy epochs(&controller, &TrainingController::epochEnded);
        QSignalSpy validation(&controller, &TrainingController::validationProgress);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(50, 4000)));
        QVERIFY(batches.wait(kHang));
        const HoldPoint at = pauseAndWaitForHold(controller, held);
        QVERIFY(at.epoch >= 0);
        if (!at.validating) {
            const auto last = batches.last().at(0).value<BatchUpdate>();
            QCOMPARE(last.epoch, at.epoch);
            QCOMPARE(last.batch, at.batch);
        }
        const int batchesAtHold = int(batches.count()), epochsAtHold = int(epochs.count());
        const int validationAtHold = int(validation.count());
        controller.stop();
        QVERIFY(finished.wait(kHang));
        // Nothing ran after the batch it held at: no batch, no validation, no epoch end.
        QCOMPARE(int(batches.count()), batchesAtHold);
        QCOMPARE(int(validation.count()), validationAtHold);
        QCOMPARE(int(epochs.count()), epochsAtHold);
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(outcome.stopped);
        QVERIFY(!outcome.failed);
        QVERIFY(!outcome.test.done); // no test pass after a stop
        QCOMPARE(outcome.epochsRun, epochsAtHold);
        QCOMPARE(outcome.partialEpoch, at.epoch);
        QCOMPARE(outcome.partialInValidation, at.validating || at.batch == at.batches);
        if (!at.validating) QCOMPARE(outcome.partialBatches, at.batch);
        QVERIFY(outcome.trained);
    }

    void pauseHoldsTheWorkerUntilResume() {
        TrainingController controller;
        controller.setBatchInterval(0);
        QSignalSpy batches(&controller, &TrainingController::batchProgress);
        QSignalSpy held(&controller, &TrainingController::held);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(50, 4000)));
        QVERIFY(batches.wait(kHang));
        HoldPoint at = pauseAndWaitForHold(controller, held);
        while (at.validating || at.batch == at.batches) { // hold again inside an epoch's training
            controller.resume();
            QVERIFY(batches.wait(kHang)); // it ran on (a batch reported after Resume)
            at = pauseAndWaitForHold(controller, held);
        }
        QVERIFY(controller.isPaused());
        const int reportsAtHold = int(batches.count());
        QCOMPARE(batches.last().at(0).value<BatchUpdate>().batch, at.batch);
        controller.resume();
        QVERIFY(batches.count() > reportsAtHold || batches.wait(kHang));
        // The first batch after Resume is the one right after where it held: none ran meanwhile.
        const auto next = batches.at(reportsAtHold).at(0).value<BatchUpdate>();
        QCOMPARE(next.epoch, at.epoch);
        QCOMPARE(next.batch, at.batch + 1);
        controller.stop();
        QVERIFY(finished.wait(kHang));
        QVERIFY(finished.at(0).at(0).value<TrainingOutcome>().stopped);
    }

    void shutdownJoinsARunningWorker() {
        auto controller = std::make_unique<TrainingController>();
        QSignalSpy batches(controller.get(), &TrainingController::batchProgress);
        QSignalSpy held(controller.get(), &TrainingController::held);
        QVERIFY(controller->start(job(50, 4000)));
        QVERIFY(batches.wait(kHang));
        QVERIFY(pauseAndWaitForHold(*controller, held).epoch >= 0);
        // A worker holding in Pause must wake up to stop: the destructor's join returns
        // (a hang here is what ctest's timeout would catch).
        controller.reset();
        QVERIFY(!controller);
    }

    void aStopDuringTheTestPassEndsIt() {
        // The trainer finishes (1 epoch of 64 images); the stop arrives while the test
        // split (the whole 10,000) is evaluated: it ends between batches, not done.
        TrainingController controller;
        QSignalSpy epochs(&controller, &TrainingController::epochEnded);
        QSignalSpy finished(&controller, &TrainingController::finished);
        ProjectSettings s = project_.settings;
        s.training.epochs = 1;
        s.training.batchSize = 32;
        s.training.validationSplit = 0;
        TrainingJobOptions o;
        o.trainLimit = 64;
        o.testLimit = 0;
        QVERIFY(controller.start(std::make_unique<TrainingJob>(project_.graph, s, data_, o)));
        QVERIFY(epochs.wait(kHang));
        controller.stop();
        QVERIFY(finished.wait(kHang));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QCOMPARE(outcome.epochsRun, 1);
        // Either the stop came before the test pass ended (then it is not done and the run
        // counts as stopped) or the pass had already finished all 10,000 images.
        if (outcome.test.done) {
            QCOMPARE(outcome.test.confusion.total(), int64_t(10000));
        } else {
            QVERIFY(outcome.stopped);
        }
    }
};

UI_TEST_CLASS(TrainingControllerTest);
#include "test_training_controller.moc"
