// The training controller on a few hundred Fashion-MNIST images: progress
// arrives through queued signals on the GUI thread, a run finishes with a
// trained model and a test evaluation, Stop ends a run within a second, Pause
// holds the worker between batches until Resume, and shutdown() (closing the
// window) joins a running worker at once.
#include "ui_test_support.h"

#include "datapage/loaded_dataset.h"
#include "document/project_document.h"
#include "training/training_controller.h"
#include "training/training_job.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace ui;

class TrainingControllerTest : public QObject {
    Q_OBJECT

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
        QVERIFY(finished.wait(30000));
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

    void stopEndsTheRunWithinASecond() {
        TrainingController controller;
        controller.setBatchInterval(0);
        QSignalSpy batches(&controller, &TrainingController::batchProgress);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(50, 4000)));
        QVERIFY(batches.wait(20000));
        QElapsedTimer timer;
        timer.start();
        controller.stop();
        QVERIFY(finished.wait(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
        const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(outcome.stopped);
        QVERIFY(!outcome.failed);
    }

    void pauseHoldsTheWorkerUntilResume() {
        TrainingController controller;
        controller.setBatchInterval(0);
        QSignalSpy batches(&controller, &TrainingController::batchProgress);
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(job(50, 4000)));
        QVERIFY(batches.wait(20000));
        controller.pause();
        QVERIFY(controller.isPaused());
        // The batch being run may still report; after that nothing comes.
        batches.wait(500);
        batches.clear();
        QVERIFY(!batches.wait(400));
        controller.resume();
        QVERIFY(batches.wait(5000));
        controller.stop();
        QVERIFY(finished.wait(5000));
    }

    void shutdownJoinsARunningWorker() {
        auto controller = std::make_unique<TrainingController>();
        QSignalSpy batches(controller.get(), &TrainingController::batchProgress);
        QVERIFY(controller->start(job(50, 4000)));
        QVERIFY(batches.wait(20000));
        controller->pause(); // a paused worker must wake up to stop too
        QElapsedTimer timer;
        timer.start();
        controller.reset(); // the destructor shuts down and joins
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }
};

UI_TEST_CLASS(TrainingControllerTest);
#include "test_training_controller.moc"
