// Hostile inputs (issue 10): small files that claim huge sizes, folder links
// that loop, broken model files. Each is refused before anything big is
// allocated or decoded, with a message that names the file, the key and the
// figure; the work done stays proportional to the input (no loops, no
// cubic naming). The images' first slot must run before anything loads the
// codec module: it checks that a hostile header is refused undecoded.
#include "engine/core/errors.h"
#include "engine/data/cifar_reader.h"
#include "engine/data/idx_reader.h"
#include "engine/data/image_folder_dataset.h"
#include "tests/engine/data_test_support.h"
#include "engine/inspect/image_classifier.h"
#include "engine/io/image_codec.h"
#include "engine/io/json.h"
#include "engine/io/safetensors.h"
#include "tests/engine/layer_test_support.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/model_file.h"
#include "engine/model/model_summary.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <zlib.h>

using namespace cs;
using namespace cs::test;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one scope (the limits are read at each check).
struct ScopedEnv {
    ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
    ~ScopedEnv() { unsetenv(name_); }
    const char* name_;
};

std::vector<uint8_t> encoded(const std::string& extension, int height, int width) {
    cv::Mat image(height, width, CV_8UC3, cv::Scalar(40, 90, 200));
    std::vector<uint8_t> out;
    cv::imencode(extension, image, out);
    return out;
}

// A real JPEG whose frame header (SOF0) now claims width x height.
std::vector<uint8_t> jpegClaiming(int width, int height) {
    std::vector<uint8_t> jpeg = encoded(".jpg", 48, 64);
    for (size_t p = 2; p + 9 < jpeg.size();) {
        const size_t length = size_t(jpeg[p + 2]) << 8 | jpeg[p + 3];
        if (jpeg[p + 1] == 0xC0) {
            jpeg[p + 5] = uint8_t(height >> 8), jpeg[p + 6] = uint8_t(height);
            jpeg[p + 7] = uint8_t(width >> 8), jpeg[p + 8] = uint8_t(width);
            return jpeg;
        }
        p += 2 + length;
    }
    return {};
}

// A real PNG whose IHDR (with a matching CRC) now claims width x height.
std::vector<uint8_t> pngClaiming(uint32_t width, uint32_t height) {
    std::vector<uint8_t> png = encoded(".png", 8, 8);
    for (int i = 0; i < 4; ++i) {
        png[size_t(16 + i)] = uint8_t(width >> (24 - 8 * i));
        png[size_t(20 + i)] = uint8_t(height >> (24 - 8 * i));
    }
    const uLong crc = crc32(0, png.data() + 12, 17);
    for (int i = 0; i < 4; ++i)
        png[size_t(29 + i)] = uint8_t(crc >> (24 - 8 * i));
    return png;
}

std::string fileIn(const std::string& folder, const std::string& name,
                   const std::vector<uint8_t>& bytes) {
    const std::string path = folder + "/" + name;
    writeBytes(path, bytes);
    return path;
}

// A small trained-like model file: Dense 3 -> 2 softmax, optionally with Adam's state.
std::string savedModel(const std::string& name, bool withOptimizer) {
    Model m = modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [3]}},
        {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})");
    m.build(1);
    std::unique_ptr<Optimizer> adam = createOptimizer("adam", Json());
    adam->iterations = 3;
    for (Param* p : m.parameters()) {
        fillRandom(p->value, 7);
        adam->slots()["dense." + p->name] = {Tensor(p->value.shape()), Tensor(p->value.shape())};
        for (Tensor& t : adam->slots()["dense." + p->name])
            t.fill(0.5f);
    }
    const std::string path = freshDataFolder("models-" + name) + "/" + name + ".safetensors";
    saveModelFile(path, m, ModelMetadata{{"no", "yes"}, {}, "", {}},
                  withOptimizer ? adam.get() : nullptr);
    return path;
}

