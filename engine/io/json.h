// A small JSON document model for the engine's files (model configs, training
// configs, safetensors headers), so the engine needs neither Qt nor a third-party
// library to read and write them.
//
// Value holds null, a boolean, a number (double), a string, an array or an
// object. Object members keep their insertion order, so files we write read in
// a stable, human order. Parsing is strict RFC 8259 and every error names the
// place: "line 3, column 5: expected ',' or '}'". Reading and converting throw
// cs::FormatError with a message a person can act on.
//
//   Value config = parseFile("model.json");
//   int filters = config.at("filters").asInt();
//   double lr = config.getNumber("learning_rate", 0.001);
//
//   Value out = Value::object();
//   out["name"] = "lenet";
//   out["shape"] = Value::array(std::vector<int>{28, 28, 1});
//   std::string text = out.dump(2);
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cs::json {

class Parser;

class Value {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool b) : data_(b) {}
    Value(int n) : data_(double(n)) {}
    // Integers beyond 2^53 lose precision: JSON numbers are doubles here.
    Value(int64_t n) : data_(double(n)) {}
    // Other integer types (size_t, unsigned, long long), so Value(v.size())
    // is not ambiguous. Characters and bool are left out on purpose.
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, int> && !std::same_as<T, int64_t> &&
             !std::same_as<T, char> && !std::same_as<T, wchar_t> && !std::same_as<T, char8_t> &&
             !std::same_as<T, char16_t> && !std::same_as<T, char32_t>) Value(T n)
        : data_(double(n)) {}
    Value(double x) : data_(x) {}
    // Keeps the float's short decimal form: Value(0.1f) dumps as 0.1, not as
    // 0.10000000149011612.
    Value(float x);
    Value(const char* s); // a null pointer makes a null Value
    Value(std::string s) : data_(std::move(s)) {}
    Value(std::string_view s) : data_(std::string(s)) {}

    static Value array();
    static Value object();
    // From std::vector<int>, <double>, <std::string>, <Value>, ...
    template <class T> static Value array(const std::vector<T>& items);

    Type type() const { return Type(data_.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    // Each throws FormatError ("expected a number, found a string") on another type.
    bool asBool() const;
    double asNumber() const;
    // Also throw when the number is not integral or does not fit the type.
    int asInt() const;
    int64_t asInt64() const;
    const std::string& asString() const;

    // A null Value reads as an empty container (size 0, no members) and turns
    // into one on the first push() or operator[](key), so documents can be
    // built without declaring every level first. Items and members live in
    // std::vectors: references from operator[] are invalidated when the same
    // array or object grows (write `v["a"] = Value(v["b"])`, not `v["a"] = v["b"]`).

    // Array items or object members.
    size_t size() const;

    // Arrays. operator[] throws FormatError when i is out of range.
    const Value& operator[](size_t i) const;
    Value& operator[](size_t i);
    void push(Value v);
    const std::vector<Value>& items() const;
    // Each item converted; errors name the item ("item 2: expected ...").
    std::vector<int> asIntVector() const;
    std::vector<std::string> asStringVector() const;
    std::vector<double> asNumberVector() const;

    // Objects. Lookups are linear: our objects are small, and order matters
    // more than lookup speed here.
    bool contains(std::string_view key) const;
    const Value* find(std::string_view key) const; // nullptr when absent
    const Value& at(std::string_view key) const;   // throws FormatError("missing key 'filters'")
    Value& operator[](std::string_view key);       // inserts null if absent
    void set(std::string_view key, Value v);       // insert or replace in place
    bool erase(std::string_view key);
    const std::vector<std::pair<std::string, Value>>& members() const;

    // Typed lookups for optional config keys: def when the key is absent or
    // null; FormatError naming the key when it holds another type
    // ("key 'epochs': expected a number, found a string").
    double getNumber(std::string_view key, double def) const;
    int getInt(std::string_view key, int def) const;
    bool getBool(std::string_view key, bool def) const;
    std::string getString(std::string_view key, std::string_view def) const;

    // indent -1: compact, one line. indent >= 0: one item per line, indented by
    // that many spaces per level; arrays holding only numbers, booleans and
    // nulls stay on one line ("shape": [28, 28, 1]) so weights and shapes stay
    // readable. Integral numbers below 2^53 print without ".0"; other numbers
    // print the shortest text that reads back to the same double. NaN and
    // infinities have no JSON form and print as null.
    std::string dump(int indent = -1) const;

    // Strict RFC 8259 over UTF-8 text. Rejects trailing text, duplicate keys
    // and nesting deeper than 256 levels (hostile input must not overflow the
    // stack); \uXXXX escapes, surrogate pairs included, become UTF-8.
    static Value parse(std::string_view text);

    // Objects compare equal regardless of member order; numbers compare as doubles.
    bool operator==(const Value& other) const;

private:
    friend class Parser;
    using Array = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>;

    Array& arrayForWrite();
    Object& objectForWrite();
    void dumpTo(std::string& out, int indent, int depth) const;

    // Alternatives in the order of Type, so type() is the index.
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> data_;
};

template <class T> Value Value::array(const std::vector<T>& items) {
    Value out = array();
    Array& list = out.arrayForWrite();
    list.reserve(items.size());
    for (const auto& item : items) {
        if constexpr (std::same_as<T, bool>)
            list.emplace_back(bool(item)); // vector<bool> hands out proxies
        else
            list.emplace_back(item);
    }
    return out;
}

// Reads and parses a whole file. Errors name the file:
// "model.json: line 3, column 5: expected ',' or '}'" (FormatError), or an
// IoError when the file cannot be read. A leading UTF-8 byte order mark is skipped.
Value parseFile(const std::string& path);

} // namespace cs::json
