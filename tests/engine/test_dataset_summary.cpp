// Tests of the data set dispatcher (every kind by content, clear errors for
// anything else), the data set summary (counts per class and split, balance),
// sampling the first images of a split, and the labelled grid picture.
#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/dataset_summary.h"
#include "engine/data/image_grid.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>

using namespace cs;

namespace {

std::string shared(const std::string& name) {
    return cs::test::sharedDatasetsDir() + "/" + name;
}

ImageFolderOptions target(int side) {
    ImageFolderOptions o;
    o.height = o.width = side;
    return o;
}

} // namespace

class DatasetSummaryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKindIsRecognised() {
        CS_REQUIRE_DATA(cs::test::sharedDatasetsDir());
        QCOMPARE(detectDatasetKind(shared("mnist")), DatasetKind::Idx);
        QCOMPARE(detectDatasetKind(shared("cifar-10-batches-bin")), DatasetKind::Cifar10);
        QCOMPARE(detectDatasetKind(shared("cats_and_dogs_filtered")), DatasetKind::ImageFolders);
        QCOMPARE(datasetKindName(DatasetKind::Cifar10), std::string("CIFAR-10 binary"));
        if (std::filesystem::exists(cs::test::fashionMnistDir())) {
            const Dataset fashion = loadDataset(cs::test::fashionMnistDir());
            QCOMPARE(fashion.name, std::string("Fashion-MNIST"));
            QCOMPARE(fashion.train.count(), 60000);
            QCOMPARE(fashion.test.count(), 10000);
            QCOMPARE(fashion.classNames[size_t(fashion.train.labels[0])],
                     std::string("Ankle boot"));
            QCOMPARE(fashion.test.labels[0], 9);
        }
        const std::string absent = cs::test::tempDir() + "/absent";
        CS_CHECK_THROWS(DataError, loadDataset(absent), absent + ": no such folder");
        const std::string file = cs::test::freshDataFolder("plain") + "/file.bin";
        cs::test::writeBytes(file, {1, 2, 3});
        CS_CHECK_THROWS(DataError, detectDatasetKind(file), "file.bin: not a folder");
        const std::string partial = cs::test::freshDataFolder("partial-idx");
        std::filesystem::copy(shared("mnist") + "/t10k-labels-idx1-ubyte.gz", partial);
        CS_CHECK_THROWS(DataError, loadDataset(partial), "missing train-images-idx3-ubyte");
    }

    void mnistSummary() {
        CS_REQUIRE_DATA(shared("mnist"));
        const Dataset mnist = loadDataset(shared("mnist"));
        const DatasetSummary s = summarizeDataset(mnist, "IDX");
        QCOMPARE(s.height, 28);
        QCOMPARE(s.channels, 1);
        QCOMPARE(s.splits.size(), size_t(2));
        const SplitSummary* train = s.split("train");
        QVERIFY(train);
        QCOMPARE(train->count, 60000);
        QCOMPARE(train->perClass[1], 6742);
        QCOMPARE(train->perClass[5], 5421);
        QCOMPARE(train->balance(), 5421.0 / 6742.0);
        QCOMPARE(s.split("test")->perClass[5], 892);
        QVERIFY(!s.split("validation"));
        const std::string text = s.text();
        QVERIFY2(text.find("28x28, 1 channel (grey)") != std::string::npos, text.c_str());
        const size_t row = text.find("\n1 1 ");
        QVERIFY2(row != std::string::npos, text.c_str());
        const std::string line = text.substr(row + 1, text.find('\n', row + 1) - row - 1);
        QVERIFY2(line.find(" 6,742 ") != std::string::npos && line.ends_with(" 1,135"),
                 line.c_str());
        QVERIFY2(text.find("train 0.80 test 0.79") != std::string::npos, text.c_str());
    }

    void catsAndDogsSample() {
        CS_REQUIRE_DATA(shared("mnist"));
        CS_REQUIRE_DATA(shared("cats_and_dogs_filtered"));
        const DatasetSample sample =
            sampleDataset(shared("cats_and_dogs_filtered"), target(64), "validation", 5);
        QCOMPARE(sample.summary.kind, std::string("image folders"));
        QVERIFY(sample.summary.resized);
        QCOMPARE(sample.summary.split("train")->perClass, (std::vector<int>{1000, 1000}));
        QCOMPARE(sample.summary.split("validation")->balance(), 1.0);
        QCOMPARE(sample.images.count(), 5);
        QCOMPARE(sample.images.height, 64);
        // The sample takes classes in turn, so a grid shows both.
        QCOMPARE(sample.images.labels, (std::vector<int32_t>{0, 1, 0, 1, 0}));
        CS_CHECK_THROWS(DataError,
                        sampleDataset(shared("cats_and_dogs_filtered"), target(64), "test", 3),
                        "has no test images");
        CS_CHECK_THROWS(ConfigError, sampleDataset(shared("mnist"), {}, "training", 3),
                        "unknown split 'training'");
        CS_CHECK_THROWS(DataError, sampleDataset(shared("mnist"), {}, "validation", 3),
                        "train and test splits only");
    }

    void gridPicture() {
        CS_REQUIRE_DATA(shared("mnist"));
        const DatasetSample sample = sampleDataset(shared("mnist"), {}, "train", 9);
        QCOMPARE(sample.images.labels, (std::vector<int32_t>{5, 0, 4, 1, 9, 2, 1, 3, 1}));
        const std::vector<GridCell> cells = gridCells(sample.images, 9, sample.summary.classNames);
        QCOMPARE(cells.size(), size_t(9));
        QCOMPARE(cells[0].label, std::string("5"));
        const cv::Mat grid = drawImageGrid(cells, GridStyle{});
        // 28 px enlarged 4x to 112; 3 columns of 112 + margins of 8; rows add a 22 px label.
        QCOMPARE(grid.cols, 8 + 3 * (112 + 8));
        QCOMPARE(grid.rows, 8 + 3 * (112 + 22 + 8));
        // The digit's pixels are where they should be: MNIST image 0 has 240 at (14, 14).
        const cv::Vec3b centre = grid.at<cv::Vec3b>(8 + 14 * 4 + 1, 8 + 14 * 4 + 1);
        QCOMPARE(int(centre[0]), 240);
        // A label is drawn in black under the first cell.
        bool ink = false;
        for (int y = 8 + 112; y < 8 + 112 + 22; ++y)
            for (int x = 8; x < 8 + 112; ++x)
                ink = ink || grid.at<cv::Vec3b>(y, x)[0] < 100;
        QVERIFY(ink);
        const std::string path = cs::test::freshDataFolder("grid") + "/grid.png";
        writeImageFile(path, grid);
        const cv::Mat back = cv::imread(path);
        QCOMPARE(back.size(), grid.size());
        QCOMPARE(cv::norm(back, grid, cv::NORM_INF), 0.0);
        CS_CHECK_THROWS(ConfigError, writeImageFile(path + ".nope", grid),
                        "cannot write images of type '.nope'");
        CS_CHECK_THROWS(DataError, drawImageGrid({}), "no images");
    }
};

CS_REGISTER_TEST(DatasetSummaryTest)

#include "test_dataset_summary.moc"
