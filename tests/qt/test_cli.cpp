// vitscope-cli as a user runs it: predict --json lines equal the reference probabilities, one bad
// image does not stop the others, and the exit codes say what happened.
#include "test_support.h"

#include "engine/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    std::string out;
};

// stdout only, or with stderr as well; `environment` ("NAME=value") set for the command only.
Result run(const std::string &args, bool withErrors = false, const std::string &environment = {})
{
    Result r;
    const std::string command = (environment.empty() ? "" : "env " + environment + " ") + VITSCOPE_CLI + " " + args +
                                (withErrors ? " 2>&1" : " 2>/dev/null");
    FILE *p = popen(command.c_str(), "r");
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
        r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::vector<nlohmann::json> lines(const std::string &out)
{
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            v.push_back(nlohmann::json::parse(line));
    return v;
}

const std::string kData = VITSCOPE_TEST_DATA;

} // namespace

TEST_CASE("predictJsonMatchesReference")
{
    std::ifstream in(kData + "/vit-tiny-classifier/expected_images.json");
    const auto expected = nlohmann::json::parse(in);
    std::string images;
    for (auto it = expected.begin(); it != expected.end(); ++it)
        images += " " + kData + "/preprocess/" + it.key();
    const auto r = run("predict --json --device cpu --model " + kData + "/vit-tiny-classifier" + images);
    REQUIRE(r.exitCode == 0);
    const auto out = lines(r.out);
    REQUIRE(out.size() == expected.size());
    double worst = 0;
    for (const auto &line : out) {
        const std::string name = fs::path(line["image"].get<std::string>()).filename().string();
        const auto &ref = expected[name];
        std::string best;
        double bestP = -1;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            worst = std::max(worst, std::abs(line["probabilities"][it.key()].get<double>() - it.value().get<double>()));
            if (it.value().get<double>() > bestP)
                bestP = it.value().get<double>(), best = it.key();
        }
        REQUIRE(line["top1"] == best);
        REQUIRE_NEAR(line["confidence"].get<double>(), bestP, 1e-5);
    }
    std::cout << "  vitscope-cli predict vs reference: max abs error " << worst << "\n";
    REQUIRE(worst < 1e-5);
}

TEST_CASE("exitCodes")
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-cli";
    fs::create_directories(dir);
    std::ofstream(dir / "bad.jpg") << "not an image";
    struct Row {
        std::string args;
        int exitCode;
    };
    const std::string model = " --model " + kData + "/vit-tiny-classifier --device cpu ";
    const std::vector<Row> rows = {
        {"predict --json" + model + kData + "/preprocess/small_100x60.jpg " + (dir / "bad.jpg").string(), 3},
        {"predict" + model + kData + "/preprocess/small_100x60.jpg", 0},
        {"predict --json" + model, 2},                          // no image
        {"predict --json " + kData + "/preprocess/small_100x60.jpg", 2}, // no model
        {"predict --bogus" + model + "x.jpg", 2},
        {"frobnicate", 2},
        {"predict --model /nonexistent x.jpg", 1},
        {"predict --device cpu --model " + (dir / "config-only").string() + " " + kData + "/preprocess/small_100x60.jpg", 1}, // #17 item 16
        {"eval --device cpu --model " + (dir / "config-only").string() + " --data " + dir.string(), 1},
        {"scan --json " + dir.string(), 3}, // not a usable data set
        {"bench train --config vit-tiny --cuda-graphs maybe", 2},
        {"bench fit --cuda-graphs yes", 2},
        {"train --data x --model y --out z --cuda-graphs 1", 2},
        {"--version", 0},
    };
    // A model folder with a config and no weights: training starts from it, prediction refuses it.
    fs::create_directories(dir / "config-only");
    fs::copy_file(kData + "/vit-tiny-classifier/config.json", dir / "config-only/config.json", fs::copy_options::overwrite_existing);
    for (const auto &r : rows) {
        const auto result = run(r.args);
        INFO("vitscope-cli ", r.args, ": ", result.out);
        REQUIRE(result.exitCode == r.exitCode);
    }
    REQUIRE(run("predict --device cpu --model " + (dir / "config-only").string() + " x.jpg", true).out.find("an untrained model cannot predict") !=
            std::string::npos);
    const auto mixed = lines(run("predict --json" + model + kData + "/preprocess/small_100x60.jpg " + (dir / "bad.jpg").string()).out);
    REQUIRE((mixed.size() == 2 && mixed[0].contains("top1") && mixed[1]["error"].get<std::string>().find("not an image") != std::string::npos));
    const auto version = run("--version").out;
    for (const char *part : {"vitscope ", "LibTorch ", "Qt ", "OpenCV ", "device "})
        REQUIRE(version.find(part) != std::string::npos);
}

