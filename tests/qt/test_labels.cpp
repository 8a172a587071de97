// The label manifest and the review job: non-destructive relabels, exclusions and additions,
// undo/redo, crash and concurrency safety, changed files, what training sees, exports, and the
// k-fold review on real image files.
#include "test_support.h"

#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/label_export.h"
#include "data/label_manifest.h"
#include "data/sha256.h"
#include "data/split.h"
#include "job/label_review.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

fs::path freshDemo(const std::string &name, int perClass = 4)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-labels" / name;
    fs::remove_all(dir);
    writeDemoDataset(dir.string(), perClass, 11);
    return dir;
}

LabelEdit editOf(const fs::path &root, const std::string &rel, const std::string &label, bool excluded = false)
{
    LabelEdit e;
    e.path = rel;
    e.sha256 = sha256File((root / rel).string());
    e.folder = rel.substr(0, rel.find('/'));
    e.label = label;
    e.excluded = excluded;
    return e;
}

const ScanItem *itemAt(const ScanReport &r, const std::string &rel)
{
    for (const auto &i : r.items)
        if (i.relPath == rel)
            return &i;
    return nullptr;
}

std::string labelOf(const ScanReport &r, const std::string &rel)
{
    const ScanItem *i = itemAt(r, rel);
    return i ? r.classes[i->label].name : std::string();
}

// SHA-256 of every file under root but the manifest, by path: the images' bytes and names.
std::map<std::string, std::string> treeHashes(const fs::path &root)
{
    std::map<std::string, std::string> out;
    for (const auto &e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().filename() != kLabelManifestName)
            out[fs::relative(e.path(), root).string()] = sha256File(e.path().string());
    return out;
}

const std::string kPolyp = "polyps/polyps_0001.jpg", kCecum = "normal-cecum/normal-cecum_0002.jpg";

} // namespace

TEST_CASE("relabel, exclude, undo and redo: the scan applies the current labels; files stay untouched")
{
    const auto root = freshDemo("basic");
    const auto before = treeHashes(root);
    LabelManifest m(root.string());
    REQUIRE(m.file() == (root / kLabelManifestName).string());
    REQUIRE(m.atRoot());
    REQUIRE_FALSE(m.exists());
    REQUIRE(m.hash().empty());

    m.record({editOf(root, kPolyp, "esophagitis")});
    m.record({editOf(root, kCecum, "", true), editOf(root, "polyps/polyps_0002.jpg", "ulcerative-colitis")}); // one bulk change
    ScanReport r = scanDataset(root.string());
    REQUIRE(r.usable());
    REQUIRE(labelOf(r, kPolyp) == "esophagitis");
    REQUIRE(itemAt(r, kPolyp)->folderLabel != itemAt(r, kPolyp)->label);
    REQUIRE(itemAt(r, kCecum) == nullptr);
    REQUIRE(r.excluded.size() == 1);
    REQUIRE(r.relabelled == 2);
    REQUIRE(r.labelsHash == m.hash());
    REQUIRE(r.items.size() == 31);
    for (const auto &c : r.classes)
        if (c.name == "esophagitis")
            REQUIRE(c.count == 5);

    REQUIRE(m.undo()); // the bulk change, as one
    r = scanDataset(root.string());
    REQUIRE(labelOf(r, kCecum) == "normal-cecum");
    REQUIRE(labelOf(r, "polyps/polyps_0002.jpg") == "polyps");
    REQUIRE(labelOf(r, kPolyp) == "esophagitis");
    REQUIRE(m.canRedo());
    REQUIRE(m.redo());
    r = scanDataset(root.string());
    REQUIRE(itemAt(r, kCecum) == nullptr);
    REQUIRE(m.undo());
    REQUIRE(m.undo());
    REQUIRE_FALSE(m.undo());
    r = scanDataset(root.string());
    REQUIRE(r.relabelled == 0);
    REQUIRE(r.excluded.empty());
    REQUIRE(r.items.size() == 32);
    REQUIRE(m.changeCount() == 2); // undo is a line of its own: nothing is ever rewritten

    // A new change after undo drops this session's redo.
    m.record({editOf(root, kPolyp, "polyps", false)});
    REQUIRE_FALSE(m.canRedo());
    REQUIRE(m.state(kPolyp) != nullptr); // kept and reviewed
    REQUIRE(treeHashes(root) == before);

    // Another reader (window, process) sees the same state.
    const LabelManifest other(root.string());
    REQUIRE(other.hash() == m.hash());
    REQUIRE(other.states().size() == m.states().size());
}

