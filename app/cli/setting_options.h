// Command-line options made from the engine's spec tables
// (engine/core/setting_spec.h): a setting's flag is its Keras name with dashes
// (validation_split -> --validation-split), its help the spec's with the
// range and default, and its value is checked against the spec's range.
#pragma once

#include "app/cli/cli_options.h"

#include "engine/core/setting_spec.h"

#include <string>

namespace cli {

std::string flagOf(const cs::SettingSpec& spec); // "--validation-split"
// The option of a setting; `flag` replaces the default one ("--lr"), `help`
// the spec's help (the spec's range and default are added either way).
OptionSpec optionOf(const cs::SettingSpec& spec, const std::string& flag = {}, const std::string& help = {});
// The value given for the setting's flag (or `flag`), else its default;
// UsageError outside the spec's range.
int intSetting(const ParsedArgs& a, const cs::SettingSpec& spec, const std::string& flag = {});
double doubleSetting(const ParsedArgs& a, const cs::SettingSpec& spec, const std::string& flag = {});

} // namespace cli