TEST_CASE("benchFitRunsTheWholeRecipe")
{
    // The timed recipe on synthetic cached images, with the fixture's tiny architecture: every
    // epoch evaluated, a run folder like a real one, the summary as one JSON line.
    const fs::path out = fs::temp_directory_path() / "vitscope-test-cli-fit";
    fs::remove_all(out);
    const auto r = run("bench fit --json --device cpu --threads 2 --config " + kData +
                       "/vit-tiny-classifier --images 24 --val 8 --test 8 --epochs 2 --batch 8 --lr 1e-3 --warmup-steps 0 --out " +
                       out.string());
    REQUIRE(r.exitCode == 0);
    const auto j = lines(r.out).at(0);
    REQUIRE((j["epochs"] == 2 && j["images"] == 24 && j["batch"] == 8 && j["precision"] == "fp32"));
    REQUIRE((j["wall_seconds"].get<double>() > 0 && j["train_images_per_second"].get<double>() > 0));
    REQUIRE((j["test_accuracy"].get<double>() >= 0 && j["test_accuracy"].get<double>() <= 1));
    REQUIRE(j["cuda_graphs"] == true); // on by default; nothing to record about it on a CPU
    for (const auto &note : j["notes"])                // only the calibration fitted at the end
        REQUIRE(note.get<std::string>().rfind("calibration: temperature", 0) == 0);
    std::ifstream runJson(out / "run.json");
    REQUIRE(nlohmann::json::parse(runJson)["config"]["train"]["cuda_graphs"] == true);
    for (const char *f : {"run.json", "metrics.jsonl", "confusion/epoch-2.json", "checkpoints/best/model.safetensors",
                          "test/predictions.csv"})
        REQUIRE(fs::exists(out / f));
    REQUIRE(run("bench fit --precision fp16").exitCode == 2);
}

TEST_CASE("everySubcommandHasHelp")
{
    struct Row {
        std::string command;
        std::vector<std::string> options;
    };
    const std::vector<Row> rows = {
        {"", {"predict", "scan", "train", "eval", "export", "bench", "version"}},
        {"version", {}},
        {"predict", {"--model", "--top", "--device", "--threads", "--json"}},
        {"scan", {"--threads", "--max-pixels", "--json"}},
        {"demo-data", {"--per-class", "--seed", "--model"}},
        {"review", {"--data", "--model", "--run", "--folds", "--score", "--out", "--json"}},
        {"labels", {"--data", "--set", "--exclude", "--note", "--csv", "--copy", "--json"}},
        {"train", {"--data", "--model", "--out", "--resume", "--epochs", "--batch-size", "--lr", "--warmup-steps", "--metric",
                   "--precision", "--augment", "--early-stopping-threshold", "--log-every", "--eval-train-set", "--cuda-graphs"}},
        {"eval", {"--model", "--data", "--split-file", "--part", "--batch-size"}},
        {"export", {"--run", "--out"}},
        {"bench", {"infer", "train", "fit", "preprocess", "loader"}},
        {"bench infer", {"--model", "--threads", "--runs"}},
        {"bench train", {"--config", "--batch", "--precision", "--cuda-graphs", "--trace"}},
        {"bench fit", {"--images", "--epochs", "--batch-size", "--batch", "--lr"}},
        {"bench preprocess", {"--threads", "--size"}},
        {"bench loader", {"--batch", "--residence", "--seconds"}},
    };
    for (const auto &r : rows) {
        const auto result = run(r.command + " --help");
        INFO("vitscope-cli ", r.command, " --help");
        REQUIRE(result.exitCode == 0);
        for (const auto &o : r.options) {
            INFO(o);
            REQUIRE(result.out.find(o) != std::string::npos);
        }
    }
}

