// Data subcommands: predict, scan, demo-data, bench preprocess.
#include "cli_commands.h"

#include "job/demo.h"

#include "data/dataset_scan.h"
#include "data/image_formats.h"
#include "data/cache.h"
#include "data/demo_data.h"
#include "data/loader.h"
#include "data/split.h"
#include "data/image_io.h"
#include "data/parallel.h"
#include "data/preprocess.h"
#include "data/sha256.h"
#include "engine/autocast.h"
#include "engine/checkpoint.h"
#include "engine/model_calibration.h"
#include "engine/runtime.h"
#include "engine/utf8.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <QtCore/qconfig.h> // QT_VERSION_STR only: the CLI does not link Qt

#include <algorithm>
#include <numeric>
#include <optional>
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

// One JSON line of predict's output; a file name that is not UTF-8 is escaped (\xNN), never the end
// of the output (#17 item 14).
std::string jsonLine(nlohmann::json j)
{
    escapeInvalidUtf8(j);
    return j.dump();
}

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

struct PredictArgs {
    std::string model, device = "auto", precision = "fp32";
    std::vector<std::string> images;
    int top = 0, threads = 0;
    double alpha = kDefaultAlpha, reviewBelow = kDefaultReviewBelow;
    bool json = false, raw = false;
};

std::string setText(const std::vector<int> &set, const std::vector<std::string> &labels)
{
    std::string out;
    for (const int c : set)
        out += (out.empty() ? "" : ", ") + labels[static_cast<std::size_t>(c)];
    return out.empty() ? "(empty: no class is plausible)" : out;
}

int runPredict(const PredictArgs &args)
{
    configureThreads(args.threads);
    const torch::Device device = selectDevice(args.device);
    bool bf16 = false;
    try {
        bf16 = useBf16(parseChoice<Precision>(args.precision, "--precision"), device);
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
    auto loaded = loadModel(args.model, {{}, device, LoadPurpose::Inference});
    for (const auto &m : loaded.messages())
        std::cerr << "note: " << m << "\n";
    const Preprocessor pre(loaded.preprocess);
    const auto &labels = loaded.config().labels;
    const auto calibration = readCalibration(args.model);
    const bool showCalibrated = calibration && !args.raw;
    if (!args.json) {
        if (showCalibrated)
            std::cerr << "calibrated probabilities (temperature " << calibration->temperature << ", fitted on "
                      << calibration->count << " held-out images); --raw shows the model's own softmax\n"
                      << "the " << 100 * (1 - args.alpha) << " % sets cover the true class that often on average over images "
                      << "like the calibration ones, not for images from another hospital or scope\n";
        else if (!calibration)
            std::cerr << "note: this model has no calibration.json: the probabilities are uncalibrated "
                      << "(vitscope-cli calibrate fits one)\n";
    }
    const int top = std::clamp(args.top > 0 ? args.top : static_cast<int>(labels.size()), 1, static_cast<int>(labels.size()));
    torch::InferenceMode inference;
    loaded.model->eval();
    int failures = 0;
    for (const auto &image : args.images) {
        torch::Tensor probs;
        try {
            torch::Tensor logits;
            {
                AutocastGuard autocast(device, bf16);
                logits = loaded.model(pre.load(image).to(device)).to(torch::kFloat32);
            }
            probs = torch::softmax(logits, -1)[0].to(torch::kCPU, torch::kFloat64);
            if (!torch::isfinite(probs).all().item<bool>()) // never a "top1" drawn from NaN (#17 item 16)
                throw std::runtime_error("the model's output for this image is not a number (NaN or infinite)");
        } catch (const std::exception &e) {
            ++failures;
            if (args.json)
                std::cout << jsonLine({{"image", image}, {"error", errorText(e)}}) << std::endl;
            else
                std::cerr << image << ": cannot be used: " << errorText(e) << "\n";
            continue;
        }
        std::vector<int> order(labels.size());
        std::iota(order.begin(), order.end(), 0);
        const std::vector<double> raw(probs.data_ptr<double>(), probs.data_ptr<double>() + probs.numel());
        std::optional<TrustedPrediction> trusted;
        if (calibration)
            trusted = trustPrediction(*calibration, raw, args.alpha, args.reviewBelow);
        const double *p = showCalibrated ? trusted->probabilities.data() : raw.data();
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p[a] > p[b]; });
        if (args.json) {
            auto byLabel = [&](const std::vector<double> &v) {
                nlohmann::json all = nlohmann::json::object();
                for (std::size_t c = 0; c < labels.size(); ++c)
                    all[labels[c]] = v[c];
                return all;
            };
            // "probabilities" stay the raw softmax (what transformers computes), calibrated or not
            nlohmann::json j = {{"image", image}, {"top1", labels[order[0]]}, {"confidence", raw[order[0]]}, {"probabilities", byLabel(raw)}};
            if (trusted) {
                nlohmann::json set = nlohmann::json::array();
                for (const int c : trusted->set)
                    set.push_back(labels[static_cast<std::size_t>(c)]);
                j["calibrated_probabilities"] = byLabel(trusted->probabilities);
                j["calibrated_confidence"] = trusted->probabilities[static_cast<std::size_t>(order[0])];
                j["temperature"] = calibration->temperature;
                j["set"] = set;
                j["set_level"] = 1 - args.alpha;
                j["review"] = trusted->review;
            }
            std::cout << jsonLine(std::move(j)) << std::endl;
        } else {
            std::cout << image << (trusted && trusted->review ? "  [uncertain: review]" : "") << "\n";
            for (int k = 0; k < top; ++k)
                std::cout << "  " << std::setw(28) << std::left << labels[order[k]] << std::right << std::fixed
                          << std::setprecision(2) << std::setw(7) << 100.0 * p[order[k]] << " %\n";
            if (trusted)
                std::cout << "  " << std::defaultfloat << 100 * (1 - args.alpha) << " % set: " << setText(trusted->set, labels) << "\n";
        }
    }
    return failures ? kExitBadInput : kExitOk;
}

