// What the fuzz harnesses share (see docs/testing.md).
//
// Each harness is one LLVMFuzzerTestOneInput(data, size) that hands the bytes
// to a real engine loader. The same source builds twice: with libFuzzer
// (scripts/fuzz.sh, clang) and with replay_main.cpp, a plain main() that feeds
// every file of a corpus folder to the same entry (the ctest corpus replay).
//
// The loaders read files, so the harnesses write the bytes into a scratch
// folder of their own (under $TMPDIR, removed at exit). Inputs that stand for
// several files (an IDX or CIFAR-10 folder) are split at kSectionMarker.
// A typed cs::Error is the outcome a loader promises for bad input, so it is
// caught; anything else (a crash, a sanitizer report, another exception, a huge
// allocation, a hang) is a finding.
#pragma once

#include "engine/core/errors.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fuzz {

using Bytes = std::string_view;

// Separates the files of a multi-file input ("<file 1>-=FILE=-<file 2>...").
inline constexpr std::string_view kSectionMarker = "-=FILE=-";

// The input as text/bytes.
inline Bytes asBytes(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The parts of the input between markers; always at least one (maybe empty).
std::vector<Bytes> splitSections(Bytes input);

// A folder of this process under the scratch root, emptied on every call:
// "<root>/<name>". The root is created on first use and removed at exit.
std::string freshFolder(const std::string& name);

// Writes `content` to `path` (replacing it); aborts if the scratch disk fails,
// since a harness that silently tests nothing is worse than one that stops.
void writeFile(const std::string& path, Bytes content);

// With FUZZ_VERBOSE=1 in the environment, prints each load's outcome ("loaded"
// or the error) to stderr: how to check that seeds get past the first checks.
void noteOutcome(const char* error);

// Runs `load`, treating the engine's typed errors as the expected outcome.
template <class Load>
void expectTypedErrors(Load&& load) {
    try {
        load();
        noteOutcome(nullptr);
    } catch (const cs::Error& e) {
        noteOutcome(e.what());
    }
}

} // namespace fuzz
