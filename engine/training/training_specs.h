// The settings of compile() and fit() and the callbacks as spec tables (see
// engine/core/setting_spec.h): what the Train panel edits, what
// convstudio-cli train takes and what docs/formats.md lists, with Keras's
// names, ranges and defaults. The optimizers' table is optimizerSpecs()
// (optimizer.h), the losses' lossSpecs() (loss.h).
//
//   for (const cs::CallbackSpec& c : cs::callbackSpecs())
//       std::printf("%s(%s)\n", c.className.c_str(), cs::settingKeys(c.parameters).c_str());
#pragma once

#include "engine/core/setting_spec.h"

#include <string>
#include <vector>

namespace cs {

// loss, epochs, batch_size, steps_per_epoch, validation_split, shuffle, seed, threads.
const std::vector<SettingSpec>& fitSpecs();
const SettingSpec& fitSpec(const std::string& key); // throws ConfigError

// The quantities a callback can monitor (the run's history keys).
const std::vector<std::string>& monitorNames();

struct CallbackSpec {
    std::string key{};       // the member of a project's "callbacks": "early_stopping"
    std::string className{}; // Keras's: "EarlyStopping"
    std::string cliFlag{};   // convstudio-cli train's option: "--early-stopping"
    // The option's value: "k=v,..." (parameters by name) or the placeholder of
    // the one parameter it sets ("FILE" for --log).
    std::string cliValue{};
    std::string help{}; // CS_NOOP("cs::SettingSpec", ...)
    // Keras's parameters with Keras's defaults (a null default must be given);
    // the window's defaults for a callback switched on are TrainingSettings'.
    std::vector<SettingSpec> parameters{};
    bool takesKeyValues() const { return cliValue == "k=v,..."; }
};
const std::vector<CallbackSpec>& callbackSpecs();
const CallbackSpec& callbackSpec(const std::string& key); // throws ConfigError

// Every table above and the optimizers', losses' and augmentation's as the
// Markdown of docs/formats.md's generated section (convstudio-cli specs --markdown).
std::string specTablesMarkdown();

} // namespace cs
