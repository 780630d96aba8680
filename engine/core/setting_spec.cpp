#include "engine/core/setting_spec.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

std::string number(double v) { return json::dump(Json(v)); }

std::string typeText(const SettingSpec& s) {
    switch (s.type) {
    case SettingType::Int:
        return "integer";
    case SettingType::Float:
        return "number";
    case SettingType::Bool:
        return "boolean";
    case SettingType::Choice:
        return "choice";
    case SettingType::Text:
        return "text";
    case SettingType::FloatPair:
        return "[lo, hi]";
    }
    return "";
}

// "`a`, `b` or `c`"
std::string quotedList(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + ("`" + items[i] + "`");
    return out;
}

} // namespace

bool SettingSpec::inRange(double v) const {
    if (!std::isfinite(v)) return false;
    if (minExclusive ? !(v > min) : !(v >= min)) return false;
    if (maxExclusive ? !(v < max) : !(v <= max)) return false;
    return true;
}

std::string SettingSpec::rangeText() const {
    if (type == SettingType::Choice || type == SettingType::Text) {
        std::string out;
        for (const std::string& c : choices) out += (out.empty() ? "" : ", ") + c;
        return out;
    }
    if (type == SettingType::Bool) return "true, false";
    if (std::isinf(min) && std::isinf(max)) return "any";
    // Built by construction and appending: GCC 12 warns (-Wrestrict, falsely)
    // on "text" + a temporary string and on assigning a literal to a string.
    if (std::isinf(max)) {
        std::string out(minExclusive ? "> " : ">= ");
        out += number(min);
        return out;
    }
    std::string out(1, minExclusive ? '(' : '[');
    out += number(min);
    out += ", ";
    out += number(max);
    out += maxExclusive ? ')' : ']';
    return out;
}

std::string SettingSpec::defaultText() const {
    if (defaultValue.is_null()) return "-";
    return json::dump(defaultValue);
}

double SettingSpec::lowestEditable() const {
    if (!std::isnan(editorMin)) return editorMin;
    return minExclusive ? min + (step > 0 ? step : 0.01) : min;
}

double SettingSpec::highestEditable() const {
    if (!std::isnan(editorMax)) return editorMax;
    if (std::isinf(max)) return type == SettingType::Int ? 2147483647.0 : 1e9;
    return maxExclusive ? max - (step > 0 ? step : 0.01) : max;
}

const SettingSpec* findSetting(const std::vector<SettingSpec>& specs, const std::string& key) {
    for (const SettingSpec& s : specs)
        if (s.key == key) return &s;
    return nullptr;
}

const SettingSpec& settingSpec(const std::vector<SettingSpec>& specs, const std::string& key,
                               const std::string& owner) {
    if (const SettingSpec* s = findSetting(specs, key)) return *s;
    throw ConfigError(CS_TEXT("cs::Settings", "%1: unknown parameter '%2' (known: %3)")
                          .arg(owner)
                          .arg(key)
                          .arg(settingKeys(specs)));
}

std::string settingKeys(const std::vector<SettingSpec>& specs) {
    std::string out;
    for (const SettingSpec& s : specs) out += (out.empty() ? "" : ", ") + s.key;
    return out;
}

std::string settingsMarkdown(const std::vector<SettingSpec>& specs) {
    std::string out = "| Key | Type | Range | Default | Meaning |\n|---|---|---|---|---|\n";
    for (const SettingSpec& s : specs) {
        std::string range = s.type == SettingType::Choice ? quotedList(s.choices) : s.rangeText();
        if (s.type == SettingType::Text)
            range = s.choices.empty() ? "" : "usually " + quotedList(s.choices);
        const std::string defaultText = s.defaultText();
        out += "| `" + s.key + "` | " + typeText(s) + " | " + range + " | ";
        out += s.defaultValue.is_null() ? std::string("-") : "`" + defaultText + "`";
        out += " | " + s.help + " |\n";
    }
    return out;
}

} // namespace cs
