#include "cli_options.h"
#include "commands.h"
#include "model_source.h"

#include "core/errors.h"
#include "data/image_input.h"
#include "io/json.h"
#include "training/trainer.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace cli {

namespace {
CommandSpec predictSpec() {
    return {"predict", "predict MODEL IMAGE... [--top K] [--json]",
            "Classifies image files with a trained model. Each image (any size or format OpenCV\n"
            "reads) is converted to the model's input as in training: resized to its height and\n"
            "width, grey or RGB, then rescaled/normalised with the model's stored preprocessing.",
            {
                {"--top", "K", "classes to show per image (default 3)"},
                {"--json", "", "print JSON instead of text"},
                {"--threads", "N", "threads (default: every core)"},
            }};
}
} // namespace

int runPredict(const Args& args) {
    const CommandSpec spec = predictSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() < 2) throw UsageError("predict needs a MODEL and at least one IMAGE");
    cs::LoadedModel m = openModel(a.positional()[0]);
    if (m.metadata.classNames.empty())
        throw cs::FormatError(a.positional()[0] + ": has no trained weights (an architecture only): train it first");
    const std::vector<std::string> paths(a.positional().begin() + 1, a.positional().end());
    const cs::Shape in = m.model.inputShape();
    if (in.rank() != 3) throw cs::ShapeError("this model does not take images (input " + in.toString() + ")");
    cs::ImageSet images = cs::loadImagesForModel(paths, in[0], in[1], in[2]);
    std::vector<int> idx(static_cast<size_t>(images.count()));
    std::iota(idx.begin(), idx.end(), 0);
    cs::Tensor batch;
    cs::fillBatch(images, idx.data(), images.count(), m.metadata.preprocessing, batch, 1);
    const cs::Tensor out = cs::predict(m.model, batch, a.getInt("--threads", 0, 0, 1024));

    const auto& names = m.metadata.classNames;
    const int classes = int(names.size());
    const int top = std::min(a.getInt("--top", 3, 1, 1 << 20), classes);
    cs::json::Value all = cs::json::Value::array();
    for (int i = 0; i < images.count(); ++i) {
        // A single sigmoid unit is P(class 1); spell it out as two probabilities.
        std::vector<double> p(static_cast<size_t>(classes));
        if (out.sampleSize() == 1) {
            p[1] = out.sample(i)[0];
            p[0] = 1.0 - p[1];
        } else {
            for (int k = 0; k < classes; ++k) p[size_t(k)] = out.sample(i)[k];
        }
        std::vector<int> order(static_cast<size_t>(classes));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return p[size_t(x)] > p[size_t(y)]; });
        cs::json::Value entry = cs::json::Value::object();
        entry.set("image", paths[size_t(i)]);
        cs::json::Value list = cs::json::Value::array();
        if (!a.has("--json")) std::printf("%s\n", paths[size_t(i)].c_str());
        for (int r = 0; r < top; ++r) {
            const int k = order[size_t(r)];
            cs::json::Value item = cs::json::Value::object();
            item.set("class", names[size_t(k)]);
            item.set("index", k);
            item.set("probability", p[size_t(k)]);
            list.push(item);
            if (!a.has("--json")) std::printf("  %d. %-20s %6.2f%%\n", r + 1, names[size_t(k)].c_str(), 100.0 * p[size_t(k)]);
        }
        entry.set("top", list);
        all.push(entry);
    }
    if (a.has("--json")) std::printf("%s\n", all.dump(2).c_str());
    return 0;
}

} // namespace cli
