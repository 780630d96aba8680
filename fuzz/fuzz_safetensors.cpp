// Fuzz harness: trained model files. The bytes are a .safetensors file given to
// loadModelFile(), which every convstudio-cli command taking a MODEL calls: the
// container (8-byte header length, JSON header, dtypes, shapes, data offsets)
// and then the model rebuilt from its metadata (architecture, class names,
// preprocessing, optimizer state), then what `summary` prints.
#include "fuzz/fuzz_support.h"

#include "engine/model/model_file.h"
#include "engine/model/model_summary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = fuzz::freshFolder("safetensors") + "/model.safetensors";
    fuzz::writeFile(path, fuzz::asBytes(data, size));
    fuzz::expectTypedErrors([&] {
        cs::LoadedModel loaded = cs::loadModelFile(path);
        cs::summarize(loaded.model);
    });
    return 0;
}
