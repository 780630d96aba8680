// Optimizers with Keras's names, defaults and update rules:
//   Adam(lr 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7),
//   SGD(lr 0.01, momentum 0, nesterov false), RMSprop(lr 1e-3, rho 0.9, epsilon 1e-7).
// Each keeps per-parameter slots (Adam's m and v ...) keyed by the parameter's
// "<layer>.<weight>" name, so the state can be saved with the model and a
// run resumed exactly.
#pragma once

#include "engine/core/setting_spec.h"
#include "engine/core/tensor.h"
#include "engine/io/json.h"
#include "engine/layers/layer.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cs {

using NamedParams = std::vector<std::pair<std::string, Param*>>;

class Optimizer {
public:
    virtual ~Optimizer();
    virtual std::string className() const = 0;
    // Keras config: learning_rate and the optimizer's own hyper-parameters.
    virtual Json config() const;
    virtual std::vector<std::string> slotNames() const = 0;

    // One update of every parameter from its gradient.
    void step(const NamedParams& params);

    double learningRate = 1e-3;
    int64_t iterations = 0;
    // slots()[name][k] is slot k (slotNames()[k]) of parameter `name`.
    std::map<std::string, std::vector<Tensor>>& slots() { return slots_; }
    const std::map<std::string, std::vector<Tensor>>& slots() const { return slots_; }

protected:
    // Updates n values of one parameter; t = iterations after this step (1-based).
    virtual void update(float* w, const float* g, std::vector<float*>& slots, long n, int64_t t) = 0;

private:
    std::map<std::string, std::vector<Tensor>> slots_;
};

class Adam : public Optimizer {
public:
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
    std::string className() const override { return "Adam"; }
    Json config() const override;
    std::vector<std::string> slotNames() const override { return {"m", "v"}; }

protected:
    void update(float* w, const float* g, std::vector<float*>& slots, long n, int64_t t) override;
};

class SGD : public Optimizer {
public:
    SGD() { learningRate = 0.01; }
    double momentum = 0.0;
    bool nesterov = false;
    std::string className() const override { return "SGD"; }
    Json config() const override;
    std::vector<std::string> slotNames() const override { return {"momentum"}; }

protected:
    void update(float* w, const float* g, std::vector<float*>& slots, long n, int64_t t) override;
};

class RMSprop : public Optimizer {
public:
    double rho = 0.9, epsilon = 1e-7;
    std::string className() const override { return "RMSprop"; }
    Json config() const override;
    std::vector<std::string> slotNames() const override { return {"velocity"}; }

protected:
    void update(float* w, const float* g, std::vector<float*>& slots, long n, int64_t t) override;
};

// The optimizers as settings, the Train page and convstudio-cli name them: the
// name ("adam"), Keras's class name ("Adam"), a line of help and the settings
// it takes (learning_rate with its default and range [kMinLearningRate,
// kMaxLearningRate]; SGD also momentum and nesterov).
inline constexpr double kMinLearningRate = 1e-12;
inline constexpr double kMaxLearningRate = 10.0;
struct OptimizerSpec {
    std::string name{};
    std::string className{};
    double defaultLearningRate = 1e-3;
    std::string help{}; // CS_NOOP("cs::OptimizerSpec", ...); its settings' help is cs::SettingSpec's
    std::vector<SettingSpec> settings{};
    // True when the optimizer reads that setting ("momentum"): the Train panel
    // enables its editor only then.
    bool takes(const std::string& key) const { return findSetting(settings, key) != nullptr; }
    const SettingSpec& setting(const std::string& key) const;
};
const std::vector<OptimizerSpec>& optimizerSpecs();
const OptimizerSpec& optimizerSpec(const std::string& name); // any case; throws ConfigError
const OptimizerSpec* findOptimizerSpec(const std::string& name); // any case; nullptr when unknown
// The spec of a setting some optimizer takes ("learning_rate": every one, the
// same range; "momentum": SGD's), for an editor or option shared by all.
const SettingSpec& optimizerSetting(const std::string& key); // throws ConfigError

// From a Keras-style name ("adam", "Adam", "sgd", "rmsprop") and config
// (learning_rate, momentum, nesterov, beta_1, beta_2, rho, epsilon); throws ConfigError.
std::unique_ptr<Optimizer> createOptimizer(const std::string& name, const Json& config);

} // namespace cs
