// Fuzz harness: ONNX models. The bytes are an .onnx file given to
// importOnnx(), which loadAnyModel() (every convstudio-cli command taking a
// MODEL, File > Open) calls for such files: protobuf parsing, the operator
// screen, the graph converted to layers and weights, then what `summary` prints.
// Seeds (fuzz/corpus/onnx): small ConvStudio exports (random graphs, a flat
// input) and the PyTorch fixtures of tests/engine/fixtures/onnx, one cut short.
#include "fuzz/fuzz_support.h"

#include "engine/interop/onnx_import.h"
#include "engine/model/model_summary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = fuzz::freshFolder("onnx") + "/model.onnx";
    fuzz::writeFile(path, fuzz::asBytes(data, size));
    fuzz::expectTypedErrors([&] {
        cs::LoadedModel loaded = cs::importOnnx(path);
        cs::summarize(loaded.model);
    });
    return 0;
}