TEST_CASE("badValuesNameTheOption")
{
    struct Row {
        std::string args, message;
    };
    const std::vector<Row> rows = {
        {"train --data x --model y --out z --epochs zero", "--epochs: needs a whole number"},
        {"train --data x --model y --out z --split a,b,c", "--split: needs three shares"},
        {"train --data x --model y --out z --metric auc", "--metric: unknown value 'auc'"},
        {"train --resume /tmp/somewhere --lr 0.1", "--lr cannot change when resuming"},
        {"train --data x --model y --out z --from-best", "--from-best goes with --resume"},
        {"eval --model m --data d --batch-size 0", "--batch-size"},
        {"predict --model m --top 0 x.jpg", "--top"},
    };
    for (const auto &r : rows) {
        const auto result = run(r.args, true);
        INFO("vitscope-cli ", r.args, ": ", result.out);
        REQUIRE(result.exitCode == 2);
        REQUIRE(result.out.find(r.message) != std::string::npos);
    }
}

TEST_CASE("trainConfigurationSurvivesTheCommandLineRunJsonAndResume")
{
    // Every field given on the command line, each different from its default, lands in run.json
    // whole and is what a resume continues with. (Precision stays fp32 here, as not every CI CPU has
    // native bf16: its round trip is in test_config.)
    const fs::path root = fs::temp_directory_path() / "vitscope-test-cli-config";
    fs::remove_all(root);
    REQUIRE(run("demo-data " + (root / "data").string() + " --per-class 6 --seed 2").exitCode == 0);
    const std::string model = kData + "/vit-tiny-classifier";
    const std::string common = " --model " + model + " --data " + (root / "data").string() + " --val-data " + (root / "data").string() +
                               " --test-data " + (root / "data").string() + " --cache-dir " + (root / "cache").string() +
                               " --split 0.5,0.3,0.2 --epochs 2 --batch-size 4 --eval-batch-size 5 --lr 3e-4 --warmup-steps 3"
                               " --warmup-ratio 0.1 --weight-decay 0.02 --max-grad-norm 2 --grad-accum 2 --metric macro_f1 --seed 9"
                               " --device cpu --threads 1 --augment hflip,jitter --early-stopping 3 --early-stopping-threshold 0.5"
                               " --log-every 2 --eval-train-set off --cuda-graphs off --fine-tune last:1 --feature-cache off";
    const auto r = run("train --json" + common + " --out " + (root / "run").string());
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    std::ifstream in(root / "run" / "run.json");
    const auto config = nlohmann::json::parse(in).at("config");
    const auto &t = config.at("train");
    REQUIRE(config.at("model") == fs::absolute(model).string());
    REQUIRE(config.at("data").at("val_data") == (root / "data").string());
    REQUIRE(config.at("data").at("split") == nlohmann::json::array({0.5, 0.3, 0.2}));
    REQUIRE(config.at("data").at("cache_dir") == (root / "cache").string());
    const nlohmann::json expected = {{"epochs", 2}, {"batch_size", 4}, {"eval_batch_size", 5}, {"lr", 3e-4}, {"warmup_steps", 3},
                                     {"warmup_ratio", 0.1}, {"weight_decay", 0.02}, {"max_grad_norm", 2.0}, {"grad_accum", 2},
                                     {"metric", "macro_f1"}, {"seed", 9}, {"device", "cpu"}, {"precision", "fp32"}, {"threads", 1},
                                     {"augment", {"hflip", "jitter"}}, {"early_stopping", 3}, {"early_stopping_threshold", 0.5},
                                     {"log_every", 2}, {"eval_train_set", false}, {"cuda_graphs", false},
                                     {"fine_tune", "last:1"}, {"feature_cache", false}, {"dist_backend", "auto"}, {"dist_timeout", 600}};
    REQUIRE(t == expected);
    // last:1 of the fixture's 3 blocks: embeddings and blocks 0 and 1 are exported as they were loaded.
    const auto before = vitscope::loadSafetensors(model + "/model.safetensors").tensors;
    const auto after = vitscope::loadSafetensors((root / "run" / "checkpoints" / "best" / "model.safetensors").string()).tensors;
    int frozen = 0;
    for (const auto &[k, v] : before)
        if (k.rfind("vit.embeddings.", 0) == 0 || k.rfind("vit.encoder.layer.0.", 0) == 0 || k.rfind("vit.encoder.layer.1.", 0) == 0) {
            ++frozen;
            REQUIRE(torch::equal(v, after.at(k)));
        }
    REQUIRE(frozen > 0);
    // Resuming a finished run is refused; the configuration it would continue with is run.json's.
    const auto again = run("train --resume " + (root / "run").string());
    REQUIRE(again.exitCode == 1);
    // bf16 reaches the trainer (not a usage error), which refuses it where the CPU lacks it.
    REQUIRE(run("train" + common + " --precision bf16 --out " + (root / "bf16").string(), false, "VITSCOPE_CPU_BF16=off").exitCode == 1);
}

