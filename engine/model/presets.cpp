#include "engine/model/presets.h"

#include "engine/io/json.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace cs {

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

std::vector<PresetInfo> listPresets() {
    std::vector<PresetInfo> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(presetsDir(), ec)) {
        if (entry.path().extension() != ".json") continue;
        PresetInfo info;
        info.name = entry.path().stem().string();
        info.path = entry.path().string();
        try {
            const Json root = cs::json::parseFile(info.path);
            info.description = json::getString(root, "description", "");
            for (const auto& [key, value] : root.items())
                if (key.rfind("description_", 0) == 0 && value.is_string())
                    info.translatedDescriptions[key.substr(12)] = value.get<std::string>();
        } catch (const std::exception&) {
            continue; // a broken preset file is left out of the menu
        }
        out.push_back(std::move(info));
    }
    std::sort(out.begin(), out.end(),
              [](const PresetInfo& a, const PresetInfo& b) { return a.name < b.name; });
    return out;
}

std::string presetPath(const std::string& name) {
    const fs::path p = fs::path(presetsDir()) / (name + ".json");
    std::error_code ec;
    return fs::exists(p, ec) ? p.string() : std::string();
}

} // namespace cs
