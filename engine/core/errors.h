// Typed exceptions thrown at the engine's API edge.
//
// Each carries a message a person can act on ("conv2d: kernel_size 5 is larger
// than the 3x3 input"). Callers (CLI, GUI) show what() as is; internal
// invariants use assert() instead.
#pragma once

#include <stdexcept>
#include <string>

namespace cs {

// Base of every engine error, so a caller can catch them all in one place.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A layer or model received a shape it cannot work with.
class ShapeError : public Error {
public:
    using Error::Error;
};

// A file or text is not in the expected format (JSON, safetensors, IDX, ...).
class FormatError : public Error {
public:
    using Error::Error;
};

// A data set is missing, empty or inconsistent (counts, labels, folders).
class DataError : public Error {
public:
    using Error::Error;
};

// A configuration value is out of range or unknown (an option, a layer attribute).
class ConfigError : public Error {
public:
    using Error::Error;
};

// The operating system refused a file operation.
class IoError : public Error {
public:
    using Error::Error;
};

// An input would need more memory or pixels than the limits allow
// (core/resource_limits.h): refused before anything is allocated.
class ResourceError : public Error {
public:
    using Error::Error;
};

} // namespace cs