// #17 item 14: a data set and a class folder whose names are not UTF-8 train to the end. The class is
// labelled with its name escaped (engine/utf8.h), paths read back as the very bytes, and evaluation
// on the same folders finds the class again.
TEST_CASE("namesThatAreNotUtf8TrainAndEvaluate")
{
    const fs::path base = fs::temp_directory_path() / "vitscope-test-cli-bytes";
    fs::remove_all(base);
    const fs::path data = base / (std::string("d") + static_cast<char>(0xF6) + "ta"); // "döta" in Latin-1
    REQUIRE(run("demo-data '" + data.string() + "' --per-class 4").exitCode == 0);
    fs::rename(data / "polyps", data / (std::string("caf") + static_cast<char>(0xE9)));
    const auto r = run("train --model " + kData + "/vit-tiny-classifier --data '" + data.string() + "' --out " + (base / "run").string() +
                           " --cache-dir " + (base / "cache").string() + " --epochs 1 --batch-size 8 --eval-train-set off",
                       true);
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    std::ifstream in(base / "run" / "run.json");
    const auto info = nlohmann::json::parse(in);
    REQUIRE(info.at("config").at("data").at("data") == base.string() + "/d\\xF6ta");
    REQUIRE(info.at("config").at("data").at("data_bytes").get<std::string>().find("64f67461") != std::string::npos);
    REQUIRE(info.at("labels").at(0) == "caf\\xE9");
    std::ifstream config(base / "run" / "checkpoints" / "best" / "config.json");
    REQUIRE(nlohmann::json::parse(config).at("id2label").at("0") == "caf\\xE9");
    const auto e = run("eval --json --model " + (base / "run" / "checkpoints" / "best").string() + " --data '" + data.string() +
                       "' --cache-dir " + (base / "cache").string());
    REQUIRE(e.exitCode == 0);
    const auto metrics = nlohmann::json::parse(e.out);
    REQUIRE(metrics.at("labels").at(0) == "caf\\xE9");
    REQUIRE(metrics.at("count") == 32);
    fs::remove_all(base);
}

