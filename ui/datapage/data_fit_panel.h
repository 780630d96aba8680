// DataFitPanel: the strip at the top of the Data page that says what does not
// fit between the model and the data set ("The images are loaded at 64×64×3
// but the input takes 150×150×3 …", a class mode that does not suit the
// output, another number of classes) with the same fix buttons as the Model
// page: the data's (load the images at 150×150 RGB, read the labels as
// binary) and the model's (set the input, the head's units). It reads the
// document's report, so it follows every model edit and every data change;
// hidden while model and data fit.
#pragma once

#include "ui/window/card_frame.h"
#include <QList>
#include <QStringList>

class QPushButton;
class QVBoxLayout;

namespace ui {

class ProjectDocument;

class DataFitPanel : public CardFrame {
    Q_OBJECT
public:
    explicit DataFitPanel(ProjectDocument* document, QWidget* parent = nullptr);

    QStringList messages() const; // one per mismatch, as read ("input: The images are …")
    QList<QPushButton*> fixButtons() const;

private:
    void refresh();

    ProjectDocument* document_;
    QVBoxLayout* rows_;
};

} // namespace ui
