// `convstudio-cli export MODEL --pytorch train.py`: the PyTorch training script
// (engine/interop/pytorch_script_export.h) with ConvStudio's own probabilities
// on 16 inputs written in for its --check mode.
#pragma once

#include "app/cli/cli_options.h"

#include <string>
#include <vector>

namespace cli {

// The export options this format adds (--data, the callbacks).
std::vector<OptionSpec> pytorchExportOptionSpecs();
// Writes the script; returns the exit code.
int exportPytorch(const ParsedArgs& a, const std::string& modelArg, const std::string& out);

} // namespace cli
