// Tests of the ImageDataGenerator-style augmentation: geometry of each
// transform on images whose pixels say where they came from, fill modes,
// brightness, the ranges of drawn parameters, options under Keras's names, and
// determinism (same seed -> same batch, whatever the thread count).
#include "engine/core/errors.h"
#include "engine/core/parallel.h"
#include "engine/data/augmentation.h"
#include "engine/data/augmentation_preview.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <cmath>

using namespace cs;

namespace {

// h x w x c image with pixel (x, y, ch) = (x + 3 * y + 50 * ch) % 256: distinct along each row.
ImageSet patternSet(int count, int h, int w, int c) {
    ImageSet set;
    set.height = h, set.width = w, set.channels = c;
    set.pixels.resize(size_t(count) * size_t(h * w * c));
    for (int i = 0; i < count; ++i)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int ch = 0; ch < c; ++ch)
                    set.image(i)[(y * w + x) * c + ch] =
                        uint8_t((x + 3 * y + 50 * ch + 17 * i) % 256);
    set.labels.assign(size_t(count), 0);
    return set;
}

// A black grey image with one white pixel.
std::vector<uint8_t> dotImage(int h, int w, int x, int y) {
    std::vector<uint8_t> image(size_t(h * w), 0);
    image[size_t(y * w + x)] = 255;
    return image;
}

// Position of the brightest pixel.
std::pair<int, int> brightest(const std::vector<uint8_t>& image, int w) {
    const size_t at = size_t(std::max_element(image.begin(), image.end()) - image.begin());
    return {int(at % size_t(w)), int(at / size_t(w))};
}

AugmentationOptions
courseOptions() { // "Entrenamiento del modelo de clasificación de perros y gatos"
    AugmentationOptions o;
    o.set("rotation_range", "20");
    o.set("width_shift_range", "0.2");
    o.set("height_shift_range", "0.2");
    o.set("shear_range", "0.2");
    o.set("zoom_range", "0.2");
    o.set("horizontal_flip", "true");
    return o;
}

} // namespace

class AugmentationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void horizontalFlipMirrorsX() {
        const int h = 5, w = 7, c = 3;
        ImageSet set = patternSet(1, h, w, c);
        std::vector<uint8_t> out(size_t(set.imageSize()));
        TransformParams p;
        p.flipHorizontal = true;
        Augmenter(AugmentationOptions{}).apply(p, set.image(0), h, w, c, out.data());
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int ch = 0; ch < c; ++ch)
                    QCOMPARE(out[size_t((y * w + x) * c + ch)],
                             set.image(0)[(y * w + (w - 1 - x)) * c + ch]);
        // The matrix says the same: output (x, y) reads source (w-1-x, y).
        double m[6];
        Augmenter::inverseMatrix(p, h, w, m);
        QCOMPARE(m[0] * 2 + m[1] * 3 + m[2], double(w - 1 - 2));
        QCOMPARE(m[3] * 2 + m[4] * 3 + m[5], 3.0);

        // Drawn with horizontal_flip: every image is either unchanged or mirrored, both happen.
        AugmentationOptions o;
        o.horizontalFlip = true;
        ImageSet batch = patternSet(32, h, w, c);
        const ImageSet original = batch;
        Augmenter(o).augmentBatch(batch, 99);
        int flipped = 0;
        for (int i = 0; i < batch.count(); ++i) {
            const bool same =
                std::equal(batch.image(i), batch.image(i) + batch.imageSize(), original.image(i));
            flipped += !same;
            if (!same) QCOMPARE(int(batch.image(i)[0]), int(original.image(i)[(w - 1) * c]));
        }
        QVERIFY2(flipped > 4 && flipped < 28, qPrintable(QString::number(flipped)));
    }

    void verticalFlipMirrorsY() {
        const int h = 6, w = 4;
        ImageSet set = patternSet(1, h, w, 1);
        std::vector<uint8_t> out(size_t(set.imageSize()));
        TransformParams p;
        p.flipVertical = true;
        Augmenter(AugmentationOptions{}).apply(p, set.image(0), h, w, 1, out.data());
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                QCOMPARE(out[size_t(y * w + x)], set.image(0)[(h - 1 - y) * w + x]);
    }

    void shiftMovesContentByFractionOfSize() {
        const int h = 40, w = 50;
        const std::vector<uint8_t> dot = dotImage(h, w, 10, 20);
        std::vector<uint8_t> out(dot.size());
        TransformParams p;
        p.tx = 0.2 * w; // width_shift 0.2 -> 10 pixels
        Augmenter(AugmentationOptions{}).apply(p, dot.data(), h, w, 1, out.data());
        QCOMPARE(brightest(out, w), std::make_pair(20, 20));
        QCOMPARE(int(out[size_t(20 * w + 20)]), 255);
        p = {};
        p.ty = -0.25 * h; // height shift: 10 pixels up
        Augmenter(AugmentationOptions{}).apply(p, dot.data(), h, w, 1, out.data());
        QCOMPARE(brightest(out, w), std::make_pair(10, 10));

        // Drawn shifts stay within +-20% of the size and reach close to it.
        AugmentationOptions o;
        o.widthShiftRange = 0.2;
        o.heightShiftRange = 0.2;
        Augmenter aug(o);
        double maxX = 0, maxY = 0;
        for (int i = 0; i < 400; ++i) {
            const TransformParams d = aug.draw(7, uint64_t(i), h, w);
            QVERIFY(std::fabs(d.tx) <= 0.2 * w && std::fabs(d.ty) <= 0.2 * h);
            maxX = std::max(maxX, std::fabs(d.tx));
            maxY = std::max(maxY, std::fabs(d.ty));
        }
        QVERIFY(maxX > 0.19 * w && maxY > 0.19 * h);
        // A range of 1 or more counts pixels, as in Keras.
        o.widthShiftRange = 3;
        for (int i = 0; i < 50; ++i)
            QVERIFY(std::fabs(Augmenter(o).draw(1, uint64_t(i), h, w).tx) <= 3.0);
    }

    void rotationKeepsTheCentre() {
        const int n = 31, centre = 15;
        ImageSet set = patternSet(1, n, n, 1);
        std::vector<uint8_t> out(size_t(n * n));
        for (double angle : {37.0, -90.0, 180.0, 12.5}) {
            TransformParams p;
            p.theta = angle;
            Augmenter(AugmentationOptions{}).apply(p, set.image(0), n, n, 1, out.data());
            QCOMPARE(out[size_t(centre * n + centre)], set.image(0)[centre * n + centre]);
        }
        // 90 degrees turns content counter-clockwise: right of the centre goes above it.
        const std::vector<uint8_t> dot = dotImage(n, n, centre + 6, centre);
        TransformParams p;
        p.theta = 90;
        Augmenter(AugmentationOptions{}).apply(p, dot.data(), n, n, 1, out.data());
        QCOMPARE(brightest(out, n), std::make_pair(centre, centre - 6));
    }

    void zoomAndShearAreAboutTheCentre() {
        const int n = 41, centre = 20;
        const std::vector<uint8_t> dot = dotImage(n, n, centre + 8, centre - 4);
        std::vector<uint8_t> out(dot.size());
        TransformParams p;
        p.zx = p.zy = 0.5; // Keras: a factor below 1 zooms in (content grows)
        Augmenter(AugmentationOptions{}).apply(p, dot.data(), n, n, 1, out.data());
        QCOMPARE(brightest(out, n), std::make_pair(centre + 16, centre - 8));
        // A shear leaves the centre row in place.
        const std::vector<uint8_t> row = dotImage(n, n, centre + 8, centre);
        p = {};
        p.shear = 30;
        Augmenter(AugmentationOptions{}).apply(p, row.data(), n, n, 1, out.data());
        QCOMPARE(brightest(out, n), std::make_pair(centre + 8, centre));
    }

    void fillModes() {
        // One row 10..60, shifted right by 2: the two left pixels come from outside.
        const int h = 1, w = 6;
        const std::vector<uint8_t> src{10, 20, 30, 40, 50, 60};
        TransformParams p;
        p.tx = 2;
        auto shifted = [&](const char* mode, double cval) {
            AugmentationOptions o;
            o.fillMode = fillModeFromName(mode);
            o.cval = cval;
            std::vector<uint8_t> out(6);
            Augmenter(o).apply(p, src.data(), h, w, 1, out.data());
            return out;
        };
        QCOMPARE(shifted("nearest", 0), (std::vector<uint8_t>{10, 10, 10, 20, 30, 40}));
        QCOMPARE(shifted("constant", 7), (std::vector<uint8_t>{7, 7, 10, 20, 30, 40}));
        QCOMPARE(shifted("reflect", 0), (std::vector<uint8_t>{20, 10, 10, 20, 30, 40}));
        QCOMPARE(shifted("wrap", 0), (std::vector<uint8_t>{50, 60, 10, 20, 30, 40}));
        CS_CHECK_THROWS(ConfigError, fillModeFromName("mirror"), "mirror",
                        "nearest, constant, reflect or wrap");
    }

    void brightnessScalesAndClips() {
        const std::vector<uint8_t> src{0, 100, 200, 255};
        std::vector<uint8_t> out(4);
        TransformParams p;
        p.brightness = 1.5;
        Augmenter(AugmentationOptions{}).apply(p, src.data(), 1, 4, 1, out.data());
        QCOMPARE(out, (std::vector<uint8_t>{0, 150, 255, 255}));
        AugmentationOptions o;
        o.set("brightness_range", "0.5,1.5");
        for (int i = 0; i < 100; ++i) {
            const double b = Augmenter(o).draw(3, uint64_t(i), 8, 8).brightness;
            QVERIFY(b >= 0.5 && b <= 1.5);
        }
    }

    void drawnParametersStayInRange() {
        Augmenter aug(courseOptions());
        int flips = 0;
        bool zoomDiffers = false;
        for (int i = 0; i < 500; ++i) {
            const TransformParams p = aug.draw(11, uint64_t(i), 150, 150);
            QVERIFY(std::fabs(p.theta) <= 20 && std::fabs(p.shear) <= 0.2);
            QVERIFY(p.zx >= 0.8 && p.zx <= 1.2 && p.zy >= 0.8 && p.zy <= 1.2);
            QVERIFY(!p.flipVertical && p.brightness == 1);
            flips += p.flipHorizontal;
            zoomDiffers = zoomDiffers || p.zx != p.zy; // Keras draws the two zooms apart
        }
        QVERIFY2(flips > 200 && flips < 300, qPrintable(QString::number(flips)));
        QVERIFY(zoomDiffers);
    }

    void sameSeedSameBatchWhateverTheThreads() {
        const Augmenter aug(courseOptions());
        const ImageSet original = patternSet(24, 20, 22, 3);
        ImageSet a = original, b = original, c = original, d = original;
        ThreadPool one(1), two(2);
        one.run([&] { aug.augmentBatch(a, 1234); });
        two.run([&] { aug.augmentBatch(b, 1234); });
        aug.augmentBatch(c, 1234, false);
        QVERIFY(a.pixels == b.pixels);
        QVERIFY(a.pixels == c.pixels);
        QVERIFY(a.pixels != original.pixels);
        aug.augmentBatch(d, 1235);
        QVERIFY(d.pixels != a.pixels);
        // The trainer's hook is the same function.
        ImageSet e = original;
        aug.batchTransform()(e, 1234);
        QVERIFY(e.pixels == a.pixels);
        // Keras's random_transform on one image = image 0 of a batch with that seed.
        std::vector<uint8_t> single(size_t(original.imageSize()));
        aug.randomTransform(original.image(0), 20, 22, 3, single.data(), 1234);
        QVERIFY(std::equal(single.begin(), single.end(), a.image(0)));
    }

    void previewRepeatsWithItsSeed() {
        ImageSet sources = patternSet(2, 20, 24, 3);
        sources.labels = {0, 1};
        const AugmentationPreview a = makeAugmentationPreview(sources, courseOptions(), 4, 7);
        QCOMPARE(a.transformed.count(), 8);
        QCOMPARE(a.params.size(), size_t(8));
        QCOMPARE(a.transformed.labels, (std::vector<int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
        QVERIFY(a.sources.pixels == sources.pixels);
        QVERIFY(makeAugmentationPreview(sources, courseOptions(), 4, 7).transformed.pixels ==
                a.transformed.pixels);
        QVERIFY(makeAugmentationPreview(sources, courseOptions(), 4, 8).transformed.pixels !=
                a.transformed.pixels);
        // Transform k of row r is image r * count + k of a training batch with the same seed.
        ImageSet batch = a.transformed;
        for (int i = 0; i < batch.count(); ++i)
            std::copy(sources.image(i / 4), sources.image(i / 4) + sources.imageSize(),
                      batch.image(i));
        Augmenter(courseOptions()).augmentBatch(batch, 7);
        QVERIFY(batch.pixels == a.transformed.pixels);
        // Without options the transforms are copies.
        const AugmentationPreview copies = makeAugmentationPreview(sources, {}, 2, 7);
        QVERIFY(std::equal(sources.image(1), sources.image(1) + sources.imageSize(),
                           copies.transformed.image(3)));
        // The picture: a column for the source and one per transform; 24 px enlarged 4x.
        const cv::Mat grid = drawAugmentationPreview(a, {"cat", "dog"});
        QCOMPARE(grid.cols, 8 + 5 * (96 + 8));
        QCOMPARE(grid.rows, 8 + 2 * (96 + 34 + 8));
        CS_CHECK_THROWS(ConfigError, makeAugmentationPreview(sources, {}, 0, 1),
                        "at least one transform");
    }

    void optionsUseKerasNames() {
        AugmentationOptions o = courseOptions();
        QVERIFY(o.enabled());
        QCOMPARE(o.zoomLow, 0.8);
        QCOMPARE(o.zoomHigh, 1.2);
        QVERIFY(!AugmentationOptions{}.enabled());
        const AugmentationOptions back =
            AugmentationOptions::fromJson(json::parse(json::dump(o.toJson())));
        QCOMPARE(back.rotationRange, 20.0);
        QCOMPARE(back.zoomLow, 0.8);
        QVERIFY(back.horizontalFlip && !back.verticalFlip);
        QVERIFY(o.describe().find("rotation_range=20") != std::string::npos);
        o.set("zoom_range", "[0.5, 1.0]");
        QCOMPARE(o.zoomLow, 0.5);
        CS_CHECK_THROWS(ConfigError, o.set("rescale", "0.0039"), "rescale is preprocessing");
        CS_CHECK_THROWS(ConfigError, o.set("rotation", "20"),
                        "unknown augmentation option 'rotation'", "rotation_range");
        CS_CHECK_THROWS(ConfigError, o.set("rotation_range", "-5"),
                        "rotation_range must be 0 or more");
        CS_CHECK_THROWS(ConfigError, o.set("zoom_range", "1.5"), "zoom_range");
        CS_CHECK_THROWS(ConfigError, o.set("horizontal_flip", "maybe"),
                        "horizontal_flip must be true or false");
        CS_CHECK_THROWS(ConfigError, o.set("width_shift_range", "0.2x"), "must be a number");
    }
};

CS_REGISTER_TEST(AugmentationTest)

#include "test_augmentation.moc"
