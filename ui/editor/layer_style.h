// How layers look in the editor, shared by the palette, the canvas blocks and
// the inspector: the colour and icon of each category, the category's display
// name and order, and the one-line summary of a layer's configuration
// ("64 filters · 3×3 · same · relu"). Derived from layer metadata, so a new
// layer type gets a look without code here.
#pragma once

#include "ui/document/model_graph.h"

#include <QColor>
#include <QIcon>
#include <QString>
#include <QStringList>
#include <string>

namespace ui {

// The palette's categories in display order (the InputLayer's "input" is not listed).
QStringList paletteCategories();
QString categoryTitle(const QString& category); // "convolution" -> "Convolution"
QColor categoryColor(const QString& category);
QIcon categoryIcon(const QString& category);
QIcon layerIcon(const QString& className); // its spec's icon (the category's)
// The graph's source (the spec says it takes no inputs): never deleted or moved.
bool isInputLayer(const std::string& className);

// "64 filters · 3×3 · same · relu", "rate 0.3", "256 units · relu" ...: the
// parts the layer's spec lists (cs::SummaryPart), a merge layer's input
// count, "frozen".
QString configSummary(const LayerNode& node);
// "1,234,567"
QString withThousands(qint64 n);
// "1 layer", "11 layers" (English plurals without a translation catalogue).
QString countOf(qint64 n, const QString& singular, const QString& plural);

// Drag-and-drop payloads: a layer type from the palette, a node being moved.
inline constexpr const char* kLayerTypeMime = "application/x-convstudio-layer-type";
inline constexpr const char* kLayerNodeMime = "application/x-convstudio-layer-node";

} // namespace ui
