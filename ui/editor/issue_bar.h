// IssueBar: the strip above the model canvas that says what is wrong with the
// model in a person's words ("dense (Dense): Dense needs a flat input …"),
// which layer it is (a link that selects it), and offers the quick fixes as
// buttons. Hidden while the model is fine.
#pragma once

#include "ui/window/card_frame.h"

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace ui {

class ProjectDocument;

class IssueBar : public CardFrame {
    Q_OBJECT
public:
    explicit IssueBar(ProjectDocument* document, QWidget* parent = nullptr);
    QString message() const;
    QList<QPushButton*> fixButtons() const;

private:
    void refresh();

    ProjectDocument* document_;
    QLabel* icon_;
    QLabel* message_;
    QHBoxLayout* buttons_;
};

} // namespace ui
