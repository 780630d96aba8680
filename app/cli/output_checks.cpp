#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"
#include "engine/io/output_path.h"

#include <filesystem>

namespace cli {

void checkOutputFile(const ParsedArgs& a, const std::string& option) {
    if (a.has(option)) cs::checkCanWriteAtomically(a.get(option));
}

void checkOutputFolder(const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw cs::IoError(folder + ": cannot create the folder: " + ec.message());
    cs::checkCanCreateFilesIn(folder, folder);
}

} // namespace cli
