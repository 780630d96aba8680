// GettingStartedPanel: the "what next" panel at the top of the Model page on
// the first start: 1 pick a course preset or build from the palette, 2 train
// (on Fashion-MNIST, the data set a new project loads), 3 look inside and
// classify, plus the course's lessons. Each button only asks (signals or the
// preset menu given to it); MainWindow does the work. Closing it is
// remembered in QSettings (kDismissedKey); Help > Getting Started shows it again.
#pragma once

#include "ui/window/card_frame.h"

class QAbstractButton;
class QMenu;
class QToolButton;
class QPushButton;

namespace ui {

class GettingStartedPanel : public CardFrame {
    Q_OBJECT
public:
    static constexpr const char* kDismissedKey = "help/gettingStartedDismissed";

    // presets: File > New from Course Preset, dropped down by step 1's button.
    explicit GettingStartedPanel(QMenu* presets, QWidget* parent = nullptr);

    // Shown unless a person closed it (QSettings).
    static bool dismissed();
    // Shows it and forgets an earlier close (Help > Getting Started).
    void reopen();

    QAbstractButton* presetButton() const;
    QAbstractButton* paletteButton() const;
    QAbstractButton* trainButton() const;
    QAbstractButton* inspectButton() const;
    QAbstractButton* classifyButton() const;
    QAbstractButton* lessonsButton() const;
    QAbstractButton* closeButton() const;

Q_SIGNALS:
    void paletteRequested();
    void trainRequested();
    void inspectRequested();
    void classifyRequested();
    void lessonsRequested();

private:
    QPushButton *presets_, *palette_, *train_, *inspect_, *classify_, *lessons_;
    QToolButton* close_;
};

} // namespace ui
