// The engine's JSON: nlohmann::ordered_json, whose objects keep their members
// in insertion order (files we write read in a stable, human order), plus the
// few things the engine's files need on top of it:
// - parse() and parseFile(): strict RFC 8259 that also rejects duplicate keys
//   and nesting deeper than 256 levels, every error a cs::FormatError naming the
//   place: "model.json: line 3, column 5: syntax error while parsing object ...".
// - Checked reading (asInt, at, getNumber, ...) whose errors are FormatErrors a
//   person can act on ("key 'epochs': expected a number, found a string"), where
//   nlohmann's own accessors would convert silently or throw its exceptions.
// - dump(): our layout (arrays of numbers on one line) and number form (integral
//   values without ".0", others the shortest text that reads back to the same
//   double).
//
//   Json config = json::parseFile("model.json");
//   int filters = json::asInt(json::at(config, "filters"));
//   double lr = json::getNumber(config, "learning_rate", 0.001);
//
//   Json out = Json::object();
//   out["name"] = "lenet";
//   out["shape"] = std::vector<int>{28, 28, 1};
//   out["rate"] = json::number(0.1f); // 0.1, not 0.10000000149011612
//   std::string text = json::dump(out, 2);
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

using Json = nlohmann::ordered_json;

namespace json {

// Deeper documents are refused: nothing we read nests more than a few levels,
// and code walking a document recursively must not run out of stack.
inline constexpr int kMaxDepth = 256;

// Strict RFC 8259 over UTF-8 text (invalid UTF-8 and lone surrogates are
// errors). Rejects trailing text, duplicate keys and nesting deeper than
// kMaxDepth with a FormatError "line 3, column 5: ...".
Json parse(std::string_view text);

// Reads and parses a whole file. Errors name the file:
// "model.json: line 3, column 5: ..." (FormatError), or an IoError when the
// file cannot be read. A leading UTF-8 byte order mark is skipped.
Json parseFile(const std::string& path);

// indent -1: compact, one line. indent >= 0: one item per line, indented by
// that many spaces per level; arrays holding only numbers, booleans and nulls
// stay on one line ("shape": [28, 28, 1]) so weights and shapes stay readable.
// Integral numbers below 2^53 print without ".0"; other numbers print the
// shortest text that reads back to the same double. NaN and infinities have no
// JSON form and print as null; bytes that are not UTF-8 print as U+FFFD.
std::string dump(const Json& value, int indent = -1);

// A float as the double of its short decimal form, so 0.1f is written as 0.1
// (a float converted to double directly would be written 0.10000000149011612).
Json number(float x);

// "null", "a boolean", "a number", "a string", "an array", "an object".
const char* typeName(const Json& value);

// Each throws FormatError ("expected a number, found a string") on another type.
bool asBool(const Json& value);
double asNumber(const Json& value);
// Also throw when the number is not integral or does not fit the type.
int asInt(const Json& value);
int64_t asInt64(const Json& value);
const std::string& asString(const Json& value);
// Each item converted; errors name the item ("item 2: expected ...").
std::vector<int> asIntVector(const Json& value);
std::vector<double> asNumberVector(const Json& value);
std::vector<std::string> asStringVector(const Json& value);

// Throws FormatError ("expected an object, found an array") unless value is
// an object or null.
void requireObject(const Json& value);

// The value itself once checked to be an array (or null, which reads as an
// empty array), for range-for over its items.
const Json& items(const Json& value);
// Its members as nlohmann's (key, value) pairs once checked to be an object
// (or null: no members): for (const auto& [key, member] : json::members(v)).
inline auto members(const Json& value) {
    requireObject(value);
    return value.items();
}

// Object lookups: at() throws FormatError("missing key 'filters'"), find()
// returns nullptr when the key is absent. Both throw on a non-object (null
// reads as an object without members).
const Json& at(const Json& object, std::string_view key);
const Json* find(const Json& object, std::string_view key);
// Array item i; throws FormatError when i is out of range.
const Json& at(const Json& array, size_t index);

// Typed lookups for optional config keys: def when the key is absent or null;
// FormatError naming the key when it holds another type
// ("key 'epochs': expected a number, found a string").
double getNumber(const Json& object, std::string_view key, double def);
int getInt(const Json& object, std::string_view key, int def);
bool getBool(const Json& object, std::string_view key, bool def);
std::string getString(const Json& object, std::string_view key, std::string_view def);

} // namespace json
} // namespace cs
