#include "io/json.h"

#include "io/json_utf8.h"

#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace cs::json {

using detail::utf8SequenceLength;

namespace {

const char* typeName(Value::Type type) {
    switch (type) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool:
        return "a boolean";
    case Value::Type::Number:
        return "a number";
    case Value::Type::String:
        return "a string";
    case Value::Type::Array:
        return "an array";
    case Value::Type::Object:
        return "an object";
    }
    return "?";
}

[[noreturn]] void throwMismatch(const char* expected, Value::Type found) {
    throw FormatError(std::string("expected ") + expected + ", found " + typeName(found));
}

// Limits of exactly representable integers: beyond them a double skips
// integers, so printing without a fraction would claim a precision it lacks.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

void appendNumber(std::string& out, double x) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    char buffer[32];
    std::to_chars_result result;
    if (x == std::trunc(x) && std::fabs(x) < kMaxExactInteger) {
        if (x == 0 && std::signbit(x)) {
            out += "-0";
            return;
        }
        result = std::to_chars(buffer, buffer + sizeof buffer, int64_t(x));
    } else {
        result = std::to_chars(buffer, buffer + sizeof buffer, x); // shortest round trip
    }
    out.append(buffer, result.ptr);
}

std::string numberText(double x) {
    std::string text;
    appendNumber(text, x);
    if (!std::isfinite(x)) text = std::isnan(x) ? "NaN" : (x > 0 ? "inf" : "-inf");
    return text;
}


void appendQuoted(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    size_t i = 0;
    while (i < s.size()) {
        // Copy runs of plain characters in one go.
        size_t run = i;
        while (run < s.size()) {
            unsigned char c = s[run];
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            ++run;
        }
        out.append(s.data() + i, run - i);
        i = run;
        if (i == s.size()) break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            // Output must stay valid JSON; bytes that are not UTF-8 (a Latin-1
            // file name, say) cannot be represented, so they become U+FFFD.
            size_t length = utf8SequenceLength(s, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(s.data() + i, length);
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
        ++i;
    }
    out += '"';
}

void newline(std::string& out, int indent, int depth) {
    out += '\n';
    out.append(size_t(indent) * size_t(depth), ' ');
}

} // namespace

// ---- construction and access ------------------------------------------------

Value::Value(float x) {
    double value = x;
    if (std::isfinite(x)) {
        // The float's shortest text, read back as a double.
        char buffer[32];
        auto written = std::to_chars(buffer, buffer + sizeof buffer, x);
        std::from_chars(buffer, written.ptr, value);
    }
    data_ = value;
}

Value::Value(const char* s) {
    if (s) data_ = std::string(s);
}

Value Value::array() {
    Value v;
    v.data_ = Array{};
    return v;
}

Value Value::object() {
    Value v;
    v.data_ = Object{};
    return v;
}

bool Value::asBool() const {
    if (!isBool()) throwMismatch("a boolean", type());
    return std::get<bool>(data_);
}

double Value::asNumber() const {
    if (!isNumber()) throwMismatch("a number", type());
    return std::get<double>(data_);
}

int64_t Value::asInt64() const {
    double x = asNumber();
    if (x != std::trunc(x) || !std::isfinite(x))
        throw FormatError("expected an integer, found " + numberText(x));
    // 2^63 is exact as a double; the valid range is [-2^63, 2^63).
    if (x < -9223372036854775808.0 || x >= 9223372036854775808.0)
        throw FormatError("integer " + numberText(x) + " is out of range");
    return int64_t(x);
}

int Value::asInt() const {
    int64_t n = asInt64();
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        throw FormatError("integer " + std::to_string(n) + " is out of range for an int");
    return int(n);
}

const std::string& Value::asString() const {
    if (!isString()) throwMismatch("a string", type());
    return std::get<std::string>(data_);
}

size_t Value::size() const {
    switch (type()) {
    case Type::Null:
        return 0;
    case Type::Array:
        return std::get<Array>(data_).size();
    case Type::Object:
        return std::get<Object>(data_).size();
    default:
        throwMismatch("an array or an object", type());
    }
}

Value::Array& Value::arrayForWrite() {
    if (isNull()) data_ = Array{};
    if (!isArray()) throwMismatch("an array", type());
    return std::get<Array>(data_);
}

Value::Object& Value::objectForWrite() {
    if (isNull()) data_ = Object{};
    if (!isObject()) throwMismatch("an object", type());
    return std::get<Object>(data_);
}

const std::vector<Value>& Value::items() const {
    static const Array empty;
    if (isNull()) return empty;
    if (!isArray()) throwMismatch("an array", type());
    return std::get<Array>(data_);
}

const Value& Value::operator[](size_t i) const {
    const Array& list = items();
    if (i >= list.size())
        throw FormatError("index " + std::to_string(i) + " is out of range for an array of " +
                          std::to_string(list.size()) + " items");
    return list[i];
}

Value& Value::operator[](size_t i) {
    const Value& item = std::as_const(*this)[i];
    return const_cast<Value&>(item);
}

void Value::push(Value v) {
    arrayForWrite().push_back(std::move(v));
}

namespace {

template <class T, class Convert>
std::vector<T> convertItems(const std::vector<Value>& list, Convert convert) {
    std::vector<T> out;
    out.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
        try {
            out.push_back(convert(list[i]));
        } catch (const FormatError& e) {
            throw FormatError("item " + std::to_string(i) + ": " + e.what());
        }
    }
    return out;
}

} // namespace

