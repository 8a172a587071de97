#include "data/dataset_scan.h"

#include "data/cache.h"
#include "data/image_formats.h"
#include "data/label_manifest.h"
#include "data/parallel.h"
#include "data/preprocess.h"
#include "data/sha256.h"
#include "engine/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <vector>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

struct Candidate {
    fs::path path;
    std::string rel;
    int label; // the folder's; -1 for a file the manifest labels from outside the class folders
    bool nested;
};

int classIndex(const std::vector<std::string> &names, const std::string &name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

std::string byWhom(const LabelState &s)
{
    return s.user + ", " + s.time;
}

// Manifest entries for files that are not among the class folders' candidates: files labelled from
// outside them join the candidates; the rest are reported as not applied.
void addManifestCandidates(const LabelManifest &m, const fs::path &root, const std::vector<std::string> &classNames,
                           std::vector<Candidate> &candidates, ScanReport &r)
{
    std::set<std::string> seen;
    for (const auto &c : candidates)
        seen.insert(c.rel);
    for (const auto &[path, st] : m.states()) {
        if (seen.count(path))
            continue;
        std::error_code ec;
        const fs::path file = (root / path).lexically_normal();
        if (!st.edit.folder.empty() || !fs::is_regular_file(file, ec)) {
            if (!st.edit.excluded)
                r.labelConflicts.push_back({path, "labelled '" + st.edit.label + "' (" + byWhom(st) + ") but no longer in the data set"});
            continue;
        }
        if (st.edit.excluded)
            continue;
        if (classIndex(classNames, st.edit.label) < 0) {
            r.labelConflicts.push_back({path, "labelled '" + st.edit.label + "' (" + byWhom(st) + "), which is not a class folder: not used"});
            continue;
        }
        candidates.push_back({file, path, -1, false});
    }
}

// The manifest's decision on one examined file: its label, or -1 when excluded (or unusable).
int applyManifest(const LabelManifest &m, const ScanItem &item, int folderLabel, const std::vector<std::string> &classNames,
                  ScanReport &r)
{
    const LabelState *st = m.state(item.relPath);
    if (!st)
        return folderLabel;
    const std::string what = st->edit.excluded ? std::string("excluded") : "labelled '" + st->edit.label + "'";
    if (st->edit.sha256 != item.sha256) {
        // Never applied silently: the image is not the one the annotator saw.
        r.labelConflicts.push_back({item.relPath, "changed since it was " + what + " (" + byWhom(*st) + "): " +
                                                      (folderLabel >= 0 ? "its folder's label is used" : "not used")});
        return folderLabel;
    }
    if (st->edit.excluded) {
        r.excluded.push_back({item.relPath, "excluded (" + byWhom(*st) + ")" + (st->edit.note.empty() ? "" : ": " + st->edit.note)});
        return -1;
    }
    const int label = classIndex(classNames, st->edit.label);
    if (label < 0) {
        r.labelConflicts.push_back({item.relPath, what + " (" + byWhom(*st) + "), which is not a class folder: " +
                                                      (folderLabel >= 0 ? "its folder's label is used" : "not used")});
        return folderLabel;
    }
    r.relabelled += folderLabel >= 0 && label != folderLabel;
    r.added += folderLabel < 0;
    return label;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool hidden(const fs::path &p)
{
    const auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Lexical, as listImageFiles: a linked image is named by its link, not its target (#17 item 15).
std::string relativeTo(const fs::path &p, const fs::path &root)
{
    return p.lexically_relative(root).generic_string();
}

// Examines one file: hash, then cache hit (already validated) or decode (+ cache fill). A cache
// that cannot be written is the job's problem, not the file's: it goes to `cacheError`.
void examine(const Candidate &c, const ScanOptions &o, std::vector<uint8_t> &buffer, ScanItem &item, std::string &error,
             std::string &cacheError)
{
    try {
        const auto bytes = readFileBytes(c.path.string());
        item.sha256 = sha256Hex(bytes);
        CacheEntryInfo info;
        if (o.cache && o.cache->info(item.sha256, info)) {
            item.width = info.width;
            item.height = info.height;
            item.mode = info.mode;
            item.format = info.format;
            item.note = info.note;
            return;
        }
        const DecodedImage img = decodeImageBuffer(bytes, o.maxPixels);
        item.width = img.width;
        item.height = img.height;
        item.mode = img.mode;
        item.format = img.format;
        item.note = img.note;
        if (o.cache && o.preprocessor) {
            buffer.resize(o.cache->entryBytes());
            o.preprocessor->resizeInto(img, buffer.data());
            o.cache->store(item.sha256, buffer.data(), {img.width, img.height, img.mode, img.format, img.note});
        }
    } catch (const CacheWriteError &e) {
        cacheError = e.what();
    } catch (const std::exception &e) {
        error = e.what();
    }
}

} // namespace

ScanReport scanDataset(const std::string &rootPath, const ScanOptions &o)
{
    ScanReport r;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(fs::path(rootPath), ec);
    r.root = root.string();
    if (!fs::is_directory(root, ec)) {
        r.error = "data set folder " + rootPath + " does not exist or is not a folder";
        return r;
    }

    std::vector<std::string> classNames;
    for (const auto &e : fs::directory_iterator(root, fs::directory_options::skip_permission_denied, ec)) {
        if (hidden(e.path()))
            continue;
        if (e.is_directory(ec))
            classNames.push_back(e.path().filename().string());
        else if (isImageExtension(lower(e.path().extension().string())))
            r.problems.push_back("'" + e.path().filename().string() + "' lies directly in the root, outside any class folder: ignored");
    }
    std::sort(classNames.begin(), classNames.end());
    // A class name is a label in JSON and config.json: one that is not UTF-8 is escaped (engine/utf8.h).
    std::vector<std::string> labels;
    for (const auto &n : classNames)
        labels.push_back(utf8Escaped(n));

    std::vector<Candidate> candidates;
    for (int label = 0; label < static_cast<int>(classNames.size()); ++label) {
        const fs::path dir = root / classNames[label];
        FolderListing listing = listImageFiles(dir, root);
        for (const fs::path &p : listing.images)
            candidates.push_back({p, relativeTo(p, root), label, p.parent_path() != dir});
        r.problems.insert(r.problems.end(), listing.problems.begin(), listing.problems.end());
        r.skippedHidden += listing.hidden;
        r.skippedOther += listing.notImages;
    }
    std::optional<LabelManifest> manifest;
    if (o.applyLabels) {
        try {
            manifest.emplace(root.string(), o.labelsFile);
        } catch (const std::exception &e) {
            r.error = e.what(); // labels that cannot be read must not silently fall back to the folders
            return r;
        }
        r.labelsFile = manifest->file();
        r.labelsHash = manifest->hash();
        r.damagedLabelLines = manifest->damagedLines();
        addManifestCandidates(*manifest, root, labels, candidates, r);
    }
    // The file system's listing order must not matter.
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) { return a.rel < b.rel; });
    r.files = static_cast<int64_t>(candidates.size());

    std::vector<ScanItem> items(candidates.size());
    std::vector<std::string> errors(candidates.size()), cacheErrors(candidates.size());
    std::atomic<int64_t> done{0};
    const auto total = static_cast<int64_t>(candidates.size());
    parallelFor(total, o.threads, [&](int64_t i) {
        thread_local std::vector<uint8_t> buffer;
        examine(candidates[i], o, buffer, items[i], errors[i], cacheErrors[i]);
        const int64_t d = ++done;
        if (o.progress)
            o.progress(d, total);
    }, o.cancel);
    if (o.cancel && o.cancel->load()) {
        r.cancelled = true;
        r.error = "scan cancelled";
        return r;
    }

    // Never a smaller data set because the cache disk is full (#17, 3): the scan fails and says why.
    for (const auto &e : cacheErrors)
        if (!e.empty()) {
            r.error = e;
            return r;
        }
    r.classes.resize(classNames.size());
    for (std::size_t c = 0; c < classNames.size(); ++c)
        r.classes[c].name = labels[c];
    std::map<std::string, std::vector<std::string>> byHash;
    std::vector<std::pair<int, int>> sizes;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!errors[i].empty()) {
            r.bad.push_back({candidates[i].rel, errors[i]});
            continue;
        }
        ScanItem &item = items[i];
        item.path = candidates[i].path.string();
        item.relPath = candidates[i].rel;
        item.folderLabel = candidates[i].label;
        item.label = manifest ? applyManifest(*manifest, item, item.folderLabel, labels, r) : item.folderLabel;
        if (item.label < 0)
            continue;
        item.nested = candidates[i].nested;
        ++r.classes[item.label].count;
        r.classes[item.label].nested += item.nested;
        ++r.modes[item.mode];
        sizes.emplace_back(item.width, item.height);
        byHash[item.sha256].push_back(item.relPath);
        if (!item.note.empty())
            r.converted.push_back({item.relPath, item.note});
        r.items.push_back(std::move(item));
    }
    for (auto &[hash, paths] : byHash)
        if (paths.size() > 1)
            r.duplicates.push_back(paths);
    if (!sizes.empty()) {
        auto cmpArea = [](auto a, auto b) { return int64_t(a.first) * a.second < int64_t(b.first) * b.second; };
        std::sort(sizes.begin(), sizes.end(), cmpArea);
        r.minSize = {sizes.front().first, sizes.front().second};
        r.maxSize = {sizes.back().first, sizes.back().second};
        r.medianSize = {sizes[sizes.size() / 2].first, sizes[sizes.size() / 2].second};
    }
    int usableClasses = 0;
    for (const auto &c : r.classes) {
        if (c.count == 0)
            r.problems.push_back("class '" + c.name + "' has no usable images");
        else if (c.count < 2)
            r.problems.push_back("class '" + c.name + "' has only 1 usable image: too few to split");
        usableClasses += c.count >= 2;
    }
    if (r.damagedLabelLines)
        r.problems.push_back(std::to_string(r.damagedLabelLines) + " line(s) of the label manifest " + r.labelsFile +
                             " could not be read (torn by a crash?) and were skipped");
    if (usableClasses < 2) {
        r.error = "the data set needs at least 2 classes with 2 or more usable images each (found " +
                  std::to_string(usableClasses) + "); expected one sub-folder per class in " + r.root;
        // When the images are there but unusable, why matters more than the layout (#17 item 23).
        if (!r.bad.empty())
            r.error += "; " + std::to_string(r.bad.size()) + " image file(s) could not be used, the first " + r.bad.front().path + ": " +
                       r.bad.front().reason;
    }
    return r;
}

