// SettingSpec: one configurable value of a training run — an optimizer's
// learning_rate, a callback's patience, an augmentation's zoom_range — with its
// Keras name, type, accepted range, default and a line of help. The tables
// made of them (optimizerSpecs(), lossSpecs(), fitSpecs(), callbackSpecs(),
// augmentationSpecs()) are the one description that the Train panel, the Data
// page's augmentation editor, convstudio-cli's flags and --help, and the
// generated tables of docs/formats.md (`convstudio-cli specs --markdown`) are
// made from.
//
// Text the window shows (help) is written CS_NOOP(kSettingTextContext, ...):
// the engine uses the English text as is, Qt's lupdate lists it for
// translation when run with `-tr-function-alias QT_TRANSLATE_NOOP+=CS_NOOP`
// over engine/, and the window translates it in that context
// (ui::specText(cs::kSettingTextContext, spec.help)).
#pragma once

#include "engine/io/json.h"

#include <limits>
#include <string>
#include <vector>

// Marks an engine literal for Qt's lupdate; expands to the text itself (the
// same definition as the one the translated interface's engine/core/user_text.h gives).
#ifndef CS_NOOP
#define CS_NOOP(context, text) text
#endif

namespace cs {

// The translation context of the tables' help (optimizers' own help: "cs::OptimizerSpec";
// layers' labels: "cs::LayerSpec").
inline constexpr const char* kSettingTextContext = "cs::SettingSpec";
inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

enum class SettingType {
    Int,       // a whole number in the range
    Float,     // a real number in the range
    Bool,      // true / false (a flag on the command line)
    Choice,    // one of `choices`
    Text,      // free text; `choices`, when given, are the usual values (a combo box offers them)
    FloatPair, // [lo, hi], each in the range, lo <= hi
};

struct SettingSpec {
    std::string key{}; // Keras's name: "learning_rate", "patience", "zoom_range"
    SettingType type = SettingType::Float;
    Json defaultValue{}; // null: no default (the value must be given)
    double min = 0, max = kUnbounded;
    bool minExclusive = false, maxExclusive = false; // (min, ...) / [..., max)
    std::vector<std::string> choices{};
    std::string help{};      // CS_NOOP: one line, for --help, tooltips and the docs
    std::string valueName{}; // the command line's placeholder: "RATE", "DEG", "LO,HI"
    double step = 0;       // an editor's step (0: 1 for Int, a hundredth of the range for Float)
    // Every member has a default so that tables name only what they set
    // (designated initializers without -Wmissing-field-initializers noise).
    // Where an editor's range ends when the accepted range is open (rotation
    // beyond 180° repeats angles); NaN: the accepted bound.
    double editorMin = std::numeric_limits<double>::quiet_NaN();
    double editorMax = std::numeric_limits<double>::quiet_NaN();
    std::string unit{}; // shown after the value: "°"

    // The range as the docs and --help write it: "1e-12 … 10", "[0, 1)", "≥ 0".
    std::string rangeText() const;
    // The default as JSON text ("0.001", "\"val_loss\"", "[1, 1]"), "—" without one.
    std::string defaultText() const;
    // True when `v` lies in the accepted range.
    bool inRange(double v) const;
    // The lowest and highest value an editor offers (the accepted range,
    // exclusive ends moved in by one step, open ends by editorMin/editorMax).
    double lowestEditable() const;
    double highestEditable() const;
};

// The spec of `key` in `specs`, or nullptr.
const SettingSpec* findSetting(const std::vector<SettingSpec>& specs, const std::string& key);
// The spec of `key`; throws ConfigError listing the keys.
const SettingSpec& settingSpec(const std::vector<SettingSpec>& specs, const std::string& key,
                               const std::string& owner);
// "monitor, min_delta, patience" — the keys in order.
std::string settingKeys(const std::vector<SettingSpec>& specs);
// A Markdown table of the settings: key, type, range, default, meaning.
std::string settingsMarkdown(const std::vector<SettingSpec>& specs);

} // namespace cs
