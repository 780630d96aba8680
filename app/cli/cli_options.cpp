#include "app/cli/cli_options.h"

#include <charconv>
#include <cmath>

namespace cli {

std::string CommandSpec::helpText() const {
    std::string out = "usage: convstudio-cli " + usage + "\n\n" + description + "\n";
    if (!options.empty()) out += "\noptions:\n";
    for (const OptionSpec& o : options) {
        std::string head = "  " + o.name;
        if (!o.valueName.empty()) head += o.optionalValue ? " [" + o.valueName + "]" : " " + o.valueName;
        if (head.size() < 30) head.resize(30, ' ');
        else head += "\n" + std::string(30, ' ');
        out += head + o.help + "\n";
    }
    out += "  --help                      this text\n";
    return out;
}

ParsedArgs::ParsedArgs(const CommandSpec& spec, const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            help_ = true;
            continue;
        }
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a, value;
        bool inlineValue = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inlineValue = true;
        }
        const OptionSpec* o = nullptr;
        for (const OptionSpec& s : spec.options)
            if (s.name == name) o = &s;
        if (!o) throw UsageError("unknown option " + name + " for '" + spec.name + "'");
        if (o->valueName.empty()) {
            if (inlineValue) throw UsageError(name + " takes no value");
        } else if (!inlineValue) {
            const bool next = i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0;
            if (next) value = args[++i];
            else if (!o->optionalValue) throw UsageError(name + " needs a value (" + o->valueName + ")");
        }
        values_[name] = value;
    }
}

std::string ParsedArgs::get(const std::string& option, const std::string& fallback) const {
    auto it = values_.find(option);
    return it == values_.end() ? fallback : it->second;
}

int ParsedArgs::getInt(const std::string& option, int fallback, int min, int max) const {
    if (!has(option)) return fallback;
    const int v = toInt(get(option), option);
    if (v < min || v > max)
        throw UsageError(option + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                         ", got " + std::to_string(v));
    return v;
}

double ParsedArgs::getDouble(const std::string& option, double fallback, double min, double max) const {
    if (!has(option)) return fallback;
    const double v = toDouble(get(option), option);
    if (v < min || v > max)
        throw UsageError(option + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                         ", got " + get(option));
    return v;
}

double toDouble(const std::string& text, const std::string& what) {
    try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(what + " must be a number, got '" + text + "'");
}

int toInt(const std::string& text, const std::string& what) {
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        throw UsageError(what + " must be a whole number, got '" + text + "'");
    return v;
}

bool toBool(const std::string& text, const std::string& what) {
    if (text == "true" || text == "True" || text == "1" || text == "yes") return true;
    if (text == "false" || text == "False" || text == "0" || text == "no") return false;
    throw UsageError(what + " must be true or false, got '" + text + "'");
}

std::map<std::string, std::string> parseKeyValues(const std::string& text, const std::string& option) {
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = text.substr(start, comma - start);
        const size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError(option + ": expected key=value pairs separated by commas, got '" + item + "'");
        out[item.substr(0, eq)] = item.substr(eq + 1);
        start = comma + 1;
    }
    return out;
}

} // namespace cli
