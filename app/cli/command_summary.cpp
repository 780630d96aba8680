#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"

#include "engine/core/errors.h"
#include "engine/io/json.h"
#include "engine/model/model_analysis.h"
#include "engine/model/model_summary.h"
#include "engine/model/presets.h"

#include <cstdio>
#include <filesystem>

namespace cli {

namespace {
CommandSpec summarySpec() {
    return {"summary", "summary MODEL",
            "Prints the Keras model.summary() table of MODEL: a .json architecture, a trained\n"
            ".safetensors model, or a preset name (see `convstudio-cli presets`).\n"
            "An architecture whose layers do not fit together is summarised as far as it goes\n"
            "('?' where a shape is unknown), followed by each problem and the fixes the\n"
            "editor offers for it (e.g. \"Insert a Flatten before dense\"); the exit code is then 1.",
            {}};
}

// The .json architecture MODEL names (a file or a preset), or "" for other files.
std::string architecturePath(const std::string& arg) {
    std::error_code ec;
    const std::string path = std::filesystem::exists(arg, ec)            ? arg
                             : arg.find('/') == std::string::npos ? cs::presetPath(arg)
                                                                  : std::string();
    const bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    return json ? path : std::string();
}

// The editor's analysis of an architecture that does not fit together: the
// table as far as it goes, then each problem with its fixes. False when the
// file is not such an architecture (then the usual loading reports on it).
bool printProblems(const std::string& path) {
    cs::ModelGraph graph;
    try {
        graph = cs::ModelGraph::fromJson(cs::json::parseFile(path));
    } catch (const cs::Error&) {
        return false;
    }
    const cs::ModelReport report = cs::analyzeModel(graph);
    if (report.valid()) return false;
    std::printf("%s", report.summary.toText().c_str());
    std::printf("%d problem(s):\n", report.errorCount);
    for (int i = 0; i < graph.size(); ++i) {
        const cs::LayerReport& r = report.layers[size_t(i)];
        if (r.problem.empty()) continue;
        std::printf("  %s (%s): %s\n", graph.node(i).name().c_str(),
                    graph.node(i).className.c_str(), r.problem.english().c_str());
        for (const cs::QuickFix& fix : r.fixes)
            std::printf("    fix: %s\n", fix.label.english().c_str());
    }
    std::fflush(stdout); // before the loading error that follows on stderr
    return true;
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
    if (const std::string path = architecturePath(a.positional()[0]); !path.empty() && printProblems(path)) {
        openModel(a.positional()[0]); // the loading error, naming the file, on stderr (exit code 1)
        return 1;
    }
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
