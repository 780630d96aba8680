// Tests of the course's kernel, padding/stride and pooling lessons as the
// playground computes them, and of the image-handling tools. Expected
// convolution values were computed with scipy 1.10 (scipy.signal.convolve2d
// and correlate2d) on the lesson's 5x5 image and kept here as literals.
#include "engine/core/errors.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"
#include "engine/tools/convolution_playground.h"
#include "engine/tools/image_tools.h"
#include "engine/tools/pooling_playground.h"

#include <QtTest>

using namespace cs;

namespace {

// "El kernel en acción": the 5x5 image and the vertical edge kernel.
const char* kLessonImage = "1 2 3 0 1; 4 5 6 2 1; 7 8 9 1 2; 1 3 2 1 3; 2 4 1 3 0";

PlaygroundMatrix matrix(int rows, int cols, std::vector<double> values) {
    PlaygroundMatrix m(rows, cols);
    m.values = std::move(values);
    return m;
}

ConvolutionSettings settings(PaddingMode padding, int stride, ConvolutionMode mode) {
    ConvolutionSettings s;
    s.padding = padding;
    s.strideRows = s.strideCols = stride;
    s.mode = mode;
    return s;
}

} // namespace

class PlaygroundTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lessonConvolutionEqualsScipy() {
        const PlaygroundMatrix image = parseMatrix(kLessonImage);
        const PlaygroundMatrix kernel = kernelFromText("vertical_edge");
        QCOMPARE(kernel, parseMatrix("[[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]"));
        // scipy.signal.convolve2d(image, kernel, mode='valid'), the lesson's call.
        QCOMPARE(
            convolve(image, kernel, settings(PaddingMode::Valid, 1, ConvolutionMode::Convolution))
                .output,
            matrix(3, 3, {-6, 12, 14, -5, 12, 11, -2, 10, 7}));
        // scipy.signal.correlate2d(image, kernel, mode='valid'): what Conv2D computes.
        QCOMPARE(convolve(image, kernel,
                          settings(PaddingMode::Valid, 1, ConvolutionMode::CrossCorrelation))
                     .output,
                 matrix(3, 3, {6, -12, -14, 5, -12, -11, 2, -10, -7}));
        QCOMPARE(
            convolve(image, kernel, settings(PaddingMode::Same, 1, ConvolutionMode::Convolution))
                .output,
            matrix(5, 5, {-7, -4, 5,   7,  2,  -15, -6, 12, 14, 3, -16, -5, 12,
                          11, 4,  -15, -2, 10, 7,   5,  -7, 0,  3, 0,   4}));
        QCOMPARE(convolve(image, kernel,
                          settings(PaddingMode::Same, 1, ConvolutionMode::CrossCorrelation))
                     .output,
                 matrix(5, 5, {7,   4,  -5, -7, -2,  15, 6,  -12, -14, -3, 16, 5, -12,
                               -11, -4, 15, 2,  -10, -7, -5, 7,   0,   -3, 0,  -4}));
        // convolve2d's default mode, 'full'.
        const ConvolutionResult full =
            convolve(image, kernel, settings(PaddingMode::Full, 1, ConvolutionMode::Convolution));
        QCOMPARE(full.output, matrix(7, 7, {-1, -2,  -2,  2,   2,  0,  1, -5, -7,  -4,  5,  7,  2,
                                            2,  -12, -15, -6,  12, 14, 3, 4,  -12, -16, -5, 12, 11,
                                            4,  6,   -10, -15, -2, 10, 7, 5,  5,   -3,  -7, 0,  3,
                                            0,  4,   3,   -2,  -4, 1,  1, 1,  3,   0}));
        // Sobel x, convolve2d valid.
        QCOMPARE(convolve(image, kernelFromText("sobel_x"),
                          settings(PaddingMode::Valid, 1, ConvolutionMode::Convolution))
                     .output,
                 matrix(3, 3, {-8, 15, 19, -7, 19, 18, -3, 12, 6}));
        // A symmetric kernel gives the same result both ways.
        const PlaygroundMatrix blur = kernelFromText("gaussian_blur");
        QCOMPARE(
            convolve(image, blur, settings(PaddingMode::Same, 1, ConvolutionMode::Convolution))
                .output,
            convolve(image, blur, settings(PaddingMode::Same, 1, ConvolutionMode::CrossCorrelation))
                .output);
    }

    void paddingAndStrideSizes() {
        // "Padding y Strides": 5x5 input, 3x3 kernel.
        const PlaygroundMatrix image = parseMatrix(kLessonImage);
        const PlaygroundMatrix kernel = kernelFromText("vertical_edge");
        const ConvolutionResult valid = convolve(
            image, kernel, settings(PaddingMode::Valid, 1, ConvolutionMode::CrossCorrelation));
        QCOMPARE(valid.output.rows, 3);
        QCOMPARE(valid.output.cols, 3);
        QCOMPARE(valid.rows.formula.english(),
                 std::string("valid: out = floor((n - k) / s) + 1 = floor((5 - 3) / 1) + 1 = 3"));
        const ConvolutionResult same = convolve(
            image, kernel, settings(PaddingMode::Same, 1, ConvolutionMode::CrossCorrelation));
        QCOMPARE(same.output.rows, 5);
        QCOMPARE(same.output.cols, 5);
        QCOMPARE(same.rows.padBefore, 1);
        QCOMPARE(same.rows.padAfter, 1);
        const ConvolutionResult strided = convolve(
            image, kernel, settings(PaddingMode::Valid, 2, ConvolutionMode::CrossCorrelation));
        QCOMPARE(strided.output.rows, 2);
        QCOMPARE(strided.output.cols, 2);
        QCOMPARE(strided.output, matrix(2, 2, {6, -14, 2, -7})); // correlate2d(...)[::2, ::2]
        QVERIFY(strided.cols.formula.english().find("floor((5 - 3) / 2) + 1 = 2") !=
                std::string::npos);
        // Same with stride 2 pads to ceil(5/2) = 3; rows and columns may differ.
        ConvolutionSettings mixed =
            settings(PaddingMode::Same, 2, ConvolutionMode::CrossCorrelation);
        mixed.strideCols = 1;
        const ConvolutionResult m = convolve(image, kernel, mixed);
        QCOMPARE(m.output.rows, 3);
        QCOMPARE(m.output.cols, 5);
        QCOMPARE(windowArithmetic(6, 2, 2, PaddingMode::Same).padAfter, 0);
        QCOMPARE(windowArithmetic(6, 3, 2, PaddingMode::Same).padAfter,
                 1); // the odd extra goes after, as TF
        CS_CHECK_THROWS(ConfigError,
                        convolve(parseMatrix("1 2; 3 4"), kernel, ConvolutionSettings{}),
                        "does not fit in 2 with valid padding");
        CS_CHECK_THROWS(
            ConfigError,
            convolve(image, kernel, settings(PaddingMode::Valid, 0, ConvolutionMode::Convolution)),
            "stride must be at least 1");
    }

    void lessonMaxPooling() {
        // "Capa de pooling": 4x4, window 2x2, stride 2.
        const PlaygroundMatrix input =
            parseMatrix("[[1, 3, 2, 4],\n [5, 6, 1, 2],\n [8, 9, 4, 1],\n [3, 7, 5, 6]]");
        PoolingResult r = pool(input, PoolingSettings{});
        QCOMPARE(r.output, matrix(2, 2, {6, 4, 9, 6}));
        QCOMPARE(r.rows.stride, 2); // Keras: strides default to the pool size
        PoolingSettings average;
        average.kind = poolingKindFromName("average");
        QCOMPARE(pool(input, average).output, matrix(2, 2, {3.75, 2.25, 6.75, 4}));
        // Same padding on 5 columns: the last window covers one column, padding not counted.
        PoolingSettings same = average;
        same.padding = PaddingMode::Same;
        r = pool(parseMatrix("1 2 3 4 5; 6 7 8 9 10"), same);
        QCOMPARE(r.output, matrix(1, 3, {4, 6, 7.5}));
        same.kind = PoolingKind::Max;
        QCOMPARE(pool(parseMatrix("-1 -2 -3"), same).output, matrix(1, 2, {-1, -3}));
        PoolingSettings overlapping;
        overlapping.poolRows = overlapping.poolCols = 3;
        overlapping.strideRows = overlapping.strideCols = 1;
        QCOMPARE(pool(input, overlapping).output, matrix(2, 2, {9, 9, 9, 9}));
        same.padding = PaddingMode::Full;
        CS_CHECK_THROWS(ConfigError, pool(input, same), "valid or same");
    }

    void matrixText() {
        QCOMPARE(parseMatrix("1 2\n3 4\n"), matrix(2, 2, {1, 2, 3, 4}));
        QCOMPARE(parseMatrix("1,2;3,4"), matrix(2, 2, {1, 2, 3, 4}));
        QCOMPARE(parseMatrix("[1, 2, 3]"), matrix(1, 3, {1, 2, 3}));
        QCOMPARE(parseMatrix("1/4 1/2; -1 0.5"), matrix(2, 2, {0.25, 0.5, -1, 0.5}));
        QCOMPARE(formatMatrix(matrix(2, 2, {6, -14, 2.5, -7})),
                 std::string("[   6  -14]\n[2.50   -7]\n"));
        CS_CHECK_THROWS(ConfigError, parseMatrix("1 2 3; 4 5"), "row 2 has 2 numbers, row 1 has 3");
        CS_CHECK_THROWS(ConfigError, parseMatrix("1 x"), "'x' is not a number");
        CS_CHECK_THROWS(ConfigError, parseMatrix(" ; "), "no numbers");
        CS_CHECK_THROWS(ConfigError, kernelFromText("blurry"), "unknown kernel 'blurry'", "sharpen",
                        "sobel_x");
        QVERIFY(kernelPresets().size() >= 10);
    }

    void imagesThroughThePlayground() {
        // An image with a vertical edge: the edge kernel answers only at the edge.
        cv::Mat image(6, 8, CV_8UC1, cv::Scalar(10));
        image.colRange(4, 8).setTo(200);
        const ImageConvolution conv =
            convolveImage(image, kernelFromText("vertical_edge"), ConvolutionSettings{});
        QCOMPARE(conv.channels.size(), size_t(1));
        QCOMPARE(conv.channels[0].rows, 4);
        QCOMPARE(conv.channels[0].cols, 6);
        QCOMPARE(conv.channels[0].at(0, 0), 0.0);
        QCOMPARE(conv.channels[0].at(2, 2), 570.0); // 3 * (200 - 10)
        const cv::Mat shown = channelsToImage(conv.channels, DisplayScale::Normalize);
        QCOMPARE(shown.at<uint8_t>(2, 2), uint8_t(255));
        QCOMPARE(channelsToImage(conv.channels, DisplayScale::Clip).at<uint8_t>(2, 2),
                 uint8_t(255));
        cv::Mat colour(4, 4, CV_8UC3, cv::Scalar(10, 20, 30));
        const ImagePooling pooled = poolImage(colour, PoolingSettings{});
        QCOMPARE(pooled.channels.size(), size_t(3));
        QCOMPARE(pooled.channels[2].at(1, 1), 30.0);
    }

    void imageTools() {
        CS_REQUIRE_DATA(cs::test::sharedDatasetsDir() + "/cats_and_dogs_filtered");
        const std::string dir = cs::test::freshDataFolder("image-tools");
        const std::string src =
            cs::test::sharedDatasetsDir() + "/cats_and_dogs_filtered/train/cats/cat.0.jpg";
        const cv::Mat image = loadImage(src);
        QCOMPARE(image.cols, 500);
        QCOMPARE(image.rows, 374);
        QCOMPARE(describeImage(image),
                 std::string("500x374 (width x height), 3 channels (colour)"));
        QCOMPARE(resizeImage(image, 100, 100).size(), cv::Size(100, 100));
        const cv::Mat crop =
            cropImage(image, 50, 50, 200, 200); // Pillow's crop((50, 50, 200, 200))
        QCOMPARE(crop.size(), cv::Size(150, 150));
        QCOMPARE(crop.at<cv::Vec3b>(0, 0), image.at<cv::Vec3b>(50, 50));
        QCOMPARE(toGrey(image).channels(), 1);
        const cv::Mat rotated = rotateImage(image, 45);
        QCOMPARE(rotated.size(), image.size());
        QCOMPARE(rotated.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0)); // corners turn black, as Pillow
        QCOMPARE(rotateImage(image, 90, true).size(), cv::Size(374, 500));
        saveImage(dir + "/resized.png", resizeImage(image, 100, 100));
        QCOMPARE(loadImage(dir + "/resized.png").size(), cv::Size(100, 100));
        CS_CHECK_THROWS(ConfigError, cropImage(image, 400, 300, 600, 350),
                        "reaches outside the 500x374 image");
        CS_CHECK_THROWS(ConfigError, cropImage(image, 10, 10, 5, 20), "is empty");
        CS_CHECK_THROWS(ConfigError, saveImage(dir + "/out.xyz", image), "out.xyz",
                        "cannot write images of type");
        CS_CHECK_THROWS(DataError, loadImage(dir + "/missing.png"), "missing.png: no such file");
        cs::test::writeBytes(dir + "/fake.png", {1, 2, 3});
        CS_CHECK_THROWS(DataError, loadImage(dir + "/fake.png"), "fake.png", "not an image");
    }
};

CS_REGISTER_TEST(PlaygroundTest)

#include "test_playground.moc"
