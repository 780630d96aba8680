// The editor's model graph is the engine's (engine/model/model_graph.h): the
// same value is analysed there for `convstudio-cli summary`.
#pragma once

#include "engine/model/model_graph.h"

namespace ui {

using cs::Connection;
using cs::LayerNode;
using cs::ModelGraph;

} // namespace ui
