#include "engine/training/training_specs.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/training/loss.h"
#include "engine/training/optimizer.h"

namespace cs {

namespace {

SettingSpec monitorSpec() {
    return {.key = "monitor",
            .type = SettingType::Text,
            .defaultValue = "val_loss",
            .choices = monitorNames(),
            .help = CS_NOOP("cs::SettingSpec", "the history value watched (val_ ones need a validation split)")};
}

SettingSpec modeSpec() {
    return {.key = "mode",
            .type = SettingType::Choice,
            .defaultValue = "auto",
            .choices = {"auto", "min", "max"},
            .help = CS_NOOP("cs::SettingSpec", "whether lower or higher is better; auto: higher for accuracies")};
}

SettingSpec patienceSpec(int keras, const char* help) {
    return {.key = "patience", .type = SettingType::Int, .defaultValue = keras, .min = 0, .help = help,
            .editorMax = 1000};
}

std::string code(const std::string& text) { return "`" + text + "`"; }

} // namespace

const std::vector<std::string>& monitorNames() {
    static const std::vector<std::string> names{"val_loss", "val_accuracy", "loss", "accuracy"};
    return names;
}

const std::vector<SettingSpec>& fitSpecs() {
    static const std::vector<SettingSpec> specs = [] {
        std::vector<std::string> losses{"auto"};
        for (const std::string& name : lossNames()) losses.push_back(name);
        return std::vector<SettingSpec>{
            {.key = "loss",
             .type = SettingType::Choice,
             .defaultValue = "auto",
             .choices = losses,
             .help = CS_NOOP("cs::SettingSpec", "auto: from the output layer and class mode (see the losses)"),
             .valueName = "NAME"},
            {.key = "epochs", .type = SettingType::Int, .defaultValue = 10, .min = 1, .max = 100000,
             .help = CS_NOOP("cs::SettingSpec", "passes over the training split"), .valueName = "N"},
            {.key = "batch_size", .type = SettingType::Int, .defaultValue = 64, .min = 1, .max = 65536,
             .help = CS_NOOP("cs::SettingSpec", "images per update step"), .valueName = "N"},
            {.key = "steps_per_epoch", .type = SettingType::Int, .defaultValue = 0, .min = 0, .max = 1 << 30,
             .help = CS_NOOP("cs::SettingSpec", "batches per epoch, 0 = all of them"), .valueName = "N"},
            {.key = "validation_split", .type = SettingType::Float, .defaultValue = 0.2, .min = 0, .max = 1,
             .maxExclusive = true,
             .help = CS_NOOP("cs::SettingSpec", "last fraction of the training split kept for validation"),
             .valueName = "F", .step = 0.05, .editorMax = 0.9},
            {.key = "shuffle", .type = SettingType::Bool, .defaultValue = true,
             .help = CS_NOOP("cs::SettingSpec", "shuffle the training order every epoch")},
            {.key = "seed", .type = SettingType::Int, .defaultValue = 42, .min = 0, .max = 2147483647,
             .help = CS_NOOP("cs::SettingSpec", "seed of initialisation, shuffling, dropout and augmentation"),
             .valueName = "N"},
            {.key = "threads", .type = SettingType::Int, .defaultValue = 0, .min = -1, .max = 1024,
             .help = CS_NOOP("cs::SettingSpec", "0 = every core, -1 = every core but one, N = N threads"),
             .valueName = "N"},
        };
    }();
    return specs;
}

const SettingSpec& fitSpec(const std::string& key) { return settingSpec(fitSpecs(), key, "fit()"); }

const std::vector<CallbackSpec>& callbackSpecs() {
    static const std::vector<CallbackSpec> specs = [] {
        const SettingSpec anyDelta{.key = "min_delta",
                                   .type = SettingType::Float,
                                   .defaultValue = 0.0,
                                   .min = -kUnbounded,
                                   .help = CS_NOOP("cs::SettingSpec", "smallest change that counts as better"),
                                   .step = 0.001,
                                   .editorMin = 0,
                                   .editorMax = 10};
        SettingSpec plateauDelta = anyDelta;
        plateauDelta.defaultValue = 1e-4;
        std::vector<CallbackSpec> out;
        out.push_back({"early_stopping", "EarlyStopping", "--early-stopping", "k=v,...",
                       CS_NOOP("cs::SettingSpec", "stops the run when the monitored value stops improving"),
                       {monitorSpec(), anyDelta,
                        patienceSpec(0, CS_NOOP("cs::SettingSpec", "epochs without improvement before stopping")),
                        modeSpec(),
                        {.key = "restore_best_weights",
                         .type = SettingType::Bool,
                         .defaultValue = false,
                         .help = CS_NOOP("cs::SettingSpec", "end with the weights of the best epoch")}}});
        out.push_back({"model_checkpoint", "ModelCheckpoint", "--checkpoint", "k=v,...",
                       CS_NOOP("cs::SettingSpec", "saves the model after epochs, or only when it improved"),
                       {{.key = "filepath",
                         .type = SettingType::Text,
                         .help = CS_NOOP("cs::SettingSpec", "file to write; {epoch:02d} and {val_loss:.4f} are filled in"),
                         .valueName = "FILE"},
                        monitorSpec(),
                        {.key = "save_best_only",
                         .type = SettingType::Bool,
                         .defaultValue = false,
                         .help = CS_NOOP("cs::SettingSpec", "save only when the monitored value improved")},
                        modeSpec()}});
        out.push_back({"reduce_lr_on_plateau", "ReduceLROnPlateau", "--reduce-lr-on-plateau", "k=v,...",
                       CS_NOOP("cs::SettingSpec", "lowers the learning rate when the monitored value stops improving"),
                       {monitorSpec(),
                        {.key = "factor",
                         .type = SettingType::Float,
                         .defaultValue = 0.1,
                         .min = 0,
                         .max = 1,
                         .minExclusive = true,
                         .maxExclusive = true,
                         .help = CS_NOOP("cs::SettingSpec", "the rate is multiplied by this"),
                         .step = 0.05,
                         .editorMin = 0.01,
                         .editorMax = 0.99},
                        patienceSpec(10, CS_NOOP("cs::SettingSpec", "epochs without improvement before lowering")),
                        {.key = "min_lr",
                         .type = SettingType::Float,
                         .defaultValue = 0.0,
                         .min = 0,
                         .help = CS_NOOP("cs::SettingSpec", "the rate is never lowered below this"),
                         .step = 1e-5,
                         .editorMax = 1},
                        plateauDelta,
                        {.key = "cooldown",
                         .type = SettingType::Int,
                         .defaultValue = 0,
                         .min = 0,
                         .help = CS_NOOP("cs::SettingSpec", "epochs to wait after lowering before counting again"),
                         .editorMax = 1000},
                        modeSpec()}});
        out.push_back({"csv_logger", "CSVLogger", "--log", "FILE",
                       CS_NOOP("cs::SettingSpec", "writes the history of every epoch as CSV"),
                       {{.key = "filename",
                         .type = SettingType::Text,
                         .help = CS_NOOP("cs::SettingSpec", "a file, or a device such as /dev/stdout"),
                         .valueName = "FILE"}}});
        return out;
    }();
    return specs;
}

const CallbackSpec& callbackSpec(const std::string& key) {
    std::string known;
    for (const CallbackSpec& c : callbackSpecs()) {
        if (c.key == key || c.className == key) return c;
        known += (known.empty() ? "" : ", ") + c.key;
    }
    throw ConfigError(
        CS_TEXT("cs::Training", "unknown callback '%1' (known: %2)").arg(key).arg(known));
}

std::string specTablesMarkdown() {
    std::string out;
    out += "#### Optimizers (`optimizer`)\n\n| Name | Keras class | `learning_rate` default | Settings | Meaning |\n"
           "|---|---|---|---|---|\n";
    std::vector<SettingSpec> optimizerSettings;
    for (const OptimizerSpec& o : optimizerSpecs()) {
        out += "| " + code(o.name) + " | " + code(o.className) + " | `" + json::dump(Json(o.defaultLearningRate)) +
               "` | " + settingKeys(o.settings) + " | " + o.help + " |\n";
        for (const SettingSpec& s : o.settings)
            if (!findSetting(optimizerSettings, s.key)) optimizerSettings.push_back(s);
    }
    for (SettingSpec& s : optimizerSettings)
        if (s.key == "learning_rate") {
            s.defaultValue = nullptr; // each optimizer's own, above
            s.help += " (the default is the optimizer's, above)";
        }
    out += "\nThe optimizers' settings:\n\n" + settingsMarkdown(optimizerSettings);

    out += "\n#### Losses (`loss`)\n\n| Name | Also accepted | Meaning |\n|---|---|---|\n";
    for (const LossSpec& l : lossSpecs()) {
        std::string aliases;
        for (const std::string& a : l.aliases) aliases += (aliases.empty() ? "" : ", ") + code(a);
        out += "| " + code(l.name) + " | " + aliases + " | " + l.help + " |\n";
    }

    out += "\n#### compile() and fit() settings\n\n" + settingsMarkdown(fitSpecs());

    out += "\n#### Callbacks (`callbacks`)\n\nKeras's parameters and defaults; `convstudio-cli train` "
           "takes them as its option's value. A parameter without a default must be given.\n";
    for (const CallbackSpec& c : callbackSpecs()) {
        out += "\n";
        out += code(c.key) + ": " + code(c.className) + ", `" + c.cliFlag + " " + c.cliValue + "`: " + c.help +
               ".\n\n";
        out += settingsMarkdown(c.parameters);
    }

    out += "\n#### Augmentation (`augmentation`)\n\nKeras's `ImageDataGenerator` names, for the training "
           "split only; `convstudio-cli` takes each as `--name-with-dashes`.\n\n" +
           settingsMarkdown(augmentationSpecs());
    return out;
}

} // namespace cs
