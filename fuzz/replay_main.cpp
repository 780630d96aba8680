// The corpus replay: a plain main() for a fuzz harness, so that any compiler
// (gcc on CI, no libFuzzer) runs every input of a corpus through the same
// LLVMFuzzerTestOneInput as the fuzzer does. ctest runs it on fuzz/corpus/<harness>.
//
//   fuzz_replay_idx FILE_OR_FOLDER...
//
// Folders are read recursively, files in sorted order (deterministic). It
// fails (exit 1) when no input was found, so a wrong path cannot pass
// silently; a finding ends the process the way it would under the fuzzer
// (crash, abort, uncaught exception), and so does an allocation over 1 GiB
// (replay_malloc_limit.cpp).
#include "fuzz/fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputsOf(const fs::path& argument) {
    std::vector<fs::path> files;
    if (fs::is_directory(argument)) {
        for (const auto& entry : fs::recursive_directory_iterator(argument))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(argument)) {
        files.push_back(argument);
    } else {
        std::fprintf(stderr, "%s: no such file or folder\n", argument.c_str());
        std::exit(1);
    }
    return files;
}

std::string contentOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        std::fprintf(stderr, "%s: cannot read\n", file.c_str());
        std::exit(1);
    }
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE_OR_FOLDER...\n", argv[0]);
        return 2;
    }
    size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path& file : inputsOf(argv[i])) {
            // Named before the run, so a crash's output says which input it was.
            std::fprintf(stderr, "replaying %s\n", file.c_str());
            const std::string bytes = contentOf(file);
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    std::printf("%zu inputs replayed without a finding\n", replayed);
    return replayed > 0 ? 0 : 1;
}
