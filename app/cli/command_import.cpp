// `convstudio-cli import FILE --out MODEL.safetensors`: a model made
// elsewhere as a ConvStudio model. The format is told by the file's content
// (a small table of recognisers below, one row per format): ONNX today.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/interop/onnx_import.h"
#include "engine/model/model_summary.h"

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace cli {

namespace {

struct ImportFormat {
    std::string name;
    std::function<bool(const std::string& path)> recognises;
    std::function<cs::LoadedModel(const std::string& path)> read;
};

const std::vector<ImportFormat>& importFormats() {
    static const std::vector<ImportFormat> formats{
        {"ONNX", cs::looksLikeOnnxFile, cs::importOnnx},
    };
    return formats;
}

} // namespace

int runImport(const Args& args) {
    const CommandSpec spec{
        "import", "import FILE --out MODEL.safetensors",
        "Converts a model made elsewhere into a ConvStudio model, its format told by content:\n"
        "  ONNX (.onnx, e.g. from torch.onnx.export): Conv, Relu/Sigmoid/Tanh/Softmax,\n"
        "       MaxPool/AveragePool/GlobalAveragePool, Gemm/MatMul+Add, Flatten/Reshape,\n"
        "       BatchNormalization, Dropout, Add, Concat; anything else is refused with the\n"
        "       list of operators it cannot take. NCHW weights become Keras layouts.\n"
        "Prints the model's summary. Every command that takes a MODEL also opens these files\n"
        "directly; import saves the conversion once. docs/formats.md describes each mapping.",
        {{"--out", "FILE", "the .safetensors model to write (required)"}}};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("import needs exactly one FILE");
    if (!a.has("--out")) throw UsageError("--out MODEL.safetensors is required");
    checkOutputFile(a, "--out");
    const std::string path = a.positional()[0];
    const ImportFormat* format = nullptr;
    for (const ImportFormat& f : importFormats())
        if (f.recognises(path)) format = &f;
    if (!format) {
        std::string names;
        for (const ImportFormat& f : importFormats()) names += (names.empty() ? "" : ", ") + f.name;
        throw cs::FormatError(path + ": not a model file ConvStudio can import (it reads: " + names + ")");
    }
    cs::LoadedModel m = format->read(path);
    std::printf("%s", cs::summarize(m.model).toText().c_str());
    cs::saveModelFile(a.get("--out"), m.model, m.metadata, nullptr);
    std::printf("imported %s (%s) into %s\n", path.c_str(), format->name.c_str(), a.get("--out").c_str());
    return 0;
}

} // namespace cli
