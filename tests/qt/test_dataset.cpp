// Scanning a generated corpus of bad files, split determinism and stratification, the cache.
#include "test_support.h"

#include "data/cache.h"
#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/loader.h"
#include "data/preprocess.h"
#include "data/sha256.h"
#include "data/split.h"
#include "engine/pixels.h"
#include "engine/vit_config.h"
#include "engine/safetensors.h"

#include <opencv2/imgcodecs.hpp>

#include <torch/torch.h>

#include <csignal>
#include <filesystem>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
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
        const auto src = fs::path(testsupport::dataDir()) / "preprocess";
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

TEST_CASE("scanReportsEveryBadFile")
{
    const auto before = fs::last_write_time(corpus() + "/polyps");
    const auto r = scanDataset(corpus());
    REQUIRE(r.usable());
    REQUIRE((r.classes.size() == 9 && r.classes[0].name == "dyed-lifted-polyps" && r.classes[1].name == "dyed-resection-margins"));
    std::map<std::string, std::string> bad;
    for (const auto &b : r.bad)
        bad[b.path] = b.reason;
    REQUIRE(bad.size() == 4);
    REQUIRE(bad["polyps/empty.jpg"].find("empty file") != std::string::npos);
    REQUIRE(bad["polyps/notes.jpg"].find("text file") != std::string::npos);
    REQUIRE(bad["normal-cecum/truncated.jpg"].find("truncated") != std::string::npos);
    REQUIRE(bad["normal-pylorus/broken-link.jpg"].find("broken symbolic link") != std::string::npos);
    REQUIRE(r.items.size() == 8 * 6 + 3);
    REQUIRE((r.skippedHidden == 1 && r.skippedOther == 1));
    REQUIRE(r.modes.at("L") == 1);
    REQUIRE((r.classes[4].name == "normal-cecum" && r.classes[4].nested == 1)); // nested/grey.png
    REQUIRE((r.duplicates.size() == 1 && r.duplicates[0].size() == 2));
    bool emptyReported = false;
    for (const auto &p : r.problems)
        emptyReported = emptyReported || p.find("'empty-class' has no usable images") != std::string::npos;
    REQUIRE(emptyReported);
    REQUIRE(fs::last_write_time(corpus() + "/polyps") == before); // scanning never modifies the data set
    const auto none = scanDataset(corpus() + "/empty-class");
    REQUIRE((!none.usable() && none.error.find("at least 2 classes") != std::string::npos));
}

TEST_CASE("splitIsStratifiedDeterministicAndRoundTrips")
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

TEST_CASE("demoDataIsReproducible")
{
    const auto base = fs::temp_directory_path() / "vitscope-test-dataset" / "demo-twice";
    fs::remove_all(base);
    writeDemoDataset((base / "a").string(), 6, 7);
    writeDemoDataset((base / "b").string(), 6, 7);
    writeDemoDataset((base / "c").string(), 6, 8);
    const auto a = scanDataset((base / "a").string()), b = scanDataset((base / "b").string()), c = scanDataset((base / "c").string());
    REQUIRE((a.items.size() == 48 && b.items.size() == 48));
    int differentSeed = 0;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        REQUIRE(a.items[i].sha256 == b.items[i].sha256); // same seed: the same bytes, whatever the threads did
        differentSeed += a.items[i].sha256 != c.items[i].sha256;
    }
    REQUIRE(differentSeed == 48);
}

TEST_CASE("explicitValidationAndTestFolders")
{
    const auto base = fs::temp_directory_path() / "vitscope-test-dataset" / "explicit";
    fs::remove_all(base);
    writeDemoDataset((base / "train").string(), 4, 11);
    writeDemoDataset((base / "val").string(), 2, 12);
    writeDemoDataset((base / "test").string(), 3, 13);
    const auto train = scanDataset((base / "train").string()), val = scanDataset((base / "val").string()),
               test = scanDataset((base / "test").string());
    const auto split = makeSplit(train, {0.7, 0.15, 0.15}, 1, &val, &test);
    REQUIRE(split.train.size() == 32); // the whole training folder
    REQUIRE((split.val.size() == 16 && split.test.size() == 24));
    REQUIRE((split.valRoot == val.root && split.testRoot == test.root));
    for (const auto &e : split.test)
        REQUIRE(split.classes[e.label] == fs::path(e.path).parent_path().string()); // labels by class name
    // A class the training data lacks cannot be evaluated.
    fs::create_directories(base / "val" / "unknown-class");
    fs::copy_file(base / "val" / "polyps" / "polyps_0000.jpg", base / "val" / "unknown-class" / "x.jpg");
    fs::copy_file(base / "val" / "polyps" / "polyps_0001.jpg", base / "val" / "unknown-class" / "y.jpg");
    const auto val2 = scanDataset((base / "val").string());
    REQUIRE_THROWS_CONTAINING(makeSplit(train, {}, 1, &val2, nullptr), "'unknown-class', which the training data lacks");
}

