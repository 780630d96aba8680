// The strict parser of json.h: nlohmann's RFC 8259 parser, plus the duplicate
// keys and the nesting limit it does not check, and errors that give the line
// and column counted in characters.
#include "engine/io/json.h"

#include "engine/core/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_set>

namespace cs::json {

namespace {

// `what`, whose format starts with "line %1, column %2: ", with the line and
// column of text[at] put in front of its arguments; the column is counted in
// characters, not bytes.
UserText placed(std::string_view text, size_t at, UserText what) {
    size_t line = 1, lineStart = 0;
    for (size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    size_t column = 1;
    for (size_t i = lineStart; i < at && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column; // not a continuation
    what.args.insert(what.args.begin(), {std::to_string(line), std::to_string(column)});
    what.argContexts.insert(what.argContexts.begin(), 2, nullptr); // kept parallel to args
    return what;
}

// nlohmann reports only how far it read; its callbacks get no position. This
// iterator over the text records the furthest byte read, so a callback can
// place its error.
class ReadingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    ReadingIterator() = default;
    ReadingIterator(const char* at, size_t* read) : at_(at), read_(read) {}
    reference operator*() const { return *at_; }
    ReadingIterator& operator++() {
        ++at_;
        ++*read_;
        return *this;
    }
    ReadingIterator operator++(int) {
        ReadingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const ReadingIterator& other) const { return at_ == other.at_; }

private:
    const char* at_ = nullptr;
    size_t* read_ = nullptr;
};

// Where the key whose closing quote is at text[close] starts: the last quote
// before it that is not escaped (preceded by an even number of backslashes).
size_t keyStart(std::string_view text, size_t close) {
    for (size_t i = close; i-- > 0;) {
        if (text[i] != '"') continue;
        size_t backslashes = 0;
        while (backslashes < i && text[i - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0) return i;
    }
    return 0;
}

// Where the number that ends at or just before text[end] starts.
size_t numberStart(std::string_view text, size_t end) {
    auto inNumber = [&](size_t i) { return std::strchr("0123456789+-.eE", text[i]) != nullptr; };
    size_t i = std::min(end, text.size());
    while (i > 0 && !inNumber(i - 1))
        --i;
    while (i > 0 && inNumber(i - 1))
        --i;
    return i;
}

// nlohmann's description without its "[json.exception...] parse error at
// line 1, column 4: " prefix (we place errors ourselves), and with bytes
// beyond ASCII, which its "last read: '...'" may cut in the middle of a
// character, written as \xNN so the message stays valid UTF-8.
std::string describe(const char* what) {
    std::string_view message = what;
    size_t from = message.find("] ");
    from = from == std::string_view::npos ? 0 : from + 2;
    if (message.substr(from).starts_with("parse error")) {
        size_t colon = message.find(": ", from);
        if (colon != std::string_view::npos) from = colon + 2;
    }
    std::string out;
    for (unsigned char c : message.substr(from)) {
        if (c < 0x80) {
            out += char(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    return out;
}

} // namespace

Json parse(std::string_view text) {
    size_t read = 0; // bytes nlohmann has taken from the text so far
    // The keys of each object being read, innermost last.
    std::vector<std::unordered_set<std::string>> openObjects;
    auto check = [&](int depth, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            // depth counts the enclosing containers; the '{' or '[' was the last byte read.
            if (depth >= kMaxDepth)
                throw FormatError(
                    placed(text, read - 1,
                           CS_TEXT("cs::Files", "line %1, column %2: nesting deeper than %3 levels")
                               .arg(kMaxDepth)));
            if (event == Json::parse_event_t::object_start) openObjects.emplace_back();
            break;
        case Json::parse_event_t::object_end:
            openObjects.pop_back();
            break;
        case Json::parse_event_t::key: {
            // Almost always a mistake in a hand-edited file; nlohmann keeps the last.
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!openObjects.back().insert(key).second)
                throw FormatError(placed(
                    text, keyStart(text, read - 1),
                    CS_TEXT("cs::Files", "line %1, column %2: duplicate key '%3'").arg(key)));
            break;
        }
        default:
            break;
        }
        return true;
    };
    const char* begin = text.data();
    try {
        return Json::parse(ReadingIterator(begin, &read),
                           ReadingIterator(begin + text.size(), &read), check);
    } catch (const Json::parse_error& e) {
        // e.byte counts the offending byte (or the end of the text) from 1.
        throw FormatError(
            placed(text, e.byte > 0 ? e.byte - 1 : 0,
                   CS_TEXT("cs::Files", "line %1, column %2: %3").arg(describe(e.what()))));
    } catch (const Json::exception& e) {
        // A number too large for a double ("number overflow parsing '1e400'").
        throw FormatError(
            placed(text, numberStart(text, read),
                   CS_TEXT("cs::Files", "line %1, column %2: %3").arg(describe(e.what()))));
    }
}

Json parseFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw IoError(
            CS_TEXT("cs::Files", "cannot open: %1").arg(std::strerror(errno)).about(path));
    std::string text;
    char chunk[1 << 16];
    while (file.read(chunk, sizeof chunk) || file.gcount() > 0)
        text.append(chunk, size_t(file.gcount()));
    if (file.bad())
        throw IoError(
            CS_TEXT("cs::Files", "cannot read: %1").arg(std::strerror(errno)).about(path));
    std::string_view view = text;
    if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3); // editors on Windows add it
    try {
        return parse(view);
    } catch (const FormatError& e) {
        throw FormatError(e.text().within(path));
    }
}

} // namespace cs::json
