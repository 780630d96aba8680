// What the translatable-message tests ask of a cs::UserText (engine/core/user_text.h):
// where a file's path sits, and whether every part the window shows goes through
// the translations. Each walks the text's places and its further problems ("more").
#pragma once

#include "engine/core/user_text.h"

#include <string>

namespace cs::test {

// True when no translated format of `text` (its own, a place's, a further
// problem's) holds `path`: the path must never be looked up in the translations.
bool pathOutsideFormats(const UserText& text, const std::string& path);

// True when `path` is the subject, an argument or a place shown as it is.
bool pathIsArgument(const UserText& text, const std::string& path);

// True when every part that is looked up in the translations has a format.
bool translatedPartsHaveFormats(const UserText& text);

} // namespace cs::test
