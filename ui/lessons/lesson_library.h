// The course's lessons as data: one JSON file per lesson under
// resources/lessons/ (built into the app as :/lessons), each with its text in
// English and Spanish and the "Try it" steps that put the window into the
// lesson's state. Adding a lesson is adding a file; nothing here knows a
// lesson by name. The format is described in docs/user-guide.md ("Lessons").
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace ui {

// The languages every lesson is written in; the first is the fallback.
QStringList lessonLanguages(); // {"en", "es"}

struct LessonStep {
    QString action;            // what the step does to the window: "page", "preset" ... (lesson_steps.h)
    QJsonObject arguments;     // the action's own members
    QMap<QString, QString> say; // per language: what to do and what to look at
};

struct Lesson {
    QString id;       // the file name without ".json": also the key of its progress
    int order = 0;    // position in the list (the course's order)
    QString chapter;  // the course chapter it follows, by its (Spanish) title
    QMap<QString, QString> title; // per language
    QMap<QString, QString> body;  // per language, Markdown
    std::vector<LessonStep> steps;

    QString titleIn(const QString& language) const;
    QString bodyIn(const QString& language) const;
    QString stepIn(int step, const QString& language) const;
};

// Every *.json file of `folder` (":/lessons" for the ones built in), sorted by
// order. Throws cs::FormatError naming the file and the member when a file is
// not a complete lesson in every language; a folder with no lesson yields none.
std::vector<Lesson> loadLessons(const QString& folder = QStringLiteral(":/lessons"));
Lesson parseLesson(const QByteArray& json, const QString& fileName);

} // namespace ui
