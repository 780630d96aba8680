// The errors a person meets when a file or folder is broken or missing keep
// their English text (what(), the CLI's output) and are translatable in the
// window: made with CS_TEXT, the path an argument or place, never part of the
// English format that is looked up in the translations (issue 15).
#include "engine/core/errors.h"
#include "engine/data/cifar_reader.h"
#include "engine/data/idx_reader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/interop/keras_import.h"
#include "engine/io/gzip_reader.h"
#include "engine/io/image_codec.h"
#include "engine/io/json.h"
#include "engine/io/safetensors.h"
#include "engine/model/model_file.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include <QtTest>
#include <functional>
#include <string>
#include <vector>

using namespace cs;

namespace {

// True when no format of `text` (its own or a place's) holds `path`.
bool pathOutsideFormats(const UserText& text, const std::string& path) {
    if (text.context && text.format.find(path) != std::string::npos) return false;
    for (const UserText& place : text.places)
        if (!pathOutsideFormats(place, path)) return false;
    return true;
}

// True when `path` is the subject, an argument or an untranslated place.
bool pathIsArgument(const UserText& text, const std::string& path) {
    if (!text.context && text.format == path) return true;
    if (text.subject == path) return true;
    for (const std::string& arg : text.args)
        if (arg.find(path) != std::string::npos) return true;
    for (const UserText& place : text.places)
        if (pathIsArgument(place, path)) return true;
    return false;
}

// Runs `load`, which must throw a cs::Error of the message `expected` that the
// window can translate and whose path is not part of a translated format.
void checkFileError(const std::function<void()>& load, const std::string& path,
                    const std::string& expected) {
    try {
        load();
    } catch (const Error& e) {
        QCOMPARE(std::string(e.what()), expected);
        QCOMPARE(e.text().english(), expected);
        QVERIFY2(e.text().context != nullptr, ("not translatable: " + expected).c_str());
        QVERIFY2(pathOutsideFormats(e.text(), path), ("path in a format: " + expected).c_str());
        QVERIFY2(pathIsArgument(e.text(), path), ("path not an argument: " + expected).c_str());
        return;
    }
    QFAIL(("no cs::Error for " + path).c_str());
}

std::string writeText(const std::string& folder, const std::string& name, const std::string& text) {
    const std::string path = folder + "/" + name;
    cs::test::writeBytes(path, std::vector<uint8_t>(text.begin(), text.end()));
    return path;
}

} // namespace

class FileErrorTextTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonFiles() {
        const std::string dir = cs::test::freshDataFolder("file_error_json");
        const std::string notJson = writeText(dir, "notes.json", "hello");
        checkFileError([&] { json::parseFile(notJson); }, notJson,
                       notJson + ": line 1, column 1: syntax error while parsing value - "
                                 "invalid literal; last read: 'h'");
        const std::string cut = writeText(dir, "cut.json", "{\"layers\": [");
        checkFileError([&] { json::parseFile(cut); }, cut,
                       cut + ": line 1, column 13: syntax error while parsing value - unexpected "
                             "end of input; expected '[', '{', or a literal");
        const std::string missing = dir + "/absent.json";
        checkFileError([&] { json::parseFile(missing); }, missing,
                       missing + ": cannot open: No such file or directory");
    }

    void modelFiles() {
        const std::string dir = cs::test::freshDataFolder("file_error_model");
        const std::string wrongType = writeText(dir, "arch.json", "{\"layers\": 5}");
        checkFileError([&] { loadArchitectureFile(wrongType); }, wrongType,
                       wrongType + ": 'layers' must be a non-empty list");
        const std::string wrongKey = writeText(dir, "arch2.json",
                                               "{\"name\": 5, \"layers\": [{\"class_name\": "
                                               "\"InputLayer\", \"config\": {\"shape\": [4]}}]}");
        checkFileError([&] { loadArchitectureFile(wrongKey); }, wrongKey,
                       wrongKey + ": key 'name': expected a string, found a number");
        const std::string garbage = writeText(dir, "model.safetensors", "not a model at all");
        checkFileError([&] { loadAnyModel(garbage); }, garbage,
                       garbage + ": header length 8029109312199880558 does not fit in a file of "
                                 "18 bytes (truncated or not a safetensors file)");
        const std::string absent = dir + "/absent.safetensors";
        checkFileError([&] { loadModelFile(absent); }, absent,
                       absent + ": cannot open: No such file or directory");
        const std::string foreign = dir + "/foreign.safetensors";
        writeSafetensors(foreign, {}, {{"name", "x"}});
        checkFileError([&] { loadModelFile(foreign); }, foreign,
                       foreign + ": __metadata__ has no 'format' (not a ConvStudio model file?)");
    }

    // The JSON types in "expected a number, found a string" are translated words.
    void jsonTypeNamesAreTranslatable() {
        try {
            json::getInt(json::parse("{\"epochs\": \"ten\"}"), "epochs", 1);
            QFAIL("no FormatError");
        } catch (const FormatError& e) {
            QCOMPARE(std::string(e.what()), std::string("key 'epochs': expected a number, found a string"));
            const UserText& text = e.text();
            QCOMPARE(text.format, std::string("expected %1, found %2"));
            QCOMPARE(text.args, (std::vector<std::string>{"a number", "a string"}));
            QCOMPARE(text.argContexts.size(), size_t(2));
            QVERIFY(text.argContexts[0] && text.argContexts[1]);
            QCOMPARE(text.places.size(), size_t(1));
            QCOMPARE(text.places[0].args, std::vector<std::string>{"epochs"}); // a name: as is
            QVERIFY(!text.places[0].argContexts[0]);
        }
    }

    void datasetFiles() {
        const std::string dir = cs::test::freshDataFolder("file_error_data");
        const std::string idx = dir + "/labels-idx1-ubyte";
        cs::test::writeBytes(idx, {0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3});
        checkFileError([&] { readIdxFile(idx, 1); }, idx,
                       idx + ": truncated: header promises 10 bytes of data, file has 3");
        const std::string gz = dir + "/cut-idx1-ubyte.gz";
        cs::test::writeBytes(gz, {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x63, 0x60});
        checkFileError([&] { readFileMaybeGzip(gz, 1000); }, gz, gz + ": truncated gzip data");
        const std::string missing = dir + "/no_such_images";
        checkFileError([&] { indexImageFolders(missing, {}); }, missing,
                       missing + ": no such folder");
        checkFileError([&] { loadCifarDataset(missing); }, missing, missing + ": no such folder");
        const std::string image = writeText(dir, "cat.png", "not a picture");
        checkFileError([&] { readImageFile(image, ReadGrey); }, image,
                       image + ": not an image OpenCV can read (corrupt or unsupported format)");
    }

    void kerasFiles() {
        const std::string dir = cs::test::freshDataFolder("file_error_keras");
        const std::string h5 = writeText(dir, "model.h5", "not hdf5");
        checkFileError([&] { loadKerasH5File(h5); }, h5,
                       h5 + ": not an HDF5 file (no HDF5 signature): a Keras .h5 model is an "
                            "HDF5 file");
        const std::string keras =
            writeText(dir, "model.json", "{\"class_name\": \"Sequential\", \"config\": 5}");
        checkFileError([&] { loadKerasJsonFile(keras); }, keras,
                       keras + ": not a Keras model document (expected \"class_name\" and a "
                               "\"config\" with \"layers\")");
    }
};

CS_REGISTER_TEST(FileErrorTextTest)
#include "test_file_error_text.moc"
