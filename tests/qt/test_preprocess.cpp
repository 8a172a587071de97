// Preprocessing against PIL (resized pixels within one grey level, pixel values accordingly) and
// end-to-end probabilities against torchvision on every fixture image.
#include "test_support.h"

#include "data/preprocess.h"
#include "engine/checkpoint.h"
#include "engine/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace vitscope;

namespace {
std::string data(const std::string &rel) { return testsupport::dataDir() + "/" + rel; }
}

TEST_CASE("resizedPixelsMatchPil")
{
    std::ifstream in(data("preprocess/expected.json"));
    const auto order = nlohmann::json::parse(in)["order"].get<std::vector<std::string>>();
    const auto ref = loadSafetensors(data("preprocess/expected.safetensors")).tensors;
    const Preprocessor pre(defaultPreprocessConfig(224));
    int worstLevel = 0;
    double worstValue = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto u8 = pre.loadResized(data("preprocess/" + order[i]));
        const int level = (u8.to(torch::kInt32) - ref.at("resized_u8")[i].to(torch::kInt32)).abs().max().item<int>();
        const double value = (pre.normalize(u8) - ref.at("pixel_values")[i]).abs().max().item<double>();
        std::cout << "  " << order[i] << ": max " << level << " grey level(s), pixel_values " << value << "\n";
        worstLevel = std::max(worstLevel, level);
        worstValue = std::max(worstValue, value);
        REQUIRE(level <= 1);
        REQUIRE(value <= 2.0 / 255 * 1.0001);
    }
    std::cout << "  worst: " << worstLevel << " grey level(s), " << worstValue << " in pixel_values\n";
}

TEST_CASE("endToEndProbabilitiesMatch")
{
    auto m = loadModel(data("vit-tiny-classifier"));
    const Preprocessor pre(m.preprocess);
    std::ifstream in(data("vit-tiny-classifier/expected_images.json"));
    const auto expected = nlohmann::json::parse(in);
    torch::InferenceMode guard;
    m.model->eval();
    double worst = 0;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto p = torch::softmax(m.model(pre.load(data("preprocess/" + it.key()))), -1)[0];
        for (std::size_t c = 0; c < m.config().labels.size(); ++c)
            worst = std::max(worst, std::abs(p[c].item<double>() - it.value()[m.config().labels[c]].get<double>()));
    }
    std::cout << "  end-to-end probability max abs error: " << worst << "\n";
    REQUIRE(worst < 1e-5);
}

TEST_CASE("unusableImagesAreExplained")
{
    struct Row {
        std::vector<unsigned char> bytes;
        const char *reason;
    };
    auto file = [](const std::string &p) { return readFileBytes(p); };
    auto truncated = file(data("preprocess/frame_720x576.jpg"));
    truncated.resize(truncated.size() / 2);
    auto png = file(data("preprocess/odd_333x251.png"));
    png.resize(png.size() - 30);
    const std::string text = "this is a text file renamed to .jpg\n";
    std::vector<unsigned char> bomb = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                       0, 0, 0x9C, 0x40, 0, 0, 0x9C, 0x40, 8, 2, 0, 0, 0};
    const std::vector<Row> rows = {
        {{}, "empty file"},
        {truncated, "truncated or corrupt JPEG"},
        {png, "truncated or corrupt PNG"},
        {std::vector<unsigned char>(text.begin(), text.end()), "not an image (a text file"},
        {{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, "unsupported format (GIF)"},
        {bomb, "over the 100-megapixel limit"},
    };
    for (const auto &r : rows)
        REQUIRE_THROWS_CONTAINING(decodeImageBuffer(r.bytes), r.reason);
    const auto grey = decodeImageFile(data("preprocess/gray_160x120.png"));
    REQUIRE((grey.mode == "L" && grey.bgr.channels() == 3));
    REQUIRE(decodeImageFile(data("preprocess/rgba_96x96.png")).mode == "RGBA");
    const auto progressive = probeImage(file(data("preprocess/progressive_640x480.jpg"))); // size from its SOF2 header
    REQUIRE((progressive.format == "JPEG" && progressive.width == 640 && progressive.height == 480));
}

