// Fuzz harness: architecture JSON, in memory. The bytes are parsed as JSON
// (strict RFC 8259, depth-capped), turned into a Model with Model::fromJson()
// and summarised (shapes, a built copy for parameter counts), as
// `convstudio-cli summary model.json` does. Two round trips are checked too,
// since a violation means a file we write cannot be read back the same:
//  - the parser: a value's dump() (compact and indented) parses to the same value;
//  - the model: the JSON written for a model reads back to the same JSON.
#include "fuzz/fuzz_support.h"

#include "engine/io/json.h"
#include "engine/model/model.h"
#include "engine/model/model_summary.h"

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void roundTripFailure(const char* what, const cs::Json& value) {
    std::fprintf(stderr, "round trip failed: %s\n%s\n", what, cs::json::dump(value, 2).c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::expectTypedErrors([&] {
        const cs::Json root = cs::json::parse(fuzz::asBytes(data, size));
        if (!(cs::json::parse(cs::json::dump(root)) == root))
            roundTripFailure("compact dump", root);
        if (!(cs::json::parse(cs::json::dump(root, 2)) == root))
            roundTripFailure("indented dump", root);

        cs::Model model = cs::Model::fromJson(root);
        cs::summarize(model);
        const cs::Json written = model.toJson();
        if (!(cs::Model::fromJson(written).toJson() == written))
            roundTripFailure("architecture", written);
    });
    return 0;
}
