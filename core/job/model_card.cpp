#include "job/model_card.h"

#include "config/hub_id.h"

#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace {

json readJson(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return nullptr;
    std::stringstream buffer;
    buffer << in.rdbuf();
    json j = json::parse(buffer.str(), nullptr, false);
    return j.is_object() ? j : json(nullptr);
}

const json &at(const json &j, const char *key)
{
    static const json null;
    if (!j.is_object())
        return null;
    const auto it = j.find(key);
    return it == j.end() ? null : *it;
}

std::string str(const json &j)
{
    if (j.is_string())
        return j.get<std::string>();
    return j.is_null() ? std::string() : j.dump();
}

std::string fixed(const json &j, int decimals)
{
    if (!j.is_number())
        return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, j.get<double>());
    return buf;
}

std::string percent(const json &j)
{
    return j.is_number() ? fixed(json(100.0 * j.get<double>()), 1) + " %" : "n/a";
}

bool plainKey(const std::string &key)
{
    if (key.empty())
        return false;
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            return false;
    return true;
}

std::string keyText(const std::string &key) { return plainKey(key) ? key : json(key).dump(); }

bool scalar(const json &v) { return !v.is_structured() || v.empty(); }

std::string scalarText(const json &v)
{
    if (v.is_object())
        return "{}";
    if (v.is_array())
        return "[]";
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Markdown table cells must not break the table.
std::string cell(std::string s)
{
    for (auto &c : s)
        if (c == '|' || c == '\n')
            c = ' ';
    return s;
}

} // namespace

std::string yamlBlock(const json &value, int indent)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out;
    if (value.is_object()) {
        for (const auto &[key, v] : value.items())
            out += scalar(v) ? pad + keyText(key) + ": " + scalarText(v) + "\n" : pad + keyText(key) + ":\n" + yamlBlock(v, indent + 2);
    } else if (value.is_array()) {
        for (const auto &v : value) {
            if (scalar(v)) {
                out += pad + "- " + scalarText(v) + "\n";
            } else if (v.is_object()) { // the mapping's first line starts after "- "
                std::string item = yamlBlock(v, indent + 2);
                item.replace(0, static_cast<std::size_t>(indent) + 2, pad + "- ");
                out += item;
            } else {
                out += pad + "-\n" + yamlBlock(v, indent + 2);
            }
        }
    } else {
        out += pad + scalarText(value) + "\n";
    }
    return out;
}

