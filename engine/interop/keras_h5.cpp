#include "engine/interop/keras_h5.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"

#include <hdf5.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cs {

namespace {

// The HDF5 library keeps global state (its error stack, open objects); one
// file is read at a time.
std::mutex& hdf5Mutex() {
    static std::mutex m;
    return m;
}

// Owns one HDF5 identifier and closes it with the right function.
class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle(hid_t id, Closer close) : id_(id), close_(close) {}
    ~Handle() {
        if (id_ >= 0) close_(id_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t get() const { return id_; }
    bool valid() const { return id_ >= 0; }

private:
    hid_t id_;
    Closer close_;
};

// While reading, HDF5 prints nothing to stderr; its messages are collected
// into ours instead (lastHdf5Message()).
class QuietErrors {
public:
    QuietErrors() {
        H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    ~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    H5E_auto2_t func_ = nullptr;
    void* data_ = nullptr;
};

// The innermost description on HDF5's error stack ("truncated file: eof = ..."),
// or "" when the stack is empty.
std::string lastHdf5Message() {
    std::string message;
    auto walk = [](unsigned, const H5E_error2_t* e, void* out) -> herr_t {
        if (e->desc && *e->desc)
            *static_cast<std::string*>(out) = e->desc; // the last is the innermost
        return 0;
    };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, walk, &message);
    H5Eclear2(H5E_DEFAULT);
    return message;
}

std::string hdf5Detail() {
    const std::string m = lastHdf5Message();
    return m.empty() ? std::string() : " (HDF5: " + m + ")";
}

class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(UserText what) const { throw FormatError(what.about(path_)); }

    // "%1 of %2": an attribute of the file (a translated word) or of a group (a name).
    static UserText& ownerArg(UserText& text, const std::string& owner) {
        return owner.empty() ? text.termArg("cs::Keras", CS_NOOP("cs::Keras", "the file"))
                             : text.arg(owner);
    }

    // Strings of an attribute: one (scalar) or a list; fixed-length or
    // variable-length. Keras writes an empty list as an empty float array.
    std::vector<std::string> stringsOf(hid_t object, const std::string& objectName,
                                       const std::string& name) const {
        // Formats: %1 the attribute, %2 its owner, %3 more.
        auto bad = [&](UserText text) {
            text.arg(name);
            ownerArg(text, objectName);
            return text;
        };
        auto damaged = [&](UserText text) { return bad(text).arg(hdf5Detail()); };
        const UserText cannotOpen =
            CS_TEXT("cs::Keras",
                    "attribute '%1' of %2 cannot be opened: the file is truncated or damaged%3");
        const UserText cannotRead = CS_TEXT(
            "cs::Keras", "attribute '%1' of %2 cannot be read: the file is truncated or damaged%3");
        Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
        if (!attr.valid()) fail(damaged(cannotOpen));
        Handle space(H5Aget_space(attr.get()), H5Sclose);
        Handle type(H5Aget_type(attr.get()), H5Tclose);
        if (!space.valid() || !type.valid()) fail(damaged(cannotRead));
        const hssize_t count = H5Sget_simple_extent_npoints(space.get());
        if (count < 0) fail(damaged(cannotRead));
        if (count == 0) return {};
        if (H5Tget_class(type.get()) != H5T_STRING)
            fail(bad(CS_TEXT("cs::Keras", "attribute '%1' of %2 is not text")));
        if (count > 1'000'000)
            fail(bad(CS_TEXT("cs::Keras", "attribute '%1' of %2 lists %3 entries"))
                     .arg(formatCount(uint64_t(count))));
        std::vector<std::string> out;
        if (H5Tis_variable_str(type.get()) > 0) {
            Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
            H5Tset_size(memType.get(), H5T_VARIABLE);
            H5Tset_cset(memType.get(), H5Tget_cset(type.get()));
            std::vector<char*> items(size_t(count), nullptr);
            if (H5Aread(attr.get(), memType.get(), items.data()) < 0) fail(damaged(cannotRead));
            for (char* s : items)
                out.emplace_back(s ? s : "");
            H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT, items.data());
            return out;
        }
        const size_t width = H5Tget_size(type.get());
        if (width == 0 || saturatingMultiply(width, uint64_t(count)) > (256u << 20))
            fail(bad(
                CS_TEXT("cs::Keras", "attribute '%1' of %2 is too large to be a Keras attribute")));
        std::vector<char> bytes(width * size_t(count));
        if (H5Aread(attr.get(), type.get(), bytes.data()) < 0) fail(damaged(cannotRead));
        for (hssize_t i = 0; i < count; ++i) {
            const char* s = bytes.data() + size_t(i) * width;
            out.emplace_back(s, strnlen(s, width)); // fixed strings are padded with NULs
        }
        return out;
    }

