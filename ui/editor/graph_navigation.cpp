#include "ui/editor/graph_navigation.h"

#include <algorithm>
#include <vector>

namespace ui {

namespace {

// Marks every layer that feeds `index`, directly or not (the graph is topological:
// inputs come before their consumers, so one backward sweep finds them all).
std::vector<bool> ancestorsOf(const ModelGraph& g, int index) {
    std::vector<bool> feeds(size_t(g.size()), false);
    feeds[size_t(index)] = true;
    for (int i = index; i >= 0; --i) {
        if (!feeds[size_t(i)]) continue;
        for (const std::string& input : g.node(i).inputs)
            if (const int k = g.indexOf(input); k >= 0 && k < i) feeds[size_t(k)] = true;
    }
    feeds[size_t(index)] = false;
    return feeds;
}

// Marks every layer that `index` feeds, directly or not (one forward sweep).
std::vector<bool> descendantsOf(const ModelGraph& g, int index) {
    std::vector<bool> fed(size_t(g.size()), false);
    fed[size_t(index)] = true;
    for (int i = index + 1; i < g.size(); ++i)
        for (const std::string& input : g.node(i).inputs)
            if (const int k = g.indexOf(input); k >= 0 && fed[size_t(k)]) {
                fed[size_t(i)] = true;
                break;
            }
    fed[size_t(index)] = false;
    return fed;
}

int nearestInput(const ModelGraph& g, int index) {
    int best = -1;
    for (const std::string& input : g.node(index).inputs)
        best = std::max(best, g.indexOf(input));
    return best >= 0 ? best : index - 1;
}

int nearestConsumer(const ModelGraph& g, int index) {
    const std::string name = g.node(index).name();
    for (int i = index + 1; i < g.size(); ++i)
        for (const std::string& input : g.node(i).inputs)
            if (input == name) return i;
    return index + 1 < g.size() ? index + 1 : -1;
}

int nearestParallel(const ModelGraph& g, int index, int direction) {
    const std::vector<bool> above = ancestorsOf(g, index);
    const std::vector<bool> below = descendantsOf(g, index);
    for (int i = index + direction; i >= 0 && i < g.size(); i += direction)
        if (!above[size_t(i)] && !below[size_t(i)]) return i;
    return -1;
}

} // namespace

std::string stepFrom(const ModelGraph& graph, const std::string& current, GraphStep step) {
    if (graph.size() == 0) return current;
    const int index = graph.indexOf(current);
    if (index < 0) return graph.node(0).name();
    int next = -1;
    switch (step) {
    case GraphStep::Up:
        next = nearestInput(graph, index);
        break;
    case GraphStep::Down:
        next = nearestConsumer(graph, index);
        break;
    case GraphStep::Left:
        next = nearestParallel(graph, index, -1);
        break;
    case GraphStep::Right:
        next = nearestParallel(graph, index, +1);
        break;
    }
    return next >= 0 ? graph.node(next).name() : current;
}

} // namespace ui
