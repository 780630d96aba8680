// Tests of the engine's JSON reader and writer (io/json.h).
#include "test_registry.h"

#include "core/errors.h"
#include "io/json.h"

#include <QtTest>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using cs::json::Value;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The FormatError message thrown by f, or "<no error>" when it succeeds.
std::string formatErrorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const cs::FormatError& e) {
        return e.what();
    }
    return "<no error>";
}

std::string parseError(const std::string& text) {
    return formatErrorOf([&] { Value::parse(text); });
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

#define EXPECT_ERROR_CONTAINS(message, part)                                                       \
    do {                                                                                           \
        const std::string m_ = (message);                                                          \
        QVERIFY2(contains(m_, part), ("message was: " + m_).c_str());                              \
    } while (false)

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

class JsonTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughText() {
        const std::string text = R"({"name":"lenet","layers":[{"type":"conv2d","filters":6,)"
                                 R"("kernel_size":[5,5],"activation":"relu"},{"type":"dense",)"
                                 R"("units":10,"dropout":0.25,"bias":true,"init":null}],)"
                                 R"("lr":1e-7,"neg":-12.5,"big":1e+300,)"
                                 // moc mis-reads \" inside raw strings, so this part is plain.
                                 "\"s\":\"a\\\"b\\\\c\\n\\t/\"}";
        Value v = Value::parse(text);
        QCOMPARE(q(v.dump()),
                 q(text.substr(0, text.find("\"lr\"")) + R"("lr":1e-07,"neg":-12.5,"big":1e+300,)"
                                                         "\"s\":\"a\\\"b\\\\c\\n\\t/\"}"));
        QVERIFY(Value::parse(v.dump()) == v);
        QVERIFY(Value::parse(v.dump(2)) == v);
        QVERIFY(Value::parse(v.dump(0)) == v);
        QCOMPARE(v.at("lr").asNumber(), 1e-7);
        QCOMPARE(v.at("layers")[0].at("kernel_size").asIntVector(), (std::vector<int>{5, 5}));
        QCOMPARE(q(v.at("s").asString()), q("a\"b\\c\n\t/"));
        QVERIFY(v.at("layers")[1].at("init").isNull());
    }

    void prettyPrints() {
        Value v = Value::object();
        v["name"] = "net";
        v["shape"] = Value::array(std::vector<int>{28, 28, 1});
        v["tags"] = Value::array(std::vector<std::string>{"a", "b"});
        v["empty"] = Value::array();
        v["nested"]["x"] = 1;
        v["none"] = Value::object();
        const std::string expected = "{\n"
                                     "  \"name\": \"net\",\n"
                                     "  \"shape\": [28, 28, 1],\n"
                                     "  \"tags\": [\n"
                                     "    \"a\",\n"
                                     "    \"b\"\n"
                                     "  ],\n"
                                     "  \"empty\": [],\n"
                                     "  \"nested\": {\n"
                                     "    \"x\": 1\n"
                                     "  },\n"
                                     "  \"none\": {}\n"
                                     "}";
        QCOMPARE(q(v.dump(2)), q(expected));
        QCOMPARE(q(v.dump()), q(R"({"name":"net","shape":[28,28,1],"tags":["a","b"],)"
                                R"("empty":[],"nested":{"x":1},"none":{}})"));
        QCOMPARE(q(Value::parse("[1,{\"a\":[]}]").dump(0)), q("[\n1,\n{\n\"a\": []\n}\n]"));
        QCOMPARE(q(Value(3).dump(4)), q("3"));
    }

    void formatsIntegersAndFloats() {
        QCOMPARE(q(Value(1).dump()), q("1"));
        QCOMPARE(q(Value(1.0).dump()), q("1"));
        QCOMPARE(q(Value(-42).dump()), q("-42"));
        QCOMPARE(q(Value(0.1).dump()), q("0.1"));
        QCOMPARE(q(Value(2.5).dump()), q("2.5"));
        QCOMPARE(q(Value(int64_t(1) << 40).dump()), q("1099511627776"));
        QCOMPARE(q(Value(9007199254740991.0).dump()), q("9007199254740991"));
        QCOMPARE(q(Value(1e20).dump()), q("1e+20"));
        QCOMPARE(q(Value(0.1f).dump()), q("0.1")); // the float's short form, not 0.10000000149...
        QCOMPARE(q(Value(size_t(7)).dump()), q("7"));
        QCOMPARE(q(Value(-0.0).dump()), q("-0"));
        QVERIFY(std::signbit(Value::parse("-0").asNumber()));
        for (double x : {1e-7, 0.1, 1.0 / 3.0, 123456.789, -2.2250738585072014e-308, 5e-324,
                         1.7976931348623157e308, 3.141592653589793}) {
            Value back = Value::parse(Value(x).dump());
            QCOMPARE(back.asNumber(), x); // bit-exact round trip
        }
        QCOMPARE(q(Value(std::numeric_limits<double>::quiet_NaN()).dump()), q("null"));
        QCOMPARE(q(Value(std::numeric_limits<double>::infinity()).dump()), q("null"));
        QCOMPARE(q(Value::parse("[1e2, 2E-1, -0.5e+1, 0]").dump()), q("[100,0.2,-5,0]"));
        QCOMPARE(Value::parse("1e-400").asNumber(), 0.0); // underflow reads as zero
        EXPECT_ERROR_CONTAINS(parseError("1e400"), "line 1, column 1: number 1e400 is too large");
    }

    void convertsIntegers() {
        QCOMPARE(Value::parse("1e2").asInt(), 100);
        QCOMPARE(Value(-7).asInt(), -7);
        QCOMPARE(Value::parse("9007199254740992").asInt64(), int64_t(9007199254740992));
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value(2.5).asInt(); }),
                              "expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value(3e10).asInt(); }), "out of range");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value(1e19).asInt64(); }), "out of range");
        EXPECT_ERROR_CONTAINS(
            formatErrorOf([] { Value(std::numeric_limits<double>::quiet_NaN()).asInt(); }),
            "expected an integer");
    }

    void reportsTypeMismatches() {
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value("3").asNumber(); }),
                              "expected a number, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value(1).asString(); }),
                              "expected a string, found a number");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value().asBool(); }),
                              "expected a boolean, found null");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value::array().at("k"); }),
                              "expected an object, found an array");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value::object().items(); }),
                              "expected an array, found an object");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value(true).size(); }), "found a boolean");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] {
                                  Value v = 1;
                                  v.push(2);
                              }),
                              "expected an array, found a number");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] {
                                  Value v = "s";
                                  v["k"] = 1;
                              }),
                              "expected an object, found a string");
    }

    void decodesUnicodeEscapes() {
        QCOMPARE(q(Value::parse(R"("\u00e9")").asString()), q("\xC3\xA9"));
        QCOMPARE(q(Value::parse(R"("\u20AC")").asString()), q("\xE2\x82\xAC"));
        QCOMPARE(q(Value::parse(R"("\ud83d\ude00")").asString()), q("\xF0\x9F\x98\x80"));
        QCOMPARE(q(Value::parse(R"("a\u0041\/")").asString()), q("aA/"));
        QCOMPARE(Value::parse(R"("\u0000")").asString(), std::string(1, '\0'));
        // Raw UTF-8 passes through untouched, both ways.
        QCOMPARE(q(Value::parse("\"h\xC3\xA9llo \xF0\x9F\x98\x80\"").asString()),
                 q("h\xC3\xA9llo \xF0\x9F\x98\x80"));
        QCOMPARE(q(Value("\xC3\xA9").dump()), q("\"\xC3\xA9\""));
        // Control characters are escaped; invalid bytes cannot be written as JSON.
        QCOMPARE(q(Value(std::string("a\x01\x1f\b\f\r")).dump()), q(R"("a\u0001\u001f\b\f\r")"));
        QCOMPARE(q(Value("a\xFF").dump()), q("\"a\xEF\xBF\xBD\""));
        Value tricky(std::string("\0\x7f\"\\\xF0\x9F\x98\x80", 8));
        QVERIFY(Value::parse(tricky.dump()) == tricky);

        EXPECT_ERROR_CONTAINS(parseError(R"("\ud83d")"), "line 1, column 2: lone high surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\ud83dx")"), "lone high surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\ud83d\u0041")"), "lone high surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\ude00")"), "lone low surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\u12G4")"), "line 1, column 2: invalid \\u escape");
        EXPECT_ERROR_CONTAINS(parseError("\"\xC3\""), "line 1, column 2: invalid UTF-8");
        EXPECT_ERROR_CONTAINS(parseError("\"\xED\xA0\x80\""), "invalid UTF-8"); // surrogate
        EXPECT_ERROR_CONTAINS(parseError("\"\xC0\xAF\""), "invalid UTF-8");     // overlong
    }

    void keepsMemberOrder() {
        Value v = Value::parse(R"({"zeta":1,"alpha":2,"mid":3})");
        std::vector<std::string> keys;
        for (const auto& [key, value] : v.members())
            keys.push_back(key);
        QCOMPARE(keys, (std::vector<std::string>{"zeta", "alpha", "mid"}));
        QCOMPARE(q(v.dump()), q(R"({"zeta":1,"alpha":2,"mid":3})"));

        v.set("alpha", "replaced"); // replaced in place
        v.set("new", true);         // appended
        QCOMPARE(q(v.dump()), q(R"({"zeta":1,"alpha":"replaced","mid":3,"new":true})"));
        QVERIFY(v.erase("zeta"));
        QVERIFY(!v.erase("zeta"));
        QCOMPARE(q(v.dump()), q(R"({"alpha":"replaced","mid":3,"new":true})"));
        QCOMPARE(v.size(), size_t(3));

        // Objects compare regardless of order; arrays do not.
        QVERIFY(Value::parse(R"({"a":1,"b":[1,2]})") == Value::parse(R"({"b":[1,2],"a":1})"));
        QVERIFY(!(Value::parse(R"({"a":1,"b":2})") == Value::parse(R"({"a":1,"c":2})")));
        QVERIFY(!(Value::parse(R"({"a":1})") == Value::parse(R"({"a":2})")));
        QVERIFY(!(Value::parse("[1,2]") == Value::parse("[2,1]")));
        QVERIFY(!(Value(1) == Value("1")));
    }

    void buildsArraysAndObjects() {
        Value list; // null becomes an array on first push
        QCOMPARE(list.size(), size_t(0));
        QVERIFY(list.items().empty());
        list.push(1);
        list.push("two");
        list.push(Value::object());
        QVERIFY(list.isArray());
        QCOMPARE(list.size(), size_t(3));
        QCOMPARE(list[1].asString(), std::string("two"));
        list[0] = 10;
        QCOMPARE(list[0].asInt(), 10);
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { list[3]; }),
                              "index 3 is out of range for an array of 3 items");

        Value doc; // null becomes an object on first operator[](key)
        QVERIFY(!doc.contains("x"));
        QVERIFY(doc.find("x") == nullptr);
        doc["a"]["b"] = 2.5;
        QVERIFY(doc.isObject());
        QVERIFY(doc.contains("a"));
        QCOMPARE(doc.at("a").at("b").asNumber(), 2.5);
        QCOMPARE(doc.find("a")->find("b")->asNumber(), 2.5);
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { doc.at("filters"); }), "missing key 'filters'");

        QCOMPARE(q(Value::array(std::vector<double>{0.5, 2}).dump()), q("[0.5,2]"));
        QCOMPARE(q(Value::array(std::vector<Value>{1, "x", nullptr}).dump()), q(R"([1,"x",null])"));
        QCOMPARE(q(Value::array(std::vector<bool>{true, false}).dump()), q("[true,false]"));
        QCOMPARE(Value::parse("[0.5, 2]").asNumberVector(), (std::vector<double>{0.5, 2}));
        QCOMPARE(Value::parse(R"(["a","b"])").asStringVector(),
                 (std::vector<std::string>{"a", "b"}));
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value::parse("[1, 2, 2.5]").asIntVector(); }),
                              "item 2: expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { Value::parse(R"(["a", 1])").asStringVector(); }),
                              "item 1: expected a string, found a number");
        QCOMPARE(q(Value(std::string_view("sv")).dump()), q("\"sv\""));
        QVERIFY(Value(static_cast<const char*>(nullptr)).isNull());
    }

    void readsTypedKeysWithDefaults() {
        Value config = Value::parse(
            R"({"lr": 0.01, "epochs": 5, "shuffle": false, "name": "run", "seed": null,
                "bad_epochs": 2.5, "bad_lr": "fast"})");
        QCOMPARE(config.getNumber("lr", 1.0), 0.01);
        QCOMPARE(config.getNumber("momentum", 0.9), 0.9);
        QCOMPARE(config.getInt("epochs", 1), 5);
        QCOMPARE(config.getInt("batch", 32), 32);
        QCOMPARE(config.getInt("seed", 42), 42); // null reads as absent
        QCOMPARE(config.getBool("shuffle", true), false);
        QCOMPARE(config.getBool("verbose", true), true);
        QCOMPARE(config.getString("name", "x"), std::string("run"));
        QCOMPARE(config.getString("optimizer", "adam"), std::string("adam"));
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { config.getNumber("bad_lr", 0.1); }),
                              "key 'bad_lr': expected a number, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { config.getInt("bad_epochs", 1); }),
                              "key 'bad_epochs': expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { config.getBool("name", false); }),
                              "key 'name': expected a boolean, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { config.getString("epochs", ""); }),
                              "key 'epochs': expected a string, found a number");
        QCOMPARE(Value().getInt("anything", 3), 3);
    }

    void reportsParseErrorsWithPlace() {
        struct Case {
            const char* text;
            const char* message;
        };
        const std::vector<Case> cases = {
            {"", "line 1, column 1: unexpected end of text, expected a value"},
            {"   \n  ", "line 2, column 3: unexpected end of text, expected a value"},
            {"[1, 2", "line 1, column 6: unexpected end of text, expected ',' or ']'"},
            {"{\"a\": 1", "line 1, column 8: unexpected end of text, expected ',' or '}'"},
            {"{\"a\"", "line 1, column 5: unexpected end of text, expected ':'"},
            {"{\"a\":", "line 1, column 6: unexpected end of text, expected a value"},
            {"[1, 2,]", "line 1, column 7: trailing comma before ']'"},
            {"{\n  \"a\": 1,\n}", "line 3, column 1: trailing comma before '}'"},
            {"{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected ',' or '}', found '\"'"},
            {"[1 2]", "line 1, column 4: expected ',' or ']', found '2'"},
            {"{\"a\" 1}", "line 1, column 6: expected ':' after key 'a', found '1'"},
            {"{a: 1}", "line 1, column 2: expected a string key, found 'a'"},
            {"{'a': 1}", "line 1, column 2: expected a string key, found '''"},
            {R"(["ok", "bad \q"])", "line 1, column 13: invalid escape '\\q'"},
            {"\"abc", "line 1, column 1: unterminated string"},
            {"[\"abc\n\"]", "line 1, column 2: unterminated string (line break inside it)"},
            {"\"a\tb\"", "line 1, column 3: control character U+0009 in a string must be escaped"},
            {"[1] x", "line 1, column 5: unexpected 'x' after the JSON value"},
            {"{} {}", "line 1, column 4: unexpected '{' after the JSON value"},
            {"1 2", "line 1, column 3: unexpected '2' after the JSON value"},
            {"tru", "line 1, column 1: invalid literal 'tru', expected true"},
            {"[nul]", "line 1, column 2: invalid literal 'nul', expected null"},
            {"True", "line 1, column 1: expected a value, found 'T'"},
            {"[+1]", "line 1, column 2: expected a value, found '+'"},
            {"[.5]", "line 1, column 2: expected a value, found '.'"},
            {"01", "line 1, column 1: invalid number, leading zeros are not allowed"},
            {"-", "line 1, column 2: invalid number, expected a digit after '-'"},
            {"1.", "line 1, column 3: invalid number, expected a digit after '.'"},
            {"1e+", "line 1, column 4: invalid number, expected a digit in the exponent"},
            {"[NaN]", "line 1, column 2: expected a value, found 'N'"},
            {"{\"k\": 1, \"k\": 2}", "line 1, column 10: duplicate key 'k'"},
            // Columns count characters: é is two bytes but one column.
            {"[\"\xC3\xA9\xC3\xA9\", x]", "line 1, column 8: expected a value, found 'x'"},
        };
        std::string mismatches; // all of them at once, not just the first
        for (const Case& c : cases) {
            const std::string message = parseError(c.text);
            if (message != c.message)
                mismatches += "\n  for " + std::string(c.text) + "\n  got: " + message;
        }
        QVERIFY2(mismatches.empty(), mismatches.c_str());
    }

    void rejectsDeepNesting() {
        // Hostile input must raise an error, not overflow the stack.
        EXPECT_ERROR_CONTAINS(parseError(std::string(10000, '[')),
                              "line 1, column 257: nesting deeper than 256 levels");
        EXPECT_ERROR_CONTAINS(parseError(std::string(10000, '{')), "expected a string key");
        std::string nestedObjects;
        for (int i = 0; i < 10000; ++i)
            nestedObjects += "{\"a\":";
        EXPECT_ERROR_CONTAINS(parseError(nestedObjects), "nesting deeper than 256 levels");
        // 256 levels are allowed.
        const std::string deepest = std::string(256, '[') + std::string(256, ']');
        QCOMPARE(q(Value::parse(deepest).dump()), q(deepest));
        EXPECT_ERROR_CONTAINS(parseError(std::string(257, '[') + std::string(257, ']')),
                              "nesting deeper than 256 levels");
    }

    void parsesLargeDocuments() {
        // A header-sized document (well over 50 KB) with many keys: parse stays linear.
        Value doc = Value::object();
        for (int i = 0; i < 5000; ++i) {
            Value entry = Value::object();
            entry["dtype"] = "F32";
            entry["shape"] = Value::array(std::vector<int>{i % 7 + 1, 3, 3, 16});
            entry["data_offsets"] = Value::array(std::vector<int64_t>{i * 100, i * 100 + 100});
            doc.set("layer" + std::to_string(i) + ".weight", std::move(entry));
        }
        const std::string text = doc.dump();
        QVERIFY(text.size() > 50'000);
        Value back = Value::parse(text);
        QCOMPARE(back.size(), size_t(5000));
        QVERIFY(back == doc);
        QCOMPARE(back.members()[4321].first, std::string("layer4321.weight"));
        QCOMPARE(back.at("layer4999.weight").at("data_offsets")[1].asInt64(), int64_t(500000));
        // Duplicate detection also covers large objects.
        const std::string duplicated = text.substr(0, text.size() - 1) + ",\"layer17.weight\":1}";
        EXPECT_ERROR_CONTAINS(parseError(duplicated), "duplicate key 'layer17.weight'");
        // A long string with escapes.
        std::string longText(100'000, 'x');
        longText[50'000] = '\n';
        QVERIFY(Value::parse(Value(longText).dump()).asString() == longText);
    }

    void parsesFiles() {
        const std::string dir = cs::test::tempDir();
        const std::string good = dir + "/good.json";
        writeFile(good, "\xEF\xBB\xBF{\"filters\": [8, 16]}\n");
        QCOMPARE(cs::json::parseFile(good).at("filters").asIntVector(), (std::vector<int>{8, 16}));

        const std::string bad = dir + "/model.json";
        writeFile(bad, "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        const std::string message = formatErrorOf([&] { cs::json::parseFile(bad); });
        QCOMPARE(q(message), q(bad + ": line 3, column 7: expected ':' after key 'b', found '2'"));

        const std::string missing = dir + "/missing.json";
        bool threwIoError = false;
        try {
            cs::json::parseFile(missing);
        } catch (const cs::IoError& e) {
            threwIoError = true;
            EXPECT_ERROR_CONTAINS(std::string(e.what()), missing);
        }
        QVERIFY(threwIoError);
    }
};

CS_REGISTER_TEST(JsonTest)
#include "test_json.moc"
