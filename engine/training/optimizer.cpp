#include "engine/training/optimizer.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cs {

Optimizer::~Optimizer() = default;

Json Optimizer::config() const {
    Json v = Json::object();
    v["learning_rate"] = learningRate;
    return v;
}

void Optimizer::step(const NamedParams& params) {
    ++iterations;
    const size_t slotCount = slotNames().size();
    for (const auto& [name, p] : params) {
        std::vector<Tensor>& s = slots_[name];
        if (s.size() != slotCount || (slotCount && !(s[0].shape() == p->value.shape()))) {
            s.assign(slotCount, Tensor(p->value.shape()));
            for (Tensor& t : s) t.zero();
        }
        std::vector<float*> slotPtr;
        for (Tensor& t : s) slotPtr.push_back(t.data());
        float* w = p->value.data();
        const float* g = p->grad.data();
        // Element-wise: any split gives the same numbers.
        parallelFor(p->value.size(), 1 << 15, [&](long b, long e) {
            std::vector<float*> local(slotPtr.size());
            for (size_t k = 0; k < slotPtr.size(); ++k) local[k] = slotPtr[k] + b;
            update(w + b, g + b, local, e - b, iterations);
        });
    }
}

Json Adam::config() const {
    Json v = Optimizer::config();
    v["beta_1"] = beta1;
    v["beta_2"] = beta2;
    v["epsilon"] = epsilon;
    return v;
}

void Adam::update(float* w, const float* g, std::vector<float*>& s, long n, int64_t t) {
    // Keras: lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t); w -= lr_t * m / (sqrt(v) + eps).
    const double lrT = learningRate * std::sqrt(1.0 - std::pow(beta2, double(t))) /
                       (1.0 - std::pow(beta1, double(t)));
    const float lr = float(lrT), b1 = float(beta1), b2 = float(beta2), eps = float(epsilon);
    float* m = s[0];
    float* v = s[1];
    for (long i = 0; i < n; ++i) {
        m[i] += (g[i] - m[i]) * (1.0f - b1);
        v[i] += (g[i] * g[i] - v[i]) * (1.0f - b2);
        w[i] -= lr * m[i] / (std::sqrt(v[i]) + eps);
    }
}

Json SGD::config() const {
    Json v = Optimizer::config();
    v["momentum"] = momentum;
    v["nesterov"] = nesterov;
    return v;
}

void SGD::update(float* w, const float* g, std::vector<float*>& s, long n, int64_t) {
    const float lr = float(learningRate), mu = float(momentum);
    float* vel = s[0];
    for (long i = 0; i < n; ++i) {
        vel[i] = mu * vel[i] - lr * g[i];
        w[i] += nesterov ? mu * vel[i] - lr * g[i] : vel[i];
    }
}

Json RMSprop::config() const {
    Json v = Optimizer::config();
    v["rho"] = rho;
    v["epsilon"] = epsilon;
    return v;
}

void RMSprop::update(float* w, const float* g, std::vector<float*>& s, long n, int64_t) {
    const float lr = float(learningRate), r = float(rho), eps = float(epsilon);
    float* a = s[0];
    for (long i = 0; i < n; ++i) {
        a[i] = r * a[i] + (1.0f - r) * g[i] * g[i];
        w[i] -= lr * g[i] / (std::sqrt(a[i]) + eps);
    }
}

namespace {

SettingSpec learningRateSpec(double defaultRate) {
    return {.key = "learning_rate",
            .type = SettingType::Float,
            .defaultValue = defaultRate,
            .min = kMinLearningRate,
            .max = kMaxLearningRate,
            .help = CS_NOOP("cs::SettingSpec", "step size of each update"),
            .valueName = "RATE"};
}

OptimizerSpec optimizer(std::string name, std::string className, double rate, std::string help) {
    return {std::move(name), std::move(className), rate, std::move(help), {learningRateSpec(rate)}};
}

} // namespace

