// convstudio-cli import FILE --out model.safetensors: a model of another
// framework as a ConvStudio model, the format recognised by content (Keras .h5
// and to_json(): engine/interop/keras_import.h, through loadAnyModel()).
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/model/model_file.h"
#include "engine/model/model_summary.h"

#include <cstdio>

namespace cli {

namespace {

CommandSpec importSpec() {
    return {"import", "import FILE --out MODEL",
            "Reads a model of another framework and saves it for ConvStudio. FILE is recognised\n"
            "by its content: a Keras .h5 model (model.save, ModelCheckpoint) or a Keras\n"
            "model.to_json() document. --out model.safetensors keeps the weights (classes named\n"
            "0, 1, ...; inputs taken as pixel / 255, as in the course); --out model.json writes the\n"
            "architecture alone. A layer or option ConvStudio cannot compute exactly is refused\n"
            "with the list of them all, and nothing is written.",
            {{"--out", "FILE", "the ConvStudio model (.safetensors) or architecture (.json)"}}};
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

int runImport(const Args& args) {
    const CommandSpec spec = importSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("import needs exactly one FILE");
    if (!a.has("--out")) throw UsageError("import needs --out FILE (.safetensors or .json)");
    const std::string in = a.positional()[0], out = a.get("--out");
    checkOutputFile(a, "--out");
    cs::LoadedModel m = cs::loadAnyModel(in);
    if (endsWith(out, ".json")) {
        cs::saveArchitectureFile(out, m.model);
    } else {
        if (!m.model.isBuilt())
            throw cs::FormatError(in + ": holds no weights (an architecture only): use --out "
                                       "model.json, or import the .h5 file saved with the weights");
        cs::saveModelFile(out, m.model, m.metadata, nullptr);
    }
    std::printf("imported %s: %s, %s parameters -> %s\n", in.c_str(), m.model.name.c_str(),
                cs::withThousands(m.model.countParameters().total).c_str(), out.c_str());
    return 0;
}

} // namespace cli
