// The spec tables (engine/core/setting_spec.h) against the code they describe:
// each table's keys and defaults are what the engine reads and starts from, the
// learning rate's range is the one validate() enforces, the layers' display
// data names real attributes and icons, the one loss resolution, and no file
// under ui/ names a layer or optimizer class (the UI takes them from the specs).
#include "tests/engine/data_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/model_graph.h"
#include "engine/training/loss.h"
#include "engine/training/optimizer.h"
#include "engine/training/training_config.h"
#include "engine/training/training_session.h"
#include "engine/training/training_specs.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace cs;

namespace {

// The quoted string literals of C++ source text outside comments, with the
// line each starts on. Enough of C++'s lexing for our sources: // and /* */
// comments, "..." with escapes, R"(...)" raw strings, '...' character literals.
std::vector<std::pair<int, std::string>> stringLiterals(const std::string& text) {
    std::vector<std::pair<int, std::string>> out;
    int line = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            while (i < text.size() && text[i] != '\n') ++i;
            --i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
                if (text[i] == '\n') ++line;
            ++i;
        } else if (c == '\'') {
            for (++i; i < text.size() && text[i] != '\''; ++i)
                if (text[i] == '\\') ++i;
        } else if (c == '"' && i > 0 && text[i - 1] == 'R') { // R"(...)": no escapes, ends at )"
            const size_t close = text.find(")\"", i);
            const size_t stop = close == std::string::npos ? text.size() : close + 1;
            const int start = line;
            for (size_t k = i; k < stop; ++k)
                if (text[k] == '\n') ++line;
            out.emplace_back(start, text.substr(i + 2, stop > i + 2 ? stop - i - 3 : 0));
            i = stop;
        } else if (c == '"') {
            std::string literal;
            const int start = line;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) literal += text[i++];
                if (text[i] == '\n') ++line;
                literal += text[i];
            }
            out.emplace_back(start, literal);
        }
    }
    return out;
}

// "ui/editor/layer_style.cpp:80: \"Conv2D\"" for each literal that is a class name.
std::vector<std::string> classNamesIn(const std::string& path, const std::string& text,
                                      const std::set<std::string>& names) {
    std::vector<std::string> hits;
    for (const auto& [line, literal] : stringLiterals(text))
        if (names.count(literal)) hits.push_back(path + ":" + std::to_string(line) + ": \"" + literal + "\"");
    return hits;
}

