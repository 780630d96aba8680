// CardFrame: a rounded, tinted panel (the issue bar, the Data page's fit strip, the
// first-start panel), painted by the frame itself rather than by a style sheet: a
// style sheet fixes its children's palettes when it is applied, so after View > Theme
// their text kept the old theme's colour (white on the light background).
#pragma once

#include <QColor>
#include <QFrame>

namespace ui {

class CardFrame : public QFrame {
    Q_OBJECT
public:
    explicit CardFrame(QWidget* parent = nullptr);
    // A tint of `colour` with `colour` as its border (a warning, an error); without one,
    // the palette's alternate base and mid colours, so the card follows the theme.
    void setColour(const QColor& colour);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor colour_; // invalid: the palette's colours
};

} // namespace ui