int runScan(const std::string &dataset, const ScanOptions &o, bool json)
{
    const auto r = scanDataset(dataset, o);
    if (json) {
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

int runDemoData(const std::string &out, int perClass, uint64_t seed)
{
    const int n = writeDemoDataset(out, perClass, seed);
    std::cerr << "wrote " << n << " synthetic images to " << out << "\n";
    return kExitOk;
}

struct LoaderArgs {
    std::string dataset, cacheDir = ImageCache::defaultDirectory(), residence = "auto";
    int threads = 0, size = 224, batch = 32;
    double seconds = 2.0;
    bool json = false;
};

int runBenchLoader(const LoaderArgs &args)
{
    const int threads = configureThreads(args.threads);
    const Preprocessor pre(defaultPreprocessConfig(args.size));
    ImageCache cache(args.cacheDir, pre.config());
    ScanOptions o;
    o.threads = threads;
    o.preprocessor = &pre;
    o.cache = &cache; // warms the cache
    const auto report = scanDataset(args.dataset, o);
    if (!report.usable())
        throw std::runtime_error(report.error);
    const auto split = makeSplit(report, {1.0, 0.0, 0.0}, 1);
    LoaderOptions lo;
    lo.threads = threads;
    const std::string &residence = args.residence;
    lo.residence = residence == "memory" ? Residence::Memory : residence == "disk" ? Residence::Disk : Residence::Automatic;
    CachedDataset data(split.train, split.root, pre, cache, lo);
    // What the trainer does each step: gather a shuffled batch and normalise it.
    const int batch = args.batch;
    const double budget = args.seconds;
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
    if (args.json)
        std::cout << nlohmann::json({{"images", served}, {"dataset_images", data.size()}, {"batch", batch}, {"seconds", seconds},
                                     {"in_memory", data.inMemory()},
                                     {"images_per_second", ips}, {"threads", threads}}).dump() << "\n";
    else
        std::cout << served << " images (" << data.size() << " distinct, batches of " << batch << ") served from the cache in "
                  << seconds << " s: " << ips << " images/s\n";
    return kExitOk;
}

int runBenchPreprocess(const std::string &dir, int threadsWanted, int size, bool json)
{
    const auto files = imageFilesUnder(dir);
    if (files.empty())
        throw UsageError("no images under " + dir);
    const int threads = resolveThreads(threadsWanted);
    const Preprocessor pre(defaultPreprocessConfig(size));
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
    if (json)
        std::cout << nlohmann::json({{"images", files.size()}, {"seconds", seconds}, {"images_per_second", ips}, {"threads", threads}}).dump() << "\n";
    else
        std::cout << files.size() << " images in " << seconds << " s: " << ips << " images/s with " << threads << " threads\n";
    return kExitOk;
}

} // namespace

std::vector<std::pair<std::string, std::string>> stackVersions()
{
    return {{"Qt", QT_VERSION_STR " (the GUI's)"}, {"OpenCV", opencvVersion()}};
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

void addPredict(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("predict", "class probabilities of images (softmax of the model's logits, as transformers computes them)");
    auto a = std::make_shared<PredictArgs>();
    sub->add_option("--model", a->model, "Hugging Face model folder")->required();
    sub->add_option("images", a->images, "image files")->required();
    sub->add_option("--top", a->top, "show the K most probable classes (default: all)")->check(CLI::Range(1, 100000));
    sub->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--precision", a->precision, "fp32 (exact, as transformers), bf16 or auto (bf16 where native)")
        ->check(CLI::IsMember(choiceNames<Precision>()))
        ->capture_default_str();
    sub->add_option("--threads", a->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096))->capture_default_str();
    sub->add_flag("--json", a->json, "one JSON object per image (raw and, with calibration.json, calibrated probabilities, the set and the review flag)");
    sub->add_flag("--raw", a->raw, "show the model's own softmax even when it has a calibration.json");
    sub->add_option("--alpha", a->alpha, "prediction sets hold the true class with probability 1 - alpha (on average over images like the calibration ones)")
        ->check(CLI::Range(0.001, 0.5))
        ->capture_default_str();
    sub->add_option("--review-below", a->reviewBelow, "flag an image for review when its top calibrated probability is below this, or its set does not hold exactly one class")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->footer("Exit code 3: some images could not be used (each says why).");
    sub->callback([a, &exitCode] { exitCode = runPredict(*a); });
}

void addScan(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("scan", "check every image of a class-per-folder data set");
    auto dataset = std::make_shared<std::string>();
    auto o = std::make_shared<ScanOptions>();
    auto json = std::make_shared<bool>(false);
    sub->add_option("dataset", *dataset, "data set folder: one sub-folder of images per class")->required();
    sub->add_option("--threads", o->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096));
    sub->add_option("--max-pixels", o->maxPixels, "largest image accepted, in pixels")->check(CLI::Range(int64_t{1}, int64_t{1} << 40))->capture_default_str();
    sub->add_flag("--json", *json, "the report as JSON");
    sub->footer("Exit code 3: the data set cannot be used.");
    sub->callback([=, &exitCode] { exitCode = runScan(*dataset, *o, *json); });
}

