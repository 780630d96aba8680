// A text the engine shows a person (a model's problem, a quick fix's label,
// a layer's help), kept in a form a front end can translate. The engine stays
// English and Qt-free: the message is an English format with numbered
// placeholders, its arguments (names, numbers, shapes: never translated) kept
// apart, and the layer or file it is about as an optional subject.
//
//   UserText t = CS_TEXT("cs::Model", "The output has %1 units but the data set has %2 classes");
//   t.arg(units).arg(classes);
//   t.english();   // "The output has 12 units but the data set has 10 classes"
//
// CS_TEXT(context, format) also marks the literal for Qt's lupdate, which is told
// to read it as QT_TRANSLATE_NOOP (translations/translations.cmake); the GUI translates
// `format` in `context` with QCoreApplication::translate before filling in the
// arguments (ui/window/engine_text.h). A text made from a plain string has no
// context and is shown as it is.
//
// An error caught and passed on with the place it happened in front
// ("model.json: key 'layers': item 2: expected an object, found a string")
// keeps its own text and gains the places, each translated on its own:
//
//   throw FormatError(e.text().within(CS_TEXT("cs::Files", "key '%1'").arg(key)));
//   throw FormatError(e.text().within(path)); // a path, shown as is
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct UserText {
    const char* context = nullptr; // lupdate context of `format`; null: shown as is
    std::string format;            // English; %1 .. %9 stand for args
    std::vector<std::string> args;
    // For each of args, the context a front end translates it in, or null (the
    // usual case: a name, number or shape is kept as is). Only a word the engine
    // marked with CS_NOOP has one, such as a JSON type ("a number").
    std::vector<const char*> argContexts;
    std::string subject; // "dense (Dense)": shown before the message as "subject: "
    // Where it happened, outermost first (a file, a key, an item): shown before
    // the subject, each followed by ": ".
    std::vector<UserText> places;
    // Further problems of a list, each shown after "; " (the Keras importer's
    // "not supported by ConvStudio: layer 'a' ...; layer 'b' ...").
    std::vector<UserText> more;
    // Arguments that are texts of their own (an image header's problem inside
    // "a JPEG image whose size cannot be read: %2"): args keeps their English,
    // a front end shows nested[i] translated in place of args[nestedAt[i]].
    std::vector<UserText> nested;
    std::vector<size_t> nestedAt;

    UserText() = default;
    UserText(const char* context_, std::string format_)
        : context(context_), format(std::move(format_)) {}
    static UserText verbatim(std::string text) { return UserText(nullptr, std::move(text)); }

    UserText& arg(std::string value) {
        args.push_back(std::move(value));
        argContexts.push_back(nullptr);
        return *this;
    }
    // An English word marked with CS_NOOP(termContext, term), translated like the
    // format: "expected %1, found %2" with "a number" and "a string".
    UserText& termArg(const char* termContext, const char* term) {
        args.push_back(term);
        argContexts.push_back(termContext);
        return *this;
    }
    UserText& arg(const char* value) { return arg(std::string(value)); }
    UserText& arg(int64_t value) { return arg(std::to_string(value)); }
    UserText& arg(int value) { return arg(std::to_string(value)); }
    UserText& arg(const UserText& text) {
        arg(text.english());
        nestedAt.push_back(args.size() - 1);
        nested.push_back(text);
        return *this;
    }
    UserText& about(std::string who) {
        subject = std::move(who);
        return *this;
    }

    // A copy with `place` in front of the places it already has.
    UserText within(UserText place) const {
        UserText out = *this;
        out.places.insert(out.places.begin(), std::move(place));
        return out;
    }
    // A file's path (or another name that is never translated) in front.
    UserText within(std::string name) const { return within(verbatim(std::move(name))); }

    bool empty() const { return format.empty(); }
    // The message alone (arguments filled in), without the subject.
    std::string message() const { return fill(format, args); }
    // What the CLI prints and what() says: "place: ... subject: message; more ...".
    std::string english() const;

    // Replaces %1 .. %9 in `format` by args[0] .. args[8] in one pass (a value
    // that contains "%2" is not replaced again).
    static std::string fill(const std::string& format, const std::vector<std::string>& args);
};

} // namespace cs

// Marks an English format for translation (lupdate reads it as QT_TRANSLATE_NOOP).
#define CS_TEXT(context, format) ::cs::UserText(context, format)
// Marks a literal kept as a plain string (a layer's or optimizer's help) for
// translation; the GUI translates it in `context` ("cs::LayerSpec", "cs::OptimizerSpec").
#define CS_NOOP(context, text) text
