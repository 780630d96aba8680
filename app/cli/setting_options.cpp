#include "app/cli/setting_options.h"

#include <algorithm>

namespace cli {

namespace {

template <typename T>
T checked(const ParsedArgs& a, const cs::SettingSpec& spec, const std::string& flag, T value) {
    if (!spec.inRange(double(value)))
        throw UsageError(flag + " must be in " + spec.rangeText() + ", got " + a.get(flag));
    return value;
}

} // namespace

std::string flagOf(const cs::SettingSpec& spec) {
    std::string flag = "--" + spec.key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

OptionSpec optionOf(const cs::SettingSpec& spec, const std::string& flag, const std::string& help) {
    std::string text = help.empty() ? spec.help : help;
    if (spec.type == cs::SettingType::Bool) return {flag.empty() ? flagOf(spec) : flag, "", text};
    std::string details;
    if (spec.type == cs::SettingType::Choice || spec.type == cs::SettingType::Int ||
        spec.type == cs::SettingType::Float)
        details = spec.rangeText();
    if (!spec.defaultValue.is_null() && spec.type != cs::SettingType::FloatPair)
        details += (details.empty() ? "" : "; ") + std::string("default ") +
                   (spec.defaultValue.is_string() ? cs::json::asString(spec.defaultValue) : spec.defaultText());
    if (!details.empty()) text += " (" + details + ")";
    return {flag.empty() ? flagOf(spec) : flag, spec.valueName.empty() ? "X" : spec.valueName, text};
}

int intSetting(const ParsedArgs& a, const cs::SettingSpec& spec, const std::string& givenFlag) {
    const std::string flag = givenFlag.empty() ? flagOf(spec) : givenFlag;
    if (!a.has(flag)) return cs::json::asInt(spec.defaultValue);
    return checked(a, spec, flag, toInt(a.get(flag), flag));
}

double doubleSetting(const ParsedArgs& a, const cs::SettingSpec& spec, const std::string& givenFlag) {
    const std::string flag = givenFlag.empty() ? flagOf(spec) : givenFlag;
    if (!a.has(flag)) return cs::json::asNumber(spec.defaultValue);
    return checked(a, spec, flag, toDouble(a.get(flag), flag));
}

} // namespace cli
