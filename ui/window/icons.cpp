#include "ui/window/icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

// Q_INIT_RESOURCE must be used outside any namespace; the resources live in
// the static ui library, where the linker would otherwise drop them.
static void initConvStudioResources() {
    Q_INIT_RESOURCE(convstudio);
}

namespace ui {

void initResources() {
    static bool done = false;
    if (!done) initConvStudioResources();
    done = true;
}

QIcon themedIcon(const QString& name, const QPalette& palette) {
    QFile file(":/icons/" + name + ".svg");
    if (!file.open(QIODevice::ReadOnly)) return {};
    QByteArray svg = file.readAll();
    QIcon icon;
    const struct {
        QIcon::Mode mode;
        QColor color;
    } modes[] = {{QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText)},
                 {QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText)}};
    for (const auto& m : modes) {
        QByteArray coloured = svg;
        coloured.replace("currentColor", m.color.name().toUtf8());
        if (m.mode == QIcon::Disabled) coloured.replace("<svg ", "<svg opacity=\"0.4\" ");
        QSvgRenderer renderer(coloured);
        for (int side : {16, 20, 24, 32, 48, 64}) {
            QPixmap pixmap(side, side);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            renderer.render(&p);
            p.end();
            icon.addPixmap(pixmap, m.mode);
        }
    }
    return icon;
}

QIcon applicationIcon() {
    initResources();
    return QIcon(":/icons/convstudio.svg");
}

} // namespace ui
