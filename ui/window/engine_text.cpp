#include "ui/window/engine_text.h"

#include "engine/core/errors.h"

#include <QCoreApplication>

namespace ui {

QString engineText(const cs::UserText& text) {
    if (text.empty()) return {};
    QString message;
    if (text.context) {
        const QByteArray format =
            QCoreApplication::translate(text.context, text.format.c_str()).toUtf8();
        std::vector<std::string> args = text.args;
        for (size_t i = 0; i < args.size() && i < text.argContexts.size(); ++i)
            if (text.argContexts[i])
                args[i] = QCoreApplication::translate(text.argContexts[i], args[i].c_str())
                              .toStdString();
        for (size_t i = 0; i < text.nested.size() && i < text.nestedAt.size(); ++i)
            if (text.nestedAt[i] < args.size())
                args[text.nestedAt[i]] = engineText(text.nested[i]).toStdString();
        message = QString::fromStdString(cs::UserText::fill(format.toStdString(), args));
    } else {
        message = QString::fromStdString(text.message());
    }
    if (!text.subject.empty()) message = QString::fromStdString(text.subject) + ": " + message;
    QString places;
    for (const cs::UserText& place : text.places)
        places += engineText(place) + ": ";
    for (const cs::UserText& next : text.more)
        message += "; " + engineText(next);
    return places + message;
}

QString specText(const char* context, const std::string& text) {
    return text.empty() ? QString() : QCoreApplication::translate(context, text.c_str());
}

QString errorText(const std::exception& error) {
    return engineText(cs::textOf(error));
}

} // namespace ui
