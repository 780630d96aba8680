// The course's model presets (resources/presets/*.json), found at run time by
// the CLI and the GUI alike: $CONVSTUDIO_PRESETS, then the installed
// share/convstudio/presets next to the executable, then the source tree the
// program was built from.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cs {

struct PresetInfo {
    std::string name;        // file stem: "fashion_mnist_first_cnn"
    std::string description; // the file's "description"
    // The description in other languages: the file's "description_es" is under "es".
    std::map<std::string, std::string> translatedDescriptions;
    std::string path;
};

std::string presetsDir();
std::vector<PresetInfo> listPresets(); // sorted by name; unreadable files are left out
// The path of a preset by name, or empty when there is none.
std::string presetPath(const std::string& name);

inline constexpr const char* kDefaultPreset = "fashion_mnist_first_cnn";

} // namespace cs
