#include "ui/editor/layer_style.h"

#include "engine/layers/layer_registry.h"
#include "engine/model/model_summary.h"

#include <QCoreApplication>
#include <QObject>

namespace ui {

QStringList paletteCategories() {
    return {"convolution",   "pooling",    "core", "regularisation",
            "normalisation", "activation", "merge"};
}

QString categoryTitle(const QString& category) {
    // The palette's headings, in the interface's language.
    static const char* const titles[][2] = {
        {"input", QT_TRANSLATE_NOOP("ui::LayerPalette", "Input")},
        {"convolution", QT_TRANSLATE_NOOP("ui::LayerPalette", "Convolution")},
        {"pooling", QT_TRANSLATE_NOOP("ui::LayerPalette", "Pooling")},
        {"core", QT_TRANSLATE_NOOP("ui::LayerPalette", "Core")},
        {"regularisation", QT_TRANSLATE_NOOP("ui::LayerPalette", "Regularisation")},
        {"normalisation", QT_TRANSLATE_NOOP("ui::LayerPalette", "Normalisation")},
        {"activation", QT_TRANSLATE_NOOP("ui::LayerPalette", "Activation")},
        {"merge", QT_TRANSLATE_NOOP("ui::LayerPalette", "Merge")},
    };
    for (const auto& [key, title] : titles)
        if (category == QLatin1String(key)) return QCoreApplication::translate("ui::LayerPalette", title);
    if (category.isEmpty()) return category;
    return category.left(1).toUpper() + category.mid(1);
}

QColor categoryColor(const QString& category) {
    // Mid-tone hues that read on light and dark backgrounds alike.
    if (category == "input") return QColor(0x6b, 0x7b, 0x8c);
    if (category == "convolution") return QColor(0x2f, 0x80, 0xd0);
    if (category == "pooling") return QColor(0x1f, 0xa0, 0x8a);
    if (category == "core") return QColor(0x8a, 0x5c, 0xd6);
    if (category == "regularisation") return QColor(0xd9, 0x8a, 0x1c);
    if (category == "normalisation") return QColor(0xc2, 0x4f, 0x9a);
    if (category == "activation") return QColor(0xd0, 0x5a, 0x3a);
    if (category == "merge") return QColor(0x4f, 0x9a, 0x3a);
    return QColor(0x80, 0x80, 0x80);
}

QIcon categoryIcon(const QString& category) {
    return QIcon(":/icons/layers/" + category + ".svg");
}

QIcon layerIcon(const QString& className) {
    try {
        return categoryIcon(
            QString::fromStdString(cs::layerSpec(className.toStdString()).category));
    } catch (const std::exception&) {
        return {};
    }
}

QString withThousands(qint64 n) {
    return QString::fromStdString(cs::withThousands(n));
}

QString countOf(qint64 n, const QString& singular, const QString& plural) {
    return withThousands(n) + " " + (n == 1 ? singular : plural);
}

namespace {

QString pair(const cs::Json& v) {
    if (!v.is_array() || v.size() != 2) return {};
    return QString("%1\u00d7%2").arg(cs::json::asInt(v[0])).arg(cs::json::asInt(v[1]));
}

QString number(const cs::Json& v) {
    return QString::number(cs::json::asNumber(v), 'g', 4);
}

} // namespace

QString configSummary(const LayerNode& node) {
    const cs::Json& c = node.config;
    QStringList parts;
    const QString cls = QString::fromStdString(node.className);
    auto activation = [&]() {
        const std::string a = cs::json::getString(c, "activation", "linear");
        if (a != "linear") parts << QString::fromStdString(a);
    };
    if (cls == "InputLayer") {
        QStringList dims;
        for (int d : cs::json::asIntVector(cs::json::at(c, "shape")))
            dims << QString::number(d);
        parts << dims.join("\u00d7");
    } else if (cls == "Conv2D") {
        parts << QObject::tr("%1 filters").arg(cs::json::asInt(cs::json::at(c, "filters")))
              << pair(cs::json::at(c, "kernel_size"));
        if (pair(cs::json::at(c, "strides")) != "1\u00d71")
            parts << QObject::tr("stride %1").arg(pair(cs::json::at(c, "strides")));
        parts << QString::fromStdString(cs::json::getString(c, "padding", "valid"));
        activation();
    } else if (c.contains("pool_size")) {
        parts << pair(cs::json::at(c, "pool_size"));
        if (!cs::json::at(c, "strides").is_null() &&
            pair(cs::json::at(c, "strides")) != pair(cs::json::at(c, "pool_size")))
            parts << QObject::tr("stride %1").arg(pair(cs::json::at(c, "strides")));
        parts << QString::fromStdString(cs::json::getString(c, "padding", "valid"));
    } else if (cls == "Dense") {
        parts << QObject::tr("%1 units").arg(cs::json::asInt(cs::json::at(c, "units")));
        activation();
    } else if (cls == "Dropout") {
        parts << QObject::tr("rate %1").arg(number(cs::json::at(c, "rate")));
    } else if (cls == "BatchNormalization") {
        parts << QObject::tr("momentum %1").arg(number(cs::json::at(c, "momentum")));
    } else if (cls == "Activation") {
        parts << QString::fromStdString(cs::json::getString(c, "activation", "relu"));
    } else if (node.inputs.size() > 1 || cls == "Add" || cls == "Concatenate") {
        parts << countOf(qint64(node.inputs.size()), QObject::tr("input"), QObject::tr("inputs"));
    }
    if (!cs::json::getBool(c, "trainable", true)) parts << QObject::tr("frozen");
    return parts.join(" \u00b7 ");
}

} // namespace ui
