// Data subcommands: predict, scan, demo-data, bench preprocess.
#include "cli_args.h"
#include "cli_commands.h"

#include "data/dataset_scan.h"
#include "data/cache.h"
#include "data/demo_data.h"
#include "data/loader.h"
#include "data/split.h"
#include "data/image_io.h"
#include "data/parallel.h"
#include "data/preprocess.h"
#include "data/sha256.h"
#include "engine/checkpoint.h"
#include "engine/runtime.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <QtGlobal> // after torch: Qt's keywords must not reach torch headers

#include <algorithm>
#include <numeric>
#include <random>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vitscope::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> imageFilesUnder(const std::string &folder)
{
    std::vector<std::string> out;
    for (const auto &e : fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied)) {
        if (!e.is_regular_file())
            continue;
        auto ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (isImageExtension(ext))
            out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

std::vector<std::pair<std::string, std::string>> stackVersions()
{
    return {{"Qt", qVersion()}, {"OpenCV", opencvVersion()}};
}

int runPredict(int argc, char **argv)
{
    Args args(argc, argv, 2, {"json"}, {"model", "top", "device", "threads"});
    if (!args.has("model"))
        throw UsageError("--model DIR is required");
    if (args.positional().empty())
        throw UsageError("give at least one IMAGE");
    configureThreads(args.intValue("threads", 0));
    const torch::Device device = selectDevice(args.value("device", "auto"));
    auto loaded = loadModel(args.value("model"), {{}, device});
    for (const auto &m : loaded.messages())
        std::cerr << "note: " << m << "\n";
    const Preprocessor pre(loaded.preprocess);
    const auto &labels = loaded.config().labels;
    const int top = std::clamp(args.intValue("top", static_cast<int>(labels.size())), 1, static_cast<int>(labels.size()));
    torch::InferenceMode inference;
    loaded.model->eval();
    int failures = 0;
    for (const auto &image : args.positional()) {
        torch::Tensor probs;
        try {
            probs = torch::softmax(loaded.model(pre.load(image).to(device)), -1)[0].to(torch::kCPU, torch::kFloat64);
        } catch (const std::exception &e) {
            ++failures;
            if (args.flag("json"))
                std::cout << nlohmann::json({{"image", image}, {"error", e.what()}}).dump() << std::endl;
            else
                std::cerr << image << ": cannot be used: " << e.what() << "\n";
            continue;
        }
        std::vector<int> order(labels.size());
        std::iota(order.begin(), order.end(), 0);
        const double *p = probs.data_ptr<double>();
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p[a] > p[b]; });
        if (args.flag("json")) {
            nlohmann::json all = nlohmann::json::object();
            for (std::size_t c = 0; c < labels.size(); ++c)
                all[labels[c]] = p[c];
            std::cout << nlohmann::json({{"image", image}, {"top1", labels[order[0]]}, {"confidence", p[order[0]]}, {"probabilities", all}})
                             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                      << std::endl;
        } else {
            std::cout << image << "\n";
            for (int k = 0; k < top; ++k)
                std::cout << "  " << std::setw(28) << std::left << labels[order[k]] << std::right << std::fixed
                          << std::setprecision(2) << std::setw(7) << 100.0 * p[order[k]] << " %\n";
        }
    }
    return failures ? kExitBadInput : kExitOk;
}

int runScan(int argc, char **argv)
{
    Args args(argc, argv, 2, {"json"}, {"threads", "max-pixels"});
    if (args.positional().size() != 1)
        throw UsageError("scan takes exactly one DATASET folder");
    ScanOptions o;
    o.threads = args.intValue("threads", 0);
    o.maxPixels = static_cast<int64_t>(args.doubleValue("max-pixels", static_cast<double>(kDefaultMaxPixels)));
    const auto r = scanDataset(args.positional()[0], o);
    if (args.flag("json")) {
        std::cout << scanReportToJson(r) << "\n";
    } else {
        std::cout << "data set " << r.root << ": " << r.files << " image files, " << r.items.size() << " usable\n";
        for (const auto &c : r.classes)
            std::cout << "  " << std::setw(28) << std::left << c.name << std::right << std::setw(6) << c.count
                      << (c.nested ? "  (" + std::to_string(c.nested) + " from nested folders)" : "") << "\n";
        for (const auto &b : r.bad)
            std::cout << "  bad: " << b.path << ": " << b.reason << "\n";
        for (const auto &b : r.converted)
            std::cout << "  converted: " << b.path << ": " << b.reason << "\n";
        for (const auto &d : r.duplicates) {
            std::cout << "  identical files:";
            for (const auto &p : d)
                std::cout << " " << p;
            std::cout << "\n";
        }
        for (const auto &p : r.problems)
            std::cout << "  problem: " << p << "\n";
        if (r.skippedHidden || r.skippedOther)
            std::cout << "  skipped " << r.skippedHidden << " hidden and " << r.skippedOther << " non-image files\n";
        if (!r.error.empty())
            std::cout << "error: " << r.error << "\n";
    }
    return r.usable() ? kExitOk : kExitBadInput;
}

