#include "engine/core/resource_limits.h"

#include "engine/core/errors.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cs {

namespace {

constexpr const char* kMemoryVariable = "CONVSTUDIO_MEMORY_LIMIT";
constexpr const char* kPixelVariable = "CONVSTUDIO_MAX_IMAGE_PIXELS";

uint64_t settingOr(const char* variable, uint64_t fallback) {
    const char* text = std::getenv(variable);
    if (!text || !*text) return fallback;
    return parseSizeSetting(text, variable);
}

std::string lowercase(std::string s) {
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

std::string formatCount(uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

// 2.8, 16, 2 (one decimal below 100 units, none when it is .0).
std::string shortNumber(double x) {
    char text[32];
    std::snprintf(text, sizeof text, x < 100 ? "%.1f" : "%.0f", x);
    std::string s = text;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

} // namespace

uint64_t memoryLimitBytes() {
    return settingOr(kMemoryVariable, kDefaultMemoryLimit);
}

uint64_t maxImagePixels() {
    return settingOr(kPixelVariable, kDefaultMaxImagePixels);
}

void checkMemoryLimit(uint64_t bytes, UserText need) {
    const uint64_t limit = memoryLimitBytes();
    if (bytes <= limit) return;
    need.args.insert(need.args.begin(), {formatBytes(bytes), formatBytes(limit)});
    need.argContexts.insert(need.argContexts.begin(), 2, nullptr);
    throw ResourceError(std::move(need));
}

std::string formatBytes(uint64_t bytes) {
    if (bytes == kUnlimited) return "more than 18 EB";
    if (bytes < 1000) return formatCount(bytes) + (bytes == 1 ? " byte" : " bytes");
    static const char* const units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double x = double(bytes) / 1000.0;
    int unit = 0;
    while (x >= 999.95 && unit < 5) {
        x /= 1000.0;
        ++unit;
    }
    return shortNumber(x) + " " + units[unit];
}

uint64_t saturatingMultiply(uint64_t a, uint64_t b) {
    if (a != 0 && b > kUnlimited / a) return kUnlimited;
    return a * b;
}

uint64_t saturatingAdd(uint64_t a, uint64_t b) {
    return b > kUnlimited - a ? kUnlimited : a + b;
}

uint64_t parseSizeSetting(const std::string& text, const std::string& variable) {
    const std::string t = lowercase(text);
    if (t == "unlimited" || t == "none" || t == "off") return kUnlimited;
    auto bad = [&] {
        return ConfigError(variable + " is '" + text +
                           "': give a size such as 4G, 500M, 3GiB or 2000000000 (or 'unlimited')");
    };
    size_t end = 0;
    while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) || t[end] == '.'))
        ++end;
    if (end == 0) throw bad();
    char* stop = nullptr;
    const std::string number = t.substr(0, end);
    const double value = std::strtod(number.c_str(), &stop);
    if (stop != number.c_str() + number.size() || !std::isfinite(value) || value <= 0) throw bad();
    std::string unit = t.substr(end);
    while (!unit.empty() && unit.front() == ' ')
        unit.erase(unit.begin());
    double scale = 1;
    if (unit.empty() || unit == "b")
        scale = 1;
    else if (unit == "k" || unit == "kb")
        scale = 1e3;
    else if (unit == "m" || unit == "mb")
        scale = 1e6;
    else if (unit == "g" || unit == "gb")
        scale = 1e9;
    else if (unit == "t" || unit == "tb")
        scale = 1e12;
    else if (unit == "kib")
        scale = 1024.0;
    else if (unit == "mib")
        scale = 1024.0 * 1024;
    else if (unit == "gib")
        scale = 1024.0 * 1024 * 1024;
    else if (unit == "tib")
        scale = 1024.0 * 1024 * 1024 * 1024;
    else
        throw bad();
    const double total = value * scale;
    if (total >= 1.8e19) return kUnlimited;
    if (total < 1) throw bad();
    return uint64_t(total);
}

} // namespace cs