std::string modelCardText(const std::string &run)
{
    const fs::path root(run);
    const json info = readJson(root / "run.json");
    if (info.is_null())
        throw std::runtime_error((root / "run.json").string() + " cannot be read as a JSON object");
    const json test = readJson(root / "test" / "metrics.json"), split = readJson(root / "split.json"),
               model = readJson(root / "checkpoints" / "best" / "config.json");
    const json &config = at(info, "config"), &dataset = at(info, "dataset"), &train = at(config, "train");
    const std::string name = fs::path(run).lexically_normal().filename().string().empty()
                                 ? fs::path(run).lexically_normal().parent_path().filename().string()
                                 : fs::path(run).lexically_normal().filename().string();
    const std::string hub = hubIdOfModelPath(str(at(config, "model")));
    std::string dataName = fs::path(str(at(dataset, "root"))).lexically_normal().filename().string();
    if (dataName.empty())
        dataName = "images";

    json front = {{"library_name", "transformers"},
                  {"pipeline_tag", "image-classification"},
                  {"tags", {"vision", "image-classification", "vit", "endoscopy", "vitscope", "research-only"}}};
    if (!hub.empty())
        front["base_model"] = hub;
    if (test.is_object() && at(test, "accuracy").is_number()) {
        json metrics = json::array();
        const std::tuple<const char *, const char *, const char *> rows[] = {{"accuracy", "accuracy", "Accuracy"},
                                                                             {"f1", "macro_f1", "Macro F1"},
                                                                             {"f1", "weighted_f1", "Weighted F1"},
                                                                             {"matthews_correlation", "mcc", "MCC"}};
        for (const auto &[type, key, label] : rows)
            if (at(test, key).is_number())
                metrics.push_back({{"type", type}, {"value", at(test, key)}, {"name", label}});
        front["model-index"] = json::array({{{"name", name},
                                             {"results", json::array({{{"task", {{"type", "image-classification"}, {"name", "Image Classification"}}},
                                                                       {"dataset", {{"type", "imagefolder"}, {"name", dataName}, {"split", "test"}}},
                                                                       {"metrics", metrics}}})}}});
    }

    std::ostringstream md;
    md << "---\n" << yamlBlock(front) << "---\n\n";
    md << "# " << name << "\n\n> **For research use only. Not for use in diagnostic procedures.**\n\n";
    const json labels = at(info, "labels").is_array() ? at(info, "labels") : json::array();
    md << "A Vision Transformer (ViTForImageClassification) fine-tuned with vitscope to sort endoscopy images into " << labels.size()
       << " classes: ";
    for (std::size_t i = 0; i < labels.size(); ++i)
        md << (i ? ", " : "") << "`" << str(labels[i]) << "`";
    md << ".\n\n## Intended use\n\nResearch on fine-tuning Vision Transformers for endoscopy images: comparing recipes, studying the "
          "model's errors, calibration and attention, on retrospective, de-identified images.\n\n"
          "## Out-of-scope use\n\n- Diagnosis, screening, triage or any other decision about a patient's care.\n"
          "- Use as, or inside, a medical device.\n"
          "- Images from another hospital, endoscope or imaging setting without validating again on such images.\n\n";

    md << "## Data\n\n- Data folder: `" << str(at(dataset, "root")) << "`\n";
    if (!str(at(dataset, "val_root")).empty())
        md << "- Validation folder: `" << str(at(dataset, "val_root")) << "`\n";
    if (!str(at(dataset, "test_root")).empty())
        md << "- Test folder: `" << str(at(dataset, "test_root")) << "`\n";
    md << "- Labels: no label manifest: labels are the class folders\n"
       << "- Images: " << str(at(dataset, "train")) << " training, " << str(at(dataset, "val")) << " validation, " << str(at(dataset, "test"))
       << " test (split seed " << (at(split, "seed").is_null() ? "not recorded" : str(at(split, "seed"))) << ")\n";
    const json &bad = at(dataset, "bad_files"), &groups = at(dataset, "duplicate_groups");
    md << "- Files left out as unusable: " << (bad.is_array() ? std::to_string(bad.size()) : bad.is_number() ? str(bad) : "0")
       << "; groups of identical files: " << (groups.is_array() ? std::to_string(groups.size()) : str(at(dataset, "duplicates")))
       << "\n\n";

    md << "## Model and recipe\n\n- Starting model: " << (hub.empty() ? "`" + str(at(config, "model")) + "` (local)" : "[" + hub + "](https://huggingface.co/" + hub + ")")
       << "\n- Fine-tune mode: `" << str(at(train, "fine_tune")) << "`\n";
    if (model.is_object())
        md << "- Architecture: " << str(at(model, "image_size")) << " px input, patch " << str(at(model, "patch_size")) << ", hidden size "
           << str(at(model, "hidden_size")) << ", " << str(at(model, "num_hidden_layers")) << " blocks, " << str(at(model, "num_attention_heads"))
           << " heads\n";
    md << "- Epochs " << str(at(train, "epochs")) << ", batch size " << str(at(train, "batch_size")) << ", learning rate " << str(at(train, "lr"))
       << ", weight decay " << str(at(train, "weight_decay")) << ", seed " << str(at(train, "seed")) << "\n\n"
       << "<details><summary>The whole configuration (run.json's <code>config</code>)</summary>\n\n```json\n" << config.dump(2) << "\n```\n\n</details>\n\n";

    md << "## Hardware and run time\n\n- Device: " << str(at(info, "device")) << "\n- Started: " << str(at(info, "started"))
       << "\n- Ended: " << (str(at(info, "ended")).empty() ? "not recorded" : str(at(info, "ended"))) << "\n- Versions:";
    const json versions = at(info, "versions").is_object() ? at(info, "versions") : json::object(); // items() refers to it
    for (const auto &[k, v] : versions.items())
        if (!str(v).empty()) // cuda and cudnn are "" without CUDA
            md << " " << k << " " << str(v) << ";";
    md << "\n\n## Test results\n\n";
    if (!(test.is_object() && at(test, "accuracy").is_number())) {
        md << "This run has no test part: no test metrics are reported.\n\n";
    } else {
        const json &intervals = at(test, "intervals");
        md << "On " << str(at(test, "count")) << " test images (the best epoch's model).\n\n| metric | value | 95 % interval |\n|---|---|---|\n";
        for (const auto &[label, key] : {std::pair{"accuracy", "accuracy"}, {"macro F1", "macro_f1"}, {"weighted F1", "weighted_f1"}, {"MCC", "mcc"}}) {
            const json &iv = at(intervals, key);
            md << "| " << label << " | " << fixed(at(test, key), 4) << " | "
               << (iv.is_array() && iv.size() == 2 ? fixed(iv[0], 4) + " – " + fixed(iv[1], 4) : std::string("not available")) << " |\n";
        }
        md << "\n| class | precision | recall | F1 | images |\n|---|---|---|---|---|\n";
        for (const auto &row : at(test, "per_class").is_array() ? at(test, "per_class") : json::array())
            md << "| " << cell(str(at(row, "label"))) << " | " << fixed(at(row, "precision"), 3) << " | " << fixed(at(row, "recall"), 3) << " | "
               << fixed(at(row, "f1"), 3) << " | " << str(at(row, "support")) << " |\n";
        md << "\n";
    }
    md << "## Calibration and prediction sets\n\n";
    const json &cal = at(test, "calibration"), &conformal = at(test, "conformal");
    if (at(cal, "raw").is_object() && at(cal, "scaled").is_object())
        md << "Temperature T = " << fixed(at(cal, "temperature"), 3) << " (fitted on the validation images; `calibration.json`). On the test "
           << "images, ECE " << fixed(at(at(cal, "raw"), "ece"), 4) << " before and " << fixed(at(at(cal, "scaled"), "ece"), 4)
           << " after scaling; NLL " << fixed(at(at(cal, "raw"), "nll"), 4) << " and " << fixed(at(at(cal, "scaled"), "nll"), 4) << ".\n\n";
    else
        md << "Calibration figures are not available for this run.\n\n";
    if (at(conformal, "coverage").is_number())
        md << "Prediction sets (split conformal, " << str(at(conformal, "score")) << ", alpha " << str(at(conformal, "alpha"))
           << ") held the true class for " << percent(at(conformal, "coverage")) << " of test images, with "
           << fixed(at(conformal, "mean_set_size"), 2) << " classes on average.\n\n";
    md << "## How to use\n\n```python\nfrom transformers import pipeline\nclassifier = pipeline(\"image-classification\", model=\"path/to/this/folder\")\n"
          "print(classifier(\"frame.jpg\"))\n```\n\nFor calibrated probabilities, divide the logits by the temperature in "
          "`calibration.json` (when present) before the softmax.\n\n";
    md << "## Limitations\n\n- The images come from one site; figures here say little about another hospital, endoscope or light source.\n"
          "- There are no patient identifiers, so images of one patient may sit on both sides of the split: test figures can be optimistic.\n"
          "- The model may rely on shortcut artefacts such as on-screen insets, text overlays or borders that go with a class.\n"
          "- Calibration and the prediction-set guarantee hold only for images like the validation images, not for another hospital or scope.\n\n"
          "The full report (figures, per-class tables, explanation examples) is `report.html` in the run folder "
          "(`vitscope-cli report --run RUN_DIR`).\n";
    return md.str();
}

ModelCardResult writeModelCard(const std::string &run)
{
    ModelCardResult r;
    try {
        const fs::path folder = fs::path(run) / "checkpoints" / "best";
        if (!fs::exists(folder / "config.json")) {
            r.error = "the run has no exported model (" + folder.string() + ")";
            return r;
        }
        const std::string text = modelCardText(run);
        const fs::path path = folder / "README.md";
        writeTextAtomically(path.string(), text);
        r.path = path.string();
    } catch (const std::exception &e) {
        r.error = e.what();
    }
    return r;
}

} // namespace vitscope