// #17 items 10, 11, 21, 24: sizes come from every format's header before decoding; oversized and
// foreign files are refused before they are read whole; the decoder's internals never reach a user.
TEST_CASE("hostileImageFilesAreRefusedBeforeDecoding")
{
    // A little-endian TIFF whose IFD declares 32768x32768 in 40 bytes (it took 3.3 GB and 7 s).
    std::vector<unsigned char> tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 2, 0,
                                       0x00, 0x01, 4, 0, 1, 0, 0, 0, 0x00, 0x80, 0, 0,  // ImageWidth LONG 32768
                                       0x01, 0x01, 3, 0, 1, 0, 0, 0, 0x00, 0x80, 0, 0,  // ImageLength SHORT 32768
                                       0, 0, 0, 0};
    const auto probe = probeImage(tiff);
    REQUIRE((probe.format == "TIFF" && probe.width == 32768 && probe.height == 32768));
    REQUIRE_THROWS_CONTAINING(decodeImageBuffer(tiff), "image is 32768x32768 (1073 megapixels), over the 100-megapixel limit; refused before decoding");
    // The same in big-endian order, a small size: read, and then too damaged to decode.
    std::vector<unsigned char> mm = {'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 2, 0x01, 0x00, 0, 3, 0, 0, 0, 1, 0, 64, 0, 0,
                                     0x01, 0x01, 0, 3, 0, 0, 0, 1, 0, 48, 0, 0, 0, 0, 0, 0};
    REQUIRE((probeImage(mm).width == 64 && probeImage(mm).height == 48));
    REQUIRE_THROWS_CONTAINING(decodeImageBuffer(mm), "corrupt TIFF data: the decoder could not read it");
    // A 16x16 TIFF with 25600x26000 tiles: the decoder allocated a whole tile, 2.7 GB (found by fuzz_image).
    auto tiled = [](uint32_t size, uint32_t tileW, uint32_t tileH) {
        std::vector<unsigned char> b = {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 10, 0};
        const uint32_t tileBytes = tileW * tileH * 3, data = 8 + 2 + 10 * 12 + 4 + 8;
        const uint32_t tags[][3] = {{256, 4, size}, {257, 4, size}, {258, 3, 8 + 2 + 10 * 12 + 4}, {259, 3, 1}, {262, 3, 2},
                                    {277, 3, 3}, {322, 4, tileW}, {323, 4, tileH}, {324, 4, data}, {325, 4, tileBytes}};
        auto put = [&](uint32_t v, int n) {
            for (int i = 0; i < n; ++i)
                b.push_back(static_cast<unsigned char>(v >> (8 * i)));
        };
        for (const auto &t : tags) {
            put(t[0], 2), put(t[1], 2), put(t[0] == 258 ? 3 : 1, 4), put(t[2], 4);
        }
        put(0, 4);
        put(8, 2), put(8, 2), put(8, 2), put(0, 2); // BitsPerSample 8,8,8
        for (uint32_t i = 0; i < (tileBytes < 100000 ? tileBytes : 64); ++i)
            b.push_back(static_cast<unsigned char>(i * 7));
        return b;
    };
    const auto bombProbe = probeImage(tiled(16, 25600, 26000));
    REQUIRE((bombProbe.width == 16 && bombProbe.tileWidth == 25600 && bombProbe.tileHeight == 26000));
    REQUIRE_THROWS_CONTAINING(decodeImageBuffer(tiled(16, 25600, 26000)),
                              "its TIFF tiles are 25600x26000 (665 megapixels), over the 100-megapixel limit; refused before decoding");
    // A valid tiled TIFF (PIL reads it: pixel (0,0) is 0,7,14): OpenCV 4.6 reads tiled TIFF files, not
    // tiled TIFF data in memory, so the user is told what to do instead of "corrupt".
    REQUIRE_THROWS_CONTAINING(decodeImageBuffer(tiled(16, 16, 16)), "the decoder could not read this tiled TIFF: convert it to PNG");
    // A JPEG whose header never gives a size is not handed to the decoder to find out.
    REQUIRE_THROWS_CONTAINING(decodeImageBuffer({0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xD9, 0, 0, 0}),
                              "corrupt JPEG data: its header does not give the image's size");

    const auto dir = std::filesystem::temp_directory_path() / ("vitscope-hostile-images-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream sparse(dir / "huge.jpg", std::ios::binary);
        sparse.put(static_cast<char>(0xFF));
    }
    std::filesystem::resize_file(dir / "huge.jpg", std::uintmax_t{3} << 30); // 3 GB, nothing written
    REQUIRE_THROWS_CONTAINING(decodeImageFile((dir / "huge.jpg").string()), "the file is 3072 MB, larger than an image vitscope reads (512 MB)");
    std::ofstream(dir / "config.json") << R"({"model_type": "vit"})";
    REQUIRE_THROWS_CONTAINING(decodeImageFile((dir / "config.json").string()),
                              "not an image: a .json file (vitscope reads JPEG, PNG, BMP, TIFF and WebP)");
    std::ofstream(dir / "notes.jpg") << "a text file renamed";
    REQUIRE_THROWS_CONTAINING(decodeImageFile((dir / "notes.jpg").string()), "not an image (a text file with an image extension)");
    std::filesystem::remove_all(dir);
}
