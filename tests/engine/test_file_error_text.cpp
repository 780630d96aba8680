// The errors a person meets when a file or folder is broken or missing keep
// their English text (what(), the CLI's output) and are translatable in the
// window: made with CS_TEXT, the path an argument or place, never part of the
// English format that is looked up in the translations (issue 15).
#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/data/cifar_reader.h"
#include "engine/data/data_binding.h"
#include "engine/data/idx_reader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/interop/keras_import.h"
#include "engine/io/gzip_reader.h"
#include "engine/io/image_codec.h"
#include "engine/io/json.h"
#include "engine/io/safetensors.h"
#include "engine/model/model_file.h"
#include "engine/model/model_graph.h"
#include "engine/training/training_config.h"
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"
#include "tests/engine/user_text_checks.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace cs;
using cs::test::pathIsArgument;
using cs::test::pathOutsideFormats;
using cs::test::translatedPartsHaveFormats;

namespace {

// Runs `load`, which must throw a cs::Error of the message `expected` that the
// window can translate and whose path is not part of a translated format.
void checkFileError(const std::function<void()>& load, const std::string& path,
                    const std::string& expected) {
    try {
        load();
    } catch (const Error& e) {
        QCOMPARE(QString::fromStdString(e.what()), QString::fromStdString(expected));
        QCOMPARE(e.text().english(), expected);
        QVERIFY2(e.text().context != nullptr, ("not translatable: " + expected).c_str());
        QVERIFY2(pathOutsideFormats(e.text(), path), ("path in a format: " + expected).c_str());
        QVERIFY2(pathIsArgument(e.text(), path), ("path not an argument: " + expected).c_str());
        return;
    }
    QFAIL(("no cs::Error for " + path).c_str());
}

// Every format in `text` (its own, its places') carries a context: nothing of
// the message is left for the window to show in English.
bool everyFormatTranslatable(const UserText& text) {
    if (!text.context && !text.format.empty() && text.format.find(':') == std::string::npos &&
        text.format.find(' ') != std::string::npos)
        return false; // a plain English sentence (a path or a name has no spaces, or is verbatim)
    for (const UserText& place : text.places)
        if (!everyFormatTranslatable(place)) return false;
    for (const UserText& next : text.more)
        if (!next.context || !everyFormatTranslatable(next)) return false;
    return true;
}

// Runs `load`, which must throw a cs::Error whose English is `expected` and
// whose text the window translates (a setting, not a file: no path in it).
void checkSettingError(const std::function<void()>& load, const std::string& expected) {
    try {
        load();
    } catch (const Error& e) {
        QCOMPARE(QString::fromStdString(e.what()), QString::fromStdString(expected));
        QVERIFY2(e.text().context != nullptr, ("not translatable: " + expected).c_str());
        QVERIFY2(everyFormatTranslatable(e.text()), ("English place: " + expected).c_str());
        return;
    }
    QFAIL(("no cs::Error for " + expected).c_str());
}

std::string kerasFixture(const std::string& name) {
    return std::string(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/" + name;
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

    // An image whose header names no size: the header's own problem is a text
    // of its own inside the message, translated in its place.
    void imageHeaderProblems() {
        const std::string dir = cs::test::freshDataFolder("file_error_header");
        const std::string png = dir + "/cut.png";
        cs::test::writeBytes(png, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                   'I',  'E', 'N', 'D', 0,    0,    0,    0,    0, 0, 0, 0});
        checkFileError([&] { readImageFile(png, ReadGrey); }, png,
                       png +
                           ": a PNG image whose size cannot be read: no IHDR chunk first (corrupt "
                           "PNG); not decoded (the file has 24 bytes)");
        try {
            readImageFile(png, ReadGrey);
        } catch (const Error& e) {
            QCOMPARE(e.text().nested.size(), size_t(1));
            QVERIFY(e.text().nested[0].context != nullptr);
            QCOMPARE(e.text().args[e.text().nestedAt[0]], e.text().nested[0].english());
        }
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

    // A Keras model with several unsupported parts: one message listing them
    // all ("...; ..."), every part translatable, also when it comes back from
    // the .h5 reader process.
    void kerasProblemLists() {
        const std::string dir = cs::test::freshDataFolder("file_error_keras_list");
        const std::string keras = writeText(
            dir, "model.json",
            R"({"class_name": "Sequential", "config": {"layers": [)"
            R"({"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 8, 8, 1]}},)"
            R"({"class_name": "LeakyReLU", "config": {"name": "leaky"}},)"
            R"({"class_name": "GlobalAveragePooling2D", "config": {"name": "g", "keepdims": true}},)"
            R"({"class_name": "Dense", "config": {"name": "d", "units": "ten"}}]}})");
        checkFileError([&] { loadKerasJsonFile(keras); }, keras,
                       keras + ": not supported by ConvStudio: layer 'leaky' (LeakyReLU): not a "
                               "layer type ConvStudio has; layer 'g' (GlobalAveragePooling2D): "
                               "'keepdims' = true (keeping the pooled axes) is not supported; "
                               "layer 'd' (Dense): Dense attribute 'units' must be a number, got "
                               "\"ten\"");
        try {
            loadKerasJsonFile(keras);
        } catch (const Error& e) {
            QCOMPARE(e.text().more.size(), size_t(2));
            QVERIFY(everyFormatTranslatable(e.text()));
            QCOMPARE(e.text().more[0].argContexts.size(), size_t(3)); // "keeping the pooled axes"
            QVERIFY(e.text().more[0].argContexts[2] != nullptr);
        }
        const std::string h5 = kerasFixture("unsupported.h5");
        try {
            loadKerasH5File(h5);
            QFAIL("unsupported.h5 loaded");
        } catch (const FormatError& e) {
            QVERIFY2(std::string(e.what()).rfind(h5 + ": not supported by ConvStudio: ", 0) == 0,
                     e.what());
            QVERIFY2(e.text().more.size() >= 2, e.what());
            QVERIFY2(everyFormatTranslatable(e.text()), e.what());
            QCOMPARE(e.text().english(), std::string(e.what()));
        }
    }

    // An .h5 file is read by a child process (keras_h5.cpp): its messages come
    // back through a pipe, whole, still translatable.
    void kerasReaderProcessMessages() {
        const std::string weightsOnly = kerasFixture("weights_only.h5");
        checkFileError([&] { loadKerasH5File(weightsOnly); }, weightsOnly,
                       weightsOnly + ": no 'model_config' attribute: not a whole Keras model (a "
                                     "file of model.save_weights() holds no architecture; save "
                                     "with model.save(\"x.h5\"))");
        const std::string dir = cs::test::freshDataFolder("file_error_h5");
        const std::string cut = dir + "/cut.h5";
        {
            std::ifstream in(kerasFixture("mejor_modelo.h5"), std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), {});
            std::ofstream(cut, std::ios::binary)
                .write(bytes.data(), std::streamsize(bytes.size() / 2));
        }
        try {
            loadKerasH5File(cut);
            QFAIL("a truncated .h5 file loaded");
        } catch (const FormatError& e) {
            const std::string what = e.what();
            QVERIFY2(what.rfind(cut + ": ", 0) == 0, what.c_str());
            QVERIFY2(what.find("truncated or damaged") != std::string::npos, what.c_str());
            QVERIFY2(e.text().context != nullptr, ("not translatable: " + what).c_str());
            QVERIFY2(pathOutsideFormats(e.text(), cut), what.c_str());
        }
    }

    // A damaged tensor entry inside a .safetensors file: the tensor's name in
    // front is a translated place of its own ("tensor 'w'").
    void damagedSafetensorsEntry() {
        const std::string dir = cs::test::freshDataFolder("file_error_safetensors");
        auto write = [&](const std::string& name, const std::string& header, size_t dataBytes) {
            std::string bytes(8, '\0');
            for (int i = 0; i < 8; ++i)
                bytes[size_t(i)] = char((header.size() >> (8 * i)) & 0xff);
            bytes += header + std::string(dataBytes, '\0');
            const std::string path = dir + "/" + name;
            cs::test::writeBytes(path, std::vector<uint8_t>(bytes.begin(), bytes.end()));
            return path;
        };
        const std::string f16 =
            write("f16.safetensors",
                  R"({"w": {"dtype": "F16", "shape": [2], "data_offsets": [0, 4]}})", 4);
        checkFileError([&] { readSafetensors(f16); }, f16,
                       f16 + ": tensor 'w' has dtype 'F16'; only F32 is supported");
        const std::string noShape =
            write("noshape.safetensors", R"({"w": {"dtype": "F32", "data_offsets": [0, 4]}})", 4);
        checkFileError([&] { readSafetensors(noShape); }, noShape,
                       noShape + ": tensor 'w': missing key 'shape'");
        const std::string spans =
            write("spans.safetensors",
                  R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", 8);
        checkFileError([&] { readSafetensors(spans); }, spans,
                       spans + ": tensor 'w' has shape (3,) (12 bytes) but its data_offsets span 8 "
                               "bytes");
        const std::string overlap =
            write("overlap.safetensors",
                  R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                  R"( "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}})",
                  12);
        checkFileError([&] { readSafetensors(overlap); }, overlap,
                       overlap + ": tensors 'a' and 'b' overlap");
    }

    // A hand-edited architecture with an attribute of the wrong type or name.
    void layerAttributes() {
        const std::string dir = cs::test::freshDataFolder("file_error_layers");
        const std::string arch =
            writeText(dir, "arch.json",
                      R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},)"
                      R"( {"class_name": "Dense", "config": {"name": "out", "units": "ten"}}]})");
        checkFileError([&] { loadArchitectureFile(arch); }, arch,
                       arch + ": layer 2 (Dense 'out'): Dense attribute 'units' must be a number, "
                              "got \"ten\"");
        const Json unknown =
            json::parse(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},)"
                        R"( {"class_name": "Flatten", "config": {"units": 3}}]})");
        checkSettingError([&] { ModelGraph::fromJson(unknown); },
                          "layer 2: Flatten: unknown attribute 'units' (it has none)");
        const Json range =
            json::parse(R"({"layers": [{"class_name": "InputLayer", "config": {"shape": [4]}},)"
                        R"( {"class_name": "Dropout", "config": {"rate": 2}}]})");
        checkSettingError([&] { ModelGraph::fromJson(range); },
                          "layer 2: Dropout attribute 'rate' must be between 0 and 0.99, got 2");
        const Json late = json::parse(
            R"({"layers": [{"class_name": "Dense", "config": {"units": 2, "input_shape": [3]}},)"
            R"( {"class_name": "InputLayer", "config": {"shape": [4]}}]})");
        checkSettingError([&] { ModelGraph::fromJson(late); },
                          "layer 2: the InputLayer must be the first layer");
    }

    // Setting names and values in a project file (class_mode, the optimizer ...).
    void projectSettings() {
        checkSettingError(
            [&] {
                DataBinding::fromJson(json::parse(
                    R"({"kind": "image_folders", "image_folders": {"class_mode": "multi"}})"));
            },
            "unknown class_mode 'multi' (use categorical, sparse or binary)");
        checkSettingError([&] { DataBinding::fromJson(json::parse(R"({"kind": "hdf5"})")); },
                          "data kind 'hdf5' is not one of idx, cifar10, image_folders");
        checkSettingError(
            [&] { AugmentationOptions::fromJson(json::parse(R"({"fill_mode": "mirror"})")); },
            "unknown fill_mode 'mirror' (use nearest, constant, reflect or wrap)");
        checkSettingError(
            [&] {
                TrainingSettings t =
                    TrainingSettings::fromJson(json::parse(R"({"optimizer": "adamw"})"));
                t.validate();
            },
            "optimizer 'adamw' is not one of adam, sgd, rmsprop");
        checkSettingError(
            [&] {
                TrainingSettings t = TrainingSettings::fromJson(json::parse(
                    R"({"callbacks": {"early_stopping": {"enabled": true, "mode": "up"}}})"));
                t.validate();
            },
            "EarlyStopping: mode 'up' is not one of auto, min, max");
    }
};

CS_REGISTER_TEST(FileErrorTextTest)
#include "test_file_error_text.moc"