std::string scanReportToJson(const ScanReport &r, int indent)
{
    using nlohmann::json;
    auto notes = [](const std::vector<BadFile> &list) {
        json a = json::array();
        for (const auto &b : list)
            a.push_back({{"path", b.path}, {"reason", b.reason}});
        return a;
    };
    json classes = json::array();
    for (const auto &c : r.classes)
        classes.push_back({{"name", c.name}, {"count", c.count}, {"nested", c.nested}});
    json bad = json::array();
    for (const auto &b : r.bad)
        bad.push_back({{"path", b.path}, {"reason", b.reason}});
    json j = {{"root", r.root},
              {"classes", classes},
              {"images", r.files},
              {"usable", static_cast<int64_t>(r.items.size())},
              {"bad", bad},
              {"converted", [&] {
                   json c = json::array();
                   for (const auto &b : r.converted)
                       c.push_back({{"path", b.path}, {"note", b.reason}});
                   return c;
               }()},
              {"duplicates", r.duplicates},
              {"sizes", {{"min", r.minSize}, {"max", r.maxSize}, {"median", r.medianSize}}},
              {"modes", r.modes},
              {"skipped", {{"hidden", r.skippedHidden}, {"not_images", r.skippedOther}}},
              {"problems", r.problems},
              {"labels", {{"file", r.labelsFile},
                          {"hash", r.labelsHash},
                          {"relabelled", r.relabelled},
                          {"added", r.added},
                          {"excluded", notes(r.excluded)},
                          {"conflicts", notes(r.labelConflicts)}}}};
    if (!r.error.empty())
        j["error"] = r.error;
    escapeInvalidUtf8(j); // one name that is not UTF-8 must not lose the whole report (#17 item 14)
    return j.dump(indent);
}

} // namespace vitscope
