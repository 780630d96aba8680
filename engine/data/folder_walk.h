// Listing the files under a folder, recursively, without being led astray by
// symbolic links: a link to a folder is followed only when its target lies
// inside the tree being listed (the data set folder the user gave) and has not
// been walked already, so a link to itself or to a parent (a loop) cannot
// hang the scan or count the same images again, and a link out of the tree
// cannot pull in other files. Links not followed are reported with the reason.
//
//   FolderWalk walk = walkFolder("data/train/cats", "data");
//   walk.files;   // sorted regular files, hidden ones (".x") left out
//   walk.skipped; // {"data/train/cats/loop", "a link back to a folder already listed ..."}
#pragma once

#include "engine/core/user_text.h"

#include <string>
#include <vector>

namespace cs {

struct SkippedFile {
    std::string path;
    UserText reason; // "not an image: ...", "corrupt JPEG ...", "a link to a folder outside ..."
};

struct FolderWalk {
    std::vector<std::string> files;   // sorted
    std::vector<SkippedFile> skipped; // folder links not followed, and why
};

// Every regular file under `folder` (which may itself be a link), sorted.
// Hidden entries are left out. Sub-folder links are followed when their
// target lies inside `folder` or inside `tree` (empty: `folder` alone) and
// was not walked before in this call.
FolderWalk walkFolder(const std::string& folder, const std::string& tree = {});

} // namespace cs
