#include "ui/window/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleOption>
#include <QStyleFactory>

namespace ui {

Theme themeFromName(const QString& name) {
    if (name == "light") return Theme::Light;
    if (name == "dark") return Theme::Dark;
    return Theme::System;
}

QString themeName(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return "light";
    case Theme::Dark:
        return "dark";
    default:
        return "system";
    }
}

namespace {

QPalette lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::PlaceholderText, QColor(0x6a, 0x73, 0x7d));
    p.setColor(QPalette::Button, QColor(0xfa, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x80, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1d, 0x5e, 0xa3));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbf, 0xc6));
    p.setColor(QPalette::Dark, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe9, 0xec));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0xa1, 0xa8));
    return p;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x25, 0x27, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x21));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x29));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa3, 0xad));
    p.setColor(QPalette::Button, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Mid, QColor(0x55, 0x5a, 0x61));
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x19));
    p.setColor(QPalette::Light, QColor(0x45, 0x49, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3e, 0x44));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0c));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x74, 0x7b));
    return p;
}

// Fusion outlines a check box or radio button in the window colour made darker,
// which on a dark window is nearly black on nearly black: an unticked box all but
// disappears. On dark palettes the indicator gets a ring in the text colour
// (at about 3:1 contrast with the window, as WCAG asks of controls).
class LegibleIndicatorStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton ||
                               element == PE_IndicatorItemViewItemCheck;
        if (!indicator || option->palette.color(QPalette::Window).lightness() >= 128) return;
        QColor ring = option->palette.color(QPalette::Text);
        ring.setAlphaF((option->state & State_Enabled) ? 0.6f : 0.3f);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(ring, 1.0));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = QRectF(option->rect).adjusted(1.5, 1.5, -1.5, -1.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(box);
        else
            painter->drawRoundedRect(box, 2, 2);
        painter->restore();
    }
};

} // namespace

void applyTheme(Theme theme) {
    QApplication::setStyle(new LegibleIndicatorStyle(QStyleFactory::create("Fusion")));
    switch (theme) {
    case Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    default:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    }
}

} // namespace ui
