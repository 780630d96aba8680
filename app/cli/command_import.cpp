// `convstudio-cli import FILE --out MODEL.safetensors`: a model made
// elsewhere as a ConvStudio model. The format is told by the file's content
// (a small table of recognisers below, one row per format): ONNX, Keras .h5
// and Keras to_json().
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/interop/keras_h5.h"
#include "engine/interop/keras_import.h"
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
        {"Keras .h5", cs::hasHdf5Signature, cs::loadKerasH5File},
        {"Keras to_json", cs::looksLikeKerasJsonFile, cs::loadKerasJsonFile},
    };
    return formats;
}

} // namespace

int runImport(const Args& args) {
    const CommandSpec spec{
        "import",
        "import FILE --out MODEL.safetensors",
        "Converts a model made elsewhere into a ConvStudio model, its format told by content:\n"
        "  ONNX (.onnx, e.g. from torch.onnx.export): Conv, Relu/Sigmoid/Tanh/Softmax,\n"
        "       MaxPool/AveragePool/GlobalAveragePool, Gemm/MatMul+Add, Flatten/Reshape,\n"
        "       BatchNormalization, Dropout, Add, Concat; anything else is refused with the\n"
        "       list of operators it cannot take. NCHW weights become Keras layouts.\n"
        "  Keras .h5 (model.save, ModelCheckpoint) and model.to_json(): Sequential and Functional\n"
        "       models of ConvStudio's layer types; anything else is refused with the list of\n"
        "       unsupported layers and options. Classes are named 0, 1, ...; inputs are taken as\n"
        "       pixel / 255, as in the course. A to_json() document has no weights: --out x.json\n"
        "       writes its architecture.\n"
        "Prints the model's summary. Every command that takes a MODEL also opens these files\n"
        "directly; import saves the conversion once. docs/formats.md describes each mapping.",
        {{"--out", "FILE", "the .safetensors model to write (required); a .json name writes the architecture alone"}}};
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
        for (const ImportFormat& f : importFormats())
            names += (names.empty() ? "" : ", ") + f.name;
        throw cs::FormatError(path +
                              ": not a model file ConvStudio can import (it reads: " + names + ")");
    }
    cs::LoadedModel m = format->read(path);
    std::printf("%s", cs::summarize(m.model).toText().c_str());
    const std::string out = a.get("--out");
    if (out.size() > 5 && out.compare(out.size() - 5, 5, ".json") == 0)
        cs::saveArchitectureFile(out, m.model);
    else if (!m.model.isBuilt())
        throw cs::FormatError(path + ": holds no weights (an architecture only): use --out model.json, "
                                     "or import the .h5 file saved with the weights");
    else
        cs::saveModelFile(out, m.model, m.metadata, nullptr);
    std::printf("imported %s (%s) into %s\n", path.c_str(), format->name.c_str(), a.get("--out").c_str());
    return 0;
}

} // namespace cli