TEST_CASE("bf16IsRefusedWithAReasonWhereTheCpuLacksIt")
{
    // VITSCOPE_CPU_BF16=off makes this CPU count as one without native bf16.
    const auto r = run("bench train --config vit-tiny --device cpu --precision bf16 --steps 1 --warmup 0", true, "VITSCOPE_CPU_BF16=off");
    INFO(r.out);
    REQUIRE(r.exitCode == 2);
    REQUIRE(r.out.find("bf16 needs a CUDA GPU or a CPU with native bf16") != std::string::npos);
    const auto version = run("--version", false, "VITSCOPE_CPU_BF16=off").out;
    REQUIRE(version.find("cpu bf16 not native") != std::string::npos);
    // auto falls back to fp32 there.
    const auto fallback = run("bench train --config vit-tiny --device cpu --precision auto --steps 1 --warmup 0 --json", false,
                              "VITSCOPE_CPU_BF16=off");
    REQUIRE(fallback.exitCode == 0);
    REQUIRE(lines(fallback.out).at(0)["precision"] == "fp32");
}

TEST_CASE("estimatePrintsEveryModeAndPrecision")
{
    const fs::path root = fs::temp_directory_path() / "vitscope-test-cli-estimate";
    fs::remove_all(root);
    REQUIRE(run("demo-data " + (root / "data").string() + " --per-class 5 --seed 3").exitCode == 0);
    const auto r = run("train --estimate --device cpu --threads 2 --batch-size 8 --epochs 3 --model " + kData +
                       "/vit-tiny-classifier --data " + (root / "data").string() + " --cache-dir " + (root / "cache").string());
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const auto j = lines(r.out).at(0);
    REQUIRE((j["images"]["train"] == 24 && j["images"]["val"] == 8 && j["images"]["test"] == 8)); // 5 per class: 3, 1 and 1
    REQUIRE(j["images"]["uncached"] == 40); // nothing was cached yet
    const std::set<std::string> modes = {"full", "last:2", "head"};
    std::set<std::string> seen;
    for (const auto &m : j["modes"]) {
        seen.insert(m["fine_tune"].get<std::string>());
        REQUIRE((m["seconds_per_epoch"].get<double>() > 0 && m["total_seconds"].get<double>() >= 3 * m["seconds_per_epoch"].get<double>()));
        REQUIRE((m["step_seconds"].get<double>() > 0 && m["one_time_seconds"].get<double>() > 0)); // decoding still to do
        REQUIRE(m["from_cached_features"] == (m["fine_tune"] != "full"));
        REQUIRE(((m["precision"] == "fp32") || (m["precision"] == "bf16")));
    }
    REQUIRE(seen == modes);
    REQUIRE(run("train --estimate --data x").exitCode == 2); // no model
}

TEST_CASE("benchFitOnFilesSplitsTheTimeByPhase")
{
    // From image files with cold caches: decoding, the frozen features (head mode) and training
    // are each timed, and add up to the whole run.
    const fs::path root = fs::temp_directory_path() / "vitscope-test-cli-fit-data";
    fs::remove_all(root);
    REQUIRE(run("demo-data " + (root / "data").string() + " --per-class 5 --seed 4").exitCode == 0);
    const auto r = run("bench fit --json --device cpu --threads 2 --config " + kData + "/vit-tiny-classifier --data " +
                       (root / "data").string() + " --fine-tune head --epochs 2 --batch 8 --lr 1e-3 --warmup-steps 0");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const auto j = lines(r.out).at(0);
    REQUIRE((j["images"] == 24 && j["val_images"] == 8 && j["test_images"] == 8 && j["fine_tune"] == "head" && j["epochs"] == 2));
    const auto &p = j["phase_seconds"];
    const double decoding = p["decoding"], features = p["frozen_features"], training = p["training"], total = p["total"];
    REQUIRE((decoding > 0 && features > 0 && training > 0));
    REQUIRE_NEAR(decoding + features + training, total, 1e-9);
    // Full fine-tuning has no frozen part to extract.
    const auto full = lines(run("bench fit --json --device cpu --threads 2 --config " + kData + "/vit-tiny-classifier --data " +
                                (root / "data").string() + " --epochs 1 --batch 8")
                                .out)
                          .at(0);
    REQUIRE(full["phase_seconds"]["frozen_features"].get<double>() < 1e-3);
}