TEST_CASE("a file changed since it was labelled is flagged and its label is not applied")
{
    const auto root = freshDemo("changed");
    LabelManifest m(root.string());
    m.record({editOf(root, kPolyp, "esophagitis")});
    fs::copy_file(root / "polyps/polyps_0003.jpg", root / kPolyp, fs::copy_options::overwrite_existing); // another image
    const ScanReport r = scanDataset(root.string());
    REQUIRE(r.usable());
    REQUIRE(labelOf(r, kPolyp) == "polyps");
    REQUIRE(r.labelConflicts.size() == 1);
    REQUIRE(r.labelConflicts[0].path == kPolyp);
    REQUIRE(r.labelConflicts[0].reason.find("changed since it was labelled 'esophagitis'") != std::string::npos);
    REQUIRE(r.relabelled == 0);
}

TEST_CASE("frames from outside the class folders join the data set through the manifest")
{
    const auto root = freshDemo("added");
    const auto inbox = root.parent_path() / "added-inbox";
    fs::remove_all(inbox);
    fs::create_directories(inbox);
    fs::copy_file(root / kPolyp, inbox / "new-frame.jpg");
    LabelManifest m(root.string());
    LabelEdit e;
    e.path = fs::relative(inbox / "new-frame.jpg", root).generic_string();
    REQUIRE(e.path == "../added-inbox/new-frame.jpg");
    e.sha256 = sha256File((inbox / "new-frame.jpg").string());
    e.label = "polyps";
    m.record({e});
    ScanReport r = scanDataset(root.string());
    REQUIRE(r.added == 1);
    REQUIRE(labelOf(r, e.path) == "polyps");
    REQUIRE(itemAt(r, e.path)->folderLabel == -1);
    // Training sees it: the split holds it with its label.
    const Split s = makeSplit(r, {0.8, 0.1, 0.1}, 42);
    int found = 0;
    for (const auto *part : {&s.train, &s.val, &s.test})
        for (const auto &entry : *part)
            found += entry.path == e.path && s.classes[entry.label] == "polyps";
    REQUIRE(found == 1);
    fs::remove(inbox / "new-frame.jpg");
    r = scanDataset(root.string());
    REQUIRE(r.added == 0);
    REQUIRE(r.labelConflicts.size() == 1);
}

TEST_CASE("training honours relabels and exclusions: counts and labels in split.json")
{
    const auto root = freshDemo("split", 10);
    LabelManifest m(root.string());
    std::vector<LabelEdit> edits;
    for (int i = 0; i < 3; ++i)
        edits.push_back(editOf(root, "polyps/polyps_000" + std::to_string(i) + ".jpg", "esophagitis"));
    edits.push_back(editOf(root, kCecum, "", true));
    m.record(edits);
    const ScanReport r = scanDataset(root.string());
    const Split s = makeSplit(r, {0.6, 0.2, 0.2}, 3);
    const auto file = (root.parent_path() / "split.json").string();
    saveSplit(s, file);
    const Split back = loadSplit(file);
    std::map<std::string, int> counts;
    std::map<std::string, std::string> labelByPath;
    for (const auto *part : {&back.train, &back.val, &back.test})
        for (const auto &e : *part) {
            ++counts[back.classes[e.label]];
            labelByPath[e.path] = back.classes[e.label];
        }
    REQUIRE(counts["esophagitis"] == 13);
    REQUIRE(counts["polyps"] == 7);
    REQUIRE(counts["normal-cecum"] == 9);
    REQUIRE(labelByPath.count(kCecum) == 0);
    REQUIRE(labelByPath["polyps/polyps_0000.jpg"] == "esophagitis");
}

