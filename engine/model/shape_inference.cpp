#include "engine/model/shape_inference.h"

#include "engine/core/errors.h"

#include <algorithm>

namespace cs {

int ShapeInference::errorCount() const {
    return int(std::count_if(problems.begin(), problems.end(),
                             [](const UserText& p) { return !p.empty(); }));
}

ShapeInference inferShapes(int nodeCount, const std::function<std::vector<int>(int)>& inputsOf,
                           const std::function<Shape(int, const std::vector<Shape>&)>& outputShapeOf,
                           ShapeErrors errors) {
    ShapeInference r;
    r.shapes.resize(size_t(nodeCount));
    r.problems.resize(size_t(nodeCount));
    for (int k = 0; k < nodeCount; ++k) {
        std::vector<Shape> inputs;
        bool known = true;
        for (int i : inputsOf(k)) {
            if (i < 0 || i >= k || !r.shapes[size_t(i)])
                known = false;
            else
                inputs.push_back(*r.shapes[size_t(i)]);
        }
        if (!known) continue;
        if (errors == ShapeErrors::Throw) {
            r.shapes[size_t(k)] = outputShapeOf(k, inputs);
            continue;
        }
        try {
            r.shapes[size_t(k)] = outputShapeOf(k, inputs);
        } catch (const std::exception& e) {
            r.problems[size_t(k)] = textOf(e);
        }
    }
    return r;
}

} // namespace cs