// Rewrites a safetensors file's JSON header (the tensor bytes stay as they are).
void editHeader(const std::string& path, const std::function<void(Json&)>& edit,
                const std::function<void(std::string&)>& editData = {}) {
    const std::vector<uint8_t> bytes = readBytes(path);
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i)
        n |= uint64_t(bytes[size_t(i)]) << (8 * i);
    Json header = json::parse(std::string_view(reinterpret_cast<const char*>(bytes.data()) + 8, n));
    std::string data(bytes.begin() + std::ptrdiff_t(8 + n), bytes.end());
    edit(header);
    if (editData) editData(data);
    std::string text = json::dump(header);
    while ((8 + text.size()) % 8)
        text += ' ';
    std::vector<uint8_t> out(8);
    for (int i = 0; i < 8; ++i)
        out[size_t(i)] = uint8_t(uint64_t(text.size()) >> (8 * i));
    out.insert(out.end(), text.begin(), text.end());
    out.insert(out.end(), data.begin(), data.end());
    writeBytes(path, out);
}

void setMetadataJson(Json& header, const std::string& key, const std::function<void(Json&)>& edit) {
    Json meta = json::at(header, "__metadata__");
    Json value = json::parse(json::asString(json::at(meta, key)));
    edit(value);
    meta[key] = json::dump(value);
    header["__metadata__"] = meta;
}