TEST_CASE("sixteenBitImagesAreConvertedAndReported")
{
    const auto base = fs::temp_directory_path() / "vitscope-test-dataset" / "deep";
    fs::remove_all(base);
    writeDemoDataset(base.string(), 2, 21);
    cv::Mat deep(60, 80, CV_16UC3, cv::Scalar(65535, 32768, 0));
    REQUIRE(cv::imwrite((base / "polyps" / "deep.png").string(), deep));
    const auto r = scanDataset(base.string());
    REQUIRE((r.converted.size() == 1 && r.converted[0].path == "polyps/deep.png"));
    REQUIRE(r.converted[0].reason == "16-bit converted to 8-bit");
    const auto img = decodeImageFile((base / "polyps" / "deep.png").string());
    REQUIRE((img.bgr.depth() == CV_8U && img.bgr.at<cv::Vec3b>(0, 0) == cv::Vec3b(255, 128, 0)));
}

TEST_CASE("cacheHitMissAndIdentity")
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
    // A changed file gets a new content key: a miss, decoded and stored afresh by the next scan.
    const auto changed = fs::temp_directory_path() / "vitscope-test-dataset" / "changed";
    fs::remove_all(changed);
    writeDemoDataset(changed.string(), 2, 31);
    const auto before = scanDataset(changed.string(), o).items.front();
    cv::Mat unseen(120, 160, CV_8UC3);
    cv::randu(unseen, 0, 255); // content no cache has seen
    REQUIRE(cv::imwrite(before.path, unseen));
    CacheEntryInfo ignored;
    REQUIRE(!cache.info(sha256Hex(readFileBytes(before.path)), ignored));
    const auto after = scanDataset(changed.string(), o).items.front();
    REQUIRE((after.relPath == before.relPath && after.sha256 != before.sha256));
    REQUIRE(cache.load(after.sha256, cached.data()));
    const auto refreshed = pre.loadResized(before.path);
    REQUIRE(std::memcmp(cached.data(), refreshed.data_ptr<uint8_t>(), cached.size()) == 0);
    // A truncated entry (a build killed mid-write without the rename) is a miss, never garbage.
    fs::resize_file(cache.entryPath(item.sha256), 100);
    REQUIRE(!cache.load(item.sha256, cached.data()));
    std::atomic<bool> cancel{true};
    o.cancel = &cancel;
    REQUIRE(scanDataset(corpus(), o).cancelled);
    // The loader serves the cached bytes with their table; as model input they are the normalised pixels.
    const auto split = makeSplit(r, {}, 1);
    CachedDataset ds(split.train, split.root, pre, cache);
    REQUIRE(ds.inMemory()); // a few MB: automatic residence keeps it in RAM
    const auto batch = ds.batch({0, 1, 2}, 0);
    REQUIRE((batch.pixels.sizes() == torch::IntArrayRef({3, 3, 64, 64}) && batch.pixels.scalar_type() == torch::kUInt8));
    const auto input = modelInput(batch, torch::kCPU);
    REQUIRE((input.scalar_type() == torch::kFloat32 && torch::equal(input, pre.normalize(batch.pixels))));
    REQUIRE((input.min().item<float>() >= -1.0f && input.max().item<float>() <= 1.0f));
    // Too large for RAM, the same images are read from the cache files per batch: same batches.
    LoaderOptions onDisk;
    onDisk.residence = Residence::Disk;
    CachedDataset disk(split.train, split.root, pre, cache, onDisk);
    REQUIRE(!disk.inMemory());
    for (const std::vector<int64_t> &idx : {std::vector<int64_t>{0, 1, 2}, std::vector<int64_t>{5, 3, 7, 3}}) {
        const auto a = ds.batch(idx, 0), b = disk.batch(idx, 0);
        REQUIRE((torch::equal(a.pixels, b.pixels) && torch::equal(a.labels, b.labels)));
    }
    // An entry evicted from the cache mid-run is decoded again, not lost.
    fs::remove(cache.entryPath(split.train[1].sha256));
    REQUIRE(torch::equal(disk.batch({1}, 0).pixels, ds.batch({1}, 0).pixels));
}

