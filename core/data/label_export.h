#pragma once
// The current labels (class folders plus the label manifest, as a scan applied them) written out
// for other tools: a CSV of (path, label), or a copy in the class-folder layout made of hard links
// where the file system allows (no image data is duplicated then) and copies elsewhere.
#include "data/dataset_scan.h"

#include <string>

namespace vitscope {

// A "path,label" CSV (RFC 4180; path relative to the root), sorted by path; throws std::runtime_error.
void exportLabelsCsv(const ScanReport &scan, const std::string &file);

struct FolderExport {
    int64_t linked = 0, copied = 0;
};
// OUT/<label>/<file name> for every usable image (a name taken twice gets the content hash's first
// 8 characters). OUT must not exist or be empty. Throws std::runtime_error.
FolderExport exportClassFolders(const ScanReport &scan, const std::string &out);

} // namespace vitscope
