#include "model_source.h"

#include "core/errors.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cli {

std::string presetsDir() {
    if (const char* env = std::getenv("CONVSTUDIO_PRESETS")) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share/convstudio/presets";
        if (fs::is_directory(installed, ec)) return installed.string();
    }
    return CONVSTUDIO_SOURCE_PRESETS;
}

std::vector<std::string> presetNames() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(presetsDir(), ec))
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

cs::LoadedModel openModel(const std::string& arg) {
    std::error_code ec;
    if (fs::exists(arg, ec)) return cs::loadAnyModel(arg);
    const fs::path preset = fs::path(presetsDir()) / (arg + ".json");
    if (arg.find('/') == std::string::npos && fs::exists(preset, ec)) return cs::loadAnyModel(preset.string());
    std::string list;
    for (auto& n : presetNames()) list += (list.empty() ? "" : ", ") + n;
    throw cs::IoError(arg + ": no such file, and not a preset name (presets: " + list + ")");
}

} // namespace cli
