#include "engine/data/folder_walk.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <utility>

namespace cs {

namespace {

namespace fs = std::filesystem;

using FolderId = std::pair<dev_t, ino_t>; // a folder's identity, whatever path reaches it

bool folderId(const fs::path& path, FolderId& id) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    id = {st.st_dev, st.st_ino};
    return true;
}

bool isHidden(const fs::path& p) {
    return p.filename().string().rfind('.', 0) == 0;
}

// True when `inner` is `outer` or below it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

// Real sub-folders first, links after: when a link and a real path reach the
// same folder, its files are listed under the real path, whatever the names.
class Walker {
public:
    // trees: the canonical folder being listed first, then the other trees links may enter.
    Walker(std::vector<fs::path> trees, FolderWalk& out) : trees_(std::move(trees)), out_(out) {}

    void run(const fs::path& root) {
        walk(root);
        for (size_t i = 0; i < links_.size(); ++i)
            follow(links_[i]); // following may queue more
    }

private:
    void walk(const fs::path& dir) {
        FolderId id;
        if (!folderId(dir, id) || !visited_.insert(id).second) return;
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(*it);
        std::sort(entries.begin(), entries.end(),
                  [](const fs::directory_entry& a, const fs::directory_entry& b) {
                      return a.path() < b.path();
                  });
        for (const fs::directory_entry& e : entries) {
            if (isHidden(e.path())) continue;
            if (e.is_symlink(ec) && e.is_directory(ec))
                links_.push_back(e.path());
            else if (e.is_directory(ec))
                walk(e.path());
            else if (e.is_regular_file(ec))
                out_.files.push_back(e.path().string());
        }
    }

    void follow(const fs::path& link) {
        std::error_code ec;
        const fs::path target = fs::canonical(link, ec);
        if (ec) {
            out_.skipped.push_back(
                {link.string(),
                 CS_TEXT("cs::Datasets", "a folder link that cannot be resolved (%1)")
                     .arg(ec.message())});
            return;
        }
        const bool inside = std::any_of(trees_.begin(), trees_.end(),
                                        [&](const fs::path& t) { return within(target, t); });
        if (!inside) {
            out_.skipped.push_back(
                {link.string(), CS_TEXT("cs::Datasets",
                                        "a link to %1, outside the folder being read: not followed")
                                    .arg(target.string())});
            return;
        }
        if (within(trees_.front(), target)) { // the folder being listed, or above it
            out_.skipped.push_back(
                {link.string(),
                 CS_TEXT("cs::Datasets",
                         "a link to %1, which holds this folder (a loop): not followed")
                     .arg(target.string())});
            return;
        }
        FolderId id;
        if (folderId(target, id) && visited_.count(id)) {
            out_.skipped.push_back(
                {link.string(),
                 CS_TEXT("cs::Datasets",
                         "a link to %1, a folder already read (a loop or a second path): not "
                         "followed")
                     .arg(target.string())});
            return;
        }
        walk(link);
    }

    std::vector<fs::path> trees_;
    FolderWalk& out_;
    std::set<FolderId> visited_;
    std::vector<fs::path> links_; // folder links met, followed after the real folders
};

} // namespace

FolderWalk walkFolder(const std::string& folder, const std::string& tree) {
    FolderWalk out;
    std::error_code ec;
    std::vector<fs::path> trees;
    const fs::path root = fs::canonical(folder, ec);
    if (ec) return out;
    trees.push_back(root);
    if (!tree.empty())
        if (fs::path t = fs::canonical(tree, ec); !ec) trees.push_back(t);
    Walker(trees, out).run(fs::path(folder));
    std::sort(out.files.begin(), out.files.end());
    return out;
}

} // namespace cs