    bool hasAttribute(hid_t object, const std::string& name) const {
        return H5Aexists(object, name.c_str()) > 0;
    }

    // Keras's load_attributes_from_hdf5_group: "name", or "name0", "name1" ...
    std::vector<std::string> listAttribute(hid_t group, const std::string& groupName,
                                           const std::string& name) const {
        if (hasAttribute(group, name)) return stringsOf(group, groupName, name);
        std::vector<std::string> all;
        for (int chunk = 0; hasAttribute(group, name + std::to_string(chunk)); ++chunk)
            for (std::string& s : stringsOf(group, groupName, name + std::to_string(chunk)))
                all.push_back(std::move(s));
        return all;
    }

    std::string textAttribute(hid_t object, const std::string& name) const {
        std::vector<std::string> v = stringsOf(object, "", name);
        if (v.size() != 1)
            fail(CS_TEXT("cs::Keras", "attribute '%1' must be one text, found %2")
                     .arg(name)
                     .arg(int64_t(v.size())));
        return v[0];
    }

    Tensor dataset(hid_t group, const std::string& fullName, const std::string& name) const {
        // Formats: %1 the dataset, %2 more.
        auto bad = [&](UserText text) { return text.arg(fullName); };
        auto damaged = [&](UserText text) { return bad(text).arg(hdf5Detail()); };
        if (H5Lexists(group, name.c_str(), H5P_DEFAULT) <= 0) {
            H5Eclear2(H5E_DEFAULT);
            fail(bad(
                CS_TEXT("cs::Keras", "dataset '%1' is missing (it is listed in weight_names)")));
        }
        Handle set(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose);
        if (!set.valid())
            fail(damaged(CS_TEXT("cs::Keras", "dataset '%1' cannot be opened: the file is "
                                              "truncated or damaged%2")));
        Handle space(H5Dget_space(set.get()), H5Sclose);
        Handle type(H5Dget_type(set.get()), H5Tclose);
        if (!space.valid() || !type.valid())
            fail(damaged(CS_TEXT(
                "cs::Keras", "dataset '%1' cannot be read: the file is truncated or damaged%2")));
        if (H5Tget_class(type.get()) != H5T_FLOAT)
            fail(bad(CS_TEXT("cs::Keras", "dataset '%1' does not hold floating-point numbers")));
        const int rank = H5Sget_simple_extent_ndims(space.get());
        if (rank < 0 || rank > 8)
            fail(bad(CS_TEXT("cs::Keras", "dataset '%1' has an unusable rank %2")).arg(rank));
        hsize_t dims[8] = {};
        H5Sget_simple_extent_dims(space.get(), dims, nullptr);
        std::vector<int> shape;
        uint64_t count = 1;
        for (int i = 0; i < rank; ++i) {
            if (dims[i] > (1u << 30))
                fail(bad(CS_TEXT("cs::Keras", "dataset '%1' has a dimension of %2"))
                         .arg(formatCount(dims[i])));
            shape.push_back(int(dims[i]));
            count = saturatingMultiply(count, dims[i]);
        }
        checkMemoryLimit(saturatingMultiply(count, 4),
                         CS_TEXT("cs::Keras", "weight '%3' needs %1, over the %2 limit "
                                              "(CONVSTUDIO_MEMORY_LIMIT)")
                             .arg(fullName)
                             .about(path_));
        Tensor t{Shape(shape)};
        if (count > 0 &&
            H5Dread(set.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, t.data()) < 0)
            fail(damaged(CS_TEXT(
                "cs::Keras", "dataset '%1' cannot be read: the file is truncated or damaged%2")));
        return t;
    }

