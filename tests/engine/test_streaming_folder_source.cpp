// Tests of StreamingFolderSource: its batches equal those of the in-memory
// source over the same decoded images (order, labels, augmentation), the cache
// stays within its budget and saves decoding, unreadable files are skipped and
// reported once, odd reads and early destruction behave.
#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/data/batch_source.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/streaming_folder_source.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <set>

using namespace cs;

namespace {

constexpr int kH = 10, kW = 12, kImages = 37;

ImageFolderOptions decodeOptions() {
    ImageFolderOptions o;
    o.height = kH;
    o.width = kW;
    return o;
}

// 37 PNGs in 3 classes (a folder made once per run).
const std::string& cleanFolder() {
    static const std::string dir = [] {
        const std::string d = cs::test::freshDataFolder("streaming-clean");
        for (int i = 0; i < kImages; ++i)
            cs::test::writeTestPng(
                d + "/" + "abc"[i % 3] + "/img" + std::to_string(100 + i) + ".png", kH, kW, i);
        return d;
    }();
    return dir;
}

// Reads a whole epoch in batches of `batch` from the source.
std::vector<ImageSet> epoch(BatchSource& s, int index, uint64_t seed, int batch) {
    s.beginEpoch(index, seed, true);
    std::vector<ImageSet> out;
    for (int first = 0; first < s.size(); first += batch) {
        out.emplace_back();
        s.read(first, std::min(batch, s.size() - first), out.back());
    }
    return out;
}

bool sameBatches(const std::vector<ImageSet>& a, const std::vector<ImageSet>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].pixels != b[i].pixels || a[i].labels != b[i].labels) return false;
    return true;
}

AugmentationOptions someAugmentation() {
    AugmentationOptions o;
    o.rotationRange = 20;
    o.widthShiftRange = 0.2;
    o.horizontalFlip = true;
    return o;
}

} // namespace

class StreamingFolderSourceTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesEqualTheInMemorySource() {
        const ImageFolderIndex index = indexImageFolders(cleanFolder(), decodeOptions());
        QCOMPARE(int(index.train.size()), kImages);
        std::vector<SkippedFile> skipped;
        const ImageSet memory = decodeImages(index.train, decodeOptions(), skipped);
        const AugmentationOptions aug = someAugmentation();
        ImageSetSource reference(memory, Augmenter(aug).batchTransform());

