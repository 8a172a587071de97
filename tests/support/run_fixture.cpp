#include "run_fixture.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace testsupport {
namespace {

void write(const fs::path &path, const json &j)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << j.dump(2);
}

json reliability(double shift)
{
    json bins = json::array();
    for (int b = 0; b < 15; ++b) {
        const double lo = b / 15.0, hi = (b + 1) / 15.0, mid = (lo + hi) / 2;
        bins.push_back({{"lo", lo}, {"hi", hi}, {"count", b < 5 ? 0 : 3 + b}, {"confidence", mid}, {"accuracy", std::min(1.0, std::max(0.0, mid - shift))}});
    }
    return bins;
}

} // namespace

std::string writeRunFixture(const std::string &folder, const RunFixture &f)
{
    const fs::path root(folder);
    fs::remove_all(root);
    const std::vector<std::string> labels = {"dyed-lifted-polyps", "normal-cecum", "ulcerative-colitis"};
    json dataset = {{"root", "/data/kvasir"}, {"val_root", ""}, {"test_root", ""}, {"train", 42}, {"val", 9}, {"test", f.test ? 9 : 0}};
    if (f.lists) {
        dataset["bad_files"] = 1; // run.json as written since issue #13: the counts and the lists
        dataset["duplicates"] = 1;
        dataset["bad_file_list"] = json::array({{{"path", "polyps/broken.jpg"}, {"reason", "truncated or corrupt JPEG (no end-of-image marker)"}}});
        dataset["duplicate_groups"] = json::array({json::array({"normal-cecum/a.jpg", "normal-cecum/a copy.jpg"})});
    } else {
        dataset["bad_files"] = 1;
        dataset["duplicates"] = 1;
    }
    write(root / "run.json",
          {{"config",
            {{"model", "/root/.cache/huggingface/hub/models--google--vit-base-patch16-224-in21k/snapshots/abc"},
             {"data", {{"data", "/data/kvasir"}, {"split", {0.7, 0.15, 0.15}}, {"cache_dir", "/tmp/cache"}}},
             {"train", {{"epochs", 3}, {"lr", 2e-5}, {"batch_size", 16}, {"weight_decay", 0.0}, {"seed", 42}, {"fine_tune", "last:2"}}}}},
           {"labels", labels},
           {"device", "CPU, 2 threads"},
           {"dataset", dataset},
           {"split_warnings", json::array({"2 identical files sit in both the training and the test part"})},
           {"versions", {{"vitscope", "0.1.0"}, {"libtorch", "1.13.1"}, {"qt", "6.4.2"}, {"opencv", "4.6.0"}}},
           {"status", "finished"},
           {"started", "2026-12-01T10:00:00Z"},
           {"updated", "2026-12-01T10:12:05Z"},
           {"ended", "2026-12-01T10:12:05Z"},
           {"recipe", {{"optimizer", "AdamW"}, {"schedule", "linear warmup, then linear decay to 0"}}}});
    json split = {{"classes", labels}, {"root", "/data/kvasir"}, {"ratios", {{"train", 0.7}, {"val", 0.15}, {"test", 0.15}}}, {"seed", 42},
                  {"warnings", json::array()}, {"train", json::array()}, {"val", json::array()}, {"test", json::array()}};
    const std::pair<const char *, int> parts[] = {{"train", 14}, {"val", 3}, {"test", f.test ? 3 : 0}};
    for (const auto &[part, perClass] : parts)
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < perClass; ++i)
                split[part].push_back({{"path", labels[c] + "/" + part + std::to_string(i) + ".jpg"}, {"label", c}, {"sha256", "00"}});
    write(root / "split.json", split);
    write(root / "checkpoints" / "best" / "config.json",
          {{"architectures", {"ViTForImageClassification"}}, {"model_type", "vit"}, {"image_size", 224}, {"patch_size", 16}, {"hidden_size", 768},
           {"num_hidden_layers", 12}, {"num_attention_heads", 12}, {"intermediate_size", 3072}, {"num_channels", 3},
           {"id2label", {{"0", labels[0]}, {"1", labels[1]}, {"2", labels[2]}}}});
    auto metrics = [&](double accuracy) {
        json m = {{"labels", labels}, {"count", 9}, {"accuracy", accuracy}, {"loss", 0.41234}, {"weighted_precision", 0.8},
                  {"weighted_recall", accuracy}, {"weighted_f1", 0.7712345678901234}, {"macro_precision", 0.81}, {"macro_recall", 0.79},
                  {"macro_f1", 0.7654321}, {"mcc", 0.6789},
                  {"per_class", json::array({{{"label", labels[0]}, {"precision", 1.0}, {"recall", 0.6667}, {"f1", 0.8}, {"support", 3}, {"predicted", 2}},
                                             {{"label", labels[1]}, {"precision", 0.75}, {"recall", 1.0}, {"f1", 0.8571}, {"support", 3}, {"predicted", 4}},
                                             {{"label", labels[2]}, {"precision", 0.6667}, {"recall", 0.6667}, {"f1", 0.6667}, {"support", 3}, {"predicted", 3}}})},
                  {"confusion", {{2, 1, 0}, {0, 3, 0}, {0, 0, 3}}}};
        if (f.calibration) {
            m["calibration"] = {{"temperature", 1.734}, {"bins", 15},
                                {"raw", {{"nll", 0.61}, {"brier", 0.29}, {"ece", 0.121}, {"mce", 0.31}, {"reliability", reliability(0.12)}}},
                                {"scaled", {{"nll", 0.45}, {"brier", 0.25}, {"ece", 0.041}, {"mce", 0.12}, {"reliability", reliability(0.03)}}}};
            m["conformal"] = {{"score", "lac"}, {"alpha", 0.1}, {"qhat", 0.8123}, {"coverage", 0.8889}, {"mean_set_size", 1.33},
                              {"per_class", json::array({{{"label", labels[0]}, {"count", 3}, {"coverage", 0.6667}, {"mean_set_size", 1.0}},
                                                         {{"label", labels[1]}, {"count", 3}, {"coverage", 1.0}, {"mean_set_size", 1.67}},
                                                         {{"label", labels[2]}, {"count", 3}, {"coverage", 1.0}, {"mean_set_size", 1.33}}})}};
            m["intervals"] = {{"level", 0.95}, {"resamples", 1000}, {"seed", 42}, {"method", "percentile"}, {"accuracy", {0.5556, 1.0}},
                              {"macro_f1", {0.49, 1.0}}, {"weighted_f1", {0.5, 1.0}}, {"mcc", {0.31, 1.0}}};
        }
        return m;
    };
    write(root / "val" / "metrics.json", metrics(7.0 / 9));
    if (f.test)
        write(root / "test" / "metrics.json", metrics(8.0 / 9));
    if (f.calibration)
        write(root / "checkpoints" / "best" / "calibration.json",
              {{"temperature", 1.734}, {"fitted_on", "val"}, {"count", 9},
               {"conformal", {{"score", "lac"}, {"alpha", 0.1}, {"qhat", 0.8123}, {"scores", {0.1, 0.2, 0.5, 0.8123}}}}});
    return root.string();
}

} // namespace testsupport
