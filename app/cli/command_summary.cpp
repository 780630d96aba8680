#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "engine/model/model_summary.h"
#include "engine/model/presets.h"
#include "app/cli/model_source.h"

#include <cstdio>

namespace cli {

namespace {
CommandSpec summarySpec() {
    return {"summary", "summary MODEL",
            "Prints the Keras model.summary() table of MODEL: a .json architecture, a trained\n"
            ".safetensors model, or a preset name (see `convstudio-cli presets`).",
            {}};
}
} // namespace

int runSummary(const Args& args) {
    const CommandSpec spec = summarySpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("summary needs exactly one MODEL");
    cs::LoadedModel m = openModel(a.positional()[0]);
    std::printf("%s", cs::summarize(m.model).toText().c_str());
    return 0;
}

int runPresets(const Args& args) {
    const CommandSpec spec{"presets", "presets", "Lists the course's model presets.", {}};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    for (const cs::PresetInfo& preset : cs::listPresets()) {
        cs::LoadedModel m = openModel(preset.path);
        std::printf("%-28s %s params\n", preset.name.c_str(),
                    cs::withThousands(cs::summarize(m.model).totalParameters).c_str());
    }
    return 0;
}

} // namespace cli
