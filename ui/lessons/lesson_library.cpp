#include "ui/lessons/lesson_library.h"

#include "engine/core/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

// Q_INIT_RESOURCE must be used outside any namespace; the lessons live in the
// static ui library, where the linker would otherwise drop them.
static void initLessonResources() {
    Q_INIT_RESOURCE(lessons);
}

namespace ui {

QStringList lessonLanguages() { return {QStringLiteral("en"), QStringLiteral("es")}; }

namespace {

[[noreturn]] void refuse(const QString& file, const QString& what) {
    throw cs::FormatError((file + ": " + what).toStdString());
}

// {"en": "...", "es": "..."}: every language present and not blank.
QMap<QString, QString> texts(const QJsonObject& o, const QString& key, const QString& file) {
    const QJsonValue v = o.value(key);
    if (!v.isObject()) refuse(file, "\"" + key + "\" must be an object with a text per language");
    QMap<QString, QString> out;
    for (const QString& language : lessonLanguages()) {
        const QJsonValue t = v.toObject().value(language);
        // A long text may be written as an array of lines (JSON has no multi-line strings).
        QString text;
        if (t.isArray()) {
            QStringList lines;
            for (const QJsonValue& line : t.toArray()) lines << line.toString();
            text = lines.join('\n');
        } else {
            text = t.toString();
        }
        if (text.trimmed().isEmpty()) refuse(file, "\"" + key + "\" has no \"" + language + "\" text");
        out.insert(language, text);
    }
    return out;
}

QString pick(const QMap<QString, QString>& m, const QString& language) {
    return m.value(language, m.value(lessonLanguages().first()));
}

} // namespace

QString Lesson::titleIn(const QString& language) const { return pick(title, language); }
QString Lesson::bodyIn(const QString& language) const { return pick(body, language); }
QString Lesson::stepIn(int step, const QString& language) const {
    return pick(steps.at(size_t(step)).say, language);
}

Lesson parseLesson(const QByteArray& json, const QString& fileName) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        refuse(fileName, "not valid JSON at offset " + QString::number(error.offset) + ": " +
                             error.errorString());
    if (!doc.isObject()) refuse(fileName, "a lesson is a JSON object");
    const QJsonObject o = doc.object();
    Lesson lesson;
    lesson.id = QFileInfo(fileName).completeBaseName();
    lesson.order = o.value("order").toInt(0);
    if (lesson.order <= 0) refuse(fileName, "\"order\" must be a positive integer");
    lesson.chapter = o.value("chapter").toString();
    if (lesson.chapter.isEmpty()) refuse(fileName, "\"chapter\" (the course chapter it follows) is missing");
    lesson.title = texts(o, "title", fileName);
    lesson.body = texts(o, "body", fileName);
    const QJsonValue steps = o.value("steps");
    if (!steps.isArray() || steps.toArray().isEmpty())
        refuse(fileName, "\"steps\" must list at least one \"Try it\" step");
    int index = 0;
    for (const QJsonValue& s : steps.toArray()) {
        ++index;
        const QString where = fileName + ", step " + QString::number(index);
        if (!s.isObject()) refuse(where, "a step is an object");
        LessonStep step;
        step.arguments = s.toObject();
        step.action = step.arguments.take("action").toString();
        if (step.action.isEmpty()) refuse(where, "\"action\" is missing");
        step.say = texts(step.arguments, "say", where);
        step.arguments.remove("say");
        lesson.steps.push_back(std::move(step));
    }
    return lesson;
}

std::vector<Lesson> loadLessons(const QString& folder) {
    static const bool resourcesReady = (initLessonResources(), true);
    (void)resourcesReady;
    std::vector<Lesson> lessons;
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            refuse(dir.filePath(name), "cannot be read: " + file.errorString());
        lessons.push_back(parseLesson(file.readAll(), dir.filePath(name)));
    }
    std::stable_sort(lessons.begin(), lessons.end(),
                     [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
    for (size_t i = 1; i < lessons.size(); ++i)
        if (lessons[i].order == lessons[i - 1].order)
            refuse(dir.filePath(lessons[i].id + ".json"),
                   "has the same \"order\" as " + lessons[i - 1].id + ".json");
    return lessons;
}

} // namespace ui