TEST_CASE("calibrateWritesWhatPredictShowsBesideTheRawProbabilities")
{
    // A labelled folder of the fixture images under the fixture model's five labels.
    const fs::path root = fs::temp_directory_path() / "vitscope-test-cli-calibrate";
    fs::remove_all(root);
    const std::vector<std::pair<std::string, std::string>> images = {
        {"label_a", "frame_720x576.jpg"}, {"label_a", "odd_333x251.png"},     {"label_b", "gray_160x120.png"},
        {"label_c", "rgba_96x96.png"},    {"label_d", "frame_1920x1072.jpg"}, {"label_e", "progressive_640x480.jpg"},
        {"label_e", "small_100x60.jpg"}};
    for (const auto &[label, file] : images) {
        fs::create_directories(root / "data" / label);
        fs::copy_file(kData + "/preprocess/" + file, root / "data" / label / file);
    }
    fs::copy(kData + "/vit-tiny-classifier", root / "model");
    const std::string model = (root / "model").string(), image = kData + "/preprocess/frame_720x576.jpg";
    const auto before = lines(run("predict --json --device cpu --model " + model + " " + image).out).at(0);
    REQUIRE(!before.contains("calibrated_probabilities")); // no calibration.json yet

    REQUIRE(run("calibrate --model " + model + " --data " + (root / "data").string() + " --part train").exitCode == 2);
    const auto fit = run("calibrate --json --device cpu --alpha 0.5 --model " + model + " --data " + (root / "data").string() +
                         " --cache-dir " + (root / "cache").string());
    REQUIRE(fit.exitCode == 0);
    const auto j = lines(fit.out).at(0);
    const double T = j["temperature"];
    REQUIRE((T > 0 && j["count"] == 7 && j["score"] == "lac"));
    REQUIRE(j["scaled"]["nll"].get<double>() <= j["raw"]["nll"].get<double>() + 1e-12); // the optimum is no worse than T = 1
    REQUIRE(fs::exists(root / "model" / "calibration.json"));

    const auto after = lines(run("predict --json --device cpu --alpha 0.5 --model " + model + " " + image).out).at(0);
    REQUIRE(after["probabilities"] == before["probabilities"]); // the raw ones stay what transformers computes
    // calibrated = softmax(log p / T), the set and the flag alongside
    double norm = 0;
    for (const auto &[label, p] : after["probabilities"].items())
        norm += std::exp(std::log(p.get<double>()) / T);
    for (const auto &[label, p] : after["probabilities"].items())
        REQUIRE_NEAR(after["calibrated_probabilities"][label].get<double>(), std::exp(std::log(p.get<double>()) / T) / norm, 1e-9);
    REQUIRE((after["set"].is_array() && after["review"].is_boolean() && after["set_level"] == 0.5));
    REQUIRE(after["review"].get<bool>() == (after["set"].size() != 1 || after["calibrated_confidence"].get<double>() < 0.5));
    // the text output says which probabilities it shows
    REQUIRE(run("predict --device cpu --model " + model + " " + image, true).out.find("calibrated probabilities") != std::string::npos);
    REQUIRE(run("predict --raw --device cpu --model " + model + " " + image, true).out.find("set:") != std::string::npos);
}

