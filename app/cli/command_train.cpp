#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_source.h"
#include "app/cli/progress_bar.h"
#include "app/cli/setting_options.h"
#include "app/cli/training_data.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"
#include "engine/data/dataset_loader.h"
#include "engine/io/atomic_file.h"
#include "engine/io/output_path.h"
#include "engine/model/model_file.h"
#include "engine/model/model_summary.h"
#include "engine/model/transfer_learning.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/loss.h"
#include "engine/training/optimizer.h"
#include "engine/training/training_session.h"
#include "engine/training/training_specs.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace cli {

namespace {

std::atomic<bool> gStop{false};
extern "C" void onInterrupt(int) { gStop = true; }

// "adam, sgd or rmsprop", from the engine's optimizer table.
std::string optimizerNames() {
    std::string text;
    const auto& specs = cs::optimizerSpecs();
    for (size_t i = 0; i < specs.size(); ++i)
        text += (i == 0 ? "" : i + 1 == specs.size() ? " or " : ", ") + specs[i].name;
    return text;
}

// --lr: every optimizer's range, and the default of each ("adam 0.001, sgd 0.01, rmsprop 0.001").
OptionSpec learningRateOption() {
    cs::SettingSpec rate = cs::optimizerSetting("learning_rate");
    rate.defaultValue = nullptr; // the optimizer's own
    std::string defaults;
    for (const cs::OptimizerSpec& o : cs::optimizerSpecs())
        defaults += (defaults.empty() ? "" : ", ") + o.name + " " + cs::json::dump(cs::Json(o.defaultLearningRate));
    return optionOf(rate, "--lr", "learning rate; default: Keras's for the optimizer, " + defaults);
}

// "--early-stopping k=v,...": "EarlyStopping(monitor, min_delta, patience, mode, restore_best_weights)".
OptionSpec callbackOption(const cs::CallbackSpec& c) {
    if (!c.takesKeyValues())
        return {c.cliFlag, c.cliValue, c.className + ": " + c.help + " (" + c.parameters.front().help + ")"};
    std::string defaults;
    for (const cs::SettingSpec& p : c.parameters)
        if (!p.defaultValue.is_null())
            defaults += (defaults.empty() ? "" : ", ") + p.key + "=" +
                        (p.defaultValue.is_string() ? cs::json::asString(p.defaultValue) : p.defaultText());
    // EarlyStopping and ReduceLROnPlateau work with every parameter left at its default.
    bool allOptional = true;
    for (const cs::SettingSpec& p : c.parameters) allOptional = allOptional && !p.defaultValue.is_null();
    return {c.cliFlag, c.cliValue,
            c.className + "(" + cs::settingKeys(c.parameters) + "): " + c.help + "; Keras's defaults " + defaults,
            allOptional};
}

CommandSpec trainSpec() {
    CommandSpec spec{"train", "train [options]",
            "Trains a model on a data set and saves it as .safetensors. Defaults are the course's\n"
            "first run: the Fashion-MNIST first CNN, 10 epochs, batch 64, Adam 1e-3,\n"
            "validation split 0.2. Callbacks take Keras's parameter names, e.g.\n"
            "  --early-stopping monitor=val_loss,patience=3,restore_best_weights=true\n"
            "  --checkpoint filepath=best.safetensors,save_best_only=true\n"
            "  --reduce-lr-on-plateau factor=0.5,patience=2,min_lr=1e-5\n"
            "--data takes MNIST/Fashion-MNIST (IDX), CIFAR-10 binary, or image folders (one\n"
            "sub-folder per class, in train/ + validation/ [+ test/] or split by --validation-split);\n"
            "augmentation (training split only) takes ImageDataGenerator's names, e.g. the course's\n"
            "  --rescale 1/255 --rotation-range 20 --width-shift-range 0.2 --height-shift-range 0.2\n"
            "  --shear-range 0.2 --zoom-range 0.2 --horizontal-flip\n"
            "Transfer learning starts from a trained model's weights, e.g. a Keras file:\n"
            "  --model mejor_modelo.h5 --freeze-up-to flatten --new-head --data DIR\n"
            "The outputs (--out, --log, the checkpoint's folder) are checked before the data is\n"
            "loaded; one file for two of them is refused (a checkpoint of every epoch onto --out\n"
            "is allowed). A checkpoint or log write that fails during the run is reported, the\n"
            "run goes on and saves --out, and the exit code is 1.",
            {
                {"--model", "MODEL", "architecture .json, .safetensors to continue from, or preset name "
                                     "(default fashion_mnist_first_cnn)"},
                {"--data", "DIR", std::string("data set folder (default ") + cs::kDefaultDatasetDir + ")"},
                optionOf(cs::fitSpec("epochs")),
                optionOf(cs::fitSpec("batch_size")),
                optionOf(cs::fitSpec("steps_per_epoch")),
                {"--optimizer", "NAME", optimizerNames() + " (default adam)"},
                learningRateOption(),
                optionOf(cs::optimizerSetting("momentum"), "--momentum", "SGD momentum"),
                optionOf(cs::optimizerSetting("nesterov"), "--nesterov", "SGD with Nesterov momentum"),
                {"--loss", "NAME", cs::lossNameList() + " (default: by output layer)"},
                optionOf(cs::fitSpec("validation_split")),
                {"--no-shuffle", "", "keep the training order"},
                {"--limit", "N", "use only the first N training images (quick experiments)"},
                optionOf(cs::fitSpec("seed")),
                {"--threads", "N", "threads (default: every core)"},
                {"--freeze-up-to", "LAYER", "transfer learning: LAYER and every layer before it keep "
                                            "their trained weights (Keras's trainable = False)"},
                {"--new-head", "", "transfer learning: a new classifier for the data set replaces the "
                                   "layers after the last Flatten/GlobalAveragePooling2D"},
                {"--out", "FILE", "trained model (default model.safetensors); a link is followed, its target replaced"},
                {"--quiet", "", "no progress bar, only the final lines"},
            }};
    for (const cs::CallbackSpec& c : cs::callbackSpecs()) spec.options.push_back(callbackOption(c));
    addOptions(spec.options, imageFolderOptionSpecs("the model's input size"));
    addOptions(spec.options, streamingOptionSpecs());
    addOptions(spec.options, preprocessingOptionSpecs());
    addOptions(spec.options, augmentationOptionSpecs());
    return spec;
}

// A callback option's value as its JSON member of "callbacks": every parameter
// given, by its spec's type, the others Keras's defaults (TrainingSettings'
// reader checks the ranges with the rest of the settings).
cs::Json callbackJson(const cs::CallbackSpec& c, const std::string& text) {
    std::map<std::string, std::string> kv;
    if (c.takesKeyValues())
        kv = parseKeyValues(text, c.cliFlag);
    else
        kv[c.parameters.front().key] = text;
    for (const auto& [k, v] : kv)
        if (!cs::findSetting(c.parameters, k))
            throw UsageError(c.cliFlag + ": unknown parameter '" + k + "' (known: " + cs::settingKeys(c.parameters) + ")");
    cs::Json out = cs::Json::object();
    out["enabled"] = true;
    for (const cs::SettingSpec& p : c.parameters) {
        auto it = kv.find(p.key);
        if (it == kv.end()) {
            if (p.defaultValue.is_null()) throw UsageError(c.cliFlag + " needs " + p.key + "=" + p.valueName);
            out[p.key] = p.defaultValue;
            continue;
        }
        switch (p.type) {
        case cs::SettingType::Int:
            out[p.key] = toInt(it->second, p.key);
            break;
        case cs::SettingType::Float:
            out[p.key] = toDouble(it->second, p.key);
            break;
        case cs::SettingType::Bool:
            out[p.key] = toBool(it->second, p.key);
            break;
        default:
            out[p.key] = it->second;
        }
    }
    return out;
}

// The callbacks' options into the settings; keys left out take Keras's defaults.
void readCallbacks(const ParsedArgs& a, cs::TrainingSettings& t) {
    cs::Json callbacks = cs::Json::object();
    for (const cs::CallbackSpec& c : cs::callbackSpecs())
        if (a.has(c.cliFlag)) callbacks[c.key] = callbackJson(c, a.get(c.cliFlag));
    t.readCallbacks(callbacks);
}

// Before the (slow) data load and the run: one file named for two outputs, and
// an output that cannot be written, fail now instead of after training.
void checkOutputs(const std::string& out, const cs::TrainingSettings& t) {
    const std::string log = t.csvLogger.enabled ? t.csvLogger.filename : std::string();
    std::unique_ptr<cs::ModelCheckpoint> checkpoint;
    if (t.checkpoint.enabled)
        checkpoint = std::make_unique<cs::ModelCheckpoint>(t.checkpoint.filepath, t.checkpoint.monitor,
                                                           t.checkpoint.saveBestOnly,
                                                           cs::monitorModeFromName(t.checkpoint.mode));
    const bool fixedCheckpoint =
        checkpoint && checkpoint->filepath().find('{') == std::string::npos;
    if (!log.empty() && cs::sameFile(log, out))
        throw UsageError("--log and --out name the same file (" + out +
                         "): the saved model would replace the log; give them different names");
    if (fixedCheckpoint && !log.empty() && cs::sameFile(log, checkpoint->filepath()))
        throw UsageError("--log and --checkpoint name the same file (" + log +
                         "): give them different names");
    // A checkpoint of every epoch onto --out is a model saved as the run goes, fine;
    // the best-only one would be replaced by the last epoch's model at the end.
    if (fixedCheckpoint && checkpoint->saveBestOnly() && cs::sameFile(checkpoint->filepath(), out))
        throw UsageError(
            "--checkpoint with save_best_only=true and --out name the same file (" + out +
            "): the final save would replace the best model; give the checkpoint its own name");
    cs::checkCanWriteAtomically(out);
    if (!log.empty()) cs::checkCanWriteStream(log);
    if (checkpoint) checkpoint->checkDestination();
}



// --freeze-up-to / --new-head: the loaded model becomes the one to fine-tune
// (same layers keep their weights); returns the line that says what changed.
std::string transferModel(const ParsedArgs& a, cs::LoadedModel& loaded, int classes, bool binaryLabels,
                          uint64_t seed) {
    cs::ModelGraph graph = cs::ModelGraph::fromModel(loaded.model);
    std::string text = "transfer learning:";
    if (a.has("--freeze-up-to")) {
        const auto frozen = cs::freezeUpTo(graph, a.get("--freeze-up-to"));
        text += " froze " + std::to_string(frozen.size()) + " layer(s) up to " + a.get("--freeze-up-to") + ";";
    }
    if (a.has("--new-head")) {
        const cs::ClassifierHead head = cs::replaceClassifierHead(graph, classes, binaryLabels);
        std::string removed;
        for (const std::string& n : head.removed)
            removed += (removed.empty() ? "" : ", ") + n;
        text += " new head " + head.added + " (Dense " + std::to_string(head.units) + ", " +
                head.activation + ")" + (removed.empty() ? "" : " replaces " + removed) + ";";
    }
    std::vector<std::string> copied;
    cs::Model model = cs::modelWithWeightsFrom(graph, loaded.model, seed, &copied);
    model.name = loaded.model.name;
    loaded.model = std::move(model);
    return text + " " + std::to_string(copied.size()) + " layer(s) start from the loaded weights";
}

} // namespace

