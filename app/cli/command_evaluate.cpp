#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_source.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/training/trainer.h"
#include "engine/training/training_session.h"

#include <cstdio>

namespace cli {

namespace {
CommandSpec evaluateSpec() {
    CommandSpec spec{"evaluate", "evaluate MODEL [--data DIR]",
                     "Evaluates a trained .safetensors model on the test split of a data set: loss,\n"
                     "accuracy, per-class precision / recall / F1 and the confusion matrix. Image\n"
                     "folders are read at the model's input size and colour mode (test/, else\n"
                     "validation/).",
                     {
                         {"--data", "DIR", std::string("data set folder (default ") + cs::kDefaultDatasetDir + ")"},
                         {"--loss", "NAME", "loss to report (default: the one the model was trained with)"},
                         {"--batch-size", "N", "images per batch (default 64)"},
                         {"--threads", "N", "threads (default: every core)"},
                     }};
    addOptions(spec.options, imageFolderOptionSpecs("the model's input"));
    return spec;
}
} // namespace

int runEvaluate(const Args& args) {
    const CommandSpec spec = evaluateSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("evaluate needs exactly one MODEL");
    cs::LoadedModel m = openTrainedModel(a.positional()[0]);
    const cs::Shape in = m.model.inputShape();
    if (in.rank() != 3) throw cs::ShapeError("this model does not take images (input " + in.toString() + ")");
    cs::Dataset data =
        cs::loadDataset(a.get("--data", cs::kDefaultDatasetDir), imageFolderOptions(a, in[0], in[1], in[2]));
    if (data.classCount() > int(m.metadata.classNames.size()))
        throw cs::DataError("the data set has " + std::to_string(data.classCount()) + " classes, the model knows " +
                            std::to_string(m.metadata.classNames.size()));
    const cs::Loss loss = a.has("--loss") ? cs::lossFromName(a.get("--loss"))
                                          : cs::trainedLoss(m.metadata.training, int(m.model.outputShape().numel()));
    const int classes = int(m.metadata.classNames.size());
    cs::Evaluation ev = cs::evaluate(m.model, data.test, m.metadata.preprocessing, loss, classes,
                                     a.getInt("--batch-size", 64, 1, 65536), a.getInt("--threads", 0, 0, 1024));
    std::printf("%s test split: %d images\n", data.name.c_str(), data.test.count());
    std::printf("loss %.4f\n", ev.loss);
    std::printf("accuracy %.4f\n\n", ev.accuracy());
    std::printf("%s\n", ev.confusion.reportText(m.metadata.classNames).c_str());
    std::printf("confusion matrix (%s)\n", ev.confusion.matrixText(m.metadata.classNames).c_str());
    return 0;
}

} // namespace cli
