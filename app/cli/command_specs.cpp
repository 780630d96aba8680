// convstudio-cli specs: the engine's tables of settings (optimizers, losses,
// fit(), callbacks, augmentation) as Markdown. docs/formats.md §4.1 is this
// output between marker comments; the cli.spec_docs test keeps them equal.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"

#include "engine/training/training_specs.h"

#include <cstdio>

namespace cli {

int runSpecs(const Args& args) {
    const CommandSpec spec{"specs", "specs [--markdown]",
                           "Prints the tables of what a training run takes: the optimizers, losses,\n"
                           "compile()/fit() settings, callbacks and augmentation options, with their\n"
                           "types, ranges, defaults and meaning (the section of docs/formats.md made\n"
                           "from them).",
                           {{"--markdown", "", "Markdown tables (the default and only form)"}}};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (!a.positional().empty()) throw UsageError("unexpected argument '" + a.positional()[0] + "'");
    std::printf("%s", cs::specTablesMarkdown().c_str());
    return 0;
}

} // namespace cli