const std::vector<OptimizerSpec>& optimizerSpecs() {
    static const std::vector<OptimizerSpec> specs = [] {
        OptimizerSpec sgd = optimizer(
            "sgd", "SGD", 0.01, CS_NOOP("cs::OptimizerSpec", "plain gradient steps, optionally with (Nesterov) momentum"));
        sgd.settings.push_back(
            {.key = "momentum",
             .type = SettingType::Float,
             .defaultValue = 0.0,
             .min = 0.0,
             .max = 1.0,
             .maxExclusive = true,
             .help = CS_NOOP("cs::SettingSpec", "fraction of the previous step carried into the next (0 = none)"),
             .valueName = "M",
             .step = 0.05,
             .editorMax = 0.999});
        sgd.settings.push_back(
            {.key = "nesterov",
             .type = SettingType::Bool,
             .defaultValue = false,
             .help = CS_NOOP("cs::SettingSpec", "Nesterov momentum: the gradient is taken after the momentum step")});
        return std::vector<OptimizerSpec>{
            optimizer("adam", "Adam", 1e-3,
                      CS_NOOP("cs::OptimizerSpec",
                                 "adaptive steps per weight from running means of the gradient and its square")),
            sgd,
            optimizer("rmsprop", "RMSprop", 1e-3,
                      CS_NOOP("cs::OptimizerSpec", "steps scaled by a running mean of the squared gradient")),
        };
    }();
    return specs;
}

const SettingSpec& OptimizerSpec::setting(const std::string& key) const {
    return settingSpec(settings, key, className);
}

const SettingSpec& optimizerSetting(const std::string& key) {
    for (const OptimizerSpec& o : optimizerSpecs())
        if (o.takes(key)) return o.setting(key);
    throw ConfigError(CS_TEXT("cs::Settings", "no optimizer takes a setting '%1'").arg(key));
}

const OptimizerSpec* findOptimizerSpec(const std::string& rawName) {
    std::string name = rawName;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    for (const OptimizerSpec& s : optimizerSpecs())
        if (s.name == name) return &s;
    return nullptr;
}

const OptimizerSpec& optimizerSpec(const std::string& rawName) {
    if (const OptimizerSpec* s = findOptimizerSpec(rawName)) return *s;
    std::string known;
    for (const OptimizerSpec& s : optimizerSpecs()) known += (known.empty() ? "" : ", ") + s.name;
    throw ConfigError(
        CS_TEXT("cs::Settings", "optimizer '%1' is not one of %2").arg(rawName).arg(known));
}

std::unique_ptr<Optimizer> createOptimizer(const std::string& rawName, const Json& c) {
    std::string name = rawName;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    const Json cfg = c.is_null() ? Json::object() : c;
    std::unique_ptr<Optimizer> opt;
    if (name == "adam") {
        auto a = std::make_unique<Adam>();
        a->beta1 = json::getNumber(cfg, "beta_1", a->beta1);
        a->beta2 = json::getNumber(cfg, "beta_2", a->beta2);
        a->epsilon = json::getNumber(cfg, "epsilon", a->epsilon);
        if (a->beta1 < 0 || a->beta1 >= 1 || a->beta2 < 0 || a->beta2 >= 1)
            throw ConfigError(CS_TEXT("cs::Settings", "Adam: beta_1 and beta_2 must be in [0, 1)"));
        opt = std::move(a);
    } else if (name == "sgd") {
        auto s = std::make_unique<SGD>();
        s->momentum = json::getNumber(cfg, "momentum", s->momentum);
        s->nesterov = json::getBool(cfg, "nesterov", s->nesterov);
        if (s->momentum < 0 || s->momentum >= 1)
            throw ConfigError(CS_TEXT("cs::Settings", "SGD: momentum must be in [0, 1)"));
        opt = std::move(s);
    } else if (name == "rmsprop") {
        auto r = std::make_unique<RMSprop>();
        r->rho = json::getNumber(cfg, "rho", r->rho);
        r->epsilon = json::getNumber(cfg, "epsilon", r->epsilon);
        if (r->rho < 0 || r->rho >= 1)
            throw ConfigError(CS_TEXT("cs::Settings", "RMSprop: rho must be in [0, 1)"));
        opt = std::move(r);
    } else {
        throw ConfigError(
            CS_TEXT("cs::Settings", "unknown optimizer '%1' (use adam, sgd or rmsprop)")
                .arg(rawName));
    }
    opt->learningRate = json::getNumber(cfg, "learning_rate", opt->learningRate);
    if (!(opt->learningRate > 0) || !std::isfinite(opt->learningRate))
        throw ConfigError(CS_TEXT("cs::Settings", "%1: learning_rate must be a positive number")
                              .arg(opt->className()));
    return opt;
}

} // namespace cs
