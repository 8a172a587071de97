#pragma once
// Scanning a class-per-folder data set (Kvasir v2 layout): every file is decoded once and either
// explained as a problem or, when a cache is given, preprocessed into it in the same pass.
#include "data/image_formats.h"
#include "data/image_io.h"

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vitscope {

class Preprocessor;
class ImageCache;

struct ScanItem {
    std::string path;    // absolute
    std::string relPath; // relative to the data set root, '/'-separated
    int label = -1;       // the current label: the folder's, or the label manifest's
    int folderLabel = -1; // the class folder it lies in; -1 when labelled through the manifest
    std::string sha256;
    int width = 0, height = 0;
    std::string mode, format, note;
    bool nested = false; // in a sub-folder of its class folder
};

struct BadFile {
    std::string path; // relative to the root
    std::string reason;
};

struct ClassInfo {
    std::string name;
    int count = 0;  // usable images
    int nested = 0; // of which from nested folders
};

struct ScanReport {
    std::string root;
    std::vector<ClassInfo> classes; // sorted by name: label ids match the notebook's imagefolder loader
    std::vector<ScanItem> items;    // usable images, sorted by relPath
    std::vector<BadFile> bad;
    std::vector<BadFile> converted; // usable after a conversion (16-bit, CMYK): path + what was done
    std::vector<std::vector<std::string>> duplicates; // groups of relPaths with identical content
    int64_t files = 0;            // image-extension files examined
    int64_t skippedHidden = 0, skippedOther = 0;
    std::map<std::string, int> modes;
    std::array<int, 2> minSize{0, 0}, maxSize{0, 0}, medianSize{0, 0};
    std::vector<std::string> problems; // data-set level: empty classes, tiny classes, loose files
    // The label manifest (data/label_manifest.h) as applied: where it is, its hash, what it did.
    std::string labelsFile, labelsHash;
    int relabelled = 0, added = 0, damagedLabelLines = 0;
    std::vector<BadFile> excluded;       // left out by the manifest: path + who and when
    std::vector<BadFile> labelConflicts; // manifest entries not applied, and why (changed file, ...)
    std::string error;                 // non-empty: the data set cannot be used
    bool cancelled = false;

    bool usable() const { return error.empty() && !cancelled; }
};

struct ScanOptions {
    int64_t maxPixels = kDefaultMaxPixels;
    int threads = 0; // 0: all cores
    const Preprocessor *preprocessor = nullptr; // with cache: fill it in the same pass
    ImageCache *cache = nullptr;
    std::function<void(int64_t done, int64_t total)> progress; // called from worker threads
    const std::atomic<bool> *cancel = nullptr;
    bool applyLabels = true; // the label manifest's changes on top of the class folders
    std::string labelsFile;  // empty: LabelManifest::locate(root)
};

ScanReport scanDataset(const std::string &root, const ScanOptions &options = {});
std::string scanReportToJson(const ScanReport &report, int indent = -1);

} // namespace vitscope
