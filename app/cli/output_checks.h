// The outputs of a command checked before it does its work, so a path that
// cannot be written (a missing or read-only folder, a full disk, a device or
// fifo in the file's place) fails at once, with the path named, instead of
// after a long computation or a whole training run. Exit code 1 (IoError).
#pragma once

#include "app/cli/cli_options.h"

#include <string>

namespace cli {

// The file of `option` (e.g. "--out"), when given, can be saved atomically.
void checkOutputFile(const ParsedArgs& a, const std::string& option);
// `folder` exists (created here if needed) and takes new files.
void checkOutputFolder(const std::string& folder);

} // namespace cli
