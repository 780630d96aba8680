// The editor shows the engine's analysis of the graph (engine/model/model_analysis.h):
// the same problems and quick fixes `convstudio-cli summary` prints.
#pragma once

#include "ui/document/model_graph.h"

#include "engine/model/model_analysis.h"

namespace ui {

using cs::analyzeModel;
using cs::DataShape;
using cs::LayerReport;
using cs::ModelReport;
using cs::QuickFix;
using cs::shortShape;

} // namespace ui
