// Tests of the IDX reader (MNIST, Fashion-MNIST) and the gzip reader under it:
// the real data sets, raw copies of them, and broken files made on the fly.
#include "engine/core/errors.h"
#include "engine/data/idx_reader.h"
#include "engine/io/gzip_reader.h"
#include "tests/engine/test_registry.h"

#include <QElapsedTimer>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <numeric>
#include <string>
#include <vector>

using namespace cs;
using cs::test::thrownMessage;
namespace fs = std::filesystem;

namespace {

using Bytes = std::vector<uint8_t>;

const char* const kIdxNames[] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

std::string mnistDir() {
    return cs::test::sharedDatasetsDir() + "/mnist";
}

Bytes idxFile(const std::vector<uint32_t>& dims, const Bytes& data, uint8_t type = 0x08) {
    Bytes bytes{0, 0, type, uint8_t(dims.size())};
    for (uint32_t d : dims)
        for (int shift : {24, 16, 8, 0})
            bytes.push_back(uint8_t(d >> shift));
    bytes.insert(bytes.end(), data.begin(), data.end());
    return bytes;
}

void writeFile(const std::string& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    QVERIFY2(out.good(), path.c_str());
}

void writeText(const std::string& path, const std::string& text) {
    writeFile(path, Bytes(text.begin(), text.end()));
}

Bytes readStoredBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fresh, empty folder under the test's temporary folder.
std::string freshFolder(const std::string& name) {
    fs::path dir = fs::path(cs::test::tempDir()) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

// A tiny data set of 2x3 images whose pixel values encode (image, pixel).
std::string writeSmallSet(const std::string& name, const Bytes& trainLabels,
                          const Bytes& testLabels, int trainImages = -1) {
    std::string dir = freshFolder(name);
    auto images = [](int count) {
        Bytes pixels;
        for (int i = 0; i < count; ++i)
            for (int p = 0; p < 6; ++p)
                pixels.push_back(uint8_t(10 * i + p));
        return idxFile({uint32_t(count), 2, 3}, pixels);
    };
    if (trainImages < 0) trainImages = int(trainLabels.size());
    writeFile(dir + "/train-images-idx3-ubyte", images(trainImages));
    writeFile(dir + "/train-labels-idx1-ubyte",
              idxFile({uint32_t(trainLabels.size())}, trainLabels));
    writeFile(dir + "/t10k-images-idx3-ubyte", images(int(testLabels.size())));
    writeFile(dir + "/t10k-labels-idx1-ubyte", idxFile({uint32_t(testLabels.size())}, testLabels));
    return dir;
}

int64_t pixelSum(const ImageSet& set, int image) {
    const uint8_t* p = set.image(image);
    return std::accumulate(p, p + set.imageSize(), int64_t(0));
}

int64_t totalSum(const std::vector<uint8_t>& pixels) {
    return std::accumulate(pixels.begin(), pixels.end(), int64_t(0));
}

// Offset of the deflate data in a gzip member (after the optional header fields).
size_t deflateStart(const Bytes& gz) {
    size_t at = 10;
    const uint8_t flags = gz[3];
    if (flags & 4) at += 2 + (gz[at] | gz[at + 1] << 8);
    if (flags & 8) at = size_t(std::find(gz.begin() + at, gz.end(), 0) - gz.begin()) + 1;
    if (flags & 16) at = size_t(std::find(gz.begin() + at, gz.end(), 0) - gz.begin()) + 1;
    if (flags & 2) at += 2;
    return at;
}

} // namespace

// Checks that `statement` throws Type with a message containing every given part.
#define CHECK_THROWS(Type, statement, ...)                                                         \
    do {                                                                                           \
        const std::string message_ = thrownMessage<Type>([&] { (void)(statement); });              \
        QVERIFY2(message_.rfind("(", 0) != 0, (#Type " expected, got " + message_).c_str());       \
        for (const std::string& part_ : std::initializer_list<std::string>{__VA_ARGS__})           \
            QVERIFY2(message_.find(part_) != std::string::npos,                                    \
                     ("\"" + part_ + "\" missing from: " + message_).c_str());                     \
    } while (false)

class IdxReaderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mnistLoads() {
        CS_REQUIRE_DATA(mnistDir());
        const std::string dir = mnistDir();
        QVERIFY2(isIdxFolder(dir), dir.c_str());
        QElapsedTimer timer;
        timer.start();
        Dataset ds = loadIdxDataset(dir);
        qInfo("MNIST train+test loaded in %lld ms", timer.elapsed());

        QCOMPARE(ds.name, std::string("MNIST"));
        QCOMPARE(ds.source, dir);
        QCOMPARE(ds.classCount(), 10);
        QCOMPARE(ds.classNames.front(), std::string("0"));
        QCOMPARE(ds.classNames.back(), std::string("9"));
        QCOMPARE(ds.train.count(), 60000);
        QCOMPARE(ds.test.count(), 10000);
        for (const ImageSet* set : {&ds.train, &ds.test}) {
            QCOMPARE(set->height, 28);
            QCOMPARE(set->width, 28);
            QCOMPARE(set->channels, 1);
            QCOMPARE(int64_t(set->pixels.size()), set->count() * int64_t(784));
        }
        QCOMPARE(ds.train.labels[0], 5);
        QCOMPARE(ds.train.labels[1], 0);
        QCOMPARE(ds.train.labels[2], 4);
        QCOMPARE(ds.train.labels[3], 1);
        QCOMPARE(ds.train.labels[4], 9);
        QCOMPARE(ds.train.labels.back(), 8);
        QCOMPARE(ds.test.labels[0], 7);
        QCOMPARE(ds.test.labels.back(), 6);
        // Expected values computed independently with Python's gzip module.
        QCOMPARE(pixelSum(ds.train, 0), int64_t(27525));
        QCOMPARE(int(ds.train.image(0)[14 * 28 + 14]), 240);
        QCOMPARE(pixelSum(ds.train, 59999), int64_t(20920));
        QCOMPARE(pixelSum(ds.test, 0), int64_t(18454));
        QCOMPARE(totalSum(ds.train.pixels), int64_t(1567298545));
        QCOMPARE(totalSum(ds.test.pixels), int64_t(264923200));
        QCOMPARE(std::accumulate(ds.train.labels.begin(), ds.train.labels.end(), 0), 267236);
        QCOMPARE(std::accumulate(ds.test.labels.begin(), ds.test.labels.end(), 0), 44434);
    }

    void fashionMnistLoads() {
        const std::string dir = cs::test::fashionMnistDir();
        if (!fs::exists(dir)) QSKIP("Fashion-MNIST is not installed (dataset-fashion-mnist)");
        QVERIFY2(isIdxFolder(dir), dir.c_str());
        QElapsedTimer timer;
        timer.start();
        Dataset ds = loadIdxDataset(dir);
        qInfo("Fashion-MNIST train+test loaded in %lld ms", timer.elapsed());

        QCOMPARE(ds.name, std::string("Fashion-MNIST"));
        QCOMPARE(ds.classCount(), 10);
        QCOMPARE(ds.classNames[0], std::string("T-shirt/top"));
        QCOMPARE(ds.classNames[9], std::string("Ankle boot"));
        QCOMPARE(ds.train.count(), 60000);
        QCOMPARE(ds.test.count(), 10000);
        QCOMPARE(ds.train.height, 28);
        QCOMPARE(ds.train.width, 28);
        QCOMPARE(ds.train.channels, 1);
        QCOMPARE(ds.train.labels[0], 9);
        QCOMPARE(ds.classNames[ds.train.labels[0]], std::string("Ankle boot"));
        QCOMPARE(ds.test.labels[0], 9);
        QCOMPARE(pixelSum(ds.train, 0), int64_t(76247));
        QCOMPARE(pixelSum(ds.test, 0), int64_t(33456));
        QCOMPARE(totalSum(ds.train.pixels), int64_t(3431114169));
    }

    void rawFilesLoadTheSame() {
        CS_REQUIRE_DATA(mnistDir());
        // Uncompressed copies, one of them with the dotted spelling.
        const std::string dir = freshFolder("mnist-raw");
        for (const char* name : kIdxNames) {
            Bytes content = readFileMaybeGzip(mnistDir() + "/" + name + ".gz", 100'000'000);
            std::string target = name;
            if (target == "train-images-idx3-ubyte") target = "train-images.idx3-ubyte";
            writeFile(dir + "/" + target, content);
        }
        QCOMPARE(fs::file_size(dir + "/train-images.idx3-ubyte"), uintmax_t(47040016));
        QVERIFY(isIdxFolder(dir));
        Dataset raw = loadIdxDataset(dir);
        Dataset gz = loadIdxDataset(mnistDir());
        QCOMPARE(raw.name, std::string("MNIST"));
        QCOMPARE(raw.classNames, gz.classNames);
        QCOMPARE(raw.train.count(), 60000);
        QVERIFY(raw.train.pixels == gz.train.pixels);
        QVERIFY(raw.train.labels == gz.train.labels);
        QVERIFY(raw.test.pixels == gz.test.pixels);
        QVERIFY(raw.test.labels == gz.test.labels);
        // A raw file reads back as stored.
        const std::string labels = dir + "/t10k-labels-idx1-ubyte";
        QVERIFY(readFileMaybeGzip(labels, 10008) == readStoredBytes(labels));
    }

    void gzipReaderLimitsAndMembers() {
        CS_REQUIRE_DATA(mnistDir());
        const std::string gz = mnistDir() + "/t10k-labels-idx1-ubyte.gz";
        Bytes content = readFileMaybeGzip(gz, 10008);
        QCOMPARE(content.size(), size_t(10008));
        QVERIFY(
            (Bytes(content.begin(), content.begin() + 8) == Bytes{0, 0, 8, 1, 0, 0, 0x27, 0x10}));
        QVERIFY(readFileHeadMaybeGzip(gz, 8) == Bytes(content.begin(), content.begin() + 8));
        QCOMPARE(readFileHeadMaybeGzip(gz, 1'000'000).size(), size_t(10008));
        // One byte over the limit is refused, naming the file (gzip bomb defence).
        CHECK_THROWS(FormatError, readFileMaybeGzip(gz, 10007), gz, "10007");

        // Two concatenated members decompress to both contents, as with gzip(1).
        Bytes stored = readStoredBytes(gz);
        Bytes twice = stored;
        twice.insert(twice.end(), stored.begin(), stored.end());
        const std::string doubled = freshFolder("gzip-members") + "/twice.gz";
        writeFile(doubled, twice);
        Bytes both = readFileMaybeGzip(doubled, 20016);
        QCOMPARE(both.size(), size_t(20016));
        QVERIFY(Bytes(both.begin() + 10008, both.end()) == content);

        const std::string raw = freshFolder("raw-limit") + "/raw.bin";
        writeFile(raw, Bytes(100, 7));
        QCOMPARE(readFileMaybeGzip(raw, 100).size(), size_t(100));
        CHECK_THROWS(FormatError, readFileMaybeGzip(raw, 99), raw, "99");
        QCOMPARE(readFileHeadMaybeGzip(raw, 10).size(), size_t(10));

        const std::string absent = cs::test::tempDir() + "/no-such-file.gz";
        CHECK_THROWS(IoError, readFileMaybeGzip(absent, 100), absent, "cannot open",
                     "No such file");
    }

    void corruptGzipIsRefused() {
        CS_REQUIRE_DATA(mnistDir());
        const std::string dir = freshFolder("corrupt-gzip");
        const Bytes stored = readStoredBytes(mnistDir() + "/t10k-labels-idx1-ubyte.gz");

        Bytes badBlock = stored; // deflate block type 3 does not exist
        badBlock[deflateStart(stored)] = 0x07;
        writeFile(dir + "/t10k-labels-idx1-ubyte.gz", badBlock);
        CHECK_THROWS(FormatError, readFileMaybeGzip(dir + "/t10k-labels-idx1-ubyte.gz", 1 << 20),
                     "t10k-labels-idx1-ubyte.gz", "corrupt gzip data", "invalid block type");
        CHECK_THROWS(FormatError, readIdxFile(dir + "/t10k-labels-idx1-ubyte.gz", 1),
                     "t10k-labels-idx1-ubyte.gz", "corrupt gzip data");

        Bytes badCrc = stored;
        badCrc[badCrc.size() - 8] ^= 0xFF;
        writeFile(dir + "/crc.gz", badCrc);
        CHECK_THROWS(FormatError, readIdxFile(dir + "/crc.gz", 1), "crc.gz", "corrupt gzip data",
                     "incorrect data check");

        Bytes half(stored.begin(), stored.begin() + std::ptrdiff_t(stored.size() / 2));
        writeFile(dir + "/half.gz", half);
        CHECK_THROWS(FormatError, readIdxFile(dir + "/half.gz", 1), "half.gz",
                     "truncated gzip data");

        Bytes trailing = stored;
        trailing.insert(trailing.end(), {0, 0, 0, 0});
        writeFile(dir + "/padded.gz", trailing);
        QCOMPARE(readIdxFile(dir + "/padded.gz", 1).dims, std::vector<int>{10000});
        trailing.push_back('x');
        writeFile(dir + "/garbage.gz", trailing);
        CHECK_THROWS(FormatError, readIdxFile(dir + "/garbage.gz", 1), "garbage.gz",
                     "after the end of the gzip stream");
    }

    void truncatedImagesFile() {
        const std::string dir = writeSmallSet("truncated", {0, 1}, {1});
        const std::string images = dir + "/train-images-idx3-ubyte";
        writeFile(images, idxFile({100, 28, 28}, Bytes(1000, 1)));
        CHECK_THROWS(FormatError, readIdxFile(images, 3), images,
                     "truncated: header promises 78400 bytes of data, file has 1000");
        CHECK_THROWS(FormatError, loadIdxDataset(dir), images, "truncated");

        writeFile(images, Bytes{0, 0, 8, 3, 0, 0, 0, 2, 0, 0});
        CHECK_THROWS(FormatError, readIdxFile(images, 3), images, "truncated header");
    }

    void extraBytesAreRefused() {
        const std::string file = freshFolder("extra") + "/train-labels-idx1-ubyte";
        writeFile(file, idxFile({4}, Bytes{1, 2, 3, 4, 5}));
        CHECK_THROWS(FormatError, readIdxFile(file, 1), file, "more data than the header promises");
        writeFile(file, idxFile({4}, Bytes{1, 2, 3, 4}));
        IdxArray exact = readIdxFile(file, 1);
        QCOMPARE(exact.dims, std::vector<int>{4});
        QVERIFY((exact.data == Bytes{1, 2, 3, 4}));
    }

    void wrongMagicTypeAndRank() {
        const std::string dir = freshFolder("bad-headers");
        const std::string zip = dir + "/zip-images-idx3-ubyte";
        writeFile(zip, Bytes{'P', 'K', 3, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0});
        CHECK_THROWS(FormatError, readIdxFile(zip, 3), zip, "not an IDX file", "0x50 0x4B");

        const std::string tiny = dir + "/tiny";
        writeFile(tiny, Bytes{0, 0});
        CHECK_THROWS(FormatError, readIdxFile(tiny, 1), tiny, "too short");

        const std::string floats = dir + "/float-images";
        writeFile(floats, idxFile({1, 1, 1}, Bytes(4, 0), 0x0D));
        CHECK_THROWS(FormatError, readIdxFile(floats, 3), floats, "data type 0x0D (float)",
                     "only 0x08");

        const std::string labels = dir + "/labels";
        writeFile(labels, idxFile({3}, Bytes{0, 1, 2}));
        CHECK_THROWS(FormatError, readIdxFile(labels, 3), labels,
                     "expected an IDX file of rank 3 (images), found rank 1");
        CHECK_THROWS(FormatError, readIdxFile(dir + "/float-images", 1), "float-images", "0x0D");

        // A labels file where the images should be: the loader passes the error on.
        const std::string set = writeSmallSet("swapped", {0, 1}, {1});
        writeFile(set + "/t10k-images-idx3-ubyte", idxFile({1}, Bytes{0}));
        CHECK_THROWS(FormatError, loadIdxDataset(set), "t10k-images-idx3-ubyte", "rank 3",
                     "found rank 1");
    }

    void hugeDimsFailFast() {
        const std::string file = freshFolder("huge") + "/train-images-idx3-ubyte";
        // Each message is the header check's own: the bodies were never read.
        writeFile(file, idxFile({0xFFFFFFFFu, 28, 28}, Bytes(1000, 0)));
        CHECK_THROWS(FormatError, readIdxFile(file, 3), file, "dimension 1 of 3 is 4294967295");
        writeFile(file, idxFile({16'000'000, 16'000'000, 16'000'000}, Bytes(1000, 0)));
        CHECK_THROWS(FormatError, readIdxFile(file, 3), file, "more than 4 GiB");
        writeFile(file, idxFile({60000, 0, 28}, Bytes(1000, 0)));
        CHECK_THROWS(FormatError, readIdxFile(file, 3), file, "dimension 2 of 3 is 0");
        // Under the 4 GiB limit but far beyond the file: refused before any allocation.
        writeFile(file, idxFile({5'000'000, 28, 28}, Bytes(1000, 0)));
        CHECK_THROWS(FormatError, readIdxFile(file, 3), file,
                     "header promises 3920000000 bytes of data, file has 1000");
    }

    void countMismatch() {
        const std::string dir = writeSmallSet("mismatch", {0, 1, 2, 1}, {1}, 5);
        CHECK_THROWS(DataError, loadIdxDataset(dir),
                     dir + "/train-images-idx3-ubyte has 5 images but ",
                     dir + "/train-labels-idx1-ubyte has 4 labels");
    }

    void missingFileAndFolder() {
        const std::string dir = writeSmallSet("missing-file", {0, 1}, {1});
        fs::remove(dir + "/t10k-labels-idx1-ubyte");
        QVERIFY(!isIdxFolder(dir));
        CHECK_THROWS(DataError, loadIdxDataset(dir), dir, "missing t10k-labels-idx1-ubyte");

        const std::string absent = cs::test::tempDir() + "/no-such-folder";
        QVERIFY(!isIdxFolder(absent));
        CHECK_THROWS(DataError, loadIdxDataset(absent), absent + ": no such folder");
        QVERIFY(!isIdxFolder(freshFolder("empty")));
    }

    void smallSetNamesAndClasses() {
        // Test labels reach higher than train labels: both count.
        const std::string dir = writeSmallSet("digits-small", {0, 1, 2, 1, 0}, {4, 0, 1});
        Dataset ds = loadIdxDataset(dir + "/");
        QCOMPARE(ds.name, std::string("digits-small"));
        QCOMPARE(ds.classNames, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
        QCOMPARE(ds.train.count(), 5);
        QCOMPARE(ds.train.height, 2);
        QCOMPARE(ds.train.width, 3);
        QCOMPARE(int(ds.train.image(4)[5]), 45);
        QCOMPARE(ds.test.labels, (std::vector<int32_t>{4, 0, 1}));

        const std::string letters = writeSmallSet("letters", {0, 1, 2}, {2});
        writeText(letters + "/classes.txt", "alpha\r\nbeta\ngamma\n\n");
        ds = loadIdxDataset(letters);
        QCOMPARE(ds.name, std::string("letters"));
        QCOMPARE(ds.classNames, (std::vector<std::string>{"alpha", "beta", "gamma"}));
        writeText(letters + "/classes.txt", "alpha\nbeta\n");
        CHECK_THROWS(DataError, loadIdxDataset(letters), letters + "/classes.txt",
                     "names 2 classes but the labels go up to 2");

        const std::string fashion = writeSmallSet("my-fashion-subset", {0, 3}, {9});
        ds = loadIdxDataset(fashion);
        QCOMPARE(ds.name, std::string("Fashion-MNIST"));
        QCOMPARE(ds.classNames.back(), std::string("Ankle boot"));

        ds = loadIdxDataset(writeSmallSet("mnist-copy", {0, 1}, {1}));
        QCOMPARE(ds.name, std::string("MNIST"));
        QCOMPARE(ds.classNames, (std::vector<std::string>{"0", "1"}));
    }
};

CS_REGISTER_TEST(IdxReaderTest)

#include "test_idx_reader.moc"
