// PlaceholderPage: a page whose tools arrive later (Train, Inspect, Classify,
// Playground until the next GUI issue): its icon, title and a sentence on
// what it will do, so a newcomer knows what to expect there.
#pragma once

#include <QWidget>

class QLabel;

namespace ui {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QIcon& icon, const QString& title, const QString& text,
                    QWidget* parent = nullptr);
    void setIcon(const QIcon& icon);

private:
    QLabel* picture_;
};

} // namespace ui