int runTrain(const Args& args) {
    const CommandSpec spec = trainSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (!a.positional().empty()) throw UsageError("unexpected argument '" + a.positional()[0] + "'");

    cs::TrainingConfig config;
    cs::TrainingSettings& t = config.training;
    t.epochs = intSetting(a, cs::fitSpec("epochs"));
    t.batchSize = intSetting(a, cs::fitSpec("batch_size"));
    t.stepsPerEpoch = intSetting(a, cs::fitSpec("steps_per_epoch"));
    t.validationSplit = doubleSetting(a, cs::fitSpec("validation_split"));
    t.shuffle = !a.has("--no-shuffle");
    t.seed = uint64_t(intSetting(a, cs::fitSpec("seed")));
    t.threads = a.getInt("--threads", 0, 0, 1024);
    t.optimizer = a.get("--optimizer", "adam");
    // Without --lr, the optimizer's Keras default (SGD 0.01, Adam and RMSprop 1e-3).
    const cs::OptimizerSpec& optimizer = cs::optimizerSpec(t.optimizer);
    t.learningRate = a.has("--lr") ? doubleSetting(a, optimizer.setting("learning_rate"), "--lr")
                                   : optimizer.defaultLearningRate;
    t.momentum = doubleSetting(a, cs::optimizerSetting("momentum"), "--momentum");
    t.nesterov = a.has("--nesterov");
    t.loss = a.get("--loss", "auto");
    const std::string out = a.get("--out", "model.safetensors");
    const bool quiet = a.has("--quiet");
    // Every option is checked before the (slow) data load, so typos fail at once.
    readCallbacks(a, t);
    t.validate();
    checkOutputs(out, t);

    const std::string modelArg = a.get("--model", "fashion_mnist_first_cnn");
    cs::LoadedModel loaded = openModel(modelArg);
    const bool transfer = a.has("--freeze-up-to") || a.has("--new-head");
    if (a.has("--freeze-up-to") && loaded.metadata.classNames.empty())
        throw UsageError("--freeze-up-to keeps trained weights, and " + modelArg +
                         " has none (an architecture): give a trained model (.safetensors, Keras .h5, "
                         "ONNX)");
    if (a.has("--freeze-up-to") && loaded.model.findNode(a.get("--freeze-up-to")) < 0)
        throw UsageError("--freeze-up-to: " + modelArg + " has no layer named '" +
                         a.get("--freeze-up-to") + "'");
    std::unique_ptr<cs::Optimizer> resumed;
    // A transferred model has other parameters: its optimizer starts afresh.
    if (loaded.optimizer && !a.has("--optimizer") && !transfer) {
        resumed = std::move(loaded.optimizer); // continue where the file left off
        if (a.has("--lr")) resumed->learningRate = t.learningRate;
    }
    const cs::Preprocessing preprocessing = preprocessingOptions(a, loaded.metadata.preprocessing);
    const auto loadStart = std::chrono::steady_clock::now();
    TrainingData data(a, loaded.model, t); // image folders are listed here and decoded while training
    const double loadSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
    config.data = data.binding();
    config.augmentation = data.augmentation();
    if (transfer)
        std::printf("%s\n", transferModel(a, loaded, data.classCount(),
                                          cs::readsBinaryLabels(config.data), t.seed)
                                .c_str());
    cs::TrainingSession session(std::move(loaded.model), config, data.sessionData(), preprocessing,
                                std::move(resumed));
    cs::Model& model = session.model();

    std::printf("%s (loaded in %.1f s)\n", data.description().c_str(), loadSeconds);
    if (const std::string details = data.streamingDetails(session); !details.empty())
        std::printf("%s\n", details.c_str());
    if (data.augmentation().enabled())
        std::printf("augmentation of the training split: %s\n", data.augmentation().describe().c_str());
    cs::ModelSummary summary = cs::summarize(model);
    std::printf("model %s: %s parameters; %s, %s lr %g, batch %d, %d epoch(s), %s threads, kernels: %s\n",
                model.name.c_str(), cs::withThousands(summary.totalParameters).c_str(),
                cs::lossName(session.loss()).c_str(), session.optimizer().className().c_str(),
                session.optimizer().learningRate, t.batchSize, t.epochs,
                t.threads ? std::to_string(t.threads).c_str() : "all", cs::activeKernels().name);

    ProgressBar progress(!quiet && ::isatty(STDOUT_FILENO));
    std::signal(SIGINT, onInterrupt);
    const auto start = std::chrono::steady_clock::now();
    cs::History history = session.run(quiet ? nullptr : &progress, &gStop);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::signal(SIGINT, SIG_DFL);
    // Outputs that failed during the run: reported, and the exit code says so.
    int failedOutputs = 0;
    for (const cs::TrainingEvent& e : history.events)
        if (e.kind == cs::TrainingEvent::Kind::CheckpointFailed ||
            e.kind == cs::TrainingEvent::Kind::LogWriteFailed) {
            std::fprintf(stderr, "warning: %s\n", e.message.english().c_str());
            ++failedOutputs;
        }

    if (history.diverged) {
        std::fprintf(stderr, "error: %s\nthe model was not saved.\n",
                     history.events.back().message.english().c_str());
        return 3;
    }
    session.save(out);
    double imagesPerSecond = 0;
    for (auto& s : history.summaries) imagesPerSecond = s.imagesPerSecond;
    std::printf("trained %zu epoch(s) in %s (%.1f s); last epoch %s images/s\n", history.epochs.size(),
                formatDuration(seconds).c_str(), seconds, cs::withThousands(std::llround(imagesPerSecond)).c_str());
    // No test pass after Ctrl+C, and a Ctrl+C during it ends it between batches.
    bool interrupted = history.stoppedByRequest;
    if (!interrupted) {
        cs::PassControl control;
        control.stop = &gStop;
        std::signal(SIGINT, onInterrupt);
        cs::Evaluation test = session.evaluate(control);
        std::signal(SIGINT, SIG_DFL);
        const char* split = session.testSplitName().c_str();
        if (test.interrupted) {
            interrupted = true;
            std::printf("%s evaluation interrupted\n", split);
        } else {
            std::printf("%s loss %.4f - %s accuracy %.4f (%s images)\n", split, test.loss, split, test.accuracy(),
                        cs::withThousands(session.testCount()).c_str());
        }
    }
    if (const auto skipped = session.skipped(); !skipped.empty())
        std::printf("%s\n", cs::skippedReport(skipped).c_str());
    std::printf("saved %s\n", out.c_str());
    if (interrupted) {
        std::string where;
        if (const auto& p = history.partial)
            where = " in epoch " + std::to_string(p->epoch + 1) +
                    (p->validationInterrupted ? "'s validation"
                                              : " at batch " + std::to_string(p->batchesDone) + "/" +
                                                    std::to_string(p->batches));
        std::printf("interrupted%s: the model trained so far (%zu complete epoch(s)) was saved; "
                    "`convstudio-cli evaluate %s` tests it\n",
                    where.c_str(), history.epochs.size(), out.c_str());
        return 130;
    }
    if (failedOutputs > 0) {
        std::fprintf(stderr,
                     "error: %d checkpoint or log write(s) failed (see above); %s was saved\n",
                     failedOutputs, out.c_str());
        return 1;
    }
    return 0;
}

} // namespace cli
