// How much one input (a model file, an architecture, a data set, an image) may
// make the engine allocate. A tiny hostile file can claim a 30000x30000 image,
// a Dense layer of a million units or four gigabytes of IDX pixels; the
// readers compare what the input claims with these limits before allocating
// and refuse it with a ResourceError that states the figure and the limit.
//
//   CONVSTUDIO_MEMORY_LIMIT     bytes one model's parameters, one batch's
//                               activations or one data set may take
//                               (default 2 GB; "4G", "500M", "3GiB", "unlimited")
//   CONVSTUDIO_MAX_IMAGE_PIXELS pixels of one image file, from its header
//                               (default 100 megapixels; "250M", "unlimited")
//
// Both are read from the environment at each check, so a program (or a test)
// may change them between calls; a malformed value is a ConfigError.
#pragma once

#include "engine/core/user_text.h"

#include <cstdint>
#include <string>

namespace cs {

inline constexpr uint64_t kDefaultMemoryLimit = 2'000'000'000;
inline constexpr uint64_t kDefaultMaxImagePixels = 100'000'000;
inline constexpr uint64_t kUnlimited = UINT64_MAX;

// The limits in force (kUnlimited when switched off).
uint64_t memoryLimitBytes();
uint64_t maxImagePixels();

// Throws ResourceError(need) when bytes exceed the memory limit. `need` is a
// whole translatable sentence whose %1 is the amount needed ("2.8 GB") and %2
// the limit ("2 GB"); the caller's own arguments, given before the call,
// follow as %3, %4 ...:
//   checkMemoryLimit(bytes, CS_TEXT("cs::Model", "the model needs %1 for its %3 parameters, "
//                                   "over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)").arg(count));
void checkMemoryLimit(uint64_t bytes, UserText need);

// 2840000000 -> "2.8 GB", 1987 -> "2 kB" (decimal units, as disks are sold).
std::string formatBytes(uint64_t bytes);
// 1987 -> "1,987": an exact count, digits grouped by three.
std::string formatCount(uint64_t n);

// a * b, or kUnlimited when it would overflow: sizes claimed by files multiply
// without wrapping around to something small.
uint64_t saturatingMultiply(uint64_t a, uint64_t b);
uint64_t saturatingAdd(uint64_t a, uint64_t b);

// "4G", "500MB", "3GiB", "2000000000", "unlimited" -> bytes (or a plain count);
// ConfigError naming `variable` when the text is not such a size.
uint64_t parseSizeSetting(const std::string& text, const std::string& variable);

} // namespace cs
