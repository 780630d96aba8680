// Tests of image-folder data sets (flow_from_directory): the real cats vs dogs
// folders, train/validation/test and validation_split layouts, colour modes,
// and broken folders: empty, no class sub-folders, a corrupt JPEG, a truncated
// JPEG and a text file among the images (skipped and reported, never fatal).
#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <algorithm>
#include <set>

using namespace cs;
using cs::test::writeBytes;
using cs::test::writeTestPng;

namespace {

std::string catsAndDogs() {
    return cs::test::sharedDatasetsDir() + "/cats_and_dogs_filtered";
}

int countLabel(const std::vector<FolderImage>& files, int label) {
    return int(std::count_if(files.begin(), files.end(),
                             [&](const FolderImage& f) { return f.label == label; }));
}

bool mentions(const std::vector<SkippedFile>& skipped, const std::string& name,
              const std::string& reason) {
    return std::any_of(skipped.begin(), skipped.end(), [&](const SkippedFile& s) {
        return s.path.ends_with(name) && s.reason.english().find(reason) != std::string::npos;
    });
}

ImageFolderOptions target(int h, int w) {
    ImageFolderOptions o;
    o.height = h;
    o.width = w;
    return o;
}

} // namespace

class ImageFolderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catsAndDogsIndex() {
        CS_REQUIRE_DATA(catsAndDogs());
        QCOMPARE(detectDatasetKind(catsAndDogs()), DatasetKind::ImageFolders);
        const ImageFolderIndex index = indexImageFolders(catsAndDogs(), target(150, 150));
        QCOMPARE(index.name, std::string("cats_and_dogs_filtered"));
        QCOMPARE(index.classNames, (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(int(index.train.size()), 2000);
        QCOMPARE(countLabel(index.train, 0), 1000);
        QCOMPARE(countLabel(index.validation, 1), 500);
        QCOMPARE(int(index.validation.size()), 1000);
        QVERIFY(index.test.empty());
        QVERIFY(index.skipped.empty());
        QCOMPARE(index.layout.english(), std::string("train/ + validation/ folders"));
        QVERIFY(index.train.front().path.ends_with("train/cats/cat.0.jpg"));
        QCOMPARE(index.train.front().label, 0);
        QVERIFY(index.train.back().path.ends_with("train/dogs/dog.999.jpg"));
        QCOMPARE(index.train.back().label, 1);

        // The first files decode to the target size, RGB, and are not blank.
        std::vector<SkippedFile> skipped;
        const std::vector<FolderImage> some(index.train.begin(), index.train.begin() + 8);
        ImageSet set = decodeImages(some, target(150, 150), skipped);
        QVERIFY(skipped.empty());
        QCOMPARE(set.count(), 8);
        QCOMPARE(set.height, 150);
        QCOMPARE(set.channels, 3);
        const auto [lo, hi] = std::minmax_element(set.image(0), set.image(0) + set.imageSize());
        QVERIFY(*hi - *lo > 100);
        // Grey mode: one channel, close to the RGB mean.
        ImageFolderOptions grey = target(150, 150);
        grey.colorMode = colorModeFromName("grayscale");
        std::vector<uint8_t> g(150 * 150);
        UserText why;
        QVERIFY(decodeImageFile(some[0].path, grey, g.data(), &why));
        const uint8_t* rgb = set.image(0) + (75 * 150 + 75) * 3;
        QVERIFY(std::abs(int(g[75 * 150 + 75]) - (rgb[0] + rgb[1] + rgb[2]) / 3) < 40);
    }

    void emptyFolder() {
        const std::string dir = cs::test::freshDataFolder("empty-images");
        CS_CHECK_THROWS(DataError, indexImageFolders(dir, {}), dir, "the folder is empty",
                        "one sub-folder per class");
        CS_CHECK_THROWS(DataError, loadDataset(dir), dir, "empty");
        const std::string emptyClasses = cs::test::freshDataFolder("empty-classes");
        std::filesystem::create_directories(emptyClasses + "/a");
        std::filesystem::create_directories(emptyClasses + "/b");
        CS_CHECK_THROWS(DataError, indexImageFolders(emptyClasses, {}), emptyClasses, "no images",
                        "2 classes");
    }

    void noClassSubFolders() {
        const std::string dir = cs::test::freshDataFolder("loose-images");
        writeTestPng(dir + "/one.png", 8, 8, 1);
        writeTestPng(dir + "/two.png", 8, 8, 2);
        CS_CHECK_THROWS(DataError, indexImageFolders(dir, {}), dir,
                        "holds 2 files but no class sub-folders",
                        "sub-folder named after the class");
        CS_CHECK_THROWS(DataError, loadDataset(dir), "no class sub-folders");
    }

    void corruptAndNonImageFilesAreSkipped() {
        CS_REQUIRE_DATA(catsAndDogs());
        const std::string dir = cs::test::freshDataFolder("with-broken");
        for (int i = 0; i < 3; ++i)
            writeTestPng(dir + "/a/good" + std::to_string(i) + ".png", 10, 12, i);
        for (int i = 0; i < 2; ++i)
            writeTestPng(dir + "/b/good" + std::to_string(i) + ".png", 10, 12, 10 + i);
        // A JPEG header followed by garbage; the first half of a real JPEG; a text file.
        std::vector<uint8_t> real = cs::test::readBytes(catsAndDogs() + "/train/cats/cat.1.jpg");
        std::vector<uint8_t> broken(real.begin(), real.begin() + 200);
        for (int i = 0; i < 3000; ++i)
            broken.push_back(uint8_t(i * 7919 % 251));
        broken.push_back(0xFF), broken.push_back(0xD9); // it even ends like a JPEG
        writeBytes(dir + "/a/broken.jpg", broken);
        writeBytes(
            dir + "/a/truncated.jpg",
            std::vector<uint8_t>(real.begin(), real.begin() + std::ptrdiff_t(real.size() / 2)));
        const std::string text = "not an image\n";
        writeBytes(dir + "/b/readme.txt", std::vector<uint8_t>(text.begin(), text.end()));
        writeBytes(dir + "/b/.hidden.png", {1, 2, 3}); // hidden files are ignored, as by Keras

        const ImageFolderIndex index = indexImageFolders(dir, target(10, 12));
        QCOMPARE(int(index.train.size()),
                 7); // the two JPEGs still look like images from their header
        QCOMPARE(index.skipped.size(), size_t(1));
        QVERIFY(mentions(index.skipped, "b/readme.txt", "not an image"));

        const FolderDataset ds = loadImageFolderDataset(dir, target(10, 12));
        QCOMPARE(ds.data.train.count(), 5);
        QCOMPARE(ds.data.train.labels, (std::vector<int32_t>{0, 0, 0, 1, 1}));
        QCOMPARE(ds.skipped.size(), size_t(3));
        QVERIFY(mentions(ds.skipped, "a/broken.jpg", "corrupt"));
        QVERIFY(mentions(ds.skipped, "a/truncated.jpg", "truncated JPEG"));
        const std::string report = skippedReport(ds.skipped);
        QVERIFY2(report.rfind("3 files skipped", 0) == 0 &&
                     report.find("broken.jpg") != std::string::npos,
                 report.c_str());
        // The decoded pixels are the PNG's, RGB order (the file holds BGR).
        // Pixel (1, 0) of good0.png is stored B=1, G=0, R=0: it must read as R, G, B = 0, 0, 1.
        QCOMPARE(int(ds.data.train.image(0)[3]), 0);
        QCOMPARE(int(ds.data.train.image(0)[5]), 1);
        UserText why;
        std::vector<uint8_t> out(10 * 12 * 3);
        QVERIFY(!decodeImageFile(dir + "/nope.png", target(10, 12), out.data(), &why));
        QVERIFY(why.english().find("cannot open") != std::string::npos);
    }

    void validationSplitOfOneFolder() {
        const std::string dir = cs::test::freshDataFolder("split-me");
        for (int i = 0; i < 12; ++i)
            writeTestPng(dir + "/x/" + std::to_string(i) + ".png", 6, 6, i);
        for (int i = 0; i < 8; ++i)
            writeTestPng(dir + "/y/" + std::to_string(i) + ".png", 6, 6, 50 + i);
        ImageFolderOptions o = target(6, 6);
        o.validationSplit = 0.25;
        o.seed = 1;
        const ImageFolderIndex a = indexImageFolders(dir, o);
        QCOMPARE(a.train.size(), size_t(15));
        QCOMPARE(a.validation.size(), size_t(5));
        QVERIFY(a.layout.english().find("validation_split 0.25 with seed 1") != std::string::npos);
        QVERIFY(!a.validationFolder); // the split applies: no validation/ folder
        std::set<std::string> all;
        for (auto* part : {&a.train, &a.validation})
            for (const FolderImage& f : *part)
                all.insert(f.path);
        QCOMPARE(all.size(), size_t(20));
        const ImageFolderIndex again = indexImageFolders(dir, o);
        QCOMPARE(again.validation.front().path, a.validation.front().path);
        o.seed = 2;
        const ImageFolderIndex other = indexImageFolders(dir, o);
        bool differs = false;
        for (size_t i = 0; i < 5; ++i)
            differs = differs || other.validation[i].path != a.validation[i].path;
        QVERIFY(differs);
        o.validationSplit = 0;
        QVERIFY(indexImageFolders(dir, o).validation.empty());

        // train/ with a test/ folder but no validation/: the split cuts train/.
        const std::string tt = cs::test::freshDataFolder("train-test");
        for (int i = 0; i < 10; ++i)
            writeTestPng(tt + "/train/x/" + std::to_string(i) + ".png", 6, 6, i);
        writeTestPng(tt + "/test/x/0.png", 6, 6, 99);
        o.validationSplit = 0.3;
        const ImageFolderIndex split = indexImageFolders(tt, o);
        QCOMPARE(split.train.size(), size_t(7));
        QCOMPARE(split.validation.size(), size_t(3));
        QCOMPARE(split.test.size(), size_t(1));
        QCOMPARE(split.layout.english(),
                 std::string("train/ + test/ folders, validation_split 0.30 with seed 2"));
        QVERIFY(!split.validationFolder);
        // A validation/ folder wins over the split (which then does not apply).
        writeTestPng(tt + "/validation/x/0.png", 6, 6, 98);
        QCOMPARE(indexImageFolders(tt, o).validation.size(), size_t(1));
        QVERIFY(indexImageFolders(tt, o).validationFolder);
    }

    void splitsMustShareClasses() {
        const std::string dir = cs::test::freshDataFolder("splits");
        writeTestPng(dir + "/train/cat/1.png", 5, 5, 1);
        writeTestPng(dir + "/train/dog/1.png", 5, 5, 2);
        writeTestPng(dir + "/validation/dog/1.png", 5, 5, 3);
        writeTestPng(dir + "/test/cat/1.png", 5, 5, 4);
        ImageFolderOptions o = target(5, 5);
        o.classMode = classModeFromName("binary");
        const ImageFolderIndex index = indexImageFolders(dir, o);
        QCOMPARE(index.validation.size(), size_t(1));
        QCOMPARE(index.validation[0].label, 1);
        QCOMPARE(index.test[0].label, 0);
        QCOMPARE(index.layout.english(), std::string("train/ + validation/ + test/ folders"));
        // loadDataset: test/ is the test split.
        const Dataset ds = loadDataset(dir, o);
        QCOMPARE(ds.test.count(), 1);
        QCOMPARE(ds.test.labels[0], 0);

        writeTestPng(dir + "/validation/bird/1.png", 5, 5, 5);
        CS_CHECK_THROWS(DataError, indexImageFolders(dir, o), "validation/bird",
                        "not among the training classes");
        std::filesystem::remove_all(dir + "/validation/bird");
        writeTestPng(dir + "/train/bird/1.png", 5, 5, 6);
        CS_CHECK_THROWS(ConfigError, indexImageFolders(dir, o),
                        "class_mode binary needs exactly 2 classes", "has 3");
        CS_CHECK_THROWS(ConfigError, classModeFromName("onehot"), "onehot");
        CS_CHECK_THROWS(ConfigError, interpolationFromName("cubic"), "bicubic");
    }
};

CS_REGISTER_TEST(ImageFolderTest)

#include "test_image_folder.moc"
