#include "tests/engine/user_text_checks.h"

namespace cs::test {

namespace {
// True when `test` holds for the places and further problems of `text`.
template <class Test> bool allParts(const UserText& text, Test test) {
    for (const UserText& place : text.places)
        if (!test(place)) return false;
    for (const UserText& next : text.more)
        if (!test(next)) return false;
    return true;
}
} // namespace

bool pathOutsideFormats(const UserText& text, const std::string& path) {
    if (text.context && text.format.find(path) != std::string::npos) return false;
    return allParts(text, [&](const UserText& part) { return pathOutsideFormats(part, path); });
}

bool pathIsArgument(const UserText& text, const std::string& path) {
    if ((!text.context && text.format == path) || text.subject == path) return true;
    for (const std::string& arg : text.args)
        if (arg.find(path) != std::string::npos) return true;
    return !allParts(text, [&](const UserText& part) { return !pathIsArgument(part, path); });
}

bool translatedPartsHaveFormats(const UserText& text) {
    if (text.context && text.format.empty()) return false;
    return allParts(text, [](const UserText& part) { return translatedPartsHaveFormats(part); });
}

} // namespace cs::test
