#include "io/json.h"

#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <unordered_set>

namespace cs::json {

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

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not
// valid (stray continuation byte, overlong form, surrogate, beyond U+10FFFF).
size_t utf8SequenceLength(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c < 0x80) return 1;
    auto cont = [&](size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned c1 = byte(i + 1);
        if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
        if (c == 0xED && c1 >= 0xA0) return 0; // UTF-16 surrogate
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned c1 = byte(i + 1);
        if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0; // beyond U+10FFFF
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
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

// ---- parsing ------------------------------------------------------------------

// Recursive descent over the text; depth is capped so hostile input cannot
// exhaust the stack.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Value parseDocument() {
        skipWhitespace();
        Value value = parseValue();
        skipWhitespace();
        if (pos_ < text_.size())
            fail(pos_, "unexpected " + describe(pos_) + " after the JSON value");
        return value;
    }

private:
    static constexpr int kMaxDepth = 256;

    std::string_view text_;
    size_t pos_ = 0;
    int depth_ = 0;

    [[noreturn]] void fail(size_t at, const std::string& what) const {
        // Line and column are counted only here, so parsing itself stays one pass.
        size_t line = 1, lineStart = 0;
        for (size_t i = 0; i < at && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        size_t column = 1;
        for (size_t i = lineStart; i < at && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
                ++column; // count characters, not bytes
        throw FormatError("line " + std::to_string(line) + ", column " + std::to_string(column) +
                          ": " + what);
    }

    // "'x'", "U+0007" or "end of text", for messages.
    std::string describe(size_t at) const {
        if (at >= text_.size()) return "end of text";
        unsigned char c = text_[at];
        if (c >= 0x20 && c < 0x7F) return std::string("'") + char(c) + "'";
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, c < 0x80 ? "U+%04X" : "byte 0x%02X", c);
        return buffer;
    }

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return atEnd() ? '\0' : text_[pos_]; }