        StreamingOptions options;
        options.prefetchBatches = 3;
        options.workers = 2;
        StreamingFolderSource source(index.train, decodeOptions(), options, &aug);
        QCOMPARE(source.size(), kImages);
        QCOMPARE(source.height(), kH);
        QCOMPARE(source.channels(), 3);
        QCOMPARE(source.maxLabel(), 2);
        QCOMPARE(source.workerCount(), 2);
        for (int e = 0; e < 3; ++e) {
            const auto streamed =
                epoch(source, e, 42, 8); // 8 does not divide 37: a short last batch
            QVERIFY2(sameBatches(streamed, epoch(reference, e, 42, 8)),
                     qPrintable(QString("epoch %1").arg(e)));
            QCOMPARE(streamed.back().count(), 5);
        }
        // The whole set fits the default budget: only the first epoch decoded.
        QCOMPARE(source.decodeCount(), long(kImages));
        QCOMPARE(source.cachedImages(), kImages);
        QVERIFY(source.skipped().empty());
    }

    void cacheStaysWithinBudget() {
        const ImageFolderIndex index = indexImageFolders(cleanFolder(), decodeOptions());
        StreamingOptions none;
        none.cacheBytes = 0;
        none.prefetchBatches = 2;
        StreamingFolderSource uncached(index.train, decodeOptions(), none);
        QCOMPARE(uncached.cacheCapacity(), 0);
        const auto first = epoch(uncached, 0, 1, 6);
        const auto second = epoch(uncached, 0, 1, 6);
        QVERIFY(sameBatches(first, second));
        QCOMPARE(uncached.decodeCount(), 2L * kImages);

        StreamingOptions some;
        some.cacheBytes = size_t(10) * kH * kW * 3 + 100; // room for 10 images
        StreamingFolderSource partial(index.train, decodeOptions(), some);
        QCOMPARE(partial.cacheCapacity(), 10);
        const auto a = epoch(partial, 0, 5, 7);
        const auto b = epoch(partial, 1, 5, 7);
        QCOMPARE(partial.cachedImages(), 10);
        QCOMPARE(partial.decodeCount(), 2L * kImages - 10);
        std::vector<SkippedFile> skipped;
        const ImageSet memory = decodeImages(index.train, decodeOptions(), skipped);
        ImageSetSource reference(memory);
        QVERIFY(sameBatches(b, epoch(reference, 1, 5, 7)));
    }

    void unreadableFilesAreSkippedAndReportedOnce() {
        const std::string dir = cs::test::freshDataFolder("streaming-broken");
        for (int i = 0; i < 9; ++i)
            cs::test::writeTestPng(dir + "/" + "ab"[i % 2] + "/img" + std::to_string(i) + ".png",
                                   kH, kW, i);
        std::vector<uint8_t> junk{0xFF, 0xD8, 0xFF, 0xE0};
        for (int i = 0; i < 500; ++i)
            junk.push_back(uint8_t(i * 31));
        junk.push_back(0xFF), junk.push_back(0xD9);
        cs::test::writeBytes(dir + "/a/corrupt.jpg", junk);
        const ImageFolderIndex index = indexImageFolders(dir, decodeOptions());
        QCOMPARE(index.train.size(), size_t(10));
        std::vector<SkippedFile> skipped;
        const ImageSet good = decodeImages(index.train, decodeOptions(), skipped);
        QCOMPARE(good.count(), 9);

        StreamingFolderSource source(index.train, decodeOptions(), StreamingOptions{});
        QCOMPARE(source.size(),
                 10); // the size stays: the bad file's place is taken by another image
        for (int e = 0; e < 2; ++e)
            for (const ImageSet& batch : epoch(source, e, 3, 4))
                for (int i = 0; i < batch.count(); ++i) {
                    bool known = false;
                    for (int g = 0; g < good.count() && !known; ++g)
                        known = std::equal(batch.image(i), batch.image(i) + batch.imageSize(),
                                           good.image(g)) &&
                                batch.labels[size_t(i)] == good.labels[size_t(g)];
                    QVERIFY2(known,
                             "a streamed image is not one of the readable files with its label");
                }
        const std::vector<SkippedFile> reported = source.skipped();
        QCOMPARE(reported.size(), size_t(1));
        QVERIFY(reported[0].path.ends_with("a/corrupt.jpg"));
        QVERIFY(!reported[0].reason.empty());
    }

    void oddReadsAndEarlyDestruction() {
        const ImageFolderIndex index = indexImageFolders(cleanFolder(), decodeOptions());
        std::vector<SkippedFile> skipped;
        const ImageSet memory = decodeImages(index.train, decodeOptions(), skipped);
        ImageSetSource reference(memory);
        StreamingFolderSource source(index.train, decodeOptions(), StreamingOptions{});
        reference.beginEpoch(2, 9, true);
        source.beginEpoch(2, 9, true);
        ImageSet a, b;
        for (auto [first, n] : {std::pair{3, 5}, {0, 10}, {10, 10}, {36, 1}, {5, 5}}) {
            source.read(first, n, a);
            reference.read(first, n, b);
            QVERIFY(a.pixels == b.pixels && a.labels == b.labels);
        }
        CS_CHECK_THROWS(DataError, source.read(30, 10, a), "outside a set of 37");
        {
            // Destroyed while workers decode ahead: must join, not hang or crash.
            StreamingOptions deep;
            deep.cacheBytes = 0;
            deep.prefetchBatches = 8;
            StreamingFolderSource early(index.train, decodeOptions(), deep);
            early.beginEpoch(0, 1, true);
            early.read(0, 2, a);
        }
        StreamingFolderSource idle(index.train, decodeOptions(), StreamingOptions{});
        QCOMPARE(idle.decodeCount(), 0L); // nothing is decoded before the first read
    }
};

CS_REGISTER_TEST(StreamingFolderSourceTest)

#include "test_streaming_folder_source.moc"