int runDemoData(int argc, char **argv)
{
    Args args(argc, argv, 2, {}, {"per-class", "seed"});
    if (args.positional().size() != 1)
        throw UsageError("demo-data takes exactly one OUT folder");
    const int n = writeDemoDataset(args.positional()[0], args.intValue("per-class", 60), static_cast<uint64_t>(args.intValue("seed", 1)));
    std::cerr << "wrote " << n << " synthetic images to " << args.positional()[0] << "\n";
    return kExitOk;
}

int runBenchLoader(int argc, char **argv)
{
    Args args(argc, argv, 3, {"json"}, {"threads", "size", "batch", "cache-dir", "seconds", "residence"});
    if (args.positional().size() != 1)
        throw UsageError("bench loader takes one DATASET folder (one sub-folder per class)");
    const int threads = configureThreads(args.intValue("threads", 0));
    const Preprocessor pre(defaultPreprocessConfig(args.intValue("size", 224)));
    ImageCache cache(args.value("cache-dir", ImageCache::defaultDirectory()), pre.config());
    ScanOptions o;
    o.threads = threads;
    o.preprocessor = &pre;
    o.cache = &cache; // warms the cache
    const auto report = scanDataset(args.positional()[0], o);
    if (!report.usable())
        throw std::runtime_error(report.error);
    const auto split = makeSplit(report, {1.0, 0.0, 0.0}, 1);
    LoaderOptions lo;
    lo.threads = threads;
    const std::string residence = args.value("residence", "auto");
    if (residence != "auto" && residence != "memory" && residence != "disk")
        throw UsageError("--residence must be auto, memory or disk");
    lo.residence = residence == "memory" ? Residence::Memory : residence == "disk" ? Residence::Disk : Residence::Automatic;
    CachedDataset data(split.train, split.root, pre, cache, lo);
    // What the trainer does each step: gather a shuffled batch and normalise it.
    const int batch = args.intValue("batch", 32);
    const double budget = args.doubleValue("seconds", 2.0);
    std::mt19937_64 rng(1);
    std::vector<int64_t> order(static_cast<std::size_t>(data.size()));
    std::iota(order.begin(), order.end(), 0);
    int64_t served = 0;
    const auto t0 = Clock::now();
    double seconds = 0;
    while (seconds < budget) {
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t b = 0; b < order.size(); b += static_cast<std::size_t>(batch)) {
            const std::vector<int64_t> idx(order.begin() + static_cast<std::ptrdiff_t>(b),
                                           order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), b + batch)));
            served += data.batch(idx, 0).pixels.size(0);
        }
        seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    const double ips = static_cast<double>(served) / seconds;
    if (args.flag("json"))
        std::cout << nlohmann::json({{"images", served}, {"dataset_images", data.size()}, {"batch", batch}, {"seconds", seconds},
                                     {"in_memory", data.inMemory()},
                                     {"images_per_second", ips}, {"threads", threads}}).dump() << "\n";
    else
        std::cout << served << " images (" << data.size() << " distinct, batches of " << batch << ") served from the cache in "
                  << seconds << " s: " << ips << " images/s\n";
    return kExitOk;
}

double preprocessMillisecondsForBench(int size)
{
    // One synthetic 720x576 frame, encoded as the scopes do, decoded and resized as predict does.
    const auto dir = fs::temp_directory_path() / "vitscope-bench-infer";
    fs::create_directories(dir);
    const auto path = (dir / "frame.jpg").string();
    cv::Mat frame(576, 720, CV_8UC3);
    cv::randu(frame, 0, 255);
    cv::GaussianBlur(frame, frame, {9, 9}, 3);
    cv::imwrite(path, frame, {cv::IMWRITE_JPEG_QUALITY, 90});
    const Preprocessor pre(defaultPreprocessConfig(size));
    std::vector<double> ms;
    for (int i = 0; i < 12; ++i) {
        const auto t0 = Clock::now();
        auto x = pre.load(path);
        if (i >= 2)
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int runBenchPreprocess(int argc, char **argv)
{
    Args args(argc, argv, 3, {"json"}, {"threads", "size"});
    if (args.positional().size() != 1)
        throw UsageError("bench preprocess takes one DIR of images");
    const auto files = imageFilesUnder(args.positional()[0]);
    if (files.empty())
        throw UsageError("no images under " + args.positional()[0]);
    const int threads = resolveThreads(args.intValue("threads", 0));
    const Preprocessor pre(defaultPreprocessConfig(args.intValue("size", 224)));
    // The cache-building path without the disk write: read, hash, decode, resize.
    const auto t0 = Clock::now();
    parallelFor(static_cast<int64_t>(files.size()), threads, [&](int64_t i) {
        thread_local std::vector<uint8_t> out;
        out.resize(static_cast<std::size_t>(3) * pre.config().width * pre.config().height);
        const auto bytes = readFileBytes(files[i]);
        (void)sha256Hex(bytes);
        pre.resizeInto(decodeImageBuffer(bytes), out.data());
    });
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const double ips = static_cast<double>(files.size()) / seconds;
    if (args.flag("json"))
        std::cout << nlohmann::json({{"images", files.size()}, {"seconds", seconds}, {"images_per_second", ips}, {"threads", threads}}).dump() << "\n";
    else
        std::cout << files.size() << " images in " << seconds << " s: " << ips << " images/s with " << threads << " threads\n";
    return kExitOk;
}

} // namespace vitscope::cli
