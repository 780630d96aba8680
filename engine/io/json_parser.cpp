// The JSON parser: strict RFC 8259, with line/column error messages and a
// nesting limit (see json.h). The writer and the Value type are in json.cpp.
#include "io/json.h"

#include "core/errors.h"
#include "io/json_utf8.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <unordered_set>

namespace cs::json {

using detail::appendUtf8;
using detail::utf8SequenceLength;

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
