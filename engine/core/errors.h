// Typed exceptions thrown at the engine's API edge.
//
// Each carries a message a person can act on ("conv2d: kernel_size 5 is larger
// than the 3x3 input"). The CLI shows what() as is; the GUI shows text(),
// translated when the message was made with CS_TEXT (user_text.h). Internal
// invariants use assert() instead.
#pragma once

#include "engine/core/user_text.h"

#include <stdexcept>
#include <string>

namespace cs {

// Base of every engine error, so a caller can catch them all in one place.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message)
        : std::runtime_error(message), text_(UserText::verbatim(message)) {}
    explicit Error(const char* message) : Error(std::string(message)) {}
    // A message a translated interface shows in its language.
    explicit Error(UserText text) : std::runtime_error(text.english()), text_(std::move(text)) {}

    const UserText& text() const { return text_; }

private:
    UserText text_;
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

// What any exception says, as a text a front end can show: an engine error's
// own (translatable) text, or what() as it is (a bad_alloc, a library's error).
inline UserText textOf(const std::exception& e) {
    if (const auto* error = dynamic_cast<const Error*>(&e)) return error->text();
    return UserText::verbatim(e.what());
}

} // namespace cs