    KerasH5File read() {
        if (!hasHdf5Signature(path_)) {
            std::ifstream probe(path_, std::ios::binary);
            if (!probe) throw IoError(CS_TEXT("cs::Files", "cannot open").about(path_));
            fail(CS_TEXT("cs::Keras", "not an HDF5 file (no HDF5 signature): a Keras .h5 model is "
                                      "an HDF5 file"));
        }
        Handle file(H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
        if (!file.valid())
            fail(
                CS_TEXT("cs::Keras", "cannot be opened as HDF5: the file is truncated or damaged%1")
                    .arg(hdf5Detail()));
        KerasH5File out;
        if (!hasAttribute(file.get(), "model_config"))
            fail(CS_TEXT("cs::Keras",
                         "no 'model_config' attribute: not a whole Keras model (a file of "
                         "model.save_weights() holds no architecture; save with "
                         "model.save(\"x.h5\"))"));
        out.modelConfig = textAttribute(file.get(), "model_config");
        if (hasAttribute(file.get(), "training_config"))
            out.trainingConfig = textAttribute(file.get(), "training_config");
        if (hasAttribute(file.get(), "keras_version"))
            out.kerasVersion = textAttribute(file.get(), "keras_version");

        if (H5Lexists(file.get(), "model_weights", H5P_DEFAULT) <= 0)
            fail(CS_TEXT("cs::Keras", "no 'model_weights' group: the file holds no weights"));
        Handle weights(H5Gopen2(file.get(), "model_weights", H5P_DEFAULT), H5Gclose);
        if (!weights.valid())
            fail(CS_TEXT("cs::Keras",
                         "group '%1' cannot be opened: the file is truncated or damaged%2")
                     .arg("model_weights")
                     .arg(hdf5Detail()));
        for (const std::string& layerName :
             listAttribute(weights.get(), "'model_weights'", "layer_names")) {
            const std::string groupName = "model_weights/" + layerName;
            if (layerName.empty() ||
                H5Lexists(weights.get(), layerName.c_str(), H5P_DEFAULT) <= 0) {
                H5Eclear2(H5E_DEFAULT);
                fail(CS_TEXT("cs::Keras",
                             "group '%1' is missing (the layer is listed in layer_names)")
                         .arg(groupName));
            }
            Handle group(H5Gopen2(weights.get(), layerName.c_str(), H5P_DEFAULT), H5Gclose);
            if (!group.valid())
                fail(CS_TEXT("cs::Keras",
                             "group '%1' cannot be opened: the file is truncated or damaged%2")
                         .arg(groupName)
                         .arg(hdf5Detail()));
            KerasH5Layer layer;
            layer.name = layerName;
            for (const std::string& w :
                 listAttribute(group.get(), "'" + groupName + "'", "weight_names"))
                layer.weights.push_back({w, dataset(group.get(), groupName + "/" + w, w)});
            out.layers.push_back(std::move(layer));
        }
        return out;
    }

private:
    std::string path_;
};

} // namespace

bool hasHdf5Signature(const std::string& path) {
    static const char kSignature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    return in.read(head, 8) && std::memcmp(head, kSignature, 8) == 0;
}