    void skipWhitespace() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++pos_;
        }
    }

    Value parseValue() {
        if (atEnd()) fail(pos_, "unexpected end of text, expected a value");
        char c = text_[pos_];
        switch (c) {
        case '{':
            return parseObject();
        case '[':
            return parseArray();
        case '"':
            return Value(parseString());
        case 't':
            return parseLiteral("true", Value(true));
        case 'f':
            return parseLiteral("false", Value(false));
        case 'n':
            return parseLiteral("null", Value());
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
            fail(pos_, "expected a value, found " + describe(pos_));
        }
    }

    Value parseLiteral(std::string_view word, Value value) {
        if (text_.substr(pos_, word.size()) != word) {
            size_t end = pos_;
            while (end < text_.size() && std::isalnum(static_cast<unsigned char>(text_[end])))
                ++end;
            fail(pos_, "invalid literal '" + std::string(text_.substr(pos_, end - pos_)) +
                           "', expected " + std::string(word));
        }
        pos_ += word.size();
        return value;
    }

    void enter() {
        if (++depth_ > kMaxDepth)
            fail(pos_, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    }

    Value parseArray() {
        enter();
        Value out = Value::array();
        Value::Array& list = std::get<Value::Array>(out.data_);
        ++pos_; // '['
        skipWhitespace();
        if (peek() == ']') {
            ++pos_;
            --depth_;
            return out;
        }
        while (true) {
            skipWhitespace();
            if (peek() == ']') fail(pos_, "trailing comma before ']'");
            list.push_back(parseValue());
            skipWhitespace();
            if (atEnd()) fail(pos_, "unexpected end of text, expected ',' or ']'");
            char c = text_[pos_++];
            if (c == ']') break;
            if (c != ',') fail(pos_ - 1, "expected ',' or ']', found " + describe(pos_ - 1));
        }
        --depth_;
        return out;
    }

    Value parseObject() {
        enter();
        Value out = Value::object();
        Value::Object& object = std::get<Value::Object>(out.data_);
        // Duplicate keys are almost always a mistake in a hand-edited file.
        // Small objects are checked by a scan; large ones by a set, so parsing
        // stays linear.
        constexpr size_t kScanLimit = 16;
        std::unordered_set<std::string> seen;
        ++pos_; // '{'
        skipWhitespace();
        if (peek() == '}') {
            ++pos_;
            --depth_;
            return out;
        }
        while (true) {
            skipWhitespace();
            if (peek() == '}') fail(pos_, "trailing comma before '}'");
            if (peek() != '"') {
                if (atEnd()) fail(pos_, "unexpected end of text, expected a key");
                fail(pos_, "expected a string key, found " + describe(pos_));
            }
            size_t keyPos = pos_;
            std::string key = parseString();
            bool duplicate;
            if (object.size() < kScanLimit) {
                duplicate = std::any_of(object.begin(), object.end(),
                                        [&](const auto& member) { return member.first == key; });
            } else {
                if (seen.empty())
                    for (const auto& member : object)
                        seen.insert(member.first);
                duplicate = !seen.insert(key).second;
            }
            if (duplicate) fail(keyPos, "duplicate key '" + key + "'");
            skipWhitespace();
            if (peek() != ':') {
                if (atEnd()) fail(pos_, "unexpected end of text, expected ':'");
                fail(pos_, "expected ':' after key '" + key + "', found " + describe(pos_));
            }
            ++pos_;
            skipWhitespace();
            Value value = parseValue();
            object.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            if (atEnd()) fail(pos_, "unexpected end of text, expected ',' or '}'");
            char c = text_[pos_++];
            if (c == '}') break;
            if (c != ',') fail(pos_ - 1, "expected ',' or '}', found " + describe(pos_ - 1));
        }
        --depth_;
        return out;
    }

    int hexDigit(size_t at) const {
        char c = at < text_.size() ? text_[at] : '\0';
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // Reads the 4 hex digits of a \uXXXX escape whose backslash is at `at`.
    uint32_t readHex4(size_t at) const {
        uint32_t value = 0;
        for (size_t k = 0; k < 4; ++k) {
            int digit = hexDigit(at + 2 + k);
            if (digit < 0) fail(at, "invalid \\u escape, expected 4 hex digits");
            value = value * 16 + uint32_t(digit);
        }
        return value;
    }

    std::string parseString() {
        size_t start = pos_;
        ++pos_; // opening quote
        std::string out;
        while (true) {
            // Copy runs of plain ASCII in one go.
            size_t run = pos_;
            while (run < text_.size()) {
                unsigned char c = text_[run];
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++run;
            }
            out.append(text_.data() + pos_, run - pos_);
            pos_ = run;
            if (atEnd()) fail(start, "unterminated string");
            unsigned char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c == '\n' || c == '\r') fail(start, "unterminated string (line break inside it)");
            if (c < 0x20) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer,
                              "control character U+%04X in a string must be escaped", c);
                fail(pos_, buffer);
            }
            if (c >= 0x80) {
                size_t length = utf8SequenceLength(text_, pos_);
                if (length == 0) fail(pos_, "invalid UTF-8 in a string");
                out.append(text_.data() + pos_, length);
                pos_ += length;
                continue;
            }
            parseEscape(out);
        }
    }

    void parseEscape(std::string& out) {
        size_t at = pos_; // the backslash
        if (at + 1 >= text_.size()) fail(at, "unterminated string");
        char e = text_[at + 1];
        pos_ += 2;
        switch (e) {
        case '"':
            out += '"';
            return;
        case '\\':
            out += '\\';
            return;
        case '/':
            out += '/';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default: {
            std::string shown = (e >= 0x20 && e < 0x7F) ? std::string(1, e) : describe(at + 1);
            fail(at, "invalid escape '\\" + shown + "'");
        }
        }
        uint32_t cp = readHex4(at);
        pos_ = at + 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail(at, "lone low surrogate in \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low one.
            if (text_.substr(pos_, 2) != "\\u") fail(at, "lone high surrogate in \\u escape");
            uint32_t low = readHex4(pos_);
            if (low < 0xDC00 || low > 0xDFFF) fail(at, "lone high surrogate in \\u escape");
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, cp);
    }

    bool isDigit(size_t at) const {
        return at < text_.size() && text_[at] >= '0' && text_[at] <= '9';
    }

    Value parseNumber() {
        size_t start = pos_;
        bool negative = peek() == '-';
        if (negative) ++pos_;
        if (!isDigit(pos_)) fail(pos_, "invalid number, expected a digit after '-'");
        // Where the first significant digit sits relative to the decimal point,
        // to tell an underflow (reads as 0) from an overflow (an error).
        int64_t magnitude = 0;
        bool significant = false;
        if (text_[pos_] == '0') {
            ++pos_;
            if (isDigit(pos_)) fail(start, "invalid number, leading zeros are not allowed");
        } else {
            significant = true;
            while (isDigit(pos_)) {
                ++pos_;
                ++magnitude;
            }
            magnitude -= 1;
        }
        if (peek() == '.') {
            ++pos_;
            if (!isDigit(pos_)) fail(pos_, "invalid number, expected a digit after '.'");
            int64_t position = 0;
            while (isDigit(pos_)) {
                --position;
                if (!significant && text_[pos_] != '0') {
                    significant = true;
                    magnitude = position;
                }
                ++pos_;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            bool negativeExponent = peek() == '-';
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!isDigit(pos_)) fail(pos_, "invalid number, expected a digit in the exponent");
            int64_t exponent = 0;
            while (isDigit(pos_)) {
                exponent = std::min<int64_t>(exponent * 10 + (text_[pos_] - '0'), 1'000'000'000);
                ++pos_;
            }
            magnitude += negativeExponent ? -exponent : exponent;
        }
        double value = 0;
        auto result = std::from_chars(text_.data() + start, text_.data() + pos_, value);
        if (result.ec == std::errc::result_out_of_range) {
            if (magnitude >= 0)
                fail(start,
                     "number " + std::string(text_.substr(start, pos_ - start)) + " is too large");
            value = negative ? -0.0 : 0.0; // too small to represent: it is zero
        } else if (result.ec != std::errc() || result.ptr != text_.data() + pos_) {
            fail(start, "invalid number");
        }
        return Value(value);
    }
};

Value Value::parse(std::string_view text) {
    return Parser(text).parseDocument();
}

Value parseFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw IoError(path + ": cannot open: " + std::strerror(errno));
    std::string text;
    char chunk[1 << 16];
    while (file.read(chunk, sizeof chunk) || file.gcount() > 0)
        text.append(chunk, size_t(file.gcount()));
    if (file.bad()) throw IoError(path + ": cannot read: " + std::strerror(errno));
    std::string_view view = text;
    if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3); // editors on Windows add it
    try {
        return Value::parse(view);
    } catch (const FormatError& e) {
        throw FormatError(path + ": " + e.what());
    }
}

} // namespace cs::json
