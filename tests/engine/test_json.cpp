// Tests of what the engine adds to nlohmann::ordered_json (io/json.h): the
// strict parser (duplicate keys, nesting limit, errors placed by line and
// column), checked reading with our messages, and our writing layout.
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"

#include <QtTest>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using cs::Json;
namespace json = cs::json;

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
    return formatErrorOf([&] { json::parse(text); });
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
        Json v = json::parse(text);
        QCOMPARE(q(json::dump(v)),
                 q(text.substr(0, text.find("\"lr\"")) + R"("lr":1e-07,"neg":-12.5,"big":1e+300,)"
                                                         "\"s\":\"a\\\"b\\\\c\\n\\t/\"}"));
        QVERIFY(json::parse(json::dump(v)) == v);
        QVERIFY(json::parse(json::dump(v, 2)) == v);
        QVERIFY(json::parse(json::dump(v, 0)) == v);
        QCOMPARE(json::asNumber(json::at(v, "lr")), 1e-7);
        QCOMPARE(json::asIntVector(json::at(json::at(json::at(v, "layers"), 0), "kernel_size")),
                 (std::vector<int>{5, 5}));
        QCOMPARE(q(json::asString(json::at(v, "s"))), q("a\"b\\c\n\t/"));
        QVERIFY(json::at(json::at(json::at(v, "layers"), 1), "init").is_null());
    }

    void prettyPrints() {
        Json v = Json::object();
        v["name"] = "net";
        v["shape"] = std::vector<int>{28, 28, 1};
        v["tags"] = std::vector<std::string>{"a", "b"};
        v["empty"] = Json::array();
        v["nested"]["x"] = 1;
        v["none"] = Json::object();
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
        QCOMPARE(q(json::dump(v, 2)), q(expected));
        QCOMPARE(q(json::dump(v)), q(R"({"name":"net","shape":[28,28,1],"tags":["a","b"],)"
                                     R"("empty":[],"nested":{"x":1},"none":{}})"));
        QCOMPARE(q(json::dump(json::parse("[1,{\"a\":[]}]"), 0)), q("[\n1,\n{\n\"a\": []\n}\n]"));
        QCOMPARE(q(json::dump(Json(3), 4)), q("3"));
    }

    void formatsIntegersAndFloats() {
        QCOMPARE(q(json::dump(Json(1))), q("1"));
        QCOMPARE(q(json::dump(Json(1.0))), q("1")); // integral doubles print as integers
        QCOMPARE(q(json::dump(Json(-42.0))), q("-42"));
        QCOMPARE(q(json::dump(Json(0.1))), q("0.1"));
        QCOMPARE(q(json::dump(Json(2.5))), q("2.5"));
        QCOMPARE(q(json::dump(Json(int64_t(1) << 40))), q("1099511627776"));
        QCOMPARE(q(json::dump(Json(9007199254740991.0))), q("9007199254740991"));
        QCOMPARE(q(json::dump(Json(1e20))), q("1e+20"));
        // The shortest text, as files written before nlohmann hold it (nlohmann: 0.0005).
        QCOMPARE(q(json::dump(Json(5e-4))), q("5e-04"));
        QCOMPARE(q(json::dump(Json(0.001))), q("0.001"));
        QCOMPARE(q(json::dump(json::number(0.1f))), q("0.1")); // not 0.10000000149...
        QCOMPARE(q(json::dump(json::number(1e-5f))), q("1e-05"));
        QCOMPARE(q(json::dump(Json(size_t(7)))), q("7"));
        // Negative zero keeps its sign through a round trip.
        QVERIFY(std::signbit(json::asNumber(json::parse(json::dump(Json(-0.0))))));
        for (double x : {1e-7, 0.1, 1.0 / 3.0, 123456.789, -2.2250738585072014e-308, 5e-324,
                         1.7976931348623157e308, 3.141592653589793, 1e16, -4.0}) {
            Json back = json::parse(json::dump(Json(x)));
            QCOMPARE(json::asNumber(back), x); // bit-exact round trip
        }
        QCOMPARE(q(json::dump(Json(std::numeric_limits<double>::quiet_NaN()))), q("null"));
        QCOMPARE(q(json::dump(Json(std::numeric_limits<double>::infinity()))), q("null"));
        QCOMPARE(q(json::dump(json::parse("[1e2, 2E-1, -0.5e+1, 0]"))), q("[100,0.2,-5,0]"));
        QCOMPARE(json::asNumber(json::parse("1e-400")), 0.0); // underflow reads as zero
        QCOMPARE(q(parseError("[1e400]")), q("line 1, column 2: number overflow parsing '1e400'"));
    }

    void convertsIntegers() {
        QCOMPARE(json::asInt(json::parse("1e2")), 100);
        QCOMPARE(json::asInt(Json(-7)), -7);
        QCOMPARE(json::asInt64(json::parse("9007199254740993")), int64_t(9007199254740993));
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asInt(Json(2.5)); }),
                              "expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asInt(Json(3e10)); }), "out of range");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asInt(Json(int64_t(1) << 40)); }),
                              "out of range");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asInt64(Json(1e19)); }), "out of range");
        EXPECT_ERROR_CONTAINS(
            formatErrorOf([] { json::asInt64(json::parse("18446744073709551615")); }),
            "out of range");
        EXPECT_ERROR_CONTAINS(
            formatErrorOf([] { json::asInt(Json(std::numeric_limits<double>::quiet_NaN())); }),
            "expected an integer");
    }

    void reportsTypeMismatches() {
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asNumber(Json("3")); }),
                              "expected a number, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asString(Json(1)); }),
                              "expected a string, found a number");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asBool(Json()); }),
                              "expected a boolean, found null");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::at(Json::array(), "k"); }),
                              "expected an object, found an array");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::items(Json::object()); }),
                              "expected an array, found an object");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::members(Json(true)); }),
                              "expected an object, found a boolean");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::find(Json("s"), "k"); }),
                              "expected an object, found a string");
    }

    void decodesUnicode() {
        QCOMPARE(q(json::asString(json::parse(R"("\u00e9")"))), q("\xC3\xA9"));
        QCOMPARE(q(json::asString(json::parse(R"("\ud83d\ude00")"))), q("\xF0\x9F\x98\x80"));
        QCOMPARE(q(json::asString(json::parse(R"("a\u0041\/")"))), q("aA/"));
        // Raw UTF-8 passes through untouched, both ways.
        QCOMPARE(q(json::asString(json::parse("\"h\xC3\xA9llo \xF0\x9F\x98\x80\""))),
                 q("h\xC3\xA9llo \xF0\x9F\x98\x80"));
        QCOMPARE(q(json::dump(Json("\xC3\xA9"))), q("\"\xC3\xA9\""));
        // Control characters are escaped; invalid bytes cannot be written as JSON.
        QCOMPARE(q(json::dump(Json(std::string("a\x01\x1f\b\f\r")))),
                 q(R"("a\u0001\u001f\b\f\r")"));
        QCOMPARE(q(json::dump(Json("a\xFF"))), q("\"a\xEF\xBF\xBD\""));
        Json tricky(std::string("\0\x7f\"\\\xF0\x9F\x98\x80", 8));
        QVERIFY(json::parse(json::dump(tricky)) == tricky);

        // Lone surrogates and bytes that are not UTF-8 are errors, placed; the
        // message shows the bytes as \xNN, so it stays valid UTF-8 itself.
        EXPECT_ERROR_CONTAINS(parseError(R"("\ud83d")"), "line 1, column 8: ");
        EXPECT_ERROR_CONTAINS(parseError(R"("\ud83d")"), "surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\ude00")"), "surrogate");
        EXPECT_ERROR_CONTAINS(parseError(R"("\u12G4")"), "line 1, column 6: ");
        QCOMPARE(q(parseError("\"\xC3\"")),
                 q("line 1, column 3: syntax error while parsing value - invalid string: "
                   "ill-formed UTF-8 byte; last read: '\"\\xC3\"'"));
        EXPECT_ERROR_CONTAINS(parseError("\"\xED\xA0\x80\""), "ill-formed UTF-8"); // surrogate
        EXPECT_ERROR_CONTAINS(parseError("\"\xC0\xAF\""), "ill-formed UTF-8");     // overlong
    }

    void keepsMemberOrder() {
        Json v = json::parse(R"({"zeta":1,"alpha":2,"mid":3})");
        std::vector<std::string> keys;
        for (const auto& [key, value] : json::members(v))
            keys.push_back(key);
        QCOMPARE(keys, (std::vector<std::string>{"zeta", "alpha", "mid"}));
        QCOMPARE(q(json::dump(v)), q(R"({"zeta":1,"alpha":2,"mid":3})"));

        v["alpha"] = "replaced"; // replaced in place
        v["new"] = true;         // appended
        QCOMPARE(q(json::dump(v)), q(R"({"zeta":1,"alpha":"replaced","mid":3,"new":true})"));
        v.erase("zeta");
        QCOMPARE(q(json::dump(v)), q(R"({"alpha":"replaced","mid":3,"new":true})"));
    }

    void looksUpKeysAndItems() {
        Json doc;
        QVERIFY(json::find(doc, "x") == nullptr); // null reads as an empty object
        QVERIFY(json::items(doc).empty());        // and as an empty array
        doc["a"]["b"] = 2.5;
        QCOMPARE(json::asNumber(json::at(json::at(doc, "a"), "b")), 2.5);
        QCOMPARE(json::asNumber(*json::find(*json::find(doc, "a"), "b")), 2.5);
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::at(doc, "filters"); }),
                              "missing key 'filters'");

        const Json list = json::parse(R"([1, "two", {}])");
        QCOMPARE(json::asString(json::at(list, 1)), std::string("two"));
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::at(list, 3); }),
                              "index 3 is out of range for an array of 3 items");
        QCOMPARE(json::asNumberVector(json::parse("[0.5, 2]")), (std::vector<double>{0.5, 2}));
        QCOMPARE(json::asStringVector(json::parse(R"(["a","b"])")),
                 (std::vector<std::string>{"a", "b"}));
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asIntVector(json::parse("[1, 2, 2.5]")); }),
                              "item 2: expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(
            formatErrorOf([] { json::asStringVector(json::parse(R"(["a", 1])")); }),
            "item 1: expected a string, found a number");
        EXPECT_ERROR_CONTAINS(formatErrorOf([] { json::asIntVector(Json(5)); }),
                              "expected an array, found a number");
    }

    void readsTypedKeysWithDefaults() {
        Json config = json::parse(
            R"({"lr": 0.01, "epochs": 5, "shuffle": false, "name": "run", "seed": null,
                "bad_epochs": 2.5, "bad_lr": "fast"})");
        QCOMPARE(json::getNumber(config, "lr", 1.0), 0.01);
        QCOMPARE(json::getNumber(config, "momentum", 0.9), 0.9);
        QCOMPARE(json::getInt(config, "epochs", 1), 5);
        QCOMPARE(json::getInt(config, "batch", 32), 32);
        QCOMPARE(json::getInt(config, "seed", 42), 42); // null reads as absent
        QCOMPARE(json::getBool(config, "shuffle", true), false);
        QCOMPARE(json::getBool(config, "verbose", true), true);
        QCOMPARE(json::getString(config, "name", "x"), std::string("run"));
        QCOMPARE(json::getString(config, "optimizer", "adam"), std::string("adam"));
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::getNumber(config, "bad_lr", 0.1); }),
                              "key 'bad_lr': expected a number, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::getInt(config, "bad_epochs", 1); }),
                              "key 'bad_epochs': expected an integer, found 2.5");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::getBool(config, "name", false); }),
                              "key 'name': expected a boolean, found a string");
        EXPECT_ERROR_CONTAINS(formatErrorOf([&] { json::getString(config, "epochs", ""); }),
                              "key 'epochs': expected a string, found a number");
        QCOMPARE(json::getInt(Json(), "anything", 3), 3);
    }

    void reportsParseErrorsWithPlace() {
        struct Case {
            const char* text;
            const char* message;
        };
        const std::vector<Case> cases = {
            {"", "line 1, column 1: "},
            {"   \n  ", "line 2, column 3: "},
            {"[1, 2", "line 1, column 6: "},
            {"{\"a\": 1", "line 1, column 8: "},
            {"{\"a\"", "line 1, column 5: "},
            {"{\"a\":", "line 1, column 6: "},
            {"[1, 2,]", "line 1, column 7: "},
            {"{\n  \"a\": 1,\n}", "line 3, column 1: "},
            // nlohmann places an error in a string at the string's last character.
            {"{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 5: "},
            {"[1 2]", "line 1, column 4: "},
            {"{\"a\" 1}", "line 1, column 6: "},
            {"{a: 1}", "line 1, column 2: "},
            {"{'a': 1}", "line 1, column 2: "},
            {R"(["ok", "bad \q"])", "line 1, column 14: "},
            {"\"abc", "line 1, column 5: "},
            {"[\"abc\n\"]", "line 1, column 6: "},
            {"\"a\tb\"", "line 1, column 3: "},
            {"[1] x", "line 1, column 5: "},
            {"{} {}", "line 1, column 4: "},
            {"1 2", "line 1, column 3: "},
            {"tru", "line 1, column 4: "},
            {"[nul]", "line 1, column 5: "},
            {"True", "line 1, column 1: "},
            {"[+1]", "line 1, column 2: "},
            {"[.5]", "line 1, column 2: "},
            {"01", "line 1, column 2: "},
            {"-", "line 1, column 2: "},
            {"1.", "line 1, column 3: "},
            {"1e+", "line 1, column 4: "},
            {"[NaN]", "line 1, column 2: "},
            {"{\"k\": 1, \"k\": 2}", "line 1, column 10: duplicate key 'k'"},
            {"{\"a\": {\"k\": 1}, \"k\": 2, \"a\": 3}", "line 1, column 25: duplicate key 'a'"},
            {"{\"k\\\"\": 1, \"k\\\"\": 2}", "line 1, column 12: duplicate key 'k\"'"},
            // Columns count characters: é is two bytes but one column.
            {"[\"\xC3\xA9\xC3\xA9\", x]", "line 1, column 8: "},
        };
        std::string mismatches; // all of them at once, not just the first
        for (const Case& c : cases) {
            const std::string message = parseError(c.text);
            if (!message.starts_with(c.message))
                mismatches += "\n  for " + std::string(c.text) + "\n  got: " + message;
        }
        QVERIFY2(mismatches.empty(), mismatches.c_str());
        // The place comes with nlohmann's description of the problem.
        QCOMPARE(q(parseError("{\n  \"a\": 1\n  \"b\": 2\n}")),
                 q("line 3, column 5: syntax error while parsing object - unexpected string "
                   "literal; expected '}'"));
    }

    void rejectsDeepNesting() {
        // Hostile input must raise an error, not exhaust memory or the stack.
        QCOMPARE(q(parseError(std::string(10000, '['))),
                 q("line 1, column 257: nesting deeper than 256 levels"));
        EXPECT_ERROR_CONTAINS(parseError(std::string(10000, '{')), "line 1, column 2: ");
        std::string nestedObjects;
        for (int i = 0; i < 10000; ++i)
            nestedObjects += "{\"a\":";
        EXPECT_ERROR_CONTAINS(parseError(nestedObjects),
                              "line 1, column 1281: nesting deeper than 256 levels");
        // 256 levels are allowed.
        const std::string deepest = std::string(256, '[') + std::string(256, ']');
        QCOMPARE(q(json::dump(json::parse(deepest))), q(deepest));
        EXPECT_ERROR_CONTAINS(parseError(std::string(257, '[') + std::string(257, ']')),
                              "nesting deeper than 256 levels");
    }

    void parsesLargeDocuments() {
        // A header-sized document (well over 50 KB) with many keys.
        Json doc = Json::object();
        for (int i = 0; i < 5000; ++i) {
            Json entry = Json::object();
            entry["dtype"] = "F32";
            entry["shape"] = std::vector<int>{i % 7 + 1, 3, 3, 16};
            entry["data_offsets"] = std::vector<int64_t>{i * 100, i * 100 + 100};
            doc["layer" + std::to_string(i) + ".weight"] = std::move(entry);
        }
        const std::string text = json::dump(doc);
        QVERIFY(text.size() > 50'000);
        Json back = json::parse(text);
        QCOMPARE(back.size(), size_t(5000));
        QVERIFY(back == doc);
        QCOMPARE(std::next(back.items().begin(), 4321).key(), std::string("layer4321.weight"));
        QCOMPARE(json::asInt64(
                     json::at(json::at(json::at(back, "layer4999.weight"), "data_offsets"), 1)),
                 int64_t(500000));
        // Duplicate detection also covers large objects.
        const std::string duplicated = text.substr(0, text.size() - 1) + ",\"layer17.weight\":1}";
        EXPECT_ERROR_CONTAINS(parseError(duplicated), "duplicate key 'layer17.weight'");
        // A long string with escapes.
        std::string longText(100'000, 'x');
        longText[50'000] = '\n';
        QVERIFY(json::asString(json::parse(json::dump(Json(longText)))) == longText);
    }

    void parsesFiles() {
        const std::string dir = cs::test::tempDir();
        const std::string good = dir + "/good.json";
        writeFile(good, "\xEF\xBB\xBF{\"filters\": [8, 16]}\n");
        QCOMPARE(json::asIntVector(json::at(json::parseFile(good), "filters")),
                 (std::vector<int>{8, 16}));

        const std::string bad = dir + "/model.json";
        writeFile(bad, "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        const std::string message = formatErrorOf([&] { json::parseFile(bad); });
        QCOMPARE(q(message), q(bad + ": line 3, column 7: syntax error while parsing object "
                                     "separator - unexpected number literal; expected ':'"));

        const std::string duplicate = dir + "/duplicate.json";
        writeFile(duplicate, "{\n  \"a\": 1,\n  \"a\": 2\n}\n");
        QCOMPARE(q(formatErrorOf([&] { json::parseFile(duplicate); })),
                 q(duplicate + ": line 3, column 3: duplicate key 'a'"));

        const std::string missing = dir + "/missing.json";
        bool threwIoError = false;
        try {
            json::parseFile(missing);
        } catch (const cs::IoError& e) {
            threwIoError = true;
            EXPECT_ERROR_CONTAINS(std::string(e.what()), missing);
        }
        QVERIFY(threwIoError);
    }
};

CS_REGISTER_TEST(JsonTest)
#include "test_json.moc"
