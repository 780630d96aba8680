#include "engine/training/loss.h"

#include "engine/core/errors.h"
#include "engine/core/setting_spec.h"

#include <algorithm>
#include <cmath>

namespace cs {

namespace {
constexpr float kEpsilon = 1e-7f; // Keras's backend epsilon
float clipProbability(float p) { return std::clamp(p, kEpsilon, 1.0f - kEpsilon); }
} // namespace

const std::vector<LossSpec>& lossSpecs() {
    static const std::vector<LossSpec> specs{
        {"categorical_crossentropy", {},
         CS_NOOP("cs::SettingSpec", "-log of the probability given to the true class; one softmax output per class")},
        {"sparse_categorical_crossentropy", {},
         CS_NOOP("cs::SettingSpec", "the same number, Keras's name for integer labels (class_mode sparse)")},
        {"binary_crossentropy", {},
         CS_NOOP("cs::SettingSpec", "two classes and one sigmoid output: the probability of class 1")},
        {"mse", {"mean_squared_error"},
         CS_NOOP("cs::SettingSpec", "mean squared difference to the one-hot target (the label itself for one output)")},
    };
    return specs;
}

const std::vector<std::string>& lossNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const LossSpec& s : lossSpecs()) out.push_back(s.name);
        return out;
    }();
    return names;
}

std::string lossNameList() {
    std::string out;
    const auto& names = lossNames();
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

Loss lossFromName(const std::string& name) {
    const auto& specs = lossSpecs();
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].name == name ||
            std::find(specs[i].aliases.begin(), specs[i].aliases.end(), name) != specs[i].aliases.end())
            return Loss(i);
    throw ConfigError(
        CS_TEXT("cs::Settings", "unknown loss '%1' (use %2)").arg(name).arg(lossNameList()));
}

Loss resolveLossSetting(const std::string& setting, int outputUnits, bool sparseLabels) {
    if (!setting.empty() && setting != "auto") return lossFromName(setting);
    if (sparseLabels && outputUnits > 1) return Loss::SparseCategoricalCrossentropy;
    return defaultLossFor(outputUnits);
}

Loss defaultLossFor(int units) {
    return units == 1 ? Loss::BinaryCrossentropy : Loss::CategoricalCrossentropy;
}

std::string lossName(Loss loss) { return lossNames()[size_t(loss)]; }

void checkLossCompatible(Loss loss, int units, int classes) {
    if (loss == Loss::BinaryCrossentropy) {
        if (units != 1)
            throw ConfigError(
                CS_TEXT("cs::Settings",
                        "binary_crossentropy needs one output unit (Dense(1, sigmoid)), the model "
                        "has %1: use categorical_crossentropy or change the last layer")
                    .arg(std::to_string(units)));
        if (classes != 2)
            throw ConfigError(
                CS_TEXT("cs::Settings", "binary_crossentropy needs 2 classes, the data set has %1: "
                                        "use categorical_crossentropy")
                    .arg(std::to_string(classes)));
        return;
    }
    if (loss == Loss::MeanSquaredError && units == 1) return;
    if (units != classes)
        throw ConfigError(
            CS_TEXT("cs::Settings", "the model's last layer has %1 units but the data set has %2 "
                                    "classes: set the last Dense to %3 units")
                .arg(std::to_string(units))
                .arg(std::to_string(classes))
                .arg(std::to_string(classes)));
}

LossResult computeLoss(Loss loss, Activation act, const Tensor& pred, const int32_t* labels,
                       Tensor* grad) {
    const int n = pred.shape()[0];
    const int units = int(pred.sampleSize());
    LossResult r;
    if (grad) grad->resize(pred.shape());
    const float invN = 1.0f / float(std::max(n, 1));
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        const float* p = pred.sample(i);
        float* g = grad ? grad->sample(i) : nullptr;
        const int y = labels[i];
        switch (loss) {
        case Loss::CategoricalCrossentropy:
        case Loss::SparseCategoricalCrossentropy: {
            total -= std::log(double(clipProbability(p[y])));
            if (!g) break;
            if (act == Activation::Softmax) {
                for (int u = 0; u < units; ++u) g[u] = (p[u] - (u == y ? 1.0f : 0.0f)) * invN;
            } else {
                for (int u = 0; u < units; ++u) g[u] = 0.0f;
                g[y] = -invN / clipProbability(p[y]);
            }
            break;
        }
        case Loss::BinaryCrossentropy: {
            const float t = float(y), q = clipProbability(p[0]);
            total -= t * std::log(double(q)) + (1.0 - t) * std::log(1.0 - double(q));
            if (!g) break;
            if (act == Activation::Sigmoid) g[0] = (p[0] - t) * invN;
            else g[0] = (-t / q + (1.0f - t) / (1.0f - q)) * invN;
            break;
        }
        case Loss::MeanSquaredError: {
            double s = 0.0;
            for (int u = 0; u < units; ++u) {
                const float t = units == 1 ? float(y) : (u == y ? 1.0f : 0.0f);
                const float d = p[u] - t;
                s += double(d) * d;
                if (g) g[u] = 2.0f * d * invN / float(units);
            }
            total += s / units;
            break;
        }
        }
    }
    r.loss = total / std::max(n, 1);
    r.gradientIsPreActivation =
        (loss == Loss::CategoricalCrossentropy || loss == Loss::SparseCategoricalCrossentropy)
            ? act == Activation::Softmax
            : loss == Loss::BinaryCrossentropy && act == Activation::Sigmoid;
    return r;
}

} // namespace cs
