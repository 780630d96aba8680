#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_source.h"
#include "app/cli/progress_bar.h"
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
#include "engine/training/optimizer.h"
#include "engine/training/training_session.h"

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
                {"--epochs", "N", "epochs to train (default 10)"},
                {"--batch-size", "N", "images per batch (default 64)"},
                {"--steps-per-epoch", "N", "stop each epoch after N batches (default: all)"},
                {"--optimizer", "NAME", optimizerNames() + " (default adam)"},
                {"--lr", "RATE", "learning rate (Keras default of the optimizer)"},
                {"--momentum", "M", "SGD momentum (default 0)"},
                {"--nesterov", "", "SGD with Nesterov momentum"},
                {"--loss", "NAME", "categorical_crossentropy, sparse_categorical_crossentropy, "
                                   "binary_crossentropy, mse (default: by output layer)"},
                {"--validation-split", "F", "last fraction of the training set kept for validation (default 0.2)"},
                {"--no-shuffle", "", "keep the training order"},
                {"--limit", "N", "use only the first N training images (quick experiments)"},
                {"--early-stopping", "k=v,...", "EarlyStopping(monitor, min_delta, patience, mode, "
                                                "restore_best_weights)", true},
                {"--checkpoint", "k=v,...", "ModelCheckpoint(filepath, monitor, save_best_only, mode)"},
                {"--reduce-lr-on-plateau", "k=v,...", "ReduceLROnPlateau(monitor, factor, patience, min_lr, "
                                                      "min_delta, cooldown, mode)", true},
                {"--log", "FILE", "CSVLogger: history per epoch as CSV (a file, or a device such as /dev/stdout)"},
                {"--seed", "N", "seed of initialisation, shuffling and dropout (default 42)"},
                {"--threads", "N", "threads (default: every core)"},
                {"--freeze-up-to", "LAYER", "transfer learning: LAYER and every layer before it keep "
                                            "their trained weights (Keras's trainable = False)"},
                {"--new-head", "", "transfer learning: a new classifier for the data set replaces the "
                                   "layers after the last Flatten/GlobalAveragePooling2D"},
                {"--out", "FILE", "trained model (default model.safetensors); a link is followed, its target replaced"},
                {"--quiet", "", "no progress bar, only the final lines"},
            }};
    addOptions(spec.options, imageFolderOptionSpecs("the model's input size"));
    addOptions(spec.options, streamingOptionSpecs());
    addOptions(spec.options, preprocessingOptionSpecs());
    addOptions(spec.options, augmentationOptionSpecs());
    return spec;
}

void checkKeys(const std::map<std::string, std::string>& kv, const std::string& option,
               const std::vector<std::string>& known) {
    for (auto& [k, v] : kv)
        if (std::find(known.begin(), known.end(), k) == known.end()) {
            std::string list;
            for (auto& n : known) list += (list.empty() ? "" : ", ") + n;
            throw UsageError(option + ": unknown parameter '" + k + "' (known: " + list + ")");
        }
}

std::string value(const std::map<std::string, std::string>& kv, const std::string& key, const std::string& def) {
    auto it = kv.find(key);
    return it == kv.end() ? def : it->second;
}

// The callbacks' k=v lists into the settings; keys left out take Keras's defaults.
void readCallbacks(const ParsedArgs& a, cs::TrainingSettings& t) {
    if (a.has("--early-stopping")) {
        auto kv = parseKeyValues(a.get("--early-stopping"), "--early-stopping");
        checkKeys(kv, "--early-stopping", {"monitor", "min_delta", "patience", "mode", "restore_best_weights"});
        auto& e = t.earlyStopping;
        e.enabled = true;
        e.monitor = value(kv, "monitor", "val_loss");
        e.minDelta = toDouble(value(kv, "min_delta", "0"), "min_delta");
        e.patience = toInt(value(kv, "patience", "0"), "patience");
        e.mode = value(kv, "mode", "auto");
        e.restoreBestWeights = toBool(value(kv, "restore_best_weights", "false"), "restore_best_weights");
    }
    if (a.has("--checkpoint")) {
        auto kv = parseKeyValues(a.get("--checkpoint"), "--checkpoint");
        checkKeys(kv, "--checkpoint", {"filepath", "monitor", "save_best_only", "mode"});
        if (!kv.count("filepath")) throw UsageError("--checkpoint needs filepath=FILE");
        auto& c = t.checkpoint;
        c.enabled = true;
        c.filepath = kv["filepath"];
        c.monitor = value(kv, "monitor", "val_loss");
        c.saveBestOnly = toBool(value(kv, "save_best_only", "false"), "save_best_only");
        c.mode = value(kv, "mode", "auto");
    }
    if (a.has("--reduce-lr-on-plateau")) {
        auto kv = parseKeyValues(a.get("--reduce-lr-on-plateau"), "--reduce-lr-on-plateau");
        checkKeys(kv, "--reduce-lr-on-plateau",
                  {"monitor", "factor", "patience", "min_lr", "min_delta", "cooldown", "mode"});
        auto& r = t.reduceLr;
        r.enabled = true;
        r.monitor = value(kv, "monitor", "val_loss");
        r.factor = toDouble(value(kv, "factor", "0.1"), "factor");
        r.patience = toInt(value(kv, "patience", "10"), "patience");
        r.minLr = toDouble(value(kv, "min_lr", "0"), "min_lr");
        r.minDelta = toDouble(value(kv, "min_delta", "1e-4"), "min_delta");
        r.cooldown = toInt(value(kv, "cooldown", "0"), "cooldown");
        r.mode = value(kv, "mode", "auto");
    }
    if (a.has("--log")) {
        t.csvLogger.enabled = true;
        t.csvLogger.filename = a.get("--log");
    }
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
    t.epochs = a.getInt("--epochs", 10, 1, 100000);
    t.batchSize = a.getInt("--batch-size", 64, 1, 65536);
    t.stepsPerEpoch = a.getInt("--steps-per-epoch", 0, 0, 1 << 30);
    t.validationSplit = a.getDouble("--validation-split", 0.2, 0.0, 0.99);
    t.shuffle = !a.has("--no-shuffle");
    t.seed = uint64_t(a.getInt("--seed", 42, 0, 2147483647));
    t.threads = a.getInt("--threads", 0, 0, 1024);
    t.optimizer = a.get("--optimizer", "adam");
    // Without --lr, the optimizer's Keras default (SGD 0.01, Adam and RMSprop 1e-3).
    t.learningRate = a.has("--lr") ? a.getDouble("--lr", 1e-3, cs::kMinLearningRate, cs::kMaxLearningRate)
                                   : cs::optimizerSpec(t.optimizer).defaultLearningRate;
    t.momentum = a.getDouble("--momentum", 0.0, 0.0, 0.9999);
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
            std::fprintf(stderr, "warning: %s\n", e.message.c_str());
            ++failedOutputs;
        }

    if (history.diverged) {
        std::fprintf(stderr, "error: %s\nthe model was not saved.\n", history.events.back().message.c_str());
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
