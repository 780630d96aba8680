#include "engine/training/callback.h"

#include "engine/core/errors.h"

#include <algorithm>

namespace cs {

void Callback::checkLogs(const std::vector<std::string>& keys) const {
    if (monitor_.empty() || std::find(keys.begin(), keys.end(), monitor_) != keys.end()) return;
    std::string list;
    for (auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    throw ConfigError(name() + " monitors '" + monitor_ + "', which this run does not compute (it has " +
                      list + ")" +
                      (monitor_.rfind("val_", 0) == 0 ? ": set a validation split or validation data" : ""));
}

MonitorMode monitorModeFromName(const std::string& name) {
    if (name == "auto") return MonitorMode::Auto;
    if (name == "min") return MonitorMode::Min;
    if (name == "max") return MonitorMode::Max;
    throw ConfigError("unknown mode '" + name + "' (use auto, min or max)");
}

bool maximises(MonitorMode mode, const std::string& monitor) {
    if (mode == MonitorMode::Auto) return monitor.find("acc") != std::string::npos;
    return mode == MonitorMode::Max;
}

} // namespace cs