TEST_CASE("labelsAndReviewFromTheCommandLine")
{
    const fs::path root = fs::temp_directory_path() / "vitscope-test-cli-review";
    fs::remove_all(root);
    const std::string data = (root / "data").string(), cache = " --cache-dir " + (root / "cache").string();
    REQUIRE(run("demo-data " + data + " --per-class 4 --seed 2 --model " + (root / "model").string()).exitCode == 0);
    REQUIRE(fs::exists(root / "model" / "config.json"));

    // Relabel and exclude: one change in the manifest at the root; the files stay.
    const auto set = run("labels --json --data " + data + " --set polyps/polyps_0001.jpg=esophagitis --exclude normal-cecum/normal-cecum_0000.jpg");
    REQUIRE(set.exitCode == 0);
    const auto j = lines(set.out).at(0);
    REQUIRE(j["relabelled"] == 1);
    REQUIRE(j["excluded"].size() == 1);
    REQUIRE(j["changes"] == 1);
    REQUIRE(j["images"] == 31);
    REQUIRE(fs::exists(root / "data" / "polyps" / "polyps_0001.jpg"));
    REQUIRE(run("labels --data " + data + " --set polyps/polyps_0002.jpg=no-such-class").exitCode == 2);
    REQUIRE(run("labels --data " + data + " --csv " + (root / "labels.csv").string()).exitCode == 0);
    std::ifstream csv(root / "labels.csv");
    const std::string text((std::istreambuf_iterator<char>(csv)), {});
    REQUIRE(text.find("polyps/polyps_0001.jpg,esophagitis") != std::string::npos);

    // k-fold review on the tiny backbone's features: every labelled image, ranked.
    REQUIRE(run("review --data " + data).exitCode == 2); // neither --model nor --run
    const auto review = run("review --json --folds 3 --device cpu --data " + data + " --model " + kData + "/vit-tiny-backbone" + cache);
    REQUIRE(review.exitCode == 0);
    const auto r = lines(review.out).at(0);
    REQUIRE(r["source"] == "cross-validation");
    REQUIRE(r["scored"] == 31);
    REQUIRE(r["labels_hash"].get<std::string>().size() == 64);
    REQUIRE(r["candidates"][0]["score"].get<double>() <= r["candidates"][30]["score"].get<double>());

    // From a run's held-out predictions: a one-epoch run of the demo model on the relabelled data.
    REQUIRE(run("train --model " + (root / "model").string() + " --data " + data + " --out " + (root / "run").string() +
                " --epochs 1 --lr 1e-3 --warmup-steps 2 --device cpu" + cache)
                .exitCode == 0);
    std::ifstream runJson(root / "run" / "run.json");
    const auto info = nlohmann::json::parse(runJson);
    REQUIRE(info["dataset"]["labels"]["relabelled"] == 1);
    REQUIRE(info["dataset"]["labels"]["excluded"] == 1);
    REQUIRE(info["dataset"]["labels"]["hash"] == r["labels_hash"]);
    const auto fromRun = run("review --json --run " + (root / "run").string());
    REQUIRE(fromRun.exitCode == 0);
    const auto rr = lines(fromRun.out).at(0);
    REQUIRE(rr["source"] == "run");
    REQUIRE(rr["scored"].get<int>() == info["dataset"]["val"].get<int>() + info["dataset"]["test"].get<int>());
}

// #17 item 23: a model that does not resize, on frames of another size, said "needs at least 2
// classes (found 0)"; the reason the images cannot be used comes first now.
TEST_CASE("unusableImagesSayWhy")
{
    const auto dir = fs::temp_directory_path() / ("vitscope-test-cli-noresize-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    REQUIRE(run("demo-data " + (dir / "data").string() + " --per-class 2").exitCode == 0);
    fs::create_directories(dir / "model");
    for (const char *f : {"config.json", "model.safetensors"})
        fs::copy_file(kData + "/vit-tiny-classifier/" + f, dir / "model" / f);
    std::ofstream(dir / "model" / "preprocessor_config.json") << R"({"do_resize": false, "size": {"height": 32, "width": 32}})";
    const auto r = run("eval --device cpu --model " + (dir / "model").string() + " --data " + (dir / "data").string(), true);
    INFO(r.out);
    REQUIRE(r.exitCode != 0);
    REQUIRE(r.out.find("could not be used, the first") != std::string::npos);
    REQUIRE(r.out.find("image is 720x576 but the model takes 32x32 and its preprocessor does not resize") != std::string::npos);
    fs::remove_all(dir);
}