namespace {

// ---- Reading in a child process ------------------------------------------------
// libhdf5 trusts the file's internal addresses: a few damaged bytes make it read
// out of bounds (a crash in H5HG_read, found by flipping bytes of functional.h5)
// or loop for ever. So the file is read by a forked child that sends the result
// back through a pipe; a crash or a runaway loop (stopped by a CPU-time limit)
// costs the child, and the caller gets a FormatError instead of losing the program.

// CPU seconds (not wall-clock time, so a busy machine does not matter): reading
// and converting 2 GB of weights (the memory limit's default) takes a few.
constexpr rlim_t kChildCpuSeconds = 20;

class Writer {
public:
    void bytes(const void* data, size_t n) {
        const char* p = static_cast<const char*>(data);
        out_.insert(out_.end(), p, p + n);
    }
    void u64(uint64_t v) { bytes(&v, sizeof v); }
    void text(const std::string& s) {
        u64(s.size());
        bytes(s.data(), s.size());
    }
    // A context is sent by name ("" for none).
    void context(const char* c) { text(c ? c : ""); }
    // An error's text whole, so the window can still translate it.
    void userText(const UserText& t) {
        context(t.context);
        text(t.format);
        u64(t.args.size());
        for (size_t i = 0; i < t.args.size(); ++i) {
            text(t.args[i]);
            context(i < t.argContexts.size() ? t.argContexts[i] : nullptr);
        }
        text(t.subject);
        u64(t.places.size());
        for (const UserText& place : t.places)
            userText(place);
        u64(t.more.size());
        for (const UserText& next : t.more)
            userText(next);
        u64(t.nested.size());
        for (size_t i = 0; i < t.nested.size(); ++i) {
            u64(t.nestedAt[i]);
            userText(t.nested[i]);
        }
    }
    const std::vector<char>& data() const { return out_; }

private:
    std::vector<char> out_;
};

// UserText keeps its context as a pointer that must outlive it: the name read
// from the child is kept here for the program's life (a handful of names).
const char* internedContext(const std::string& name) {
    if (name.empty()) return nullptr;
    static std::mutex mutex;
    static std::set<std::string> names;
    std::lock_guard<std::mutex> lock(mutex);
    return names.insert(name).first->c_str();
}

class Unpacker {
public:
    explicit Unpacker(const std::vector<char>& in) : in_(in) {}
    void bytes(void* data, size_t n) {
        if (n > in_.size() - at_) throw std::length_error("short message");
        std::memcpy(data, in_.data() + at_, n);
        at_ += n;
    }
    uint64_t u64() {
        uint64_t v = 0;
        bytes(&v, sizeof v);
        return v;
    }
    std::string text() {
        const uint64_t n = u64();
        if (n > in_.size() - at_) throw std::length_error("short message");
        std::string s(in_.data() + at_, size_t(n));
        at_ += size_t(n);
        return s;
    }
    const char* context() { return internedContext(text()); }
    UserText userText() {
        UserText t;
        t.context = context();
        t.format = text();
        const uint64_t args = u64();
        for (uint64_t i = 0; i < args; ++i) {
            t.args.push_back(text());
            t.argContexts.push_back(context());
        }
        t.subject = text();
        const uint64_t places = u64();
        for (uint64_t i = 0; i < places; ++i)
            t.places.push_back(userText());
        const uint64_t more = u64();
        for (uint64_t i = 0; i < more; ++i)
            t.more.push_back(userText());
        const uint64_t nested = u64();
        for (uint64_t i = 0; i < nested; ++i) {
            t.nestedAt.push_back(size_t(u64()));
            t.nested.push_back(userText());
        }
        return t;
    }

private:
    const std::vector<char>& in_;
    size_t at_ = 0;
};

// Message: kind ('O' the file; 'F', 'R', 'I' an error of that type), then the content.
std::vector<char> pack(const KerasH5File& f) {
    Writer w;
    w.bytes("O", 1);
    w.text(f.modelConfig);
    w.text(f.trainingConfig);
    w.text(f.kerasVersion);
    w.u64(f.layers.size());
    for (const KerasH5Layer& l : f.layers) {
        w.text(l.name);
        w.u64(l.weights.size());
        for (const KerasH5Weight& wt : l.weights) {
            w.text(wt.name);
            const std::vector<int>& dims = wt.value.shape().dims();
            w.u64(dims.size());
            for (int d : dims)
                w.u64(uint64_t(d));
            w.bytes(wt.value.data(), size_t(wt.value.size()) * sizeof(float));
        }
    }
    return w.data();
}

KerasH5File unpack(const std::vector<char>& message) {
    Unpacker u(message);
    char kind = 0;
    u.bytes(&kind, 1);
    if (kind != 'O') {
        UserText what = u.userText();
        if (kind == 'R') throw ResourceError(std::move(what));
        if (kind == 'I') throw IoError(std::move(what));
        throw FormatError(std::move(what));
    }
    KerasH5File f;
    f.modelConfig = u.text();
    f.trainingConfig = u.text();
    f.kerasVersion = u.text();
    const uint64_t layers = u.u64();
    for (uint64_t i = 0; i < layers; ++i) {
        KerasH5Layer l;
        l.name = u.text();
        const uint64_t weights = u.u64();
        for (uint64_t j = 0; j < weights; ++j) {
            KerasH5Weight w;
            w.name = u.text();
            std::vector<int> dims(size_t(u.u64()));
            for (int& d : dims)
                d = int(u.u64());
            w.value = Tensor{Shape(dims)};
            u.bytes(w.value.data(), size_t(w.value.size()) * sizeof(float));
            l.weights.push_back(std::move(w));
        }
        f.layers.push_back(std::move(l));
    }
    return f;
}

bool writeAll(int fd, const std::vector<char>& data) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

[[noreturn]] void childMain(const std::string& path, int fd) {
    rlimit cpu{kChildCpuSeconds, kChildCpuSeconds + 1}; // SIGXCPU at the first limit
    setrlimit(RLIMIT_CPU, &cpu);
    std::vector<char> message;
    try {
        QuietErrors quiet;
        message = pack(Reader(path).read());
    } catch (const std::exception& e) { // sent whole: the window translates it
        Writer w;
        const bool resource = dynamic_cast<const ResourceError*>(&e) != nullptr;
        const bool io = dynamic_cast<const IoError*>(&e) != nullptr;
        w.bytes(resource ? "R" : io ? "I" : "F", 1);
        w.userText(textOf(e));
        message = w.data();
    }
    _exit(writeAll(fd, message) ? 0 : 1); // no atexit handlers: they belong to the parent
}

} // namespace

