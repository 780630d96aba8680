// Tests of the CIFAR-10 binary reader: the partial CIFAR-10 in ../shared
// (expected values computed independently with Python from the raw bytes),
// the planar-to-HWC conversion, and broken folders and files.
#include "engine/core/errors.h"
#include "engine/data/cifar_reader.h"
#include "engine/data/dataset_loader.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <numeric>

using namespace cs;
using cs::test::writeBytes;

namespace {

std::string cifarDir() {
    return cs::test::sharedDatasetsDir() + "/cifar-10-batches-bin";
}

// One record: label, then R plane = (p + seed) % 256, G = 100 + seed, B = 200 - seed.
std::vector<uint8_t> record(uint8_t label, int seed) {
    std::vector<uint8_t> r{label};
    for (int p = 0; p < 1024; ++p)
        r.push_back(uint8_t((p + seed) % 256));
    r.insert(r.end(), 1024, uint8_t(100 + seed));
    r.insert(r.end(), 1024, uint8_t(200 - seed));
    return r;
}

std::vector<uint8_t> records(std::initializer_list<uint8_t> labels) {
    std::vector<uint8_t> out;
    int seed = 0;
    for (uint8_t l : labels) {
        auto r = record(l, seed++);
        out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

} // namespace

class CifarReaderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void partialCifar10Loads() {
        CS_REQUIRE_DATA(cifarDir());
        QVERIFY(isCifarFolder(cifarDir()));
        QCOMPARE(detectDatasetKind(cifarDir()), DatasetKind::Cifar10);
        const Dataset ds = loadDataset(cifarDir());
        QCOMPARE(ds.name, std::string("CIFAR-10"));
        QCOMPARE(ds.classNames,
                 (std::vector<std::string>{"airplane", "automobile", "bird", "cat", "deer", "dog",
                                           "frog", "horse", "ship", "truck"}));
        QCOMPARE(ds.train.count(), 20000);
        QCOMPARE(ds.test.count(), 10000);
        QCOMPARE(ds.train.height, 32);
        QCOMPARE(ds.train.width, 32);
        QCOMPARE(ds.train.channels, 3);
        QCOMPARE(ds.train.pixels.size(), size_t(20000) * 3072);
        QCOMPARE(ds.train.labels[0], 3); // cat
        QCOMPARE(ds.train.labels[1], 4);
        QCOMPARE(ds.train.labels[2], 7);
        QCOMPARE(ds.train.labels[3], 1);
        QCOMPARE(ds.train.labels[4], 5);
        QCOMPARE(ds.train.labels[10000], 9); // first record of data_batch_2.bin
        QCOMPARE(ds.train.labels.back(), 3);
        QCOMPARE(ds.test.labels[0], 0);
        QCOMPARE(ds.test.labels[1], 6);
        QCOMPARE(ds.test.labels.back(), 7);
        QCOMPARE(std::accumulate(ds.train.labels.begin(), ds.train.labels.end(), 0), 90168);
        // Planar R, G, B became interleaved: pixel (0, 0) and R at row 1, column 2.
        const uint8_t* first = ds.train.image(0);
        QCOMPARE(int(first[0]), 81);
        QCOMPARE(int(first[1]), 134);
        QCOMPARE(int(first[2]), 42);
        QCOMPARE(int(first[(32 + 2) * 3]), 89);
        QCOMPARE(std::accumulate(first, first + 3072, 0), 285248);
    }

    void planarRecordsBecomeHwc() {
        const std::string dir = cs::test::freshDataFolder("cifar-small");
        writeBytes(dir + "/data_batch_1.bin", records({1, 2}));
        writeBytes(dir + "/data_batch_2.bin", records({3}));
        writeBytes(dir + "/data_batch_10.bin", records({4, 5, 6}));
        writeBytes(dir + "/test_batch.bin", records({9}));
        writeBytes(dir + "/batches.meta.txt", {});
        const std::string names = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n";
        writeBytes(dir + "/batches.meta.txt", std::vector<uint8_t>(names.begin(), names.end()));
        // Numeric order: 1, 2, 10 (not 1, 10, 2).
        const auto batches = cifarTrainingBatches(dir);
        QCOMPARE(batches.size(), size_t(3));
        QVERIFY(batches[2].ends_with("data_batch_10.bin"));
        const Dataset ds = loadCifarDataset(dir);
        QCOMPARE(ds.classNames.size(), size_t(10));
        QCOMPARE(ds.classNames[9], std::string("j"));
        QCOMPARE(ds.train.labels, (std::vector<int32_t>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(ds.test.labels, (std::vector<int32_t>{9}));
        const uint8_t* img = ds.train.image(1); // seed 1
        for (int p : {0, 5, 1023}) {
            QCOMPARE(int(img[3 * p + 0]), (p + 1) % 256);
            QCOMPARE(int(img[3 * p + 1]), 101);
            QCOMPARE(int(img[3 * p + 2]), 199);
        }
    }

    void sizeNotMultipleOfRecord() {
        const std::string dir = cs::test::freshDataFolder("cifar-bad-size");
        std::vector<uint8_t> bytes = records({1, 2});
        bytes.resize(bytes.size() + 5);
        writeBytes(dir + "/data_batch_1.bin", bytes);
        writeBytes(dir + "/test_batch.bin", records({0}));
        CS_CHECK_THROWS(FormatError, loadDataset(dir), dir + "/data_batch_1.bin", "size 6151 bytes",
                        "not a multiple of the 3073-byte");
        bytes.resize(3074 * 2); // two CIFAR-100 records
        writeBytes(dir + "/data_batch_1.bin", bytes);
        CS_CHECK_THROWS(FormatError, loadDataset(dir), "data_batch_1.bin", "CIFAR-100");
        writeBytes(dir + "/data_batch_1.bin", {});
        CS_CHECK_THROWS(FormatError, loadDataset(dir), "data_batch_1.bin", "empty");
    }

    void labelOutsideClasses() {
        const std::string dir = cs::test::freshDataFolder("cifar-bad-label");
        writeBytes(dir + "/data_batch_1.bin", records({1, 12}));
        writeBytes(dir + "/test_batch.bin", records({0}));
        CS_CHECK_THROWS(FormatError, loadCifarDataset(dir), "data_batch_1.bin",
                        "record 1 has label 12", "10 classes");
        const std::string three = "cat\ndog\nbird\n";
        writeBytes(dir + "/data_batch_1.bin", records({1, 2}));
        writeBytes(dir + "/batches.meta.txt", std::vector<uint8_t>(three.begin(), three.end()));
        QCOMPARE(loadCifarDataset(dir).classCount(), 3);
        writeBytes(dir + "/test_batch.bin", records({5}));
        CS_CHECK_THROWS(FormatError, loadCifarDataset(dir), "test_batch.bin",
                        "record 0 has label 5", "3 classes");
    }

    void missingFiles() {
        const std::string dir = cs::test::freshDataFolder("cifar-missing");
        writeBytes(dir + "/data_batch_1.bin", records({1}));
        QVERIFY(isCifarFolder(dir));
        CS_CHECK_THROWS(DataError, loadDataset(dir), dir, "missing test_batch.bin");
        std::filesystem::remove(dir + "/data_batch_1.bin");
        writeBytes(dir + "/test_batch.bin", records({1}));
        CS_CHECK_THROWS(DataError, loadCifarDataset(dir), dir, "no data_batch_*.bin");
    }
};

CS_REGISTER_TEST(CifarReaderTest)

#include "test_cifar_reader.moc"
