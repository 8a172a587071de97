#pragma once
// Image decoding with OpenCV, returning what PIL's Image.open(...).convert("RGB") would see, and
// a reason a person understands when a file cannot be used.
#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitscope {

class ImageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DecodedImage {
    cv::Mat bgr;        // CV_8UC3, OpenCV channel order (the resize writes RGB)
    int width = 0, height = 0;
    std::string format; // JPEG, PNG, BMP, TIFF, WebP
    std::string mode;   // as PIL names it: RGB, L, RGBA, LA, I;16, CMYK
    std::string note;   // what was converted, e.g. "16-bit converted to 8-bit"
};

struct ImageProbe {
    std::string format; // empty when unknown
    int width = 0, height = 0;
    int channels = 0;
    // A tiled TIFF's tile size: the decoder allocates a whole tile (4 bytes a pixel) whatever the
    // image's size, so a 16x16 image with 25600x26000 tiles took 2.7 GB (found by fuzz_image).
    int tileWidth = 0, tileHeight = 0;
};

constexpr int64_t kDefaultMaxPixels = 100'000'000;

// Reads the file and decodes it. Throws ImageError: empty file, not an image, unsupported format,
// truncated or corrupt data, over the pixel limit (checked from the header, before decoding).
DecodedImage decodeImageFile(const std::string &path, int64_t maxPixels = kDefaultMaxPixels);
DecodedImage decodeImageBuffer(const std::vector<unsigned char> &bytes, int64_t maxPixels = kDefaultMaxPixels);

// Format and size from the header bytes alone (no decoding).
ImageProbe probeImage(const std::vector<unsigned char> &bytes);

// Regular files of at most maxBytes only (a larger one is refused before it is read). Throws ImageError.
constexpr std::uintmax_t kMaxImageFileBytes = std::uintmax_t{512} << 20;
std::vector<unsigned char> readFileBytes(const std::string &path, std::uintmax_t maxBytes = kMaxImageFileBytes);
std::string opencvVersion();

} // namespace vitscope
