#include "ui/lessons/lessons_panel.h"

#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "ui/lessons/lesson_steps.h"
#include "ui/window/language.h"
#include "ui/window/main_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

namespace {
// The lessons follow the interface's language (View > Language, else the
// system's) until the person picks another one here.
QString defaultLanguage() {
    return interfaceLanguage();
}
} // namespace

LessonsPanel::LessonsPanel(MainWindow& window, const QString& folder, QWidget* parent)
    : QWidget(parent), window_(window) {
    setObjectName(QStringLiteral("lessonsPanel"));
    QSettings settings;
    language_ = settings.value("lessons/language", defaultLanguage()).toString();
    if (!lessonLanguages().contains(language_)) language_ = lessonLanguages().first();
    done_ = settings.value("lessons/done").toStringList();

    lessonBox_ = new QComboBox(this);
    lessonBox_->setObjectName(QStringLiteral("lessonList"));
    lessonBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    lessonBox_->setMinimumContentsLength(16);
    languageBox_ = new QComboBox(this);
    languageBox_->setObjectName(QStringLiteral("lessonLanguage"));
    languageBox_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    languageBox_->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    languageBox_->setCurrentIndex(languageBox_->findData(language_));
    text_ = new QTextBrowser(this);
    text_->setObjectName(QStringLiteral("lessonText"));
    text_->setOpenExternalLinks(true);
    steps_ = new QWidget(this);
    stepsLayout_ = new QVBoxLayout(steps_);
    stepsLayout_->setContentsMargins(0, 0, 0, 0);
    stepsLayout_->addStretch(1); // the steps stay at the top, whatever their number
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("lessonStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    doneBox_ = new QCheckBox(tr("Lesson done"), this);
    previous_ = new QPushButton(tr("< Previous"), this);
    next_ = new QPushButton(tr("Next >"), this);

    auto* top = new QHBoxLayout;
    top->addWidget(lessonBox_, 1);
    top->addWidget(languageBox_);
    auto* stepsTitle = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Try it")), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(doneBox_);
    bottom->addStretch(1);
    bottom->addWidget(previous_);
    bottom->addWidget(next_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(text_, 3);
    layout->addWidget(stepsTitle);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(steps_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 2);
    layout->addWidget(status_);
    layout->addLayout(bottom);

    try {
        lessons_ = loadLessons(folder);
    } catch (const cs::Error& e) {
        status_->setText(tr("The lessons could not be read: %1").arg(errorText(e)));
    }
    refreshList();
    connect(lessonBox_, &QComboBox::currentIndexChanged, this, &LessonsPanel::showLesson);
    connect(languageBox_, &QComboBox::currentIndexChanged, this,
            [this] { setLanguage(languageBox_->currentData().toString()); });
    connect(previous_, &QPushButton::clicked, this, [this] { showLesson(current_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { showLesson(current_ + 1); });
    connect(doneBox_, &QCheckBox::toggled, this, [this](bool on) {
        if (current_ >= 0) setDone(lessons_[size_t(current_)].id, on);
    });

    // Resume where the person left off.
    const QString last = settings.value("lessons/current").toString();
    int start = 0;
    for (size_t i = 0; i < lessons_.size(); ++i)
        if (lessons_[i].id == last) start = int(i);
    if (!lessons_.empty()) showLesson(start);
}

void LessonsPanel::refreshList() {
    const QSignalBlocker block(lessonBox_);
    lessonBox_->clear();
    for (const Lesson& l : lessons_)
        lessonBox_->addItem(QStringLiteral("%1. %2%3")
                                .arg(l.order)
                                .arg(l.titleIn(language_))
                                .arg(done_.contains(l.id) ? QStringLiteral("  \u2713") : QString()));
    lessonBox_->setCurrentIndex(current_);
}

void LessonsPanel::showLesson(int index) {
    if (index < 0 || index >= int(lessons_.size())) return;
    current_ = index;
    rebuild();
    remember();
}

void LessonsPanel::setLanguage(const QString& language) {
    if (!lessonLanguages().contains(language) || language == language_) return;
    language_ = language;
    {
        const QSignalBlocker block(languageBox_);
        languageBox_->setCurrentIndex(languageBox_->findData(language));
    }
    rebuild();
    remember();
}

void LessonsPanel::rebuild() {
    refreshList();
    const Lesson& l = lessons_[size_t(current_)];
    const QString chapter = tr("Course chapter");
    text_->setMarkdown(QStringLiteral("## %1\n\n*%2: %3*\n\n%4")
                           .arg(l.titleIn(language_), chapter, l.chapter, l.bodyIn(language_)));
    for (QPushButton* b : stepButtons_) b->parentWidget()->deleteLater();
    stepButtons_.clear();
    const QString tryIt = tr("Try it");
    for (int i = 0; i < int(l.steps.size()); ++i) {
        auto* row = new QWidget(steps_);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 2, 0, 2);
        auto* label = new QLabel(QStringLiteral("%1. %2").arg(i + 1).arg(l.stepIn(i, language_)), row);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto* button = new QPushButton(tryIt, row);
        button->setObjectName(QStringLiteral("lessonStep%1").arg(i + 1));
        button->setToolTip(tr("Step %1: puts the window into this state (Edit > Undo takes it back)").arg(i + 1));
        h->addWidget(label, 1);
        h->addWidget(button, 0, Qt::AlignTop);
        stepsLayout_->insertWidget(stepsLayout_->count() - 1, row);
        row->show(); // at once, not at the layout's next pass: the button can be clicked now
        stepButtons_.push_back(button);
        connect(button, &QPushButton::clicked, this, [this, i] { runStep(i); });
    }
    status_->clear();
    {
        const QSignalBlocker block(doneBox_);
        doneBox_->setChecked(done_.contains(l.id));
    }
    previous_->setEnabled(current_ > 0);
    next_->setEnabled(current_ + 1 < int(lessons_.size()));
}

bool LessonsPanel::runStep(int step) {
    if (current_ < 0 || step < 0 || step >= int(lessons_[size_t(current_)].steps.size())) return false;
    const StepOutcome outcome = runLessonStep(window_, lessons_[size_t(current_)].steps[size_t(step)]);
    status_->setText(outcome.done ? tr("Step %1 done.").arg(step + 1)
                                  : tr("Step %1 not done: %2").arg(step + 1).arg(outcome.message));
    status_->setStyleSheet(outcome.done ? QString() : QStringLiteral("color: #c0392b;"));
    Q_EMIT stepRun(step, outcome.done);
    return outcome.done;
}

QPushButton* LessonsPanel::stepButton(int step) const {
    return step >= 0 && step < int(stepButtons_.size()) ? stepButtons_[size_t(step)] : nullptr;
}

QString LessonsPanel::statusText() const { return status_->text(); }

bool LessonsPanel::isDone(const QString& lessonId) const { return done_.contains(lessonId); }

void LessonsPanel::setDone(const QString& lessonId, bool done) {
    if (done == done_.contains(lessonId)) return;
    if (done)
        done_ << lessonId;
    else
        done_.removeAll(lessonId);
    refreshList();
    if (current_ >= 0 && lessons_[size_t(current_)].id == lessonId) {
        const QSignalBlocker block(doneBox_);
        doneBox_->setChecked(done);
    }
    remember();
}

void LessonsPanel::remember() const {
    QSettings settings;
    // Only a choice that differs from the interface is kept: a later change of the
    // interface's language then takes the lessons along.
    if (language_ == defaultLanguage())
        settings.remove("lessons/language");
    else
        settings.setValue("lessons/language", language_);
    settings.setValue("lessons/done", done_);
    if (current_ >= 0) settings.setValue("lessons/current", lessons_[size_t(current_)].id);
}

} // namespace ui
