#include "engine/training/callback.h"

#include "engine/core/errors.h"

#include <algorithm>

namespace cs {

void Callback::checkLogs(const std::vector<std::string>& keys) const {
    if (monitor_.empty() || std::find(keys.begin(), keys.end(), monitor_) != keys.end()) return;
    std::string list;
    for (auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    UserText problem =
        monitor_.rfind("val_", 0) == 0
            ? CS_TEXT("cs::Settings", "%1 monitors '%2', which this run does not compute (it has "
                                      "%3): set a validation split or validation data")
            : CS_TEXT("cs::Settings",
                      "%1 monitors '%2', which this run does not compute (it has %3)");
    throw ConfigError(problem.arg(name()).arg(monitor_).arg(list));
}

MonitorMode monitorModeFromName(const std::string& name) {
    if (name == "auto") return MonitorMode::Auto;
    if (name == "min") return MonitorMode::Min;
    if (name == "max") return MonitorMode::Max;
    throw ConfigError(
        CS_TEXT("cs::Settings", "unknown mode '%1' (use auto, min or max)").arg(name));
}

bool maximises(MonitorMode mode, const std::string& monitor) {
    if (mode == MonitorMode::Auto) return monitor.find("acc") != std::string::npos;
    return mode == MonitorMode::Max;
}

} // namespace cs