KerasH5File readKerasH5(const std::string& path) {
    // Checked here too, before a process is started for the commonest mistake.
    if (!hasHdf5Signature(path)) {
        std::ifstream probe(path, std::ios::binary);
        if (!probe) throw IoError(CS_TEXT("cs::Files", "cannot open").about(path));
        throw FormatError(CS_TEXT("cs::Keras", "not an HDF5 file (no HDF5 signature): a Keras .h5 "
                                               "model is an HDF5 file")
                              .about(path));
    }
    std::lock_guard<std::mutex> lock(hdf5Mutex());
    int fds[2];
    if (::pipe(fds) != 0)
        throw IoError(CS_TEXT("cs::Keras", "cannot read: no pipe for the HDF5 reader: %1")
                          .arg(std::strerror(errno))
                          .about(path));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw IoError(CS_TEXT("cs::Keras", "cannot read: no process for the HDF5 reader: %1")
                          .arg(std::strerror(errno))
                          .about(path));
    }
    if (child == 0) {
        ::close(fds[0]);
        childMain(path, fds[1]);
    }
    ::close(fds[1]);
    std::vector<char> message;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        message.insert(message.end(), buffer, buffer + n);
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || message.empty()) {
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
            throw FormatError(CS_TEXT("cs::Keras", "cannot be read as HDF5: the file is truncated "
                                                   "or damaged (the HDF5 library ran without end "
                                                   "on it)")
                                  .about(path));
        if (WIFSIGNALED(status))
            throw FormatError(CS_TEXT("cs::Keras", "cannot be read as HDF5: the file is truncated "
                                                   "or damaged (the HDF5 library crashed on it "
                                                   "(signal %1))")
                                  .arg(WTERMSIG(status))
                                  .about(path));
        throw FormatError(CS_TEXT("cs::Keras", "cannot be read as HDF5: the file is truncated or "
                                               "damaged (the HDF5 reader failed)")
                              .about(path));
    }
    try {
        return unpack(message);
    } catch (const std::length_error&) {
        throw FormatError(CS_TEXT("cs::Keras", "cannot be read as HDF5: the file is truncated or "
                                               "damaged (the reader's answer was cut short)")
                              .about(path));
    }
}

} // namespace cs
