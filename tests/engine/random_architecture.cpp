#include "tests/engine/random_architecture.h"

#include "engine/core/random.h"
#include "engine/layers/window_geometry.h"

#include <algorithm>
#include <string>
#include <vector>

namespace cs::test {

namespace {

const char* const kActivations[] = {"linear", "relu", "sigmoid", "tanh", "softmax"};

class Generator {
public:
    explicit Generator(uint64_t seed) : rng_(seed * 7919 + 1) {}

    Json make(uint64_t seed) {
        h_ = pick(5, 14);
        w_ = pick(5, 14);
        c_ = pick(1, 3);
        Json input = layer("InputLayer", "input", {});
        input["config"]["shape"] = std::vector<int>{h_, w_, c_};
        input.erase("inbound_nodes");
        layers_.push_back(input);
        current_ = "input";
        const int blocks = pick(2, 5);
        for (int b = 0; b < blocks; ++b) block();
        head();
        Json arch = Json::object();
        arch["name"] = "random_" + std::to_string(seed);
        arch["layers"] = layers_;
        return arch;
    }

private:
    int pick(int lo, int hi) { return lo + int(rng_.below(uint64_t(hi - lo + 1))); }
    std::string activation() { return kActivations[rng_.below(5)]; }

    Json layer(const std::string& cls, const std::string& name, std::vector<std::string> inbound) {
        Json l = Json::object();
        l["class_name"] = cls;
        l["config"] = Json::object();
        l["config"]["name"] = name;
        l["inbound_nodes"] = inbound;
        return l;
    }
    std::string fresh(const std::string& prefix) { return prefix + "_" + std::to_string(++count_); }
    // Appends a layer reading `from` and returns its name.
    std::string append(const std::string& cls, Json config, std::vector<std::string> from) {
        Json l = layer(cls, fresh(cls), std::move(from));
        for (auto& [k, v] : config.items()) l["config"][k] = v;
        layers_.push_back(l);
        return l["config"]["name"];
    }

    // A window of size k and stride s that fits the current image.
    void windowed(const std::string& cls, bool conv) {
        const int limit = std::min({h_, w_, conv ? 4 : 3});
        const int kh = pick(1, limit), kw = pick(1, limit);
        const int sh = pick(1, 2), sw = pick(1, conv ? 2 : 3);
        const bool same = rng_.below(2) == 1;
        Json c = Json::object();
        if (conv) {
            c["filters"] = pick(1, 6);
            c["kernel_size"] = std::vector<int>{kh, kw};
            c["activation"] = activation();
            c["use_bias"] = rng_.below(4) != 0;
        } else {
            c["pool_size"] = std::vector<int>{kh, kw};
        }
        if (conv || rng_.below(3) != 0) c["strides"] = std::vector<int>{sh, sw};
        c["padding"] = same ? "same" : "valid";
        current_ = append(cls, c, {current_});
        const std::vector<int> st = c.contains("strides") ? std::vector<int>{sh, sw} : std::vector<int>{kh, kw};
        h_ = windowAxis(h_, kh, st[0], same).out;
        w_ = windowAxis(w_, kw, st[1], same).out;
        if (conv) c_ = c["filters"];
    }
    // A 'same' stride-1 convolution of `filters` from `from`.
    std::string branch(const std::string& from, int filters) {
        Json c = Json::object();
        c["filters"] = filters;
        c["kernel_size"] = std::vector<int>{pick(1, 3), pick(1, 3)};
        c["padding"] = "same";
        c["activation"] = activation();
        return append("Conv2D", c, {from});
    }

    void block() {
        switch (rng_.below(8)) {
        case 0: case 1: windowed("Conv2D", true); break;
        case 2: windowed(rng_.below(2) ? "MaxPooling2D" : "AveragePooling2D", false); break;
        case 3: {
            Json c = Json::object();
            c["epsilon"] = 0.001;
            current_ = append("BatchNormalization", c, {current_});
            break;
        }
        case 4: {
            if (rng_.below(2)) current_ = append("Activation", Json{{"activation", activation()}}, {current_});
            else current_ = append("Dropout", Json{{"rate", 0.3}}, {current_});
            break;
        }
        case 5: case 6: { // residual: the input plus one or two branches
            std::vector<std::string> in{current_, branch(current_, c_)};
            if (rng_.below(2)) in.push_back(branch(current_, c_));
            current_ = append("Add", Json::object(), in);
            break;
        }
        default: { // concatenation of branches along the channels
            const int f1 = pick(1, 4), f2 = pick(1, 4);
            std::vector<std::string> in{branch(current_, f1), branch(current_, f2)};
            current_ = append("Concatenate", Json::object(), in);
            c_ = f1 + f2;
        }
        }
    }

    Json dense(int units, const std::string& act) {
        Json c = Json::object();
        c["units"] = units;
        c["activation"] = act;
        c["use_bias"] = rng_.below(4) != 0;
        return c;
    }
    void head() {
        switch (rng_.below(5)) {
        case 0: current_ = append("GlobalAveragePooling2D", Json::object(), {current_}); break;
        case 1: // Flatten -> BatchNormalization: the exporter transposes to NHWC first
            current_ = append("Flatten", Json::object(), {current_});
            current_ = append("BatchNormalization", Json::object(), {current_});
            break;
        case 2: // Flatten -> Dropout -> Activation -> Dense: rows permuted through them
            current_ = append("Flatten", Json::object(), {current_});
            current_ = append("Dropout", Json{{"rate", 0.5}}, {current_});
            current_ = append("Activation", Json{{"activation", "tanh"}}, {current_});
            break;
        case 3: { // Flatten into two Dense layers that are added
            const std::string flat = append("Flatten", Json::object(), {current_});
            const int units = pick(3, 9);
            const std::string a = append("Dense", dense(units, "relu"), {flat});
            const std::string b = append("Dense", dense(units, "linear"), {flat});
            current_ = append("Add", Json::object(), {a, b});
            break;
        }
        default: current_ = append("Flatten", Json::object(), {current_});
        }
        if (rng_.below(2)) current_ = append("Dense", dense(pick(3, 12), activation()), {current_});
        current_ = append("Dense", dense(pick(2, 7), "softmax"), {current_});
    }

    Rng rng_;
    Json layers_ = Json::array();
    std::string current_;
    int h_ = 0, w_ = 0, c_ = 0, count_ = 0;
};

} // namespace

Json randomArchitecture(uint64_t seed) { return Generator(seed).make(seed); }

} // namespace cs::test