void addDemoData(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("demo-data", "write the synthetic, Kvasir-like demo data set");
    auto out = std::make_shared<std::string>();
    auto perClass = std::make_shared<int>(60);
    auto seed = std::make_shared<uint64_t>(1);
    sub->add_option("out", *out, "folder to write")->required();
    sub->add_option("--per-class", *perClass, "images per class")->check(CLI::Range(1, 100000))->capture_default_str();
    sub->add_option("--seed", *seed, "seed of the images")->capture_default_str();
    auto model = std::make_shared<std::string>();
    sub->add_option("--model", *model, "also write the demo's model folder here (the small ViT the app trains from scratch)");
    sub->callback([=, &exitCode] {
        exitCode = runDemoData(*out, *perClass, *seed);
        if (!model->empty()) {
            writeDemoModel(*model);
            std::cout << "wrote the demo model configuration to " << *model << "\n";
        }
    });
}

void addBenchData(CLI::App &bench, int &exitCode)
{
    auto *pre = bench.add_subcommand("preprocess", "cache-building throughput: read, hash, decode and resize every image under DIR");
    auto dir = std::make_shared<std::string>();
    auto threads = std::make_shared<int>(0), size = std::make_shared<int>(224);
    auto json = std::make_shared<bool>(false);
    pre->add_option("dir", *dir, "folder of images")->required();
    pre->add_option("--threads", *threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096));
    pre->add_option("--size", *size, "model input size")->check(CLI::Range(16, 4096))->capture_default_str();
    pre->add_flag("--json", *json, "the result as JSON");
    pre->callback([=, &exitCode] { exitCode = runBenchPreprocess(*dir, *threads, *size, *json); });

    auto *loader = bench.add_subcommand("loader", "batches served from a warm cache, as the trainer requests them");
    auto a = std::make_shared<LoaderArgs>();
    loader->add_option("dataset", a->dataset, "data set folder: one sub-folder of images per class")->required();
    loader->add_option("--threads", a->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096));
    loader->add_option("--size", a->size, "model input size")->check(CLI::Range(16, 4096))->capture_default_str();
    loader->add_option("--batch", a->batch, "images per batch")->check(CLI::Range(1, 1 << 20))->capture_default_str();
    loader->add_option("--cache-dir", a->cacheDir, "preprocessed-image cache")->capture_default_str();
    loader->add_option("--seconds", a->seconds, "how long to serve batches")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
    loader->add_option("--residence", a->residence, "where the cached pixels are held")
        ->check(CLI::IsMember({"auto", "memory", "disk"}))
        ->capture_default_str();
    loader->add_flag("--json", a->json, "the result as JSON");
    loader->callback([a, &exitCode] { exitCode = runBenchLoader(*a); });
}

} // namespace vitscope::cli
