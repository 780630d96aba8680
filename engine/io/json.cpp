// Checked reading and our writing layout over nlohmann::ordered_json (see
// json.h); the strict parser is in json_parse.cpp.
#include "engine/io/json.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace cs::json {

namespace {

// "expected a number, found a string": the type names (typeName()) are words
// the window translates, not names.
[[noreturn]] void throwMismatch(const char* expected, const Json& found) {
    throw FormatError(CS_TEXT("cs::Files", "expected %1, found %2")
                          .termArg("cs::Files", expected)
                          .termArg("cs::Files", typeName(found)));
}

// Beyond 2^53 a double skips integers, so printing one without a fraction
// would claim a precision it lacks.
constexpr double kMaxExactInteger = 9007199254740992.0;

// Integral doubles print as integers, like the integers they usually were;
// others as std::to_chars's shortest round-trip text, which is also what files
// written before nlohmann hold (it writes 5e-04 where nlohmann writes 0.0005).
// -0 keeps a ".0" so that it reads back negative; NaN and infinities as null.
void appendNumber(std::string& out, const Json& number) {
    if (!number.is_number_float()) {
        out += number.dump();
        return;
    }
    const double x = number.get<double>();
    if (!std::isfinite(x)) {
        out += "null";
    } else if (x == 0 && std::signbit(x)) {
        out += "-0.0";
    } else if (x == std::trunc(x) && std::fabs(x) < kMaxExactInteger) {
        out += std::to_string(int64_t(x));
    } else {
        char buffer[32];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr);
    }
}

std::string numberText(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    std::string text;
    appendNumber(text, Json(x));
    return text;
}

bool isScalar(const Json& v) {
    return v.is_null() || v.is_boolean() || v.is_number();
}

void newline(std::string& out, int indent, int depth) {
    out += '\n';
    out.append(size_t(indent) * size_t(depth), ' ');
}

void dumpTo(std::string& out, const Json& value, int indent, int depth) {
    switch (value.type()) {
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        appendNumber(out, value);
        return;
    case Json::value_t::string:
        // Bytes that are not UTF-8 (a Latin-1 file name, say) cannot be JSON.
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    case Json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        bool oneLine = indent < 0 || std::all_of(value.begin(), value.end(), isScalar);
        bool first = true;
        out += '[';
        for (const Json& item : value) {
            if (!first) out += (indent >= 0 && oneLine) ? ", " : ",";
            first = false;
            if (!oneLine) newline(out, indent, depth + 1);
            dumpTo(out, item, indent, depth + 1);
        }
        if (!oneLine) newline(out, indent, depth);
        out += ']';
        return;
    }
    case Json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        bool first = true;
        out += '{';
        for (const auto& [key, member] : value.items()) {
            if (!first) out += ',';
            first = false;
            if (indent >= 0) newline(out, indent, depth + 1);
            out += Json(key).dump(-1, ' ', false, Json::error_handler_t::replace);
            out += indent >= 0 ? ": " : ":";
            dumpTo(out, member, indent, depth + 1);
        }
        if (indent >= 0) newline(out, indent, depth);
        out += '}';
        return;
    }
    default: // null, boolean; binary and discarded values never occur in our documents
        out += value.dump();
        return;
    }
}

template <class T, class Convert> std::vector<T> convertItems(const Json& list, Convert convert) {
    std::vector<T> out;
    out.reserve(items(list).size());
    size_t i = 0;
    for (const Json& item : list) {
        try {
            out.push_back(convert(item));
        } catch (const FormatError& e) {
            throw FormatError(e.text().within(CS_TEXT("cs::Files", "item %1").arg(int64_t(i))));
        }
        ++i;
    }
    return out;
}

// Runs convert on a present, non-null key, naming the key in its errors.
template <class T, class Convert>
T lookup(const Json& object, std::string_view key, T def, Convert convert) {
    const Json* value = find(object, key);
    if (!value || value->is_null()) return def;
    try {
        return convert(*value);
    } catch (const FormatError& e) {
        throw FormatError(e.text().within(CS_TEXT("cs::Files", "key '%1'").arg(std::string(key))));
    }
}

} // namespace