std::set<std::string> layerAndOptimizerNames() {
    std::set<std::string> names;
    for (const LayerSpec& s : layerSpecs()) names.insert(s.className);
    for (const OptimizerSpec& o : optimizerSpecs()) {
        names.insert(o.name);
        names.insert(o.className);
    }
    return names;
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

class SpecTablesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void literalScannerSkipsComments() {
        const std::set<std::string> names{"Conv2D", "sgd"};
        const std::string text = "// \"Conv2D\" in a comment\n"
                                 "auto a = \"Conv2D\"; /* \"sgd\"\n \"sgd\" */ auto b = 'x';\n"
                                 "auto c = QString(\"sgd\"); auto d = \"Conv2D filters\"; auto e = \"a\\\"sgd\";\n"
                                 "auto f = R\"(\"Conv2D)\"; auto g = R\"(Conv2D)\";\n";
        const auto hits = classNamesIn("f.cpp", text, names);
        QCOMPARE(hits.size(), size_t(3));
        QCOMPARE(hits[0], std::string("f.cpp:2: \"Conv2D\""));
        QCOMPARE(hits[1], std::string("f.cpp:4: \"sgd\""));
        QCOMPARE(hits[2], std::string("f.cpp:5: \"Conv2D\"")); // the second raw string
    }

    // The window takes layer and optimizer names from the specs (issue 12):
    // a new layer or optimizer needs no UI code.
    void noUiFileNamesALayerOrOptimizerClass() {
        const std::filesystem::path ui = std::filesystem::path(CONVSTUDIO_SOURCE_DIR) / "ui";
        QVERIFY2(std::filesystem::is_directory(ui), ui.c_str());
        const std::set<std::string> names = layerAndOptimizerNames();
        std::vector<std::string> hits;
        int files = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(ui)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
            ++files;
            const std::string relative = std::filesystem::relative(entry.path(), CONVSTUDIO_SOURCE_DIR).string();
            for (const std::string& hit : classNamesIn(relative, readText(entry.path()), names)) hits.push_back(hit);
        }
        QVERIFY(files > 50);
        std::string report;
        for (const std::string& hit : hits) report += "\n  " + hit;
        QVERIFY2(hits.empty(), ("ui/ names layer or optimizer classes (take them from layerSpecs()/optimizerSpecs()):" +
                                report).c_str());
    }

    void optimizerTableMatchesTheOptimizers() {
        for (const OptimizerSpec& spec : optimizerSpecs()) {
            const auto made = createOptimizer(spec.name, Json::object());
            QCOMPARE(made->className(), spec.className);
            QCOMPARE(made->learningRate, spec.defaultLearningRate);
            QCOMPARE(json::asNumber(spec.setting("learning_rate").defaultValue), spec.defaultLearningRate);
            // Settings it takes are in its Keras config; learning_rate's range is the one validate() keeps.
            for (const SettingSpec& s : spec.settings) QVERIFY2(made->config().contains(s.key), s.key.c_str());
        }
        QVERIFY(optimizerSpec("SGD").takes("momentum"));
        QVERIFY(!optimizerSpec("adam").takes("momentum"));
        QVERIFY(findOptimizerSpec("Adagrad") == nullptr);
    }

    void learningRateRangeIsTheValidatedOne() {
        const SettingSpec& lr = optimizerSpec("adam").setting("learning_rate");
        TrainingSettings t;
        t.learningRate = lr.min;
        t.validate();
        t.learningRate = lr.max;
        t.validate();
        t.learningRate = lr.min / 10;
        CS_CHECK_THROWS(ConfigError, t.validate(), "learning_rate");
        QVERIFY(!lr.inRange(1e-13));
        QVERIFY(lr.inRange(1e-9));
        QCOMPARE(lr.rangeText(), std::string("[1e-12, 10]"));
    }

    void fitAndCallbackKeysAreTheJsonKeys() {
        TrainingSettings t;
        t.stepsPerEpoch = 3; // written only when set
        t.shuffle = false;
        t.csvLogger = {true, "log.csv"};
        const Json json = t.toJson();
        for (const SettingSpec& s : fitSpecs()) QVERIFY2(json.contains(s.key), s.key.c_str());
        const TrainingSettings defaults;
        QCOMPARE(json::asInt(fitSpec("epochs").defaultValue), defaults.epochs);
        QCOMPARE(json::asInt(fitSpec("batch_size").defaultValue), defaults.batchSize);
        QCOMPARE(json::asNumber(fitSpec("validation_split").defaultValue), defaults.validationSplit);
        const Json& callbacks = json["callbacks"];
        QCOMPARE(callbacks.size(), callbackSpecs().size());
        for (const CallbackSpec& c : callbackSpecs()) {
            QVERIFY2(callbacks.contains(c.key), c.key.c_str());
            for (const SettingSpec& p : c.parameters)
                QVERIFY2(callbacks[c.key].contains(p.key), (c.key + "." + p.key).c_str());
            QVERIFY2(callbacks[c.key].size() == c.parameters.size() + 1, c.key.c_str()); // + "enabled"
        }
    }

    void callbackDefaultsAreKerasAndReadBack() {
        // Every callback switched on with the table's defaults reads back as those values.
        Json callbacks = Json::object();
        for (const CallbackSpec& c : callbackSpecs()) {
            Json member = Json::object();
            member["enabled"] = true;
            for (const SettingSpec& p : c.parameters)
                member[p.key] = p.defaultValue.is_null() ? Json("x.safetensors") : p.defaultValue;
            callbacks[c.key] = member;
        }
        TrainingSettings t;
        t.readCallbacks(callbacks);
        QVERIFY(t.earlyStopping.enabled && t.checkpoint.enabled && t.reduceLr.enabled && t.csvLogger.enabled);
        QCOMPARE(t.earlyStopping.patience, 0);             // Keras's, not the window's 3
        QCOMPARE(t.earlyStopping.restoreBestWeights, false); // Keras's
        QCOMPARE(t.reduceLr.factor, 0.1);
        QCOMPARE(t.reduceLr.patience, 10);
        QCOMPARE(t.reduceLr.minDelta, 1e-4);
        t.validate();
        QCOMPARE(callbackSpec("EarlyStopping").key, std::string("early_stopping"));
        CS_CHECK_THROWS(ConfigError, callbackSpec("TensorBoard"), "early_stopping");
    }

    void augmentationTableMatchesTheOptions() {
        AugmentationOptions o;
        for (const SettingSpec& s : augmentationSpecs()) {
            // The default is the identity and set() takes the key.
            std::string text = s.type == SettingType::FloatPair ? "1,1" : json::dump(s.defaultValue);
            if (s.defaultValue.is_string()) text = json::asString(s.defaultValue);
            o.set(s.key, text);
        }
        QVERIFY(!o.enabled());
        QCOMPARE(o.toJson().size(), size_t(1)); // fill_mode only: nothing that changes images
        CS_CHECK_THROWS(ConfigError, o.set("channel_shift_range", "1"), "rotation_range", "cval");
        QCOMPARE(augmentationSpec("fill_mode").choices.size(), size_t(4));
        for (const std::string& mode : augmentationSpec("fill_mode").choices) fillModeFromName(mode);
    }

    void lossTableAndTheOneResolution() {
        QCOMPARE(lossSpecs().size(), size_t(4));
        for (size_t i = 0; i < lossSpecs().size(); ++i) QCOMPARE(lossFromName(lossSpecs()[i].name), Loss(i));
        QCOMPARE(lossFromName("mean_squared_error"), Loss::MeanSquaredError);
        CS_CHECK_THROWS(ConfigError, lossFromName("hinge"), "categorical_crossentropy", "mse");
        QCOMPARE(resolveLossSetting("auto", 10, false), Loss::CategoricalCrossentropy);
        QCOMPARE(resolveLossSetting("auto", 10, true), Loss::SparseCategoricalCrossentropy);
        QCOMPARE(resolveLossSetting("auto", 1, true), Loss::BinaryCrossentropy);
        QCOMPARE(resolveLossSetting("mse", 10, true), Loss::MeanSquaredError);
        // A trained model's metadata: "auto" (a window project's setting) resolves
        // instead of failing (convstudio-cli evaluate refused it before), and a
        // sparse image-folder binding gives what the training run used.
        QCOMPARE(trainedLoss(json::parse(R"({"loss": "auto"})"), 10), Loss::CategoricalCrossentropy);
        QCOMPARE(trainedLoss(Json(), 1), Loss::BinaryCrossentropy);
        QCOMPARE(trainedLoss(json::parse(R"({"loss": "mse"})"), 10), Loss::MeanSquaredError);
        TrainingConfig sparse;
        sparse.data.kind = DatasetKind::ImageFolders;
        sparse.data.imageFolders.classMode = ClassMode::Sparse;
        QCOMPARE(trainedLoss(sparse.toJson(), 3), Loss::SparseCategoricalCrossentropy);
        QCOMPARE(trainedLoss(sparse.toJson(), 3), resolveLoss(sparse, 3));
    }

    void layerDisplayDataNamesRealAttributes() {
        for (const LayerSpec& spec : layerSpecs()) {
            QVERIFY2(!spec.iconKey.empty(), spec.className.c_str());
            const auto icon = std::filesystem::path(CONVSTUDIO_SOURCE_DIR) / "resources/icons/layers" /
                              (spec.iconKey + ".svg");
            QVERIFY2(std::filesystem::exists(icon), icon.c_str());
            auto hasAttribute = [&](const std::string& key) {
                for (const AttributeSpec& a : spec.attributes)
                    if (a.key == key) return true;
                return false;
            };
            for (const SummaryPart& part : spec.summary) {
                QVERIFY2(hasAttribute(part.key), (spec.className + ": " + part.key).c_str());
                if (!part.hiddenWhenSameAs.empty())
                    QVERIFY2(hasAttribute(part.hiddenWhenSameAs), (spec.className + ": " + part.hiddenWhenSameAs).c_str());
                if (!part.label.empty())
                    QVERIFY2(part.label.find("%1") != std::string::npos, part.label.c_str());
            }
        }
        QVERIFY(layerSpec("InputLayer").isInput());
        QVERIFY(!layerSpec("Dense").isInput());
        QVERIFY(layerSpec("Add").isMerge());
        QVERIFY(findLayerSpec("Conv3D") == nullptr);
    }

    void starterGraphTrains() {
        const ModelGraph g = ModelGraph::starter({28, 28, 1}, 10);
        QCOMPARE(g.size(), 3);
        Model m = g.toModel();
        QCOMPARE(m.inferShapes().back().numel(), int64_t(10));
    }

    void markdownTablesListEverySetting() {
        const std::string md = specTablesMarkdown();
        for (const OptimizerSpec& o : optimizerSpecs()) QVERIFY(md.find("`" + o.name + "`") != std::string::npos);
        for (const LossSpec& l : lossSpecs()) QVERIFY(md.find("`" + l.name + "`") != std::string::npos);
        for (const SettingSpec& s : augmentationSpecs()) QVERIFY(md.find("`" + s.key + "`") != std::string::npos);
        for (const CallbackSpec& c : callbackSpecs())
            for (const SettingSpec& p : c.parameters) QVERIFY(md.find("`" + p.key + "`") != std::string::npos);
        QVERIFY(md.find("| `learning_rate` | number | [1e-12, 10] |") != std::string::npos);
        QVERIFY(md.find("| `validation_split` | number | [0, 1) | `0.2` |") != std::string::npos);
    }
};

CS_REGISTER_TEST(SpecTablesTest)
#include "test_spec_tables.moc"
