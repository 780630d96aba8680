// Every op covered by construction (as ggml's test-backend-ops): the reference
// cases (test_layer_reference.cpp, PyTorch fixtures) and the finite-difference
// gradient checks (test_gradients.cpp) record each layer type they really run;
// at the end of the class, when every test function of it ran, a layer type of
// layerSpecs() that was never run fails the class. A new layer without a
// reference case or a gradient check therefore fails the suite.
//
//   void init() { coverage().noteFunction(); }
//   void cleanupTestCase() { coverage().checkEveryLayerType(*this); }
#pragma once

#include <QObject>
#include <set>
#include <string>

namespace cs {
class Model;
}

namespace cs::test {

class OpCoverage {
public:
    void noteLayerType(const std::string& type) { types_.insert(type); }
    void noteModel(const Model& model);
    // Call from the class's init(): which test functions ran.
    void noteFunction();
    // QFAILs naming the layer types of layerSpecs() no case ran, when every test
    // function of `test` ran (a run of a few functions checks nothing).
    void checkEveryLayerType(const QObject& test, const char* what) const;

private:
    std::set<std::string> types_, functions_;
};

OpCoverage& referenceCoverage(); // forward values against PyTorch
OpCoverage& gradientCoverage();  // finite differences

} // namespace cs::test
