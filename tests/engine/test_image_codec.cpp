// The lazily loaded image codec module (io/image_codec.h): nothing loads it
// until an image is touched, then PNG round trips through it exactly, and
// broken data is refused with OpenCV's reason instead of an exception.
#include "engine/io/image_codec.h"
#include "tests/engine/test_registry.h"

#include <QtTest>

using namespace cs;

class ImageCodecTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsOnFirstUseAndRoundTrips() {
        // ctest runs each class in its own process: nothing has touched an image yet.
        QVERIFY(!imageCodecsLoaded());
        cv::Mat image(5, 7, CV_8UC3);
        for (int y = 0; y < 5; ++y)
            for (int x = 0; x < 7; ++x) image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 30), uchar(y * 50), 200);
        std::vector<uint8_t> png;
        QVERIFY(encodeImage(".png", image, png));
        QVERIFY(imageCodecsLoaded());
        const cv::Mat back = decodeImage(png.data(), png.size(), ReadColor);
        QCOMPARE(back.rows, 5);
        QCOMPARE(back.cols, 7);
        QCOMPARE(cv::norm(back, image, cv::NORM_INF), 0.0);
        const cv::Mat grey = decodeImage(png.data(), png.size(), ReadGrey);
        QCOMPARE(grey.channels(), 1);
    }

    void brokenDataIsRefusedNotThrown() {
        const std::vector<uint8_t> junk = {0x89, 'P', 'N', 'G', 1, 2, 3};
        std::string why;
        QVERIFY(decodeImage(junk.data(), junk.size(), ReadColor, &why).empty());
        std::vector<uint8_t> out;
        QVERIFY(!encodeImage(".nosuchformat", cv::Mat(2, 2, CV_8UC1, cv::Scalar(1)), out));
        QVERIFY(!canDecodeImageFile("/nonexistent/file.png"));
    }
};

CS_REGISTER_TEST(ImageCodecTest)

#include "test_image_codec.moc"
