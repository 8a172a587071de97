// Scanning a generated corpus of bad files, split determinism and stratification, the cache.
#include "mini_test.h"

#include "data/cache.h"
#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/loader.h"
#include "data/preprocess.h"
#include "data/split.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

std::string corpus()
{
    static const std::string root = [] {
        const auto dir = fs::temp_directory_path() / "vitscope-test-dataset" / "corpus";
        fs::remove_all(dir);
        writeDemoDataset(dir.string(), 6, 3);
        const auto src = fs::path(minitest::dataDir()) / "preprocess";
        fs::copy_file(src / "frame_720x576.jpg", dir / "polyps" / "copy-of-polyps_0000.jpg");
        fs::copy_file(dir / "polyps" / "polyps_0000.jpg", dir / "esophagitis" / "dup.jpg"); // duplicate across classes
        std::ofstream(dir / "polyps" / "empty.jpg");
        std::ofstream(dir / "polyps" / "notes.jpg") << "this is text\n";
        std::ofstream(dir / "polyps" / "readme.txt") << "not an image\n";
        std::ofstream(dir / "polyps" / ".hidden.jpg") << "x";
        std::ifstream in(src / "frame_1920x1072.jpg", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(dir / "normal-cecum" / "truncated.jpg", std::ios::binary) << bytes.substr(0, bytes.size() / 3);
        fs::create_directories(dir / "normal-cecum" / "nested");
        fs::copy_file(src / "gray_160x120.png", dir / "normal-cecum" / "nested" / "grey.png");
        fs::create_symlink(dir / "nowhere.jpg", dir / "normal-pylorus" / "broken-link.jpg");
        fs::create_directories(dir / "empty-class");
        return dir.string();
    }();
    return root;
}

} // namespace

TEST_CASE(scanReportsEveryBadFile)
{
    const auto before = fs::last_write_time(corpus() + "/polyps");
    const auto r = scanDataset(corpus());
    REQUIRE(r.usable());
    REQUIRE(r.classes.size() == 9 && r.classes[0].name == "dyed-lifted-polyps" && r.classes[1].name == "dyed-resection-margins");
    std::map<std::string, std::string> bad;
    for (const auto &b : r.bad)
        bad[b.path] = b.reason;
    REQUIRE(bad.size() == 4);
    REQUIRE(bad["polyps/empty.jpg"].find("empty file") != std::string::npos);
    REQUIRE(bad["polyps/notes.jpg"].find("text file") != std::string::npos);
    REQUIRE(bad["normal-cecum/truncated.jpg"].find("truncated") != std::string::npos);
    REQUIRE(bad["normal-pylorus/broken-link.jpg"].find("broken symbolic link") != std::string::npos);
    REQUIRE(r.items.size() == 8 * 6 + 3);
    REQUIRE(r.skippedHidden == 1 && r.skippedOther == 1);
    REQUIRE(r.modes.at("L") == 1);
    REQUIRE(r.classes[4].name == "normal-cecum" && r.classes[4].nested == 1); // nested/grey.png
    REQUIRE(r.duplicates.size() == 1 && r.duplicates[0].size() == 2);
    bool emptyReported = false;
    for (const auto &p : r.problems)
        emptyReported = emptyReported || p.find("'empty-class' has no usable images") != std::string::npos;
    REQUIRE(emptyReported);
    REQUIRE(fs::last_write_time(corpus() + "/polyps") == before); // scanning never modifies the data set
    const auto none = scanDataset(corpus() + "/empty-class");
    REQUIRE(!none.usable() && none.error.find("at least 2 classes") != std::string::npos);
}

TEST_CASE(splitIsStratifiedDeterministicAndRoundTrips)
{
    const auto r = scanDataset(corpus());
    struct Row {
        SplitRatios ratios;
        bool testEmpty;
    };
    for (const Row &row : {Row{{0.7, 0.15, 0.15}, false}, Row{{0.85, 0.15, 0.0}, true}}) {
        const auto a = makeSplit(r, row.ratios, 7), b = makeSplit(r, row.ratios, 7);
        REQUIRE(splitToJson(a) == splitToJson(b));
        REQUIRE(a.test.empty() == row.testEmpty);
        std::map<int, std::array<int, 3>> perClass;
        for (const auto &e : a.train) ++perClass[e.label][0];
        for (const auto &e : a.val) ++perClass[e.label][1];
        for (const auto &e : a.test) ++perClass[e.label][2];
        for (const auto &[label, counts] : perClass) {
            const int n = counts[0] + counts[1] + counts[2];
            if (n < 3)
                continue;
            REQUIRE(counts[1] >= 1);                                   // never left out
            REQUIRE(std::abs(counts[1] - n * row.ratios.val) <= 1.0); // within one image
            REQUIRE(std::abs(counts[2] - n * row.ratios.test) <= 1.0);
        }
        bool duplicateWarned = false, optimisticWarned = false;
        for (const auto &w : a.warnings) {
            duplicateWarned = duplicateWarned || w.find("more than one split part") != std::string::npos;
            optimisticWarned = optimisticWarned || w.find("optimistic") != std::string::npos;
        }
        REQUIRE(optimisticWarned == row.testEmpty);
        (void)duplicateWarned;
        const auto path = (fs::temp_directory_path() / "vitscope-test-dataset" / "split.json").string();
        saveSplit(a, path);
        REQUIRE(splitToJson(loadSplit(path)) == splitToJson(a));
    }
    REQUIRE(splitToJson(makeSplit(r, {}, 1)) != splitToJson(makeSplit(r, {}, 2)));
}

TEST_CASE(cacheHitMissAndIdentity)
{
    const auto cacheDir = fs::temp_directory_path() / "vitscope-test-dataset" / "cache";
    fs::remove_all(cacheDir);
    const Preprocessor pre(defaultPreprocessConfig(64));
    ImageCache cache(cacheDir.string(), pre.config());
    ScanOptions o;
    o.preprocessor = &pre;
    o.cache = &cache;
    const auto r = scanDataset(corpus(), o);
    const auto &item = r.items.front();
    std::vector<uint8_t> cached(cache.entryBytes());
    REQUIRE(cache.load(item.sha256, cached.data()));
    const auto fresh = pre.loadResized(item.path);
    REQUIRE(std::memcmp(cached.data(), fresh.data_ptr<uint8_t>(), cached.size()) == 0);
    REQUIRE(!cache.load(std::string(64, '0'), cached.data())); // miss
    // A truncated entry (a build killed mid-write without the rename) is a miss, never garbage.
    fs::resize_file(cache.entryPath(item.sha256), 100);
    REQUIRE(!cache.load(item.sha256, cached.data()));
    std::atomic<bool> cancel{true};
    o.cancel = &cancel;
    REQUIRE(scanDataset(corpus(), o).cancelled);
    // The loader serves normalised batches from the cache.
    const auto split = makeSplit(r, {}, 1);
    CachedDataset ds(split.train, split.root, pre, cache);
    const auto batch = ds.batch({0, 1, 2}, 0);
    REQUIRE(batch.pixels.sizes() == torch::IntArrayRef({3, 3, 64, 64}));
    REQUIRE(batch.pixels.min().item<float>() >= -1.0f && batch.pixels.max().item<float>() <= 1.0f);
}
