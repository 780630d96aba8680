#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_source.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/io/json.h"
#include "engine/model/data_fit.h"
#include "engine/model/model_analysis.h"
#include "engine/model/model_summary.h"
#include "engine/model/presets.h"

#include <cstdio>
#include <filesystem>

namespace cli {

namespace {
CommandSpec summarySpec() {
    std::vector<OptionSpec> options = {
        {"--data", "DIR",
         "also check MODEL against this data set as `train` would bind it: image size and "
         "colour, number of classes, class mode"}};
    addOptions(options, imageFolderOptionSpecs("the model's input size"));
    return {"summary", "summary MODEL [--data DIR [image-folder options]]",
            "Prints the Keras model.summary() table of MODEL: a .json architecture, a trained\n"
            ".safetensors model, or a preset name (see `convstudio-cli presets`).\n"
            "An architecture whose layers do not fit together is summarised as far as it goes\n"
            "('?' where a shape is unknown), followed by each problem and the fixes the\n"
            "editor offers for it (e.g. \"Insert a Flatten before dense\"); the exit code is then 1.\n"
            "With --data, the data set is checked too: a mismatch (images of another size or\n"
            "colour, another number of classes, a class mode that does not suit the output) is\n"
            "a problem whose fixes change the model or, for image folders, how the images are\n"
            "loaded (\"fix (data): ... --target-size 150x150 --color-mode rgb\"); IDX and\n"
            "CIFAR-10 images load as stored.",
            options};
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

// Each problem with its fixes; a data fix with the options that make it.
void printProblemList(const cs::ModelGraph& graph, const cs::ModelReport& report) {
    std::printf("%d problem(s):\n", report.errorCount + report.warningCount);
    for (int i = 0; i < graph.size(); ++i) {
        const cs::LayerReport& r = report.layers[size_t(i)];
        if (r.problem.empty()) continue;
        std::printf("  %s (%s): %s\n", graph.node(i).name().c_str(), graph.node(i).className.c_str(),
                    r.problem.english().c_str());
        for (const cs::QuickFix& fix : r.fixes) {
            if (!fix.changesData()) {
                std::printf("    fix: %s\n", fix.label.english().c_str());
                continue;
            }
            std::string flags;
            for (const auto& [key, value] : fix.dataSettings) {
                std::string option = "--" + key;
                for (char& c : option)
                    if (c == '_') c = '-';
                flags += (flags.empty() ? "" : " ") + option + " " + value;
            }
            std::printf("    fix (data): %s: %s\n", fix.label.english().c_str(), flags.c_str());
        }
    }
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
    printProblemList(graph, report);
    std::fflush(stdout); // before the loading error that follows on stderr
    return true;
}

// What --data feeds the model, bound as `train` binds it: image folders at the
// model's input size unless the options say otherwise; IDX and CIFAR-10 as stored.
cs::DataShape boundData(const ParsedArgs& a, const cs::ModelGraph& graph, std::string& line) {
    const std::string folder = a.get("--data");
    const cs::DatasetKind kind = cs::detectDatasetKind(folder);
    cs::DataShape d;
    if (kind != cs::DatasetKind::ImageFolders) {
        if (hasImageFolderOption(a))
            throw UsageError("--target-size, --color-mode and --interpolation apply to image "
                             "folders; " +
                             folder + " holds " + cs::datasetKindName(kind) + " data");
        const cs::Dataset set = cs::loadDataset(folder);
        d = {set.train.height, set.train.width, set.train.channels, int(set.classNames.size())};
        line = set.name + " (" + cs::datasetKindName(kind) + ")";
    } else {
        const cs::Json* shape = graph.size() ? cs::json::find(graph.node(0).config, "shape") : nullptr;
        const std::vector<int> in = shape ? cs::json::asIntVector(*shape) : std::vector<int>{};
        const cs::ImageFolderOptions o = in.size() == 3 ? imageFolderOptions(a, in[0], in[1], in[2])
                                                        : imageFolderOptions(a, 256, 256, 3);
        const cs::ImageFolderIndex index = cs::indexImageFolders(folder, o);
        d = {o.height, o.width, o.channels(), int(index.classNames.size())};
        d.loadOptions = true;
        d.classMode = o.classMode;
        line = index.name + " (image folders)";
    }
    line += ": " + std::to_string(d.height) + "x" + std::to_string(d.width) + "x" +
            std::to_string(d.channels) + ", " + std::to_string(d.classCount) + " classes";
    if (d.loadOptions) line += ", class_mode " + cs::classModeName(d.classMode);
    return d;
}

// summary MODEL --data DIR: the table, the data line, then what does not fit.
int summaryWithData(const ParsedArgs& a, const std::string& model) {
    const std::string path = architecturePath(model);
    const cs::ModelGraph graph = path.empty() ? cs::ModelGraph::fromModel(openModel(model).model)
                                              : cs::ModelGraph::fromJson(cs::json::parseFile(path));
    std::string line;
    const cs::DataShape data = boundData(a, graph, line);
    const cs::ModelReport report = cs::analyzeModel(graph, data);
    std::printf("%s", report.summary.toText().c_str());
    const bool fits = report.errorCount + report.warningCount == 0;
    std::printf("data: %s%s\n", line.c_str(), fits ? ": fits the model" : "");
    if (fits) return 0;
    printProblemList(graph, report);
    return 1;
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
    if (a.has("--data")) return summaryWithData(a, a.positional()[0]);
    if (hasImageFolderOption(a) || a.has("--class-mode"))
        throw UsageError("--target-size, --color-mode, --interpolation and --class-mode need --data");
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
