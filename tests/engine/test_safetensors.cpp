// safetensors: round trips for every dtype, and every malformed file we can think of is a clear
// error naming the file (and the tensor), never a crash or a huge allocation.
#include "test_support.h"

#include "engine/safetensors.h"

#include <torch/torch.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

std::string tmpPath(const std::string &name)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-safetensors";
    fs::create_directories(dir);
    return (dir / name).string();
}

// Writes a raw safetensors file: header text (as given) + `data` bytes.
std::string writeRaw(const std::string &name, const std::string &header, std::size_t dataBytes, int64_t declaredLength = -1)
{
    const std::string path = tmpPath(name);
    std::ofstream out(path, std::ios::binary);
    const uint64_t n = declaredLength >= 0 ? static_cast<uint64_t>(declaredLength) : header.size();
    out.write(reinterpret_cast<const char *>(&n), 8);
    out << header;
    out << std::string(dataBytes, '\0');
    return path;
}

} // namespace

TEST_CASE("roundTripEveryDtype")
{
    std::map<std::string, torch::Tensor> t = {
        {"f32", torch::randn({3, 4})},
        {"f16", torch::randn({5}).to(torch::kFloat16)},
        {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
        {"f64", torch::randn({2, 3}, torch::kFloat64)},
        {"i64", torch::arange(7, torch::kInt64)},
        {"i32", torch::arange(5, torch::kInt32)},
        {"u8", torch::arange(200, torch::kUInt8)},
        {"bool", torch::tensor({true, false, true})},
        {"scalar", torch::tensor(3.5f)},
        {"empty", torch::zeros({0, 4})},
        {"noncontiguous", torch::randn({4, 6}).t()},
    };
    const auto path = tmpPath("all.safetensors");
    saveSafetensors(path, t, {{"format", "pt"}, {"note", "x"}});
    const auto back = loadSafetensors(path);
    REQUIRE(back.tensors.size() == t.size());
    REQUIRE((back.metadata.at("format") == "pt" && back.metadata.at("note") == "x"));
    for (const auto &[k, v] : t) {
        const auto &b = back.tensors.at(k);
        REQUIRE((b.scalar_type() == v.scalar_type()));
        REQUIRE(b.sizes() == v.sizes());
        REQUIRE(torch::equal(b, v.contiguous()));
    }
    // The header is 8-byte aligned, as the reference library writes it.
    std::ifstream in(path, std::ios::binary);
    uint64_t n = 0;
    in.read(reinterpret_cast<char *>(&n), 8);
    REQUIRE(n % 8 == 0);
}

TEST_CASE("malformedFilesAreClearErrors")
{
    struct Row {
        const char *name;
        std::string header;
        std::size_t data;
        int64_t declared;
        const char *message;
    };
    const std::string ok = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    const std::vector<Row> rows = {
        {"header_past_eof", ok, 8, 1 << 20, "runs past the end of the file"},
        {"truncated_data", ok, 4, -1, "truncated"},
        {"zero_header", "", 0, 0, "header length is zero"},
        {"huge_header_length", ok, 8, int64_t(1) << 40, "exceeds the 100 MB limit"},
        {"not_json", "{this is not json", 8, -1, "not valid JSON"},
        {"json_array", "[1,2,3]", 8, -1, "not a JSON object"},
        {"json_string", "\"hello\"", 8, -1, "not a JSON object"},
        {"unknown_dtype", R"({"a":{"dtype":"F8_E9","shape":[2],"data_offsets":[0,8]}})", 8, -1, "unsupported dtype 'F8_E9'"},
        {"wrong_shape", R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8, -1, "needs 12 bytes"},
        {"negative_dim", R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8, -1, "negative"},
        {"overflowing_shape", R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})", 8, -1, "overflows"},
        {"reversed_offsets", R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8, -1, "end before they begin"},
        {"offsets_outside", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", 8, -1, "outside the file"},
        {"overlap", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 16, -1, "overlapping"},
        {"missing_offsets", R"({"a":{"dtype":"F32","shape":[2]}})", 8, -1, "data_offsets"},
        {"offsets_not_numbers", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":["0","8"]}})", 8, -1, "data_offsets"},
        {"entry_not_object", R"({"a":5})", 8, -1, "entry is not an object"},
        {"missing_dtype", R"({"a":{"shape":[2],"data_offsets":[0,8]}})", 8, -1, "dtype"},
        {"metadata_not_strings", R"({"__metadata__":{"format":1}})", 0, -1, "not a string"},
    };
    for (const auto &r : rows) {
        const auto path = writeRaw(std::string(r.name) + ".safetensors", r.header, r.data, r.declared);
        REQUIRE_THROWS_CONTAINING(loadSafetensors(path), r.message);
        REQUIRE_THROWS_CONTAINING(loadSafetensors(path), path); // the file is named
    }
    // Files too short to hold a header length, and missing files.
    for (int size : {0, 3, 7}) {
        const auto path = tmpPath("short" + std::to_string(size));
        std::ofstream(path, std::ios::binary) << std::string(static_cast<std::size_t>(size), 'x');
        REQUIRE_THROWS_CONTAINING(loadSafetensors(path), "too short");
    }
    REQUIRE_THROWS_CONTAINING(loadSafetensors(tmpPath("does-not-exist")), "cannot");
    // A bad tensor entry is named.
    const auto named = writeRaw("named.safetensors", R"({"layer.weight":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8);
    REQUIRE_THROWS_CONTAINING(loadSafetensors(named), "layer.weight");
}

TEST_CASE("failedWriteKeepsPreviousFile")
{
    const auto path = tmpPath("keep.safetensors");
    saveSafetensors(path, {{"a", torch::ones({2})}});
    const auto dir = fs::path(tmpPath("ro-dir"));
    fs::create_directories(dir);
    // A tensor type safetensors cannot hold aborts before anything is written.
    REQUIRE_THROWS_CONTAINING(saveSafetensors(path, {{"c", torch::ones({2}, torch::kComplexFloat)}}), "cannot be stored");
    REQUIRE(torch::equal(loadSafetensors(path).tensors.at("a"), torch::ones({2})));
}