TEST_CASE("the manifest survives kill -9 mid-write, and concurrent appends from two processes")
{
    const auto root = freshDemo("crash");
    const auto edit = editOf(root, kPolyp, "esophagitis");
    const std::string file = LabelManifest::locate(root.string());
    SUBCASE("two processes append at once: every change is there, no line is damaged")
    {
        std::vector<pid_t> children;
        for (int w = 0; w < 2; ++w) {
            const pid_t pid = fork();
            if (pid == 0) {
                LabelManifest mine(root.string());
                for (int i = 0; i < 150; ++i) {
                    LabelEdit e = edit;
                    e.note = std::string(400, static_cast<char>('a' + w)); // long lines: more chance to interleave
                    mine.record({e});
                }
                _exit(0);
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = 0;
            waitpid(pid, &status, 0);
            REQUIRE(WIFEXITED(status));
            REQUIRE(WEXITSTATUS(status) == 0);
        }
        const LabelManifest m(root.string());
        REQUIRE(m.changeCount() == 300);
        REQUIRE(m.damagedLines() == 0);
    }
    SUBCASE("killed while appending: the torn line is skipped, the next append seals it off")
    {
        const pid_t pid = fork();
        if (pid == 0) {
            LabelManifest mine(root.string());
            for (;;)
                mine.record({edit});
        }
        // Killed once it is appending (however loaded the machine is), mid-stream.
        for (int i = 0; i < 1000 && !(fs::exists(file) && fs::file_size(file) > 4096); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        // Simulate the worst case as well: a kill inside write() leaves half a line.
        std::ofstream(file, std::ios::app) << R"({"v":1,"op":"set","id":"torn","edi)";
        LabelManifest m(root.string());
        const int changes = m.changeCount();
        REQUIRE(changes > 0);
        REQUIRE(m.damagedLines() == 1);
        REQUIRE(scanDataset(root.string()).usable());
        m.record({editOf(root, kCecum, "polyps")});
        const LabelManifest again(root.string());
        REQUIRE(again.changeCount() == changes + 1);
        REQUIRE(again.damagedLines() == 1); // the sealed-off fragment, still skipped
        REQUIRE(again.state(kCecum) != nullptr);
    }
}

TEST_CASE("where the manifest lives: at the root, else the app's data folder keyed by the root")
{
    const auto root = freshDemo("location");
    const auto appData = root.parent_path() / "location-xdg";
    fs::remove_all(appData);
    setenv("XDG_DATA_HOME", appData.c_str(), 1);
    REQUIRE(LabelManifest::appDataFolder() == (appData / "vitscope" / "labels").string());
    // An existing manifest in the app's data folder is used even though the root is writable.
    fs::create_directories(LabelManifest::appDataFolder());
    const fs::path elsewhere = fs::path(LabelManifest::appDataFolder()) / "x.jsonl";
    LabelManifest viaFile(root.string(), elsewhere.string());
    viaFile.record({editOf(root, kPolyp, "esophagitis")});
    REQUIRE_FALSE(viaFile.atRoot());
    ScanOptions o;
    o.labelsFile = elsewhere.string();
    REQUIRE(labelOf(scanDataset(root.string(), o), kPolyp) == "esophagitis");
    REQUIRE(labelOf(scanDataset(root.string()), kPolyp) == "polyps"); // not the located one
    if (geteuid() != 0) { // root may write anywhere
        fs::permissions(root, fs::perms::owner_write, fs::perm_options::remove);
        const std::string located = LabelManifest::locate(root.string());
        fs::permissions(root, fs::perms::owner_write, fs::perm_options::add);
        REQUIRE(located.rfind(LabelManifest::appDataFolder(), 0) == 0);
        REQUIRE(located.find("location-") != std::string::npos);
    }
    unsetenv("XDG_DATA_HOME");
}

TEST_CASE("export: a path,label CSV and class folders of hard links")
{
    const auto root = freshDemo("export");
    LabelManifest m(root.string());
    m.record({editOf(root, kPolyp, "esophagitis"), editOf(root, kCecum, "", true)});
    const ScanReport r = scanDataset(root.string());
    const auto csv = root.parent_path() / "export.csv";
    exportLabelsCsv(r, csv.string());
    std::ifstream in(csv);
    std::string header, line;
    std::getline(in, header);
    REQUIRE(header == "path,label\r");
    int rows = 0;
    bool relabelled = false;
    while (std::getline(in, line)) {
        ++rows;
        relabelled |= line == kPolyp + ",esophagitis\r";
    }
    REQUIRE(rows == 31);
    REQUIRE(relabelled);
    const auto out = root.parent_path() / "export-folders";
    fs::remove_all(out);
    const FolderExport e = exportClassFolders(r, out.string());
    REQUIRE(e.linked + e.copied == 31);
    REQUIRE(fs::exists(out / "esophagitis" / "polyps_0001.jpg"));
    REQUIRE_FALSE(fs::exists(out / "normal-cecum" / "normal-cecum_0002.jpg"));
    REQUIRE_THROWS_CONTAINING(exportClassFolders(r, out.string()), "not empty");
}

TEST_CASE("review: k-fold cross-validation scores every labelled image; JSON round trip")
{
    const auto root = freshDemo("review", 6);
    LabelManifest m(root.string());
    m.record({editOf(root, kCecum, "", true)});
    ReviewRequest q;
    q.data = root.string();
    q.model = testsupport::dataDir() + "/vit-tiny-backbone";
    q.folds = 3;
    q.threads = 2;
    q.cacheDir = (root.parent_path() / "review-cache").string();
    std::map<std::string, int64_t> stages;
    const ReviewResult r = runLabelReview(q, [&](const std::string &stage, int64_t done, int64_t) { stages[stage] = done; });
    REQUIRE(r.source == ReviewSource::CrossValidation);
    REQUIRE(r.candidates.size() == 47);
    REQUIRE(r.labelled == 47);
    REQUIRE(r.labelsHash == m.hash());
    REQUIRE(stages["cross-validating"] == 3);
    for (std::size_t i = 1; i < r.candidates.size(); ++i)
        REQUIRE(r.candidates[i - 1].score <= r.candidates[i].score);
    for (const auto &c : r.candidates) {
        REQUIRE(c.path != kCecum);
        double sum = 0;
        for (double p : c.probabilities)
            sum += p;
        REQUIRE_NEAR(sum, 1.0, 1e-9);
        REQUIRE_NEAR(c.score, c.probabilities[c.given], 1e-12);
    }
    REQUIRE(r.sourceText().find("3-fold cross-validation") != std::string::npos);
    const ReviewResult back = reviewFromJson(reviewToJson(r));
    REQUIRE(back.candidates.size() == r.candidates.size());
    REQUIRE(back.candidates[0].path == r.candidates[0].path);
    REQUIRE(back.classes == r.classes);
    // Same seed, same folds: the same ranking (the features now come from the cache).
    const ReviewResult again = runLabelReview(q);
    REQUIRE(again.candidates[0].path == r.candidates[0].path);
    REQUIRE_NEAR(again.candidates[5].score, r.candidates[5].score, 1e-12);
    REQUIRE(again.sourceText().find("(0 features computed") != std::string::npos);
    // A feature entry damaged under an intact header (#17, 4) fails its checksum and is computed again.
    fs::path entry;
    for (const auto &e : fs::recursive_directory_iterator(q.cacheDir))
        if (e.is_regular_file() && e.path().string().find("features-") != std::string::npos)
            entry = e.path();
    REQUIRE(!entry.empty());
    {
        std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(entry) / 2));
        f.write("\xff\xff\xff\xff", 4);
    }
    const ReviewResult repaired = runLabelReview(q);
    INFO(repaired.sourceText());
    REQUIRE(repaired.sourceText().find("(1 features computed") != std::string::npos);
    // Computed again in a batch of its own, the feature can differ in its last float bits.
    REQUIRE_NEAR(repaired.candidates[5].score, r.candidates[5].score, 1e-5);
}
