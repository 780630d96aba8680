// Where the arrow keys take the selection on the model canvas. The canvas
// draws the graph as one column in topological order with skip connections
// as arcs, so "along the graph" and "on the screen" mostly agree:
//   Up    the input drawn nearest above (the previous layer of a chain);
//   Down  the consumer drawn nearest below (the next layer of a chain);
//   Left  the nearest block above on a parallel branch (one that neither feeds
//         nor is fed by the selected block), Right the nearest one below.
// A block without an input (or consumer) steps to its neighbour in the column,
// so every block stays reachable. Pure functions on the graph: no Qt widgets.
#pragma once

#include "ui/document/model_graph.h"

#include <string>

namespace ui {

enum class GraphStep { Up, Down, Left, Right };

// The layer one step away from `current`; `current` when the step leads nowhere,
// the first layer when `current` is empty or not in the graph.
std::string stepFrom(const ModelGraph& graph, const std::string& current, GraphStep step);

} // namespace ui
