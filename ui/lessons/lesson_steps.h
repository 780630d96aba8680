// Runs a lesson's "Try it" step against the real window. Every change to the
// project goes through the document, so it is one undo step like any other
// edit; the Playground's settings are the page's own (not part of a project).
//
// The actions (arguments beside "action" and "say" in a lesson file):
//   page        {"page": "model|data|train|inspect|classify|playground"}
//   preset      {"preset": "<course preset name>"}            the model, replaced
//   dataset     {"folder": "<usual folder name>", "data": {<project "data" members>}}
//               "fashion-mnist" is Debian's package; other folders are looked
//               for where people keep data sets (datasetSearchPaths()).
//   training    {"settings": {<project "training" members to change>}}
//   augmentation{"settings": {<Keras ImageDataGenerator names>}}  the whole set
//   select      {"layer": "<layer name>"}                     shown in the Model page
//   playground  {"mode": "convolution|pooling", "input": "example|photo",
//                "kernel": "<kernel preset>", "padding": "valid|same|full",
//                "strides": [rows, cols], "pool": {"kind": "max|average",
//                "size": [rows, cols], "strides": [rows, cols], "padding": ...}}
#pragma once

#include "ui/lessons/lesson_library.h"

#include <QString>
#include <QStringList>

namespace ui {

class MainWindow;

struct StepOutcome {
    bool done = false;
    QString message; // why not, what the user should do instead (empty when done)
};

QStringList lessonActions(); // the action names above

// Applies the step; never throws (a broken step or a missing data set is an outcome).
StepOutcome runLessonStep(MainWindow& window, const LessonStep& step);

// Where a lesson looks for a data set folder by name, in order: each folder of
// $CONVSTUDIO_DATASETS (':'-separated), the folder beside the data set in use,
// ~/datasets, ~/Downloads, /usr/share/datasets.
QStringList datasetSearchPaths(const MainWindow& window);
QString findDatasetFolder(const MainWindow& window, const QString& name);

} // namespace ui