// A full cache disk (#17, 3), made with a file-size limit: the scan fails and says why, instead of
// counting the images it could not cache as bad files (which once trained on a smaller data set).
TEST_CASE("aFullCacheDiskIsAnErrorNotASmallerDataSet")
{
    const auto cacheDir = fs::temp_directory_path() / "vitscope-test-dataset" / "full-cache";
    fs::remove_all(cacheDir);
    const Preprocessor pre(defaultPreprocessConfig(224));
    ImageCache cache(cacheDir.string(), pre.config());
    ScanOptions o;
    o.preprocessor = &pre;
    o.cache = &cache;
    o.threads = 1;
    rlimit old{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
    std::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG, as on a full disk
    rlimit small = old;
    small.rlim_cur = 64 * 1024; // smaller than one 224x224 entry (147 KB)
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    const ScanReport r = scanDataset(corpus(), o);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &old) == 0);
    std::signal(SIGXFSZ, SIG_DFL);
    REQUIRE_FALSE(r.usable());
    INFO(r.error);
    REQUIRE(r.error.find("cache") != std::string::npos);
    REQUIRE(r.error.find("cannot be written") != std::string::npos);
    REQUIRE(r.items.empty());
    // With room again, the same scan is whole.
    const ScanReport again = scanDataset(corpus(), o);
    REQUIRE(again.usable());
    REQUIRE(again.bad.size() == scanDataset(corpus()).bad.size());
}

// #17, 4: an entry whose pixels were altered under an intact header is not trained on: the load
// fails its checksum, and the loader decodes the source image again (and repairs the entry).
TEST_CASE("aDamagedCacheEntryIsDecodedAgain")
{
    const auto cacheDir = fs::temp_directory_path() / "vitscope-test-dataset" / "damaged-cache";
    fs::remove_all(cacheDir);
    const Preprocessor pre(defaultPreprocessConfig(64));
    ImageCache cache(cacheDir.string(), pre.config());
    ScanOptions o;
    o.preprocessor = &pre;
    o.cache = &cache;
    const auto r = scanDataset(corpus(), o);
    const ScanItem &item = r.items.front();
    std::vector<uint8_t> pixels(cache.entryBytes());
    REQUIRE(cache.load(item.sha256, pixels.data()));
    for (const bool zero : {false, true}) {
        {
            std::fstream f(cache.entryPath(item.sha256), std::ios::in | std::ios::out | std::ios::binary);
            std::vector<char> payload(cache.entryBytes());
            f.seekg(static_cast<std::streamoff>(fs::file_size(cache.entryPath(item.sha256)) - payload.size()));
            f.read(payload.data(), static_cast<std::streamsize>(payload.size()));
            for (auto &b : payload)
                b = zero ? 0 : static_cast<char>(~b);
            f.seekp(static_cast<std::streamoff>(fs::file_size(cache.entryPath(item.sha256)) - payload.size()));
            f.write(payload.data(), static_cast<std::streamsize>(payload.size()));
        }
        CacheEntryInfo header;
        REQUIRE(cache.info(item.sha256, header)); // the header still looks fine
        REQUIRE_FALSE(cache.load(item.sha256, pixels.data()));
        CachedDataset set({{item.relPath, item.label, item.sha256}}, r.root, pre, cache);
        const Batch b = set.batch({0}, 0);
        const auto fresh = pre.loadResized(item.path);
        REQUIRE(std::memcmp(b.pixels.contiguous().data_ptr<uint8_t>(), fresh.data_ptr<uint8_t>(), cache.entryBytes()) == 0);
        REQUIRE(cache.load(item.sha256, pixels.data())); // repaired
    }
}

// #17, 9: a FIFO named like an image, or standing in for a model file, is refused at once instead
// of blocking for ever in open().
TEST_CASE("fifosAreBadFilesNotHangs")
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-dataset" / "fifo";
    fs::remove_all(dir);
    writeDemoDataset(dir.string(), 2, 7);
    const auto fifo = dir / "polyps" / "fifo.jpg";
    REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
    const ScanReport r = scanDataset(dir.string());
    REQUIRE(r.usable());
    REQUIRE(r.items.size() == 16);
    REQUIRE(r.bad.size() == 1);
    REQUIRE(r.bad[0].path == "polyps/fifo.jpg");
    REQUIRE(r.bad[0].reason == "not a regular file (a FIFO, device or socket)");
    REQUIRE_THROWS_CONTAINING(decodeImageFile(fifo.string()), "not a regular file");
    REQUIRE_THROWS_CONTAINING(loadViTConfig(fifo.string()), "not a regular file");
    REQUIRE_THROWS_CONTAINING(loadSafetensors(fifo.string()), "not a regular file");
}