std::vector<int> Value::asIntVector() const {
    return convertItems<int>(items(), [](const Value& v) { return v.asInt(); });
}

std::vector<std::string> Value::asStringVector() const {
    return convertItems<std::string>(items(), [](const Value& v) { return v.asString(); });
}

std::vector<double> Value::asNumberVector() const {
    return convertItems<double>(items(), [](const Value& v) { return v.asNumber(); });
}

const std::vector<std::pair<std::string, Value>>& Value::members() const {
    static const Object empty;
    if (isNull()) return empty;
    if (!isObject()) throwMismatch("an object", type());
    return std::get<Object>(data_);
}

const Value* Value::find(std::string_view key) const {
    for (const auto& [name, value] : members())
        if (name == key) return &value;
    return nullptr;
}

bool Value::contains(std::string_view key) const {
    return find(key) != nullptr;
}

const Value& Value::at(std::string_view key) const {
    const Value* value = find(key);
    if (!value) throw FormatError("missing key '" + std::string(key) + "'");
    return *value;
}

Value& Value::operator[](std::string_view key) {
    Object& object = objectForWrite();
    for (auto& [name, value] : object)
        if (name == key) return value;
    return object.emplace_back(std::string(key), Value()).second;
}

void Value::set(std::string_view key, Value v) {
    (*this)[key] = std::move(v);
}

bool Value::erase(std::string_view key) {
    if (isNull()) return false;
    Object& object = objectForWrite();
    auto it = std::find_if(object.begin(), object.end(),
                           [&](const auto& member) { return member.first == key; });
    if (it == object.end()) return false;
    object.erase(it);
    return true;
}

namespace {

// Runs convert on a present, non-null key, naming the key in its errors.
template <class T, class Convert>
T lookup(const Value& object, std::string_view key, T def, Convert convert) {
    const Value* value = object.find(key);
    if (!value || value->isNull()) return def;
    try {
        return convert(*value);
    } catch (const FormatError& e) {
        throw FormatError("key '" + std::string(key) + "': " + e.what());
    }
}

} // namespace

double Value::getNumber(std::string_view key, double def) const {
    return lookup(*this, key, def, [](const Value& v) { return v.asNumber(); });
}

int Value::getInt(std::string_view key, int def) const {
    return lookup(*this, key, def, [](const Value& v) { return v.asInt(); });
}

bool Value::getBool(std::string_view key, bool def) const {
    return lookup(*this, key, def, [](const Value& v) { return v.asBool(); });
}

std::string Value::getString(std::string_view key, std::string_view def) const {
    return lookup(*this, key, std::string(def), [](const Value& v) { return v.asString(); });
}

bool Value::operator==(const Value& other) const {
    if (type() != other.type()) return false;
    if (!isObject()) return data_ == other.data_;
    const Object& a = std::get<Object>(data_);
    const Object& b = std::get<Object>(other.data_);
    if (a.size() != b.size()) return false;
    // Usually both sides have the same order: compare pairwise, and fall back
    // to sorted order only when keys differ, which keeps it O(n log n).
    bool sameOrder = true;
    for (size_t i = 0; i < a.size() && sameOrder; ++i)
        sameOrder = a[i].first == b[i].first;
    if (sameOrder) {
        for (size_t i = 0; i < a.size(); ++i)
            if (!(a[i].second == b[i].second)) return false;
        return true;
    }
    auto sorted = [](const Object& object) {
        std::vector<const std::pair<std::string, Value>*> out;
        for (const auto& member : object)
            out.push_back(&member);
        std::sort(out.begin(), out.end(), [](auto* x, auto* y) { return x->first < y->first; });
        return out;
    };
    auto sa = sorted(a), sb = sorted(b);
    for (size_t i = 0; i < sa.size(); ++i)
        if (sa[i]->first != sb[i]->first || !(sa[i]->second == sb[i]->second)) return false;
    return true;
}

// ---- writing ------------------------------------------------------------------

void Value::dumpTo(std::string& out, int indent, int depth) const {
    switch (type()) {
    case Type::Null:
        out += "null";
        return;
    case Type::Bool:
        out += std::get<bool>(data_) ? "true" : "false";
        return;
    case Type::Number:
        appendNumber(out, std::get<double>(data_));
        return;
    case Type::String:
        appendQuoted(out, std::get<std::string>(data_));
        return;
    case Type::Array: {
        const Array& list = std::get<Array>(data_);
        if (list.empty()) {
            out += "[]";
            return;
        }
        bool oneLine = indent < 0 || std::all_of(list.begin(), list.end(), [](const Value& v) {
                           return v.isNull() || v.isBool() || v.isNumber();
                       });
        out += '[';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out += (indent >= 0 && oneLine) ? ", " : ",";
            if (!oneLine) newline(out, indent, depth + 1);
            list[i].dumpTo(out, indent, depth + 1);
        }
        if (!oneLine) newline(out, indent, depth);
        out += ']';
        return;
    }
    case Type::Object: {
        const Object& object = std::get<Object>(data_);
        if (object.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (size_t i = 0; i < object.size(); ++i) {
            if (i > 0) out += ',';
            if (indent >= 0) newline(out, indent, depth + 1);
            appendQuoted(out, object[i].first);
            out += indent >= 0 ? ": " : ":";
            object[i].second.dumpTo(out, indent, depth + 1);
        }
        if (indent >= 0) newline(out, indent, depth);
        out += '}';
        return;
    }
    }
}

std::string Value::dump(int indent) const {
    std::string out;
    dumpTo(out, indent, 0);
    return out;
}

} // namespace cs::json
