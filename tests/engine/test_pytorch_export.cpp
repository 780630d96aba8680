// Writing the PyTorch script as a file (engine/interop/pytorch_export.h), the
// part the window and the CLI share: weights of a model in memory written
// beside the script, the data binding of a trained model read in the one
// JSON form, a run's callbacks in Keras's names, and nothing written when the
// export fails. (The script itself is run by PyTorch in cli.pytorch_export and
// ui.InteropActionsTest.)
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/interop/pytorch_export.h"
#include "engine/model/model_file.h"
#include "engine/model/model_graph.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cs;
using cs::test::thrownMessage;

namespace {

LoadedModel smallTrainedModel() {
    LoadedModel m;
    m.model = ModelGraph::fromJson(json::parse(R"({"name": "small", "layers": [
        {"class_name": "InputLayer", "config": {"shape": [6, 6, 3]}},
        {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3}},
        {"class_name": "Flatten", "config": {}},
        {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]})"))
                  .toModel();
    m.model.build(5);
    m.metadata.classNames = {"cats", "dogs"};
    m.metadata.dataset = "cats_and_dogs_filtered";
    return m;
}

Json scriptSettings(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    const std::string open = "SETTINGS = json.loads(r'''";
    const size_t begin = s.find(open) + open.size();
    return json::parse(s.substr(begin, s.find("''')", begin) - begin));
}

} // namespace

class PytorchExportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A model trained on image folders stores its data binding as
    // {"kind": "image_folders", "image_folders": {"target_size": ...}}: the
    // script reads image folders at that size (it took "image_folders" for a
    // kind it did not know, and the model's input size, before).
    void theDataBindingOfATrainedModelIsRead() {
        LoadedModel m = smallTrainedModel();
        TrainingConfig config;
        config.data.kind = DatasetKind::ImageFolders;
        config.data.folder = "/data/cats";
        config.data.imageFolders.height = 150;
        config.data.imageFolders.width = 120;
        config.data.imageFolders.colorMode = ColorMode::Grayscale;
        m.metadata.training = config.toJson();
        const std::string dir = test::tempDir();
        PytorchExportRequest r;
        const PytorchExportResult done = exportPytorchScript(m, r, dir + "/train.py");
        const Json s = scriptSettings(dir + "/train.py");
        QCOMPARE(json::getString(s, "data_kind", ""), std::string("image folders"));
        const Json& folders = json::at(s, "image_folders");
        QCOMPARE(json::asIntVector(json::at(folders, "target_size")), (std::vector<int>{150, 120}));
        QCOMPARE(json::getString(folders, "color_mode", ""), std::string("grayscale"));
        QVERIFY(done.trained);
        QCOMPARE(done.checkCount, 16); // made-up inputs: image folders are not read for --check
    }

    // A model in memory (the window's) has no file: its weights go beside the script.
    void weightsOfAModelInMemoryGoBesideTheScript() {
        LoadedModel m = smallTrainedModel();
        const std::string dir = test::tempDir();
        const PytorchExportResult done = exportPytorchScript(m, {}, dir + "/mine.py");
        QCOMPARE(done.weightsWritten, dir + "/mine.safetensors");
        const LoadedModel back = loadModelFile(done.weightsWritten);
        const Tensor& a = m.model.layer(1).params()[0].value;
        const Tensor& b = back.model.layer(1).params()[0].value;
        QVERIFY(std::equal(a.data(), a.data() + a.size(), b.data()));
        QCOMPARE(json::getString(scriptSettings(dir + "/mine.py"), "weights", ""),
                 dir + "/mine.safetensors");
    }

    void aRefusedExportWritesNothing() {
        LoadedModel m = smallTrainedModel();
        const std::string dir = test::tempDir() + "/refused";
        std::filesystem::create_directories(dir);
        PytorchExportRequest r;
        r.callbacks = Json::array();
        Json logger = Json::object();
        logger["class_name"] = "CSVLogger";
        logger["config"] = Json::object();
        r.callbacks.push_back(logger);
        QVERIFY(thrownMessage<ConfigError>([&] { exportPytorchScript(m, r, dir + "/t.py"); })
                    .find("CSVLogger") != std::string::npos);
        QVERIFY(std::filesystem::is_empty(dir));
    }

    void aRunsCallbacksInKerasNames() {
        TrainingSettings t;
        QCOMPARE(int(scriptCallbacks(t).size()), 0);
        t.earlyStopping.enabled = true;
        t.earlyStopping.patience = 6;
        t.reduceLr.enabled = true;
        t.reduceLr.factor = 0.5;
        t.checkpoint.enabled = true;
        t.csvLogger = {true, "log.csv"}; // the script has no CSVLogger: left out
        const Json c = scriptCallbacks(t);
        QCOMPARE(int(c.size()), 3);
        QCOMPARE(json::getString(c[0], "class_name", ""), std::string("EarlyStopping"));
        QCOMPARE(json::getInt(json::at(c[0], "config"), "patience", 0), 6);
        QCOMPARE(json::getString(c[1], "class_name", ""), std::string("ReduceLROnPlateau"));
        QCOMPARE(json::getNumber(json::at(c[1], "config"), "factor", 0), 0.5);
        QCOMPARE(json::getString(c[2], "class_name", ""), std::string("ModelCheckpoint"));
        QCOMPARE(json::getString(json::at(c[2], "config"), "filepath", ""),
                 std::string("best_model.safetensors"));
    }
};

CS_REGISTER_TEST(PytorchExportTest)
#include "test_pytorch_export.moc"