std::string dump(const Json& value, int indent) {
    std::string out;
    dumpTo(out, value, indent, 0);
    return out;
}

Json number(float x) {
    if (!std::isfinite(x)) return Json(double(x));
    // The float's shortest text, read back as a double.
    char buffer[32];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, x);
    double value = x;
    std::from_chars(buffer, written.ptr, value);
    return Json(value);
}

const char* typeName(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return CS_NOOP("cs::Files", "a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return CS_NOOP("cs::Files", "a number");
    case Json::value_t::string:
        return CS_NOOP("cs::Files", "a string");
    case Json::value_t::array:
        return CS_NOOP("cs::Files", "an array");
    case Json::value_t::object:
        return CS_NOOP("cs::Files", "an object");
    default:
        return CS_NOOP("cs::Files", "binary data");
    }
}

bool asBool(const Json& value) {
    if (!value.is_boolean()) throwMismatch("a boolean", value);
    return value.get<bool>();
}

double asNumber(const Json& value) {
    if (!value.is_number()) throwMismatch("a number", value);
    return value.get<double>();
}

int64_t asInt64(const Json& value) {
    if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<int64_t>();
    if (value.is_number_unsigned()) {
        uint64_t n = value.get<uint64_t>();
        if (n > uint64_t(std::numeric_limits<int64_t>::max()))
            throw FormatError(
                CS_TEXT("cs::Files", "integer %1 is out of range").arg(std::to_string(n)));
        return int64_t(n);
    }
    double x = asNumber(value);
    if (x != std::trunc(x) || !std::isfinite(x))
        throw FormatError(CS_TEXT("cs::Files", "expected an integer, found %1").arg(numberText(x)));
    // 2^63 is exact as a double; the valid range is [-2^63, 2^63).
    if (x < -9223372036854775808.0 || x >= 9223372036854775808.0)
        throw FormatError(CS_TEXT("cs::Files", "integer %1 is out of range").arg(numberText(x)));
    return int64_t(x);
}

int asInt(const Json& value) {
    int64_t n = asInt64(value);
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        throw FormatError(
            CS_TEXT("cs::Files", "integer %1 is out of range for an int").arg(std::to_string(n)));
    return int(n);
}

const std::string& asString(const Json& value) {
    if (!value.is_string()) throwMismatch("a string", value);
    return value.get_ref<const std::string&>();
}

std::vector<int> asIntVector(const Json& value) {
    return convertItems<int>(value, [](const Json& v) { return asInt(v); });
}

std::vector<double> asNumberVector(const Json& value) {
    return convertItems<double>(value, [](const Json& v) { return asNumber(v); });
}

std::vector<std::string> asStringVector(const Json& value) {
    return convertItems<std::string>(value, [](const Json& v) { return asString(v); });
}

void requireObject(const Json& value) {
    if (!value.is_object() && !value.is_null()) throwMismatch("an object", value);
}

const Json& items(const Json& value) {
    if (!value.is_array() && !value.is_null()) throwMismatch("an array", value);
    return value;
}

const Json* find(const Json& object, std::string_view key) {
    requireObject(object);
    if (object.is_null()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const Json& at(const Json& object, std::string_view key) {
    const Json* value = find(object, key);
    if (!value) throw FormatError(CS_TEXT("cs::Files", "missing key '%1'").arg(std::string(key)));
    return *value;
}

const Json& at(const Json& array, size_t index) {
    const size_t size = items(array).size();
    if (index >= size)
        throw FormatError(CS_TEXT("cs::Files", "index %1 is out of range for an array of %2 items")
                              .arg(int64_t(index))
                              .arg(int64_t(size)));
    return array[index];
}

double getNumber(const Json& object, std::string_view key, double def) {
    return lookup(object, key, def, [](const Json& v) { return asNumber(v); });
}

int getInt(const Json& object, std::string_view key, int def) {
    return lookup(object, key, def, [](const Json& v) { return asInt(v); });
}

bool getBool(const Json& object, std::string_view key, bool def) {
    return lookup(object, key, def, [](const Json& v) { return asBool(v); });
}

std::string getString(const Json& object, std::string_view key, std::string_view def) {
    return lookup(object, key, std::string(def), [](const Json& v) { return asString(v); });
}

} // namespace cs::json
