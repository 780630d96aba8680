#include "ui/editor/layer_style.h"

#include "ui/window/engine_text.h"

#include "engine/layers/layer_registry.h"
#include "engine/model/model_summary.h"

#include <QCoreApplication>
#include <QObject>
#include <cmath>

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
        {"activation", QT_TRANSLATE_NOOP("ui::LayerPalette", "Activations")},
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
    const cs::LayerSpec* spec = cs::findLayerSpec(className.toStdString());
    return spec ? QIcon(":/icons/layers/" + QString::fromStdString(spec->iconKey) + ".svg") : QIcon();
}

bool isInputLayer(const std::string& className) {
    const cs::LayerSpec* spec = cs::findLayerSpec(className);
    return spec && spec->isInput();
}

QString withThousands(qint64 n) {
    return QString::fromStdString(cs::withThousands(n));
}

QString countOf(qint64 n, const QString& singular, const QString& plural) {
    return withThousands(n) + " " + (n == 1 ? singular : plural);
}

namespace {

// A config value as a block shows it: 64, 0.3, 3×3, 28×28×1, same.
QString valueText(const cs::Json& v) {
    if (v.is_string()) return QString::fromStdString(cs::json::asString(v));
    if (v.is_boolean()) return cs::json::asBool(v) ? "true" : "false";
    if (v.is_number()) {
        const double x = cs::json::asNumber(v);
        if (x == std::floor(x) && std::abs(x) < 1e15) return QString::number(qint64(x));
        return QString::number(x, 'g', 4);
    }
    if (v.is_array()) {
        QStringList items;
        for (const cs::Json& item : v) items << valueText(item);
        return items.join("\u00d7");
    }
    return {};
}

} // namespace

QString configSummary(const LayerNode& node) {
    const cs::Json& c = node.config;
    QStringList parts;
    const cs::LayerSpec* spec = cs::findLayerSpec(node.className);
    if (spec) {
        for (const cs::SummaryPart& part : spec->summary) {
            const cs::Json* v = cs::json::find(c, part.key);
            if (!v || v->is_null() || (!part.hiddenValue.is_null() && *v == part.hiddenValue)) continue;
            if (!part.hiddenWhenSameAs.empty())
                if (const cs::Json* other = cs::json::find(c, part.hiddenWhenSameAs); other && *other == *v)
                    continue;
            parts << (part.label.empty() ? valueText(*v) : specText("cs::LayerSpec", part.label).arg(valueText(*v)));
        }
    }
    if (parts.isEmpty() && (node.inputs.size() > 1 || (spec && spec->isMerge())))
        parts << countOf(qint64(node.inputs.size()), QObject::tr("input"), QObject::tr("inputs"));
    if (!cs::json::getBool(c, "trainable", true)) parts << QObject::tr("frozen");
    return parts.join(" \u00b7 ");
}

} // namespace ui
