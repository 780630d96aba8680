#include "io/safetensors.h"

#include "core/errors.h"
#include "core/resource_limits.h"
#include "io/atomic_file.h"
#include "io/json.h"
#include "io/random_access_file.h"

#include <algorithm>
#include <cstring>

namespace cs {

namespace {
constexpr uint64_t kMaxHeader = 100u << 20; // the format's own limit is 100 MB

static_assert(sizeof(float) == 4, "float32 expected");
} // namespace

const Tensor* SafetensorsContent::find(const std::string& name) const {
    return const_cast<SafetensorsContent*>(this)->find(name);
}

Tensor* SafetensorsContent::find(const std::string& name) {
    if (byName.size() == tensors.size()) {
        const auto it = byName.find(name);
        return it == byName.end() ? nullptr : &tensors[it->second].second;
    }
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
    RandomAccessFile file(path);
    auto bad = [&](const std::string& what) { return FormatError(path + ": " + what); };
    const uint64_t fileSize = file.size();
    if (fileSize < 8)
        throw bad("too short to be a safetensors file (" + std::to_string(fileSize) + " bytes)");
    uint8_t lengthBytes[8];
    file.readExactly(0, lengthBytes, 8);
    uint64_t headerLen = 0;
    for (int i = 0; i < 8; ++i)
        headerLen |= uint64_t(lengthBytes[i]) << (8 * i);
    // Checked against the file's size before anything else is read or allocated.
    if (headerLen > kMaxHeader || headerLen > fileSize - 8)
        throw bad("header length " + std::to_string(headerLen) + " does not fit in a file of " +
                  std::to_string(fileSize) + " bytes (truncated or not a safetensors file)");
    std::string headerText(size_t(headerLen), '\0');
    file.readExactly(8, headerText.data(), headerText.size());
    json::Value header;
    try {
        header = json::Value::parse(headerText);
    } catch (const FormatError& e) {
        throw bad(std::string("header is not valid JSON: ") + e.what());
    }
    headerText = std::string();
    if (!header.isObject()) throw bad("header is not a JSON object");
    const uint64_t dataStart = 8 + headerLen;
    const uint64_t dataSize = fileSize - dataStart;

    SafetensorsContent out;
    struct Entry {
        std::string name;
        Shape shape;
        uint64_t begin = 0, end = 0;
    };
    std::vector<Entry> entries;
    uint64_t totalBytes = 0;
    for (const auto& [name, entry] : header.members()) {
        if (name == "__metadata__") {
            if (!entry.isObject())
                throw bad("__metadata__ must be an object of strings, found " + entry.dump());
            for (const auto& [k, v] : entry.members()) {
                if (!v.isString()) throw bad("__metadata__ value '" + k + "' is not a string");
                out.metadata[k] = v.asString();
            }
            continue;
        }
        const std::string tensor = "tensor '" + name + "'";
        if (!entry.isObject()) throw bad(tensor + ": its entry is not an object");
        // A named reference: clang 14 cannot capture a structured binding.
        const json::Value& fields = entry;
        auto key = [&](const char* k) -> const json::Value& {
            const json::Value* v = fields.find(k);
            if (!v) throw bad(tensor + ": missing key '" + k + "'");
            return *v;
        };
        const json::Value& dtype = key("dtype");
        if (!dtype.isString())
            throw bad(tensor + ": key 'dtype' must be a string, found " + dtype.dump());
        if (dtype.asString() != "F32")
            throw bad(tensor + " has dtype '" + dtype.asString() + "'; only F32 is supported");
        const json::Value& shapeJson = key("shape");
        const json::Value& offsets = key("data_offsets");
        if (!shapeJson.isArray() || shapeJson.size() > 8)
            throw bad(tensor + ": key 'shape' must be a list of at most 8 sizes, found " +
                      shapeJson.dump());
        std::vector<int> dims;
        uint64_t count = 1;
        for (size_t i = 0; i < shapeJson.size(); ++i) {
            const json::Value& d = shapeJson[i];
            if (!d.isNumber() || d.asNumber() < 0 || d.asNumber() > double(1 << 30) ||
                d.asNumber() != double(int64_t(d.asNumber())))
                throw bad(tensor + ": key 'shape' has a bad dimension " + d.dump());
            dims.push_back(int(d.asNumber()));
            count *= uint64_t(dims.back());
            if (count > dataSize / 4 + 1) throw bad(tensor + " is larger than the file");
        }
        if (!offsets.isArray() || offsets.size() != 2 || !offsets[0].isNumber() ||
            !offsets[1].isNumber())
            throw bad(tensor + ": key 'data_offsets' must be [begin, end], found " +
                      offsets.dump());
        const double b = offsets[0].asNumber(), e = offsets[1].asNumber();
        if (b < 0 || e < b || e > double(dataSize) || b != double(int64_t(b)) ||
            e != double(int64_t(e)))
            throw bad(tensor + " data_offsets [" + offsets[0].dump() + ", " + offsets[1].dump() +
                      "] fall outside the " + std::to_string(dataSize) +
                      " data bytes (truncated file?)");
        if (uint64_t(e - b) != count * 4)
            throw bad(tensor + " has shape " + Shape(dims).toString() + " (" +
                      std::to_string(count * 4) + " bytes) but its data_offsets span " +
                      std::to_string(uint64_t(e - b)) + " bytes");
        entries.push_back({name, Shape(dims), uint64_t(b), uint64_t(e)});
        totalBytes += count * 4;
    }
    std::vector<const Entry*> byOffset;
    for (const Entry& e : entries)
        byOffset.push_back(&e);
    std::sort(byOffset.begin(), byOffset.end(),
              [](const Entry* x, const Entry* y) { return x->begin < y->begin; });
    for (size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->begin < byOffset[i - 1]->end)
            throw bad("tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name +
                      "' overlap");
    try {
        checkMemoryLimit(totalBytes, "the tensor data",
                         " (" + std::to_string(entries.size()) + " tensors)");
    } catch (const ResourceError& e) {
        throw ResourceError(path + ": " + e.what());
    }
    // Everything checked: now allocate and read each tensor's own bytes.
    out.tensors.reserve(entries.size());
    for (Entry& e : entries) {
        Tensor t(e.shape);
        if (t.size()) file.readExactly(dataStart + e.begin, t.data(), size_t(t.size()) * 4);
        out.byName[e.name] = out.tensors.size();
        out.tensors.emplace_back(std::move(e.name), std::move(t));
    }
    return out;
}

} // namespace cs
