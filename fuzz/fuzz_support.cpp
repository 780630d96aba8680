#include "fuzz/fuzz_support.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fuzz {

namespace {

[[noreturn]] void scratchFailure(const std::string& what) {
    std::fprintf(stderr, "fuzz harness: %s: %s\n", what.c_str(), std::strerror(errno));
    std::abort();
}

// One private folder per process, so parallel fuzzing jobs never share files.
class ScratchRoot {
public:
    ScratchRoot() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/convstudio-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) scratchFailure("cannot create " + pattern);
        path_ = pattern;
    }
    ~ScratchRoot() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

const std::string& scratchRoot() {
    static ScratchRoot root;
    return root.path();
}

} // namespace

std::vector<Bytes> splitSections(Bytes input) {
    std::vector<Bytes> sections;
    for (;;) {
        const size_t at = input.find(kSectionMarker);
        sections.push_back(input.substr(0, at));
        if (at == Bytes::npos) return sections;
        input.remove_prefix(at + kSectionMarker.size());
    }
}

std::string freshFolder(const std::string& name) {
    const std::string folder = scratchRoot() + "/" + name;
    std::error_code ec;
    fs::remove_all(folder, ec);
    if (!fs::create_directory(folder, ec)) scratchFailure("cannot create " + folder);
    return folder;
}

void noteOutcome(const char* error) {
    static const bool verbose = [] {
        const char* env = std::getenv("FUZZ_VERBOSE");
        return env && *env && *env != '0';
    }();
    if (verbose) std::fprintf(stderr, "  %s\n", error ? error : "loaded");
}

void writeFile(const std::string& path, Bytes content) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) scratchFailure("cannot write " + path);
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    if (std::fclose(f) != 0 || !ok) scratchFailure("cannot write " + path);
}

} // namespace fuzz
