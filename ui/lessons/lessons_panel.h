// LessonsPanel (Help > Lessons, docked beside the pages): the course chapter
// by chapter. It shows one lesson's explanation in the chosen language and its
// "Try it" steps, each a button that puts the window into the lesson's state
// (lesson_steps.h) and says what to look at. Which lesson is open, which ones
// are done and the language are remembered (QSettings "lessons/..."), so a
// lesson can be left and resumed.
#pragma once

#include "ui/lessons/lesson_library.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace ui {

class MainWindow;

class LessonsPanel : public QWidget {
    Q_OBJECT
public:
    // `folder`: where the lesson files are (":/lessons": the ones built in).
    explicit LessonsPanel(MainWindow& window, const QString& folder = QStringLiteral(":/lessons"),
                          QWidget* parent = nullptr);

    const std::vector<Lesson>& lessons() const { return lessons_; }
    int currentLesson() const { return current_; }
    void showLesson(int index);
    QString language() const { return language_; }
    void setLanguage(const QString& language); // "en", "es"

    // Runs step `step` of the lesson shown, as its "Try it" button does.
    bool runStep(int step);
    QPushButton* stepButton(int step) const;
    QString statusText() const; // the last step's outcome, or why the lessons did not load

    bool isDone(const QString& lessonId) const;
    void setDone(const QString& lessonId, bool done);

Q_SIGNALS:
    void stepRun(int step, bool done);

private:
    void rebuild();
    void refreshList();
    void remember() const;

    MainWindow& window_;
    std::vector<Lesson> lessons_;
    int current_ = -1;
    QString language_;
    QStringList done_;
    QComboBox* lessonBox_;
    QComboBox* languageBox_;
    QTextBrowser* text_;
    QVBoxLayout* stepsLayout_;
    QWidget* steps_;
    std::vector<QPushButton*> stepButtons_;
    QLabel* status_;
    QCheckBox* doneBox_;
    QPushButton* previous_;
    QPushButton* next_;
};

} // namespace ui
