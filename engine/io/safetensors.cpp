#include "io/safetensors.h"

#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/json.h"

#include <algorithm>
#include <cstring>

namespace cs {

namespace {
constexpr size_t kMaxHeader = 100u << 20;    // the format's own limit is 100 MB
constexpr size_t kMaxFile = size_t(16) << 30; // refuse absurd files outright

static_assert(sizeof(float) == 4, "float32 expected");
} // namespace

const Tensor* SafetensorsContent::find(const std::string& name) const {
    for (auto& [n, t] : tensors)
        if (n == name) return &t;
    return nullptr;
}

void writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    json::Value header = json::Value::object();
    if (!metadata.empty()) {
        json::Value meta = json::Value::object();
        for (auto& [k, v] : metadata) meta.set(k, v);
        header.set("__metadata__", meta);
    }
    size_t offset = 0;
    for (const NamedTensor& t : tensors) {
        json::Value entry = json::Value::object();
        entry.set("dtype", "F32");
        entry.set("shape", json::Value::array(t.tensor->shape().dims()));
        const size_t bytes = size_t(t.tensor->size()) * 4;
        json::Value offsets = json::Value::array();
        offsets.push(json::Value(int64_t(offset)));
        offsets.push(json::Value(int64_t(offset + bytes)));
        entry.set("data_offsets", offsets);
        header.set(t.name, entry);
        offset += bytes;
    }
    std::string text = header.dump();
    // Pad with spaces so the data starts 8-byte aligned (allowed by the format).
    while ((8 + text.size()) % 8 != 0) text += ' ';
    char len[8];
    uint64_t n = text.size();
    for (int i = 0; i < 8; ++i) len[i] = char((n >> (8 * i)) & 0xff);
    std::vector<std::string_view> pieces{std::string_view(len, 8), text};
    for (const NamedTensor& t : tensors)
        pieces.emplace_back(reinterpret_cast<const char*>(t.tensor->data()), size_t(t.tensor->size()) * 4);
    writeFileAtomically(path, pieces);
}

SafetensorsContent readSafetensors(const std::string& path) {
    const std::string file = readWholeFile(path, kMaxFile);
    auto bad = [&](const std::string& what) { return FormatError(path + ": " + what); };
    if (file.size() < 8) throw bad("too short to be a safetensors file (" + std::to_string(file.size()) + " bytes)");
    uint64_t headerLen = 0;
    for (int i = 0; i < 8; ++i) headerLen |= uint64_t(uint8_t(file[size_t(i)])) << (8 * i);
    if (headerLen > kMaxHeader || headerLen > file.size() - 8)
        throw bad("header length " + std::to_string(headerLen) + " does not fit in a file of " +
                  std::to_string(file.size()) + " bytes (truncated or not a safetensors file)");
    json::Value header;
    try {
        header = json::Value::parse(std::string_view(file).substr(8, size_t(headerLen)));
    } catch (const FormatError& e) {
        throw bad(std::string("header is not valid JSON: ") + e.what());
    }
    if (!header.isObject()) throw bad("header is not a JSON object");
    const size_t dataSize = file.size() - 8 - size_t(headerLen);
    const char* data = file.data() + 8 + headerLen;

    SafetensorsContent out;
    struct Span {
        size_t begin, end;
        std::string name;
    };
    std::vector<Span> spans;
    std::vector<std::pair<std::string, Shape>> shapes;
    for (const auto& [name, entry] : header.members()) {
        if (name == "__metadata__") {
            if (!entry.isObject()) throw bad("__metadata__ must be an object of strings");
            for (const auto& [k, v] : entry.members()) {
                if (!v.isString()) throw bad("__metadata__ value '" + k + "' is not a string");
                out.metadata[k] = v.asString();
            }
            continue;
        }
        if (!entry.isObject()) throw bad("tensor '" + name + "' entry is not an object");
        const std::string dtype = entry.getString("dtype", "");
        if (dtype != "F32") throw bad("tensor '" + name + "' has dtype '" + dtype + "'; only F32 is supported");
        const json::Value& shapeJson = entry.at("shape");
        const json::Value& offsets = entry.at("data_offsets");
        if (!shapeJson.isArray() || shapeJson.size() > 8) throw bad("tensor '" + name + "' has a bad shape");
        std::vector<int> dims;
        uint64_t count = 1;
        for (size_t i = 0; i < shapeJson.size(); ++i) {
            const double d = shapeJson[i].asNumber();
            if (d < 0 || d > double(1 << 30) || d != double(int64_t(d)))
                throw bad("tensor '" + name + "' has a bad dimension " + shapeJson[i].dump());
            dims.push_back(int(d));
            count *= uint64_t(d);
            if (count > dataSize / 4 + 1) throw bad("tensor '" + name + "' is larger than the file");
        }
        if (!offsets.isArray() || offsets.size() != 2) throw bad("tensor '" + name + "' has bad data_offsets");
        const double b = offsets[0].asNumber(), e = offsets[1].asNumber();
        if (b < 0 || e < b || e > double(dataSize))
            throw bad("tensor '" + name + "' data_offsets [" + offsets[0].dump() + ", " + offsets[1].dump() +
                      "] fall outside the " + std::to_string(dataSize) + " data bytes (truncated file?)");
        if (uint64_t(e - b) != count * 4)
            throw bad("tensor '" + name + "' has shape " + Shape(dims).toString() + " (" +
                      std::to_string(count * 4) + " bytes) but its data_offsets span " +
                      std::to_string(uint64_t(e - b)) + " bytes");
        spans.push_back({size_t(b), size_t(e), name});
        shapes.emplace_back(name, Shape(dims));
    }
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
    for (size_t i = 1; i < spans.size(); ++i)
        if (spans[i].begin < spans[i - 1].end)
            throw bad("tensors '" + spans[i - 1].name + "' and '" + spans[i].name + "' overlap");
    // Everything checked: now allocate and copy.
    for (auto& [name, shape] : shapes) {
        const Span* s = nullptr;
        for (auto& sp : spans)
            if (sp.name == name) s = &sp;
        Tensor t(shape);
        if (t.size()) std::memcpy(t.data(), data + s->begin, size_t(t.size()) * 4);
        out.tensors.emplace_back(name, std::move(t));
    }
    return out;
}

} // namespace cs
