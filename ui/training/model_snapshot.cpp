#include "ui/training/model_snapshot.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
// "0.5" for per-channel values that are all equal, else "(0.485, 0.456, 0.406)".
QString channelValues(const std::vector<float>& values) {
    const bool same =
        std::all_of(values.begin(), values.end(), [&](float v) { return v == values.front(); });
    if (same) return QString::number(double(values.front()), 'g', 4);
    QStringList parts;
    for (float v : values)
        parts << QString::number(double(v), 'g', 4);
    return "(" + parts.join(", ") + ")";
}

} // namespace

QString describeModelInput(QSize original, const cs::ImageSet& pixels,
                              const cs::Preprocessing& preprocessing) {
    QStringList steps;
    const QString size = QString("%1×%2").arg(pixels.width).arg(pixels.height);
    if (original.isValid() && original != QSize(pixels.width, pixels.height))
        steps
            << QCoreApplication::translate("ui::ModelSnapshot", "resized %1×%2 → %3")
                   .arg(original.width())
                   .arg(original.height())
                   .arg(size);
    else
        steps << size;
    steps << (pixels.channels == 1 ? QCoreApplication::translate("ui::ModelSnapshot", "grey")
                                   : QStringLiteral("RGB"));
    const float rescale = preprocessing.rescale;
    if (std::abs(rescale - 1.0f / 255.0f) < 1e-7f)
        steps << "×1/255";
    else if (rescale != 1.0f)
        steps << "×" + QString::number(double(rescale), 'g', 4);
    if (!preprocessing.mean.empty()) steps << "−" + channelValues(preprocessing.mean);
    if (!preprocessing.std.empty()) steps << "÷" + channelValues(preprocessing.std);
    return steps.join(", ");
}


ModelSnapshotPtr makeSnapshot(const cs::Model& model, std::vector<std::string> classNames,
                              cs::Preprocessing preprocessing, QString source, int epoch) {
    auto s = std::make_shared<ModelSnapshot>();
    cs::Model copy = model.clone();
    // Only the values are looked at: gradient buffers would double a snapshot's memory.
    for (cs::Param* p : copy.parameters()) p->grad = cs::Tensor();
    s->model = std::make_shared<const cs::Model>(std::move(copy));
    s->classNames = std::move(classNames);
    s->preprocessing = std::move(preprocessing);
    s->source = std::move(source);
    s->epoch = epoch;
    return s;
}

} // namespace ui
