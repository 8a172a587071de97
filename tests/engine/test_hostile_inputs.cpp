// Reliability (#17): model files that are wrong, hostile or damaged are refused before anything is
// allocated or computed, with a message that names the file and the field. Each row is a case of
// the fault campaign that passed before (a wrapped integer, gigabytes allocated, a raw library error).
#include "test_support.h"
#include "engine/checkpoint.h"
#include "engine/file_util.h"
#include "engine/optim.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"
#include "engine/trainer_state.h"
#include "engine/safetensors.h"
#include "engine/vit_config.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace vitscope;

namespace {

struct Row {
    const char *json;
    const char *error;
};

void writeFile(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("configFieldsAreBoundedBeforeAllocation")
{
    const std::vector<Row> rows = {
        {R"({"hidden_size":65536,"num_attention_heads":1})", "field 'hidden_size' is 65536; it must be between 1 and 16384"},
        {R"({"num_attention_heads":2147483648})", "field 'num_attention_heads' is 2147483648; it must be between 1 and 16384"},
        {R"({"num_hidden_layers":100000000})", "field 'num_hidden_layers' is 100000000"},
        {R"({"intermediate_size":99999999999})", "field 'intermediate_size'"},
        {R"({"image_size":1000000})", "field 'image_size' is 1000000"},
        {R"({"num_labels":100000000})", "field 'num_labels' is 100000000"},
        {R"({"image_size":-224})", "field 'image_size' is -224"},
        {R"({"image_size":224.5})", "field 'image_size' must be an integer, not 224.5"},
        {R"({"patch_size":"16"})", "field 'patch_size' must be an integer"},
        {R"({"layer_norm_eps":-1})", "field 'layer_norm_eps' is -1"},
        {R"({"hidden_dropout_prob":1.5})", "field 'hidden_dropout_prob' is 1.5"},
        {R"({"image_size":4096,"patch_size":2})", "4194304 patches, more than 16384"},
        {R"({"hidden_size":16384,"num_attention_heads":16,"num_hidden_layers":256,"intermediate_size":65536})", "million parameters"},
        {R"({"hidden_size":768,"image_size":224} trailing)", "config.json is not valid JSON: parse error at line 1"},
    };
    for (const auto &r : rows) {
        INFO(std::string(r.json));
        REQUIRE_THROWS_CONTAINING(parseViTConfig(r.json), r.error);
    }
    // The message carries no library prefix.
    const auto t = testsupport::thrown([] { parseViTConfig("{oops"); });
    REQUIRE(t.message.find("[json.exception") == std::string::npos);
    // A real ViT is well inside the bounds.
    REQUIRE(parseViTConfig(R"({"hidden_size":1280,"num_attention_heads":16,"num_hidden_layers":32,"intermediate_size":5120,"image_size":518,"patch_size":14})")
                .numPatches() == 37 * 37);
}

TEST_CASE("preprocessorFieldsAreBounded")
{
    const std::vector<Row> rows = {
        {R"({"size":4294967328})", "field 'size' is 4294967328; it must be between 1 and 8192"},
        {R"({"size":{"height":"big","width":224}})", "size: field 'height' must be an integer"},
        {R"({"size":{"height":224,"width":0}})", "size: field 'width' is 0"},
        {R"({"image_mean":[0.5,"x",0.5]})", "field 'image_mean' has the wrong type"},
        {R"({"rescale_factor":0})", "field 'rescale_factor' is 0"},
        {R"({"resample":99})", "field 'resample' is 99"},
    };
    for (const auto &r : rows) {
        INFO(std::string(r.json));
        REQUIRE_THROWS_CONTAINING(parsePreprocessConfig(r.json, 224), r.error);
    }
}

TEST_CASE("modelFolderFilesAreCheckedAgainstEachOther")
{
    const fs::path dir = fs::temp_directory_path() / ("vitscope-hostile-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string tiny = R"({"model_type":"vit","image_size":32,"patch_size":8,"hidden_size":16,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":32,"num_labels":2})";

    SUBCASE("a preprocessor size that is not the model's image size (#17 item 19)")
    {
        writeFile(dir / "config.json", tiny);
        writeFile(dir / "preprocessor_config.json", R"({"size":{"height":64,"width":64}})");
        REQUIRE_THROWS_CONTAINING(loadModel(dir.string()), "preprocessor_config.json: size 64x64 differs from config.json's image_size 32");
        writeFile(dir / "preprocessor_config.json", R"({"size":{"height":64,"width":64},"do_resize":false})");
        REQUIRE(loadModel(dir.string()).preprocess.height == 64); // no resize: each image is checked instead
    }
    SUBCASE("config.json that is a folder (#17 item 22)")
    {
        fs::create_directories(dir / "config.json");
        REQUIRE_THROWS_CONTAINING(loadModel(dir.string()), "config.json: it is a folder");
    }
    SUBCASE("config.json far larger than a config can be (#17 item 11)")
    {
        fs::create_directories(dir);
        {
            std::ofstream big(dir / "config.json");
            big << "{";
        }
        fs::resize_file(dir / "config.json", std::uintmax_t{3} << 30); // sparse: nothing is written
        REQUIRE_THROWS_CONTAINING(loadModel(dir.string()), "it is 3072 MB, more than such a file can need (16 MB)");
    }
    fs::remove_all(dir);
}

// #17 item 16: NaN weights, a missing backbone tensor, a file with no tensors, a dangling link and a
// config alone all predicted "successfully" from random or NaN weights. For prediction and
// evaluation they are errors; training still starts from them, with the transformers-style note.
TEST_CASE("inferenceNeedsEveryBackboneWeightFinite")
{
    const fs::path dir = fs::temp_directory_path() / ("vitscope-weights-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    ViTConfig config = vitTinyConfig(32);
    config.labels = {"a", "b"};
    ViTForImageClassification model(config);
    exportModel(model, defaultPreprocessConfig(32), dir.string());
    const auto weights = (dir / "model.safetensors").string();
    auto state = stateDict(model);
    const LoadOptions inference{{}, torch::kCPU, LoadPurpose::Inference};
    REQUIRE(loadModel(dir.string(), inference).missingKeys.empty()); // the intact folder loads

    struct Case {
        const char *name;
        std::function<void()> damage;
        const char *error;
    };
    const std::vector<Case> cases = {
        {"a NaN in one tensor",
         [&] {
             auto s = state;
             s["vit.encoder.layer.1.output.dense.weight"] = s["vit.encoder.layer.1.output.dense.weight"].clone().index_put_({0, 0}, NAN);
             saveSafetensors(weights, s);
         },
         "'vit.encoder.layer.1.output.dense.weight' holds NaN or infinite values"},
        {"an infinite value",
         [&] {
             auto s = state;
             s["classifier.bias"] = torch::full({2}, INFINITY);
             saveSafetensors(weights, s);
         },
         "'classifier.bias' holds NaN or infinite values"},
        {"a missing backbone tensor",
         [&] {
             auto s = state;
             s.erase("vit.layernorm.weight");
             saveSafetensors(weights, s);
         },
         "lacks 1 of the model's backbone weights ('vit.layernorm.weight' first)"},
        {"no tensors at all", [&] { saveSafetensors(weights, {}); }, "lacks"},
        {"a dangling link",
         [&] {
             fs::remove(weights);
             fs::create_symlink(dir / "gone.safetensors", weights);
         },
         "model.safetensors is a link to a file that does not exist"},
        {"a config alone", [&] { fs::remove(weights); }, "no model.safetensors): an untrained model cannot predict"},
    };
    for (const auto &c : cases) {
        INFO(c.name);
        exportModel(model, defaultPreprocessConfig(32), dir.string());
        c.damage();
        REQUIRE_THROWS_CONTAINING(loadModel(dir.string(), inference), c.error);
        // Only a folder meant to be trained is "untrained" (the GUI says so instead of a failure).
        const bool configOnly = std::string(c.name) == "a config alone";
        bool untrained = false;
        try {
            loadModel(dir.string(), inference);
        } catch (const UntrainedModelError &) {
            untrained = true;
        } catch (const std::exception &) {
        }
        REQUIRE(untrained == configOnly);
        if (std::string(c.name).find("NaN") == std::string::npos && std::string(c.name).find("infinite") == std::string::npos)
            REQUIRE_NOTHROW(loadModel(dir.string())); // training starts from it, as transformers does
    }
    fs::remove_all(dir);
}

TEST_CASE("plainJsonErrorDropsTheLibraryPrefix")
{
    REQUIRE(plainJsonError(std::runtime_error("[json.exception.type_error.302] type must be number, but is string")) ==
            "type must be number, but is string");
    REQUIRE(plainJsonError(std::runtime_error("cannot read x")) == "cannot read x");
}

// #17 item 7: a checkpoint carries checksums.json; a flipped bit in any of its files stops the resume
// with the file's name, instead of training on the damage until the loss turns NaN.
TEST_CASE("damagedCheckpointIsNamedNotResumed")
{
    const fs::path dir = fs::temp_directory_path() / ("vitscope-ckpt-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    ViTConfig config = vitTinyConfig(32);
    config.labels = {"a", "b"};
    ViTForImageClassification model(config);
    AdamW optimizer(*model, AdamWOptions{});
    RunFolder run(dir.string());
    TrainerState state;
    state.globalStep = 7;
    run.saveLast(model, defaultPreprocessConfig(32), optimizer, state);
    const fs::path last = run.lastFolder();
    REQUIRE(fs::exists(last / "checksums.json"));
    REQUIRE(run.loadLast(model, optimizer).globalStep == 7); // intact: resumes

    for (const char *file : {"model.safetensors", "optimizer.safetensors", "trainer_state.json"}) {
        INFO(file);
        run.saveLast(model, defaultPreprocessConfig(32), optimizer, state);
        {
            std::fstream f(last / file, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(static_cast<std::streamoff>(fs::file_size(last / file) - 3));
            f.put('\x5a'); // one byte near the end: tensor data, or the JSON's last value
        }
        REQUIRE_THROWS_CONTAINING(run.loadLast(model, optimizer), std::string("is damaged: ") + file + " does not match the checksum");
    }
    fs::remove(last / "rng.safetensors");
    REQUIRE_THROWS_CONTAINING(run.loadLast(model, optimizer), "rng.safetensors is missing");
    fs::remove_all(dir);
}

// #17 item 19: LibTorch's errors reach people without their C++ stack trace, and an allocation
// failure is "out of memory", not "[enforce fail at alloc_cpu.cpp:75] ... frame #0".
TEST_CASE("libtorchErrorsWithoutStackTraces")
{
    const auto alloc = testsupport::thrown([] { (void)torch::empty({int64_t{1} << 48}, torch::kFloat32); });
    REQUIRE(alloc.threw);
    try {
        (void)torch::empty({int64_t{1} << 48}, torch::kFloat32);
    } catch (const std::exception &e) {
        INFO(std::string(e.what()));
        REQUIRE(errorText(e) == "out of memory (1125900 GB more were asked for)");
    }
    try {
        (void)torch::ones({2, 3}).matmul(torch::ones({4, 5}));
    } catch (const std::exception &e) {
        const std::string text = errorText(e);
        INFO(text);
        REQUIRE(text.find("frame #") == std::string::npos);
        REQUIRE(text.find("Exception raised from") == std::string::npos);
        REQUIRE(text.find("cannot be multiplied") != std::string::npos);
    }
    REQUIRE(errorText(std::runtime_error("plain")) == "plain");
}
