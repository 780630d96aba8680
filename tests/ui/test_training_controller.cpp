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

#include "core/errors.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
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
        QVERIFY(finished.wait(30000));
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
