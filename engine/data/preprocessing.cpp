#include "engine/data/preprocessing.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

namespace cs {

Json Preprocessing::toJson() const {
    Json v = Json::object();
    v["rescale"] = double(rescale);
    std::vector<double> m(mean.begin(), mean.end()), s(std.begin(), std.end());
    v["mean"] = Json(m);
    v["std"] = Json(s);
    return v;
}

Preprocessing Preprocessing::fromJson(const Json& v) {
    Preprocessing p;
    p.rescale = float(json::getNumber(v, "rescale", 1.0 / 255.0));
    if (const Json* m = json::find(v, "mean"))
        for (double x : json::asNumberVector(*m))
            p.mean.push_back(float(x));
    if (const Json* s = json::find(v, "std"))
        for (double x : json::asNumberVector(*s)) {
            if (x == 0.0)
                throw FormatError(
                    CS_TEXT("cs::Settings", "preprocessing: a std of 0 would divide by zero"));
            p.std.push_back(float(x));
        }
    return p;
}

void fillBatch(const ImageSet& set, const int* indices, int n, const Preprocessing& pre,
               Tensor& batch, int chunks) {
    const int C = set.channels;
    batch.resize({n, set.height, set.width, C});
    const long pixels = long(set.height) * set.width;
    // Fold rescale, mean and std into one multiply-add per value.
    std::vector<float> scale(static_cast<size_t>(C)), offset(static_cast<size_t>(C));
    for (int c = 0; c < C; ++c) {
        const float m = pre.mean.empty() ? 0.0f : pre.mean[size_t(c) % pre.mean.size()];
        const float s = pre.std.empty() ? 1.0f : pre.std[size_t(c) % pre.std.size()];
        scale[size_t(c)] = pre.rescale / s;
        offset[size_t(c)] = -m / s;
    }
    forEachChunk(n, chunks, [&](int, ChunkRange r) {
        for (int i = r.begin; i < r.end; ++i) {
            const uint8_t* src = set.image(indices[i]);
            float* dst = batch.sample(i);
            for (long p = 0; p < pixels; ++p)
                for (int c = 0; c < C; ++c)
                    dst[p * C + c] = float(src[p * C + c]) * scale[size_t(c)] + offset[size_t(c)];
        }
    });
}

} // namespace cs
