// Random model graphs for the converter tests: every layer type, chains and
// graphs (Add of two or three branches, Concatenate), 'valid' and 'same'
// windows with strides that leave uneven padding, and heads that put a
// Flatten before a Dense directly, through Dropout/Activation, through a
// BatchNormalization, or into two Dense branches that are added.
//
//   Model m = Model::fromJson(randomArchitecture(seed)); m.build(seed);
#pragma once

#include "engine/io/json.h"

#include <cstdint>

namespace cs::test {

// The same seed gives the same architecture on every machine (splitmix64 draws).
Json randomArchitecture(uint64_t seed);

} // namespace cs::test
