#include "engine/core/user_text.h"

namespace cs {

std::string UserText::english() const {
    std::string out;
    for (const UserText& place : places)
        out += place.english() + ": ";
    if (!subject.empty()) out += subject + ": ";
    out += message();
    for (const UserText& next : more)
        out += "; " + next.english();
    return out;
}

std::string UserText::fill(const std::string& format, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(format.size());
    for (size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c == '%' && i + 1 < format.size() && format[i + 1] >= '1' && format[i + 1] <= '9') {
            const size_t k = size_t(format[i + 1] - '1');
            if (k < args.size()) {
                out += args[k];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace cs
