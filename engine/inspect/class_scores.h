// Class probabilities of a classifier's output, ranked: what `predict`, the
// folder classifier and the Classify page show. A softmax output is already a
// probability per class; a single sigmoid unit (binary models such as cats vs
// dogs) is P(class 1) and is spelled out as two probabilities.
#pragma once

#include "engine/core/tensor.h"

#include <string>
#include <vector>

namespace cs {

struct ClassScore {
    int index = 0;
    std::string name;
    double probability = 0.0;
};

// The probabilities of sample `i` of a model output [N, units].
std::vector<double> classProbabilities(const Tensor& output, int i);
// names[index], or "class N" when the model file names fewer classes.
std::string className(const std::vector<std::string>& names, int index);
// The k most probable classes, best first (ties keep class order). 
std::vector<ClassScore> topClasses(const std::vector<double>& probabilities,
                                   const std::vector<std::string>& names, int k);

} // namespace cs
