#include "engine/io/safetensors.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/io/atomic_file.h"
#include "engine/io/json.h"
#include "engine/io/random_access_file.h"

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
    Json header = Json::object();
    if (!metadata.empty()) {
        Json meta = Json::object();
        for (auto& [k, v] : metadata)
            meta[k] = v;
        header["__metadata__"] = meta;
    }
    size_t offset = 0;
    for (const NamedTensor& t : tensors) {
        Json entry = Json::object();
        entry["dtype"] = "F32";
        entry["shape"] = Json(t.tensor->shape().dims());
        const size_t bytes = size_t(t.tensor->size()) * 4;
        Json offsets = Json::array();
        offsets.push_back(Json(int64_t(offset)));
        offsets.push_back(Json(int64_t(offset + bytes)));
        entry["data_offsets"] = offsets;
        header[t.name] = entry;
        offset += bytes;
    }
    std::string text = json::dump(header);
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
    // Every problem a person can meet here is translatable; the path goes in
    // front as a place of its own (never part of a translated format).
    auto bad = [&](UserText what) { return FormatError(what.within(path)); };
    const uint64_t fileSize = file.size();
    if (fileSize < 8)
        throw bad(CS_TEXT("cs::Files", "too short to be a safetensors file (%1 bytes)")
                      .arg(std::to_string(fileSize)));
    uint8_t lengthBytes[8];
    file.readExactly(0, lengthBytes, 8);
    uint64_t headerLen = 0;
    for (int i = 0; i < 8; ++i)
        headerLen |= uint64_t(lengthBytes[i]) << (8 * i);
    // Checked against the file's size before anything else is read or allocated.
    if (headerLen > kMaxHeader || headerLen > fileSize - 8)
        throw bad(CS_TEXT("cs::Files", "header length %1 does not fit in a file of %2 "
                                       "bytes (truncated or not a safetensors file)")
                      .arg(std::to_string(headerLen))
                      .arg(std::to_string(fileSize)));
    std::string headerText(size_t(headerLen), '\0');
    file.readExactly(8, headerText.data(), headerText.size());
    Json header;
    try {
        header = json::parse(headerText);
    } catch (const FormatError& e) {
        throw FormatError(
            e.text().within(CS_TEXT("cs::Files", "header is not valid JSON")).within(path));
    }
    headerText = std::string();
    if (!header.is_object()) throw bad(CS_TEXT("cs::Files", "header is not a JSON object"));
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
    for (const auto& [name, entry] : json::members(header)) {
        if (name == "__metadata__") {
            if (!entry.is_object())
                throw bad(
                    CS_TEXT("cs::Files", "__metadata__ must be an object of strings, found %1")
                        .arg(json::dump(entry)));
            for (const auto& [k, v] : json::members(entry)) {
                if (!v.is_string())
                    throw bad(
                        CS_TEXT("cs::Files", "__metadata__ value '%1' is not a string").arg(k));
                out.metadata[k] = json::asString(v);
            }
            continue;
        }
        // "tensor 'x': ..." in front of the entry's problem, translated on its own.
        auto badEntry = [&](UserText what) {
            return bad(what.within(CS_TEXT("cs::Files", "tensor '%1'").arg(name)));
        };
        if (!entry.is_object()) throw badEntry(CS_TEXT("cs::Files", "its entry is not an object"));
        // A named reference: clang 14 cannot capture a structured binding.
        const Json& fields = entry;
        auto key = [&](const char* k) -> const Json& {
            const Json* v = json::find(fields, k);
            if (!v) throw badEntry(CS_TEXT("cs::Files", "missing key '%1'").arg(k));
            return *v;
        };
        const Json& dtype = key("dtype");
        if (!dtype.is_string())
            throw badEntry(CS_TEXT("cs::Files", "key 'dtype' must be a string, found %1")
                               .arg(json::dump(dtype)));
        if (json::asString(dtype) != "F32")
            throw bad(CS_TEXT("cs::Files", "tensor '%1' has dtype '%2'; only F32 is supported")
                          .arg(name)
                          .arg(json::asString(dtype)));
        const Json& shapeJson = key("shape");
        const Json& offsets = key("data_offsets");
        if (!shapeJson.is_array() || shapeJson.size() > 8)
            throw badEntry(
                CS_TEXT("cs::Files", "key 'shape' must be a list of at most 8 sizes, found %1")
                    .arg(json::dump(shapeJson)));
        std::vector<int> dims;
        uint64_t count = 1;
        for (size_t i = 0; i < shapeJson.size(); ++i) {
            const Json& d = shapeJson[i];
            if (!d.is_number() || json::asNumber(d) < 0 || json::asNumber(d) > double(1 << 30) ||
                json::asNumber(d) != double(int64_t(json::asNumber(d))))
                throw badEntry(
                    CS_TEXT("cs::Files", "key 'shape' has a bad dimension %1").arg(json::dump(d)));
            dims.push_back(int(json::asNumber(d)));
            count *= uint64_t(dims.back());
            if (count > dataSize / 4 + 1)
                throw bad(CS_TEXT("cs::Files", "tensor '%1' is larger than the file").arg(name));
        }
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number() ||
            !offsets[1].is_number())
            throw badEntry(CS_TEXT("cs::Files", "key 'data_offsets' must be [begin, end], found %1")
                               .arg(json::dump(offsets)));
        const double b = json::asNumber(offsets[0]), e = json::asNumber(offsets[1]);
        if (b < 0 || e < b || e > double(dataSize) || b != double(int64_t(b)) ||
            e != double(int64_t(e)))
            throw bad(CS_TEXT("cs::Files", "tensor '%1' data_offsets [%2, %3] fall outside the %4 "
                                           "data bytes (truncated file?)")
                          .arg(name)
                          .arg(json::dump(offsets[0]))
                          .arg(json::dump(offsets[1]))
                          .arg(std::to_string(dataSize)));
        if (uint64_t(e - b) != count * 4)
            throw bad(CS_TEXT("cs::Files",
                              "tensor '%1' has shape %2 (%3 bytes) but its data_offsets "
                              "span %4 bytes")
                          .arg(name)
                          .arg(Shape(dims).toString())
                          .arg(std::to_string(count * 4))
                          .arg(std::to_string(uint64_t(e - b))));
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
            throw bad(CS_TEXT("cs::Files", "tensors '%1' and '%2' overlap")
                          .arg(byOffset[i - 1]->name)
                          .arg(byOffset[i]->name));
    try {
        checkMemoryLimit(totalBytes,
                         CS_TEXT("cs::Files", "the tensor data needs %1 (%3 tensors), over the %2 "
                                              "limit (CONVSTUDIO_MEMORY_LIMIT)")
                             .arg(int64_t(entries.size())));
    } catch (const ResourceError& e) {
        throw ResourceError(e.text().within(path));
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