std::vector<uint8_t> gzipped(const std::vector<uint8_t>& raw, int level) {
    std::vector<uint8_t> out(compressBound(uLong(raw.size())) + 1024);
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = const_cast<uint8_t*>(raw.data());
    zs.avail_in = uInt(raw.size());
    zs.next_out = out.data();
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::vector<uint8_t> idxHeader(std::vector<uint32_t> dims) {
    std::vector<uint8_t> h{0, 0, 8, uint8_t(dims.size())};
    for (uint32_t d : dims)
        for (int s = 24; s >= 0; s -= 8)
            h.push_back(uint8_t(d >> s));
    return h;
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

// data/cats and data/dogs with four small PNGs each.
std::string catsAndDogsFolder(const std::string& name) {
    const std::string root = freshDataFolder(name);
    for (const char* cls : {"cats", "dogs"})
        for (int i = 0; i < 4; ++i)
            writeTestPng(root + "/" + cls + "/" + std::to_string(i) + ".png", 6, 5, i);
    return root;
}

ImageFolderOptions smallTarget() {
    ImageFolderOptions o;
    o.height = 6;
    o.width = 5;
    return o;
}

} // namespace

class HostileInputTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // First: nothing in this process has loaded the codec module yet.
    void anImageOverThePixelLimitIsRefusedBeforeDecoding() {
        const std::string dir = freshDataFolder("huge-images");
        const std::vector<uint8_t> jpeg = jpegClaiming(30000, 30000);
        QVERIFY(!jpeg.empty());
        const std::string jpegPath = fileIn(dir, "huge.jpg", jpeg);
        CS_CHECK_THROWS(
            Error, readImageFile(jpegPath, ReadGrey),
            jpegPath +
                ": a JPEG of 30000x30000 pixels (900 megapixels) by its header, over the "
                "100-megapixel limit (CONVSTUDIO_MAX_IMAGE_PIXELS): not decoded (the file has ");
        const std::string pngPath = fileIn(dir, "huge.png", pngClaiming(100000, 20000));
        CS_CHECK_THROWS(Error, readImageFile(pngPath, ReadGrey),
                        pngPath + ": a PNG of 100000x20000 pixels (2000 megapixels) by its header");
        // The refusal came from the header alone: no decoder was even loaded.
        QVERIFY(!imageCodecsLoaded());
    }

    void thePixelLimitIsConfigurable() {
        const std::string dir = freshDataFolder("pixel-limit");
        const std::string path = fileIn(dir, "small.png", encoded(".png", 50, 50));
        {
            ScopedEnv limit("CONVSTUDIO_MAX_IMAGE_PIXELS", "1000");
            CS_CHECK_THROWS(
                Error, readImageFile(path, ReadColor),
                path + ": a PNG of 50x50 pixels (2500 pixels) by its header, over the 1,000-pixel "
                       "limit (CONVSTUDIO_MAX_IMAGE_PIXELS): not decoded");
            std::string why;
            const std::vector<uint8_t> bytes = readBytes(path);
            QVERIFY(decodeImage(bytes.data(), bytes.size(), ReadColor, &why).empty());
            QVERIFY2(why.find("over the 1,000-pixel limit") != std::string::npos, why.c_str());
            // Translatable whole: the units are words the window translates too.
            try {
                readImageFile(path, ReadColor);
            } catch (const ResourceError& e) {
                QVERIFY(e.text().context != nullptr);
                QCOMPARE(e.text().argContexts.size(), size_t(8));
                QVERIFY(e.text().argContexts[4] && e.text().argContexts[6]); // pixels, pixel
                QVERIFY(!e.text().argContexts[3] && !e.text().argContexts[5]); // 2500, 1,000
            }
        }
        {
            ScopedEnv limit("CONVSTUDIO_MAX_IMAGE_PIXELS", "2500");
            QCOMPARE(readImageFile(path, ReadColor).rows, 50);
        }
        {
            ScopedEnv limit("CONVSTUDIO_MAX_IMAGE_PIXELS", "lots");
            CS_CHECK_THROWS(ConfigError, readImageFile(path, ReadColor),
                            "CONVSTUDIO_MAX_IMAGE_PIXELS is 'lots'");
        }
        QCOMPARE(readImageFile(path, ReadColor).cols, 50);
    }

    void predictGoesOnPastAnImageOverTheLimit() {
        const std::string dir = freshDataFolder("classify-huge");
        std::vector<std::string> paths{fileIn(dir, "a.png", encoded(".png", 12, 12)),
                                       fileIn(dir, "huge.jpg", jpegClaiming(30000, 30000)),
                                       fileIn(dir, "c.png", encoded(".png", 20, 16))};
        Model m = modelFromJson(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [8, 8, 3]}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})");
        m.build(1);
        const std::vector<FileClassification> rows = classifyFiles(m, Preprocessing{}, paths, 1);
        QCOMPARE(int(rows.size()), 3);
        QVERIFY(rows[0].ok());
        QVERIFY(rows[2].ok());
        QVERIFY(!rows[1].ok());
        QVERIFY2(rows[1].error.english().rfind(paths[1] + ": a JPEG of 30000x30000 pixels", 0) == 0,
                 rows[1].error.english().c_str());
        QVERIFY2(rows[1].error.english().find("not decoded") != std::string::npos, rows[1].error.english().c_str());
    }

    void aFolderDataSetSkipsAnImageOverTheLimit() {
        const std::string root = catsAndDogsFolder("folder-huge");
        writeBytes(root + "/cats/huge.jpg", jpegClaiming(30000, 30000));
        FolderDataset data = loadImageFolderDataset(root, smallTarget());
        QCOMPARE(data.data.train.count(), 8);
        QVERIFY(
            mentions(data.skipped, "cats/huge.jpg", "by its header, over the 100-megapixel limit"));
    }

    // ---- folder links ---------------------------------------------------------------
    void aSelfLinkDoesNotCountImagesTwice() {
        const std::string root = catsAndDogsFolder("self-link");
        fs::create_directory_symlink(".", root + "/cats/again");
        const ImageFolderIndex index = indexImageFolders(root, smallTarget());
        QCOMPARE(countLabel(index.train, 0), 4); // "cats 164" before
        QCOMPARE(countLabel(index.train, 1), 4);
        QVERIFY(mentions(index.skipped, "cats/again", "not followed"));
    }

    void twoSelfLinksDoNotHangTheScan() {
        const std::string root = catsAndDogsFolder("two-self-links");
        fs::create_directory_symlink(".", root + "/cats/a");
        fs::create_directory_symlink(".", root + "/cats/b");
        fs::create_directory_symlink("..", root + "/dogs/up");
        fs::create_directory_symlink("..",
                                     root + "/up"); // a class folder that would hold every class
        const ImageFolderIndex index = indexImageFolders(root, smallTarget());
        QCOMPARE(index.classNames, (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(countLabel(index.train, 0), 4);
        QCOMPARE(countLabel(index.train, 1), 4);
        QVERIFY(mentions(index.skipped, "cats/a", "which holds this folder (a loop)"));
        QVERIFY(mentions(index.skipped, "cats/b", "which holds this folder (a loop)"));
        QVERIFY(mentions(index.skipped, "dogs/up", "holds this folder"));
        QVERIFY(mentions(index.skipped, "/up", "a link back to a folder that holds it"));
        std::vector<SkippedFile> links;
        QCOMPARE(int(listImageFiles(root + "/cats", true, &links).size()), 4);
        QCOMPARE(int(links.size()), 2);
    }

    void linksStayInsideTheGivenFolder() {
        const std::string root = catsAndDogsFolder("links-inside");
        const std::string outside = freshDataFolder("links-outside");
        for (int i = 0; i < 3; ++i)
            writeTestPng(outside + "/more/" + std::to_string(i) + ".png", 6, 5, 9);
        fs::create_directory_symlink(outside + "/more", root + "/cats/elsewhere");
        // Inside the data set folder: followed (each folder once).
        writeTestPng(root + "/.extra/kittens/k.png", 6, 5, 3);
        fs::create_directory_symlink("../.extra/kittens", root + "/cats/kittens");
        // A second path to a folder: its images count once, under the real path.
        writeTestPng(root + "/cats/sub/s.png", 6, 5, 4);
        fs::create_directory_symlink("sub", root + "/cats/alias");
        const ImageFolderIndex index = indexImageFolders(root, smallTarget());
        QCOMPARE(countLabel(index.train, 0), 6);
        QVERIFY(mentions(index.skipped, "cats/elsewhere", "outside the folder being read"));
        QVERIFY(mentions(index.skipped, "cats/alias", "a folder already read"));
        QVERIFY(std::any_of(index.train.begin(), index.train.end(), [](const FolderImage& f) {
            return f.path.ends_with("cats/sub/s.png");
        }));
        QCOMPARE(int(listImageFiles(root + "/cats", true).size()), 5); // kittens lie outside cats/
    }

    // ---- models -----------------------------------------------------------------------
    void fiveThousandUnnamedLayersGetKerasNames() {
        // Cubic before (1,000 layers took 29.5 s in `summary`): each name tried
        // every suffix against every layer. Now one lookup per name.
        std::string json = R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}})";
        for (int i = 0; i < 5000; ++i)
            json += R"(, {"class_name": "Dense", "config": {"units": 2}})";
        json += "]}";
        const Model m = modelFromJson(json);
        QCOMPARE(m.nodeCount(), 5001);
        QCOMPARE(QString::fromStdString(m.layer(1).name()), QString("dense"));
        for (int i = 2; i <= 5000; ++i)
            QCOMPARE(m.layer(i).name(), "dense_" + std::to_string(i - 1));
        QCOMPARE(m.findNode("dense_4999"), 5000);
        const ModelSummary s = summarize(m);
        QCOMPARE(int(s.rows.size()), 5000);
        QCOMPARE(s.totalParameters, int64_t(10 + 4999 * 6));
        // Explicit names mixed in: the automatic ones skip them.
        Model mixed;
        mixed.add(createLayer("InputLayer", json::parse(R"({"shape": [4]})")));
        mixed.add(createLayer("Dense", json::parse(R"({"units": 2, "name": "dense_1"})")));
        mixed.add(createLayer("Dense", json::parse(R"({"units": 2})")));
        mixed.add(createLayer("Dense", json::parse(R"({"units": 2})")));
        QCOMPARE(QString::fromStdString(mixed.layer(2).name()), QString("dense"));
        QCOMPARE(QString::fromStdString(mixed.layer(3).name()), QString("dense_2"));
    }

    void aHugeDenseIsCountedButNotBuilt() {
        // 474 bytes of architecture, 710,934,528 parameters (5.7 GB with gradients).
        Model m =
            modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [677]}},
            {"class_name": "Dense", "config": {"units": 1048576}}]})");
        const ModelSummary s = summarize(m); // from the shapes: nothing allocated
        QCOMPARE(s.totalParameters, int64_t(710934528));
        QCOMPARE(s.rows[0].parameters, int64_t(710934528));
        CS_CHECK_THROWS(Error, m.build(0),
                        "the model needs 5.7 GB for its 710,934,528 parameters and their "
                        "gradients, over the 2 GB "
                        "limit (CONVSTUDIO_MEMORY_LIMIT)");
        QVERIFY(!m.isBuilt());
    }

    void theMemoryLimitIsConfigurable() {
        Model m =
            modelFromJson(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [1000]}},
            {"class_name": "Dense", "config": {"units": 1000}}]})");
        {
            ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "5MB");
            CS_CHECK_THROWS(Error, m.build(0),
                            "the model needs 8 MB for its 1,001,000 parameters and their "
                            "gradients, over the 5 MB "
                            "limit (CONVSTUDIO_MEMORY_LIMIT)");
            QCOMPARE(summarize(m).totalParameters, int64_t(1001000)); // the summary still works
        }
        {
            ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "10M");
            m.build(0);
            QVERIFY(m.isBuilt());
        }
    }

    void aBatchWhoseActivationsExceedTheLimitIsRefused() {
        Model m = modelFromJson(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [32, 32, 3]}},
            {"class_name": "Conv2D", "config": {"filters": 64, "kernel_size": 3, "padding": "same"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})");
        m.build(0);
        ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "4MB");
        // Per image: 3,072 input + 65,536 conv + 64 + 2 values = 274,696 bytes.
        Tensor small(Shape{8, 32, 32, 3});
        small.zero();
        QCOMPARE(m.forward(small, RunContext{}).shape(), (Shape{8, 2}));
        Tensor big(Shape{64, 32, 32, 3});
        big.zero();
        CS_CHECK_THROWS(Error, m.forward(big, RunContext{}),
                        "a batch of 64 needs 17.6 MB for the layers' outputs, over the 4 MB limit "
                        "(CONVSTUDIO_MEMORY_LIMIT): use a smaller batch size");
        RunContext training;
        training.training = true;
        CS_CHECK_THROWS(Error, m.forward(small, training), "a batch of 8 in training needs 4.4 MB");
    }

    void aHugeInputIsRefusedBeforeAnyImageIsPrepared() {
        // The InputLayer allows 4096 a side: one such image is 275 GB of floats.
        Model huge = modelFromJson(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4096, 4096, 4096]}},
            {"class_name": "GlobalAveragePooling2D", "config": {}}, {"class_name": "Dense", "config": {"units": 2}}]})");
        CS_CHECK_THROWS(Error, huge.build(0),
                        "one image needs 275 GB for the layers' outputs, over the 2 GB limit");
        // predict checks its batch before decoding (and resizing) a single file.
        Model m = modelFromJson(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [256, 256, 3]}},
            {"class_name": "GlobalAveragePooling2D", "config": {}}, {"class_name": "Dense", "config": {"units": 2}}]})");
        m.build(0);
        ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "20MB");
        const std::vector<std::string> paths(30, "/nonexistent/image.png");
        CS_CHECK_THROWS(Error, classifyFiles(m, Preprocessing{}, paths, 1),
                        "a batch of 30 needs 23.6 MB");
        // An image folder decoded into memory: the images' bytes are checked first.
        const std::string root = catsAndDogsFolder("decoded-limit");
        ImageFolderOptions big;
        big.height = big.width = 1000;
        CS_CHECK_THROWS(
            Error, loadImageFolderDataset(root, big),
            "the decoded image data needs 24 MB (8 images of 1000x1000x3), over the 20 MB limit");
    }

    void aFlattenOfMoreThanTwoBillionValuesIsAShapeError() {
        Model m = modelFromJson(
            R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4096, 4096, 4096]}},
            {"class_name": "Flatten", "config": {}}, {"class_name": "Dense", "config": {"units": 2}}]})");
        CS_CHECK_THROWS(ShapeError, summarize(m),
                        "68719476736 values, more than one layer can hold");
    }

    // ---- model files --------------------------------------------------------------------
    void theSafetensorsHeaderLengthIsCheckedBeforeReading() {
        const std::string path = freshDataFolder("st-huge") + "/huge.safetensors";
        {
            std::ofstream out(path, std::ios::binary);
            const char length[8] = {0, 0, 0, 0, 0, 0, 0, 0x40}; // 2^62
            out.write(length, 8);
        }
        fs::resize_file(path, uint64_t(17) << 30); // sparse: nothing on disk
        CS_CHECK_THROWS(
            FormatError, readSafetensors(path),
            path +
                ": header length 4611686018427387904 does not fit in a file of 18253611008 bytes");
    }

    void safetensorsAreReadByRange() {
        // A valid file followed by 17 GB (sparse) of unused data: only the
        // header and the tensors are read, so it loads at once.
        const std::string path = savedModel("padded", false);
        const SafetensorsContent before = readSafetensors(path);
        fs::resize_file(path, uint64_t(17) << 30);
        const SafetensorsContent after = readSafetensors(path);
        QCOMPARE(after.tensors.size(), before.tensors.size());
        for (size_t i = 0; i < after.tensors.size(); ++i)
            for (int64_t k = 0; k < after.tensors[i].second.size(); ++k)
                QCOMPARE(after.tensors[i].second[k], before.tensors[i].second[k]);
    }

    void tensorsOverTheMemoryLimitAreRefused() {
        const std::string path = savedModel("limited", false);
        ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "10");
        CS_CHECK_THROWS(
            Error, readSafetensors(path),
            path + ": the tensor data needs 32 bytes (2 tensors), over the 10 bytes limit");
    }

    void loadErrorsNameTheFileAndTheKey() {
        const std::string dtype = savedModel("dtype", false);
        editHeader(dtype, [](Json& h) {
            Json e = json::at(h, "dense.kernel");
            e["dtype"] = 5;
            h["dense.kernel"] = e;
        });
        CS_CHECK_THROWS(FormatError, loadModelFile(dtype),
                        dtype + ": tensor 'dense.kernel': key 'dtype' must be a string, found 5");
        const std::string shape = savedModel("shape", false);
        editHeader(shape, [](Json& h) {
            Json e = json::at(h, "dense.bias");
            e.erase("shape");
            h["dense.bias"] = e;
        });
        CS_CHECK_THROWS(FormatError, loadModelFile(shape),
                        shape + ": tensor 'dense.bias': missing key 'shape'");
        const std::string arch = savedModel("arch", false);
        editHeader(arch, [](Json& h) {
            setMetadataJson(h, "architecture", [](Json& a) {
                Json layers = json::at(a, "layers");
                Json config = json::at(layers[1], "config");
                config["units"] = "two";
                layers[1]["config"] = config;
                a["layers"] = layers;
            });
        });
        CS_CHECK_THROWS(
            FormatError, loadModelFile(arch),
            arch + ": __metadata__ 'architecture' is invalid: layer 2 (Dense 'dense'): ", "units");
        const std::string classes = savedModel("classes", false);
        editHeader(classes, [](Json& h) {
            Json meta = json::at(h, "__metadata__");
            meta["class_names"] = "[\"no\", 7]";
            h["__metadata__"] = meta;
        });
        CS_CHECK_THROWS(FormatError, loadModelFile(classes),
                        classes + ": __metadata__ 'class_names': item 1");
        // An architecture file: the path, then the layer.
        const std::string json = freshDataFolder("arch-json") + "/no-class.json";
        const std::string text = R"({"layers": [{"config": {}}]})";
        writeBytes(json, std::vector<uint8_t>(text.begin(), text.end()));
        CS_CHECK_THROWS(FormatError, loadAnyModel(json),
                        json + ": layer 1: missing key 'class_name'");
    }

    void jsonOfAnotherKindIsATypedError() {
        // nlohmann's accessors throw its own exceptions (not a cs::Error) on a value
        // of another kind, e.g. an object indexed as a list; readers must not let
        // them through.
        CS_CHECK_THROWS(
            Error,
            createLayer("InputLayer", json::parse(R"({"batch_input_shape": {"a": 1, "b": 2}})")),
            "expected an array, found an object");
    }

    void aNegativeOptimizerStepCountIsRefused() {
        const std::string path = savedModel("iterations", true);
        QCOMPARE(loadModelFile(path).optimizer->iterations, int64_t(3));
        editHeader(path, [](Json& h) {
            setMetadataJson(h, "optimizer", [](Json& o) { o["iterations"] = -5; });
        });
        CS_CHECK_THROWS(
            FormatError, loadModelFile(path),
            path + ": __metadata__ 'optimizer': key 'iterations' must be a whole number >= 0",
            "-5");
    }

    void brokenOptimizerSlotsAreRefused() {
        const std::string nan = savedModel("slot-nan", true);
        editHeader(
            nan, [](Json&) {},
            [](std::string& data) {
                const float bad = std::nanf("");
                std::memcpy(data.data() + data.size() - 4, &bad,
                            4); // the last tensor: an optimizer slot
            });
        CS_CHECK_THROWS(FormatError, loadModelFile(nan), nan + ": optimizer slot 'optimizer/dense.",
                        "holds NaN");
        const std::string partial = savedModel("slot-partial", true);
        // "v" of the bias goes: its "m" alone is half of Adam's state.
        editHeader(partial, [](Json& h) { h.erase("optimizer/dense.bias/v"); });
        CS_CHECK_THROWS(FormatError, loadModelFile(partial),
                        partial +
                            ": optimizer state of 'dense.bias' has 1 of the 2 slots Adam keeps");
    }

    void nonFiniteWeightsAreRefusedOnLoad() {
        const std::string path = savedModel("nan-weight", false);
        editHeader(
            path, [](Json&) {},
            [](std::string& data) {
                const float inf = INFINITY, nan = std::nanf("");
                std::memcpy(data.data() + 4 * 2, &nan, 4); // the kernel's 6 values come first
                std::memcpy(data.data() + 4 * 5, &inf, 4);
            });
        CS_CHECK_THROWS(
            FormatError, loadModelFile(path),
            path + ": weight 'dense.kernel' holds NaN at index 2 of 6: the model is broken");
        editHeader(
            path, [](Json&) {},
            [](std::string& data) {
                const float one = 1.0f;
                std::memcpy(data.data() + 4 * 2, &one, 4);
            });
        CS_CHECK_THROWS(FormatError, loadModelFile(path),
                        "weight 'dense.kernel' holds an infinity at index 5");
    }

    // ---- data sets ------------------------------------------------------------------------
    void idxCountsAreComparedBeforeDecompressing() {
        const std::string dir = freshDataFolder("idx-claim");
        // The finding: a 3.9 MB .gz claiming 1,000,000 images of 64x64 (4 GB).
        // Here 4 MB stored uncompressed: a size that could hold the claim, so
        // only the labels' count (or the memory limit) can refuse it early.
        std::vector<uint8_t> images = idxHeader({1000000, 64, 64});
        images.resize(images.size() + 4000000, 7);
        const std::string imagesPath = dir + "/train-images-idx3-ubyte.gz";
        writeBytes(imagesPath, gzipped(images, 0));
        std::vector<uint8_t> labels = idxHeader({60000});
        labels.resize(labels.size() + 60000);
        writeBytes(dir + "/train-labels-idx1-ubyte.gz", gzipped(labels, 9));
        writeBytes(dir + "/t10k-images-idx3-ubyte.gz", gzipped(images, 0));
        writeBytes(dir + "/t10k-labels-idx1-ubyte.gz", gzipped(labels, 9));
        CS_CHECK_THROWS(DataError, loadIdxDataset(dir),
                        imagesPath + " has 1000000 images but " + dir +
                            "/train-labels-idx1-ubyte.gz has 60000 labels");
        // Counts in agreement: the 4 GB claim is over the memory limit.
        labels = idxHeader({1000000});
        labels.resize(labels.size() + 1000000);
        writeBytes(dir + "/train-labels-idx1-ubyte.gz", gzipped(labels, 9));
        CS_CHECK_THROWS(
            Error, loadIdxDataset(dir),
            imagesPath +
                ": the data set needs 4.1 GB for 1000000 images of 64x64 pixels, over the 2 GB "
                "limit (CONVSTUDIO_MEMORY_LIMIT)");
        // A tiny .gz cannot hold 4 GB at all (deflate's best ratio is about 1032:1).
        images.resize(16 + 64 * 64);
        writeBytes(imagesPath, gzipped(images, 9));
        CS_CHECK_THROWS(FormatError, loadIdxDataset(dir),
                        imagesPath + ": header promises 4096000000 bytes of data, more than a ",
                        "-byte gzip file can hold");
    }

    void idxDataOverTheMemoryLimitIsRefused() {
        const std::string dir = freshDataFolder("idx-limit");
        std::vector<uint8_t> images = idxHeader({2000, 28, 28});
        images.resize(images.size() + 2000 * 28 * 28);
        std::vector<uint8_t> labels = idxHeader({2000});
        labels.resize(labels.size() + 2000);
        for (const char* split : {"train", "t10k"}) {
            writeBytes(dir + "/" + split + "-images-idx3-ubyte", images);
            writeBytes(dir + "/" + split + "-labels-idx1-ubyte", labels);
        }
        QCOMPARE(loadIdxDataset(dir).train.count(), 2000);
        ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "1MB");
        CS_CHECK_THROWS(Error, loadIdxDataset(dir),
                        dir + "/train-images-idx3-ubyte: the data set needs 1.6 MB for 2000 images "
                              "of 28x28 pixels, "
                              "over the 1 MB limit (CONVSTUDIO_MEMORY_LIMIT)");
        // A raw file whose header claims more than it holds: refused from its size alone.
        std::vector<uint8_t> claims = idxHeader({9000, 28, 28});
        claims.resize(claims.size() + 28 * 28);
        writeBytes(dir + "/train-images-idx3-ubyte", claims);
        CS_CHECK_THROWS(FormatError, readIdxFile(dir + "/train-images-idx3-ubyte", 3),
                        "truncated: header promises 7056000 bytes of data, file has 784");
    }

    void cifarSizesAreCheckedBeforeAnyRecordIsRead() {
        const std::string dir = freshDataFolder("cifar-sizes");
        std::vector<uint8_t> batch(size_t(10) * kCifarRecordBytes, 0);
        batch[0] = 200; // a bad label in the first record of the first batch
        writeBytes(dir + "/data_batch_1.bin", batch);
        writeBytes(dir + "/test_batch.bin", std::vector<uint8_t>(100, 0));
        // Every file's size is checked before any record is read: the test
        // batch's size is the first error, not batch 1's label.
        CS_CHECK_THROWS(FormatError, loadCifarDataset(dir),
                        dir + "/test_batch.bin: size 100 bytes");
        batch[0] = 3;
        writeBytes(dir + "/data_batch_1.bin", batch);
        writeBytes(dir + "/test_batch.bin", batch);
        QCOMPARE(loadCifarDataset(dir).train.count(), 10);
        ScopedEnv limit("CONVSTUDIO_MEMORY_LIMIT", "50kB");
        CS_CHECK_THROWS(Error, loadCifarDataset(dir),
                        dir + ": the data set needs 61.5 kB for 10 training and 10 test images, "
                              "over the 50 kB limit");
    }
};

CS_REGISTER_TEST(HostileInputTest)

#include "test_hostile_inputs.moc"
