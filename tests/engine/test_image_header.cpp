// The image header probe (io/image_header.h): for every format OpenCV 4.6
// writes, the size read from the header equals the size OpenCV decodes;
// hand-made headers cover what the encoder never writes (big-endian TIFF,
// extended WebP, raw JPEG 2000 codestreams, top-down BMP, long metadata
// before a JPEG frame); DICOM and broken headers are recognised but give no size.
#include "engine/core/errors.h"
#include "tests/engine/data_test_support.h"
#include "engine/io/image_codec.h"
#include "engine/io/image_header.h"
#include "engine/io/random_access_file.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <string>

using namespace cs;
using namespace cs::test;
using Status = ImageHeaderInfo::Status;

namespace {

constexpr int kWidth = 67, kHeight = 41; // JPEG 2000's encoder wants 32 or more a side

cv::Mat testImage(int type) {
    cv::Mat image(kHeight, kWidth, type);
    cv::randu(image, 0, CV_MAT_DEPTH(type) == CV_32F ? 1.0 : 255.0);
    return image;
}

std::vector<uint8_t> encoded(const std::string& extension, int type,
                             const std::vector<int>& params = {}) {
    std::vector<uint8_t> out;
    try {
        if (!cv::imencode(extension, testImage(type), out, params)) return {};
    } catch (const cv::Exception&) {
        return {};
    }
    return out;
}

ImageHeaderInfo probe(const std::vector<uint8_t>& bytes) {
    return probeImageHeader(bytes.data(), bytes.size());
}

void put16(std::vector<uint8_t>& b, size_t at, uint32_t v, bool big) {
    b[at + (big ? 0 : 1)] = uint8_t(v >> 8);
    b[at + (big ? 1 : 0)] = uint8_t(v);
}

void put32(std::vector<uint8_t>& b, size_t at, uint32_t v, bool big) {
    for (int i = 0; i < 4; ++i)
        b[at + size_t(big ? i : 3 - i)] = uint8_t(v >> (24 - 8 * i));
}

} // namespace

class ImageHeaderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyFormatOpenCvWritesAgreesWithItsDecoder_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("flag");
        QTest::addColumn<int>("value");
        QTest::newRow("png") << ".png" << CV_8UC3 << "PNG" << 0 << 0;
        QTest::newRow("16-bit png") << ".png" << CV_16UC1 << "PNG" << 0 << 0;
        QTest::newRow("jpeg") << ".jpg" << CV_8UC3 << "JPEG" << 0 << 0;
        QTest::newRow("progressive jpeg")
            << ".jpg" << CV_8UC1 << "JPEG" << int(cv::IMWRITE_JPEG_PROGRESSIVE) << 1;
        QTest::newRow("bmp") << ".bmp" << CV_8UC3 << "BMP" << 0 << 0;
        QTest::newRow("lossy webp")
            << ".webp" << CV_8UC3 << "WebP" << int(cv::IMWRITE_WEBP_QUALITY) << 80;
        QTest::newRow("lossless webp")
            << ".webp" << CV_8UC3 << "WebP" << int(cv::IMWRITE_WEBP_QUALITY) << 101;
        QTest::newRow("tiff") << ".tiff" << CV_8UC3 << "TIFF" << 0 << 0;
        QTest::newRow("pbm") << ".pbm" << CV_8UC1 << "PNM" << 0 << 0;
        QTest::newRow("ascii pgm")
            << ".pgm" << CV_8UC1 << "PNM" << int(cv::IMWRITE_PXM_BINARY) << 0;
        QTest::newRow("ppm") << ".ppm" << CV_8UC3 << "PNM" << 0 << 0;
        QTest::newRow("pam") << ".pam" << CV_8UC3 << "PAM" << 0 << 0;
        QTest::newRow("pfm") << ".pfm" << CV_32FC3 << "PFM" << 0 << 0;
        QTest::newRow("sun raster") << ".ras" << CV_8UC3 << "Sun raster" << 0 << 0;
        QTest::newRow("radiance hdr") << ".hdr" << CV_32FC3 << "HDR" << 0 << 0;
        QTest::newRow("openexr") << ".exr" << CV_32FC3 << "OpenEXR" << 0 << 0;
        QTest::newRow("jpeg 2000") << ".jp2" << CV_8UC3 << "JPEG 2000" << 0 << 0;
    }
    void everyFormatOpenCvWritesAgreesWithItsDecoder() {
        QFETCH(QString, extension);
        QFETCH(int, type);
        QFETCH(QString, format);
        QFETCH(int, flag);
        QFETCH(int, value);
        const std::vector<int> params = flag ? std::vector<int>{flag, value} : std::vector<int>{};
        const std::vector<uint8_t> bytes = encoded(extension.toStdString(), type, params);
        QVERIFY2(!bytes.empty(), "OpenCV could not encode the test image");
        const ImageHeaderInfo info = probe(bytes);
        QCOMPARE(int(info.status), int(Status::Sized));
        QCOMPARE(QString::fromStdString(info.format), format);
        QCOMPARE(info.width, uint64_t(kWidth));
        QCOMPARE(info.height, uint64_t(kHeight));
        // The engine's own reading path agrees, through a file.
        const std::string path = freshDataFolder("formats") + "/image" + extension.toStdString();
        writeBytes(path, bytes);
        QCOMPARE(int(probeImageHeader(RandomAccessFile(path)).width), kWidth);
        const cv::Mat decoded = readImageFile(path, ReadAnyColor);
        QCOMPARE(decoded.cols, kWidth);
        QCOMPARE(decoded.rows, kHeight);
    }

    void jpegFrameAfterLargeMetadataIsFound() {
        std::vector<uint8_t> jpeg = encoded(".jpg", CV_8UC3);
        // Two 65 kB APP segments between SOI and the rest: the probe skips them by length.
        std::vector<uint8_t> app(65000, 'x');
        for (uint8_t marker : {0xE1, 0xE2}) {
            std::vector<uint8_t> segment{0xFF, marker, uint8_t(65000 >> 8), uint8_t(65000 & 0xFF)};
            segment.insert(segment.end(), app.begin(), app.end() - 2);
            jpeg.insert(jpeg.begin() + 2, segment.begin(), segment.end());
        }
        const ImageHeaderInfo info = probe(jpeg);
        QCOMPARE(int(info.status), int(Status::Sized));
        QCOMPARE(info.width, uint64_t(kWidth));
        // Cut before the frame header: recognised, but no size.
        jpeg.resize(100000);
        const ImageHeaderInfo cut = probe(jpeg);
        QCOMPARE(int(cut.status), int(Status::NoSize));
        QCOMPARE(QString::fromStdString(cut.format), QString("JPEG"));
    }

    void handMadeHeaders() {
        // Big-endian TIFF: ImageWidth SHORT 300, ImageLength LONG 200.
        std::vector<uint8_t> tiff{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 2};
        tiff.resize(10 + 24 + 4);
        put16(tiff, 10, 256, true), put16(tiff, 12, 3, true), put32(tiff, 14, 1, true),
            put16(tiff, 18, 300, true);
        put16(tiff, 22, 257, true), put16(tiff, 24, 4, true), put32(tiff, 26, 1, true),
            put32(tiff, 30, 200, true);
        ImageHeaderInfo info = probe(tiff);
        QCOMPARE(info.width, uint64_t(300));
        QCOMPARE(info.height, uint64_t(200));

        // Extended WebP (VP8X): canvas sides minus one in 24 bits.
        std::vector<uint8_t> webp{'R', 'I', 'F', 'F', 0,   0,   0,   0,
                                  'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'};
        webp.resize(30);
        webp[24] = 0x2F, webp[25] = 0x75; // 30000 - 1 = 0x752F
        webp[27] = 0x0F, webp[28] = 0x27; // 10000 - 1 = 0x270F
        info = probe(webp);
        QCOMPARE(info.width, uint64_t(30000));
        QCOMPARE(info.height, uint64_t(10000));

        // A raw JPEG 2000 codestream: the image area is Xsiz - XOsiz by Ysiz - YOsiz.
        std::vector<uint8_t> j2k{0xFF, 0x4F, 0xFF, 0x51, 0, 41, 0, 0};
        j2k.resize(24);
        put32(j2k, 8, 1000, true), put32(j2k, 12, 900, true), put32(j2k, 16, 100, true),
            put32(j2k, 20, 0, true);
        info = probe(j2k);
        QCOMPARE(info.width, uint64_t(900));
        QCOMPARE(info.height, uint64_t(900));

        // A bottom-up BMP turned top-down: a negative height counts by its magnitude.
        std::vector<uint8_t> bmp = encoded(".bmp", CV_8UC3);
        put32(bmp, 22, uint32_t(-kHeight), false);
        info = probe(bmp);
        QCOMPARE(info.height, uint64_t(kHeight));

        // Netpbm comments between the numbers.
        const std::string pgm = "P5\n# made by hand\n 7 # width\n5\n255\n";
        info = probeImageHeader(reinterpret_cast<const uint8_t*>(pgm.data()), pgm.size());
        QCOMPARE(info.width, uint64_t(7));
        QCOMPARE(info.height, uint64_t(5));

        // Radiance HDR with a rotated resolution line (+X first).
        const std::string hdr = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n+X 640 -Y 480\n";
        info = probeImageHeader(reinterpret_cast<const uint8_t*>(hdr.data()), hdr.size());
        QCOMPARE(info.width, uint64_t(640));
        QCOMPARE(info.height, uint64_t(480));
    }

    void truncatedRawImagesAreRefusedBeforeDecoding() {
        // The fuzzer's find: a 107-byte PFM claiming 30000x3000 colour floats made
        // OpenCV allocate 1,080,000,000 bytes before noticing the data is missing.
        std::string pfm = "PF\n30000 3000\n-1.0\n";
        pfm.resize(107, '\x55');
        ImageHeaderInfo info = probeImageHeader(reinterpret_cast<const uint8_t*>(pfm.data()), pfm.size());
        QCOMPARE(info.pixels(), uint64_t(90000000)); // under the 100 MP limit: only the size tells
        QCOMPARE(info.minimumFileBytes, uint64_t(1080000000));
        const std::string path = freshDataFolder("truncated") + "/claims.pfm";
        writeBytes(path, std::vector<uint8_t>(pfm.begin(), pfm.end()));
        try {
            readImageFile(path, ReadAnyColor);
            QFAIL("a truncated PFM was decoded");
        } catch (const DataError& e) {
            QCOMPARE(QString(e.what()), QString::fromStdString(path) +
                                            ": truncated: a PFM of 30000x3000 pixels holds at least "
                                            "1,080,000,000 bytes of pixel data, but the file has 107; not decoded");
        }
        // Each Netpbm kind's lower bound (the text forms: a character per sample).
        const std::pair<std::string, uint64_t> cases[] = {
            {"P4\n20 3\n", 9},          {"P5\n20 3\n255\n", 60},  {"P5\n20 3\n65535\n", 120},
            {"P6\n20 3\n255\n", 180},  {"P6\n20 3\n1000\n", 360}, {"Pf\n20 3\n-1\n", 240},
            {"P1\n20 3\n", 60},         {"P3\n20 3\n255\n", 180}};
        for (const auto& [header, bytes] : cases) {
            info = probeImageHeader(reinterpret_cast<const uint8_t*>(header.data()), header.size());
            QVERIFY2(info.minimumFileBytes == bytes, header.c_str());
        }
        // Sides near 2^32: the bound saturates instead of wrapping to a small number.
        const std::string huge = "PF\n4294967295 4294967295\n-1\n";
        info = probeImageHeader(reinterpret_cast<const uint8_t*>(huge.data()), huge.size());
        QCOMPARE(info.minimumFileBytes, UINT64_MAX);
    }

    void aJp2HeaderCannotHideTheCodestreamSize() {
        // The header box may say 1x1; the decoder allocates for the codestream.
        std::vector<uint8_t> jp2 = encoded(".jp2", CV_8UC3);
        const std::string ihdr = "ihdr";
        auto at = std::search(jp2.begin(), jp2.end(), ihdr.begin(), ihdr.end());
        QVERIFY(at != jp2.end());
        const size_t box = size_t(at - jp2.begin()) + 4;
        put32(jp2, box, 1, true);
        put32(jp2, box + 4, 1, true);
        const ImageHeaderInfo info = probe(jp2);
        QCOMPARE(info.width, uint64_t(kWidth));
        QCOMPARE(info.height, uint64_t(kHeight));
    }

    void unsizedAndUnknownFiles() {
        std::vector<uint8_t> dicom(200, 0);
        std::copy_n("DICM", 4, dicom.begin() + 128);
        ImageHeaderInfo info = probe(dicom);
        QCOMPARE(int(info.status), int(Status::NoSize));
        QCOMPARE(QString::fromStdString(info.format), QString("DICOM"));
        const std::string dir = freshDataFolder("unsized");
        writeBytes(dir + "/scan.dcm", dicom);
        CS_CHECK_THROWS(
            DataError, readImageFile(dir + "/scan.dcm", ReadGrey),
            dir + "/scan.dcm: a DICOM image whose size cannot be read: DICOM images are not read");

        const std::vector<uint8_t> shortPng{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
                                            '\n', 0,   0,   0,   13,   'I',  'H'};
        QCOMPARE(int(probe(shortPng).status), int(Status::NoSize));
        std::vector<uint8_t> zero = encoded(".png", CV_8UC1);
        put32(zero, 16, 0, true);
        QCOMPARE(int(probe(zero).status), int(Status::NoSize));

        const std::string text = "just some text, not an image";
        info = probeImageHeader(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        QCOMPARE(int(info.status), int(Status::NotRecognised));
        QCOMPARE(int(probe({}).status), int(Status::NotRecognised));
    }
};

CS_REGISTER_TEST(ImageHeaderTest)

#include "test_image_header.moc"
