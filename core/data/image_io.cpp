#include "data/image_io.h"

#include "data/image_formats.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace vitscope {
namespace {

bool startsWith(const std::vector<unsigned char> &b, std::initializer_list<int> magic, std::size_t offset = 0)
{
    if (b.size() < offset + magic.size())
        return false;
    std::size_t i = offset;
    for (int m : magic)
        if (b[i++] != static_cast<unsigned char>(m))
            return false;
    return true;
}

uint32_t be16(const unsigned char *p) { return (uint32_t(p[0]) << 8) | p[1]; }
uint32_t be32(const unsigned char *p) { return (be16(p) << 16) | be16(p + 2); }
uint32_t le16(const unsigned char *p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8); }
uint32_t le32(const unsigned char *p) { return le16(p) | (le16(p + 2) << 16); }

void probeJpeg(const std::vector<unsigned char> &b, ImageProbe &p)
{
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) {
            ++i;
            continue;
        }
        const unsigned char marker = b[i + 1];
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
            i += marker == 0xFF ? 1 : 2;
            continue;
        }
        const uint32_t len = be16(&b[i + 2]);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            p.height = static_cast<int>(be16(&b[i + 5]));
            p.width = static_cast<int>(be16(&b[i + 7]));
            p.channels = b[i + 9];
            return;
        }
        i += 2 + len;
    }
}

// TIFF: the first image's ImageWidth (256), ImageLength (257), TileWidth (322) and TileLength (323)
// from IFD 0, in either byte order. Without them a 25 KB file can declare 32768x32768 and take
// gigabytes in the decoder (#17 item 10). A tag given twice counts at its larger value.
void probeTiff(const std::vector<unsigned char> &b, ImageProbe &p)
{
    const bool little = b[0] == 'I';
    auto u16 = [&](std::size_t at) { return little ? le16(&b[at]) : be16(&b[at]); };
    auto u32 = [&](std::size_t at) { return little ? le32(&b[at]) : be32(&b[at]); };
    if (b.size() < 8)
        return;
    const std::size_t ifd = u32(4);
    if (ifd + 2 > b.size())
        return;
    const std::size_t entries = u16(ifd);
    for (std::size_t k = 0; k < entries && ifd + 2 + 12 * (k + 1) <= b.size(); ++k) {
        const std::size_t e = ifd + 2 + 12 * k;
        const uint32_t tag = u16(e), type = u16(e + 2);
        const uint32_t value = type == 3 ? u16(e + 8) : type == 4 ? u32(e + 8) : 0;
        const int clamped = static_cast<int>(std::min<uint32_t>(value, INT32_MAX));
        int *field = tag == 256 ? &p.width : tag == 257 ? &p.height : tag == 322 ? &p.tileWidth : tag == 323 ? &p.tileHeight : nullptr;
        if (field)
            *field = std::max(*field, clamped);
    }
}

bool jpegComplete(const std::vector<unsigned char> &b)
{
    // A JPEG ends with the EOI marker FF D9 (some writers pad with zeros after it).
    std::size_t end = b.size();
    while (end > 2 && b[end - 1] == 0)
        --end;
    return end >= 4 && b[end - 2] == 0xFF && b[end - 1] == 0xD9;
}

bool pngComplete(const std::vector<unsigned char> &b)
{
    static const unsigned char iend[] = {'I', 'E', 'N', 'D'};
    return b.size() >= 12 && std::memcmp(&b[b.size() - 8], iend, 4) == 0;
}

bool looksLikeText(const std::vector<unsigned char> &b)
{
    const std::size_t n = std::min<std::size_t>(b.size(), 512);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = b[i];
        if (c < 9 || (c > 13 && c < 32 && c != 27))
            return false;
    }
    return n > 0;
}

} // namespace

ImageProbe probeImage(const std::vector<unsigned char> &b)
{
    ImageProbe p;
    if (startsWith(b, {0xFF, 0xD8, 0xFF})) {
        p.format = "JPEG";
        probeJpeg(b, p);
    } else if (startsWith(b, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
        p.format = "PNG";
        if (b.size() >= 26) {
            p.width = static_cast<int>(be32(&b[16]));
            p.height = static_cast<int>(be32(&b[20]));
            const int colorType = b[25];
            p.channels = colorType == 0 ? 1 : colorType == 4 ? 2 : colorType == 6 ? 4 : 3;
        }
    } else if (startsWith(b, {'B', 'M'}) && b.size() >= 26) {
        p.format = "BMP";
        p.width = static_cast<int>(le32(&b[18]));
        p.height = std::abs(static_cast<int32_t>(le32(&b[22])));
    } else if (startsWith(b, {'R', 'I', 'F', 'F'}) && startsWith(b, {'W', 'E', 'B', 'P'}, 8)) {
        p.format = "WebP";
        if (b.size() >= 30 && startsWith(b, {'V', 'P', '8', ' '}, 12)) {
            p.width = static_cast<int>(le16(&b[26]) & 0x3FFF);
            p.height = static_cast<int>(le16(&b[28]) & 0x3FFF);
        } else if (b.size() >= 25 && startsWith(b, {'V', 'P', '8', 'L'}, 12)) {
            const uint32_t v = le32(&b[21]);
            p.width = static_cast<int>((v & 0x3FFF) + 1);
            p.height = static_cast<int>(((v >> 14) & 0x3FFF) + 1);
        } else if (b.size() >= 30 && startsWith(b, {'V', 'P', '8', 'X'}, 12)) {
            p.width = static_cast<int>((b[24] | (b[25] << 8) | (b[26] << 16)) + 1);
            p.height = static_cast<int>((b[27] | (b[28] << 8) | (b[29] << 16)) + 1);
        }
    } else if (startsWith(b, {'I', 'I', 0x2A, 0x00}) || startsWith(b, {'M', 'M', 0x00, 0x2A})) {
        p.format = "TIFF";
        probeTiff(b, p);
    } else if (startsWith(b, {'G', 'I', 'F', '8'})) {
        p.format = "GIF";
    }
    return p;
}

std::vector<unsigned char> readFileBytes(const std::string &path, std::uintmax_t maxBytes)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (fs::is_symlink(status) && !fs::exists(path, ec))
        throw ImageError("broken symbolic link");
    if (!fs::exists(path, ec))
        throw ImageError("file not found");
    if (fs::is_directory(path, ec))
        throw ImageError("is a folder, not an image file");
    // Opening a FIFO would block for ever; a device could be read without end (#17, 9).
    if (!fs::is_regular_file(path, ec))
        throw ImageError("not a regular file (a FIFO, device or socket)");
    // Bounded before reading: a 3 GB sparse ".jpg" would otherwise take 3 GB of memory (#17 item 11).
    if (const auto size = fs::file_size(path, ec); !ec && size > maxBytes)
        throw ImageError("the file is " + std::to_string(size >> 20) + " MB, larger than an image vitscope reads (" +
                         std::to_string(maxBytes >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        throw ImageError(std::string("cannot be read (") + std::strerror(errno) + ")");
    std::vector<unsigned char> bytes(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char *>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
        throw ImageError("read error");
    return bytes;
}

DecodedImage decodeImageBuffer(const std::vector<unsigned char> &bytes, int64_t maxPixels)
{
    if (bytes.empty())
        throw ImageError("empty file (0 bytes)");
    const ImageProbe probe = probeImage(bytes);
    if (probe.format.empty())
        throw ImageError(looksLikeText(bytes) ? "not an image (a text file with an image extension)"
                                              : "not an image (unrecognised file contents)");
    if (probe.format == "GIF")
        throw ImageError("unsupported format (GIF): convert it to PNG or JPEG");
    if (static_cast<int64_t>(probe.width) * probe.height > maxPixels)
        throw ImageError("image is " + std::to_string(probe.width) + "x" + std::to_string(probe.height) + " (" +
                         std::to_string(static_cast<int64_t>(probe.width) * probe.height / 1000000) +
                         " megapixels), over the " + std::to_string(maxPixels / 1000000) +
                         "-megapixel limit; refused before decoding");
    if (const int64_t tile = static_cast<int64_t>(probe.tileWidth) * probe.tileHeight; tile > maxPixels)
        throw ImageError("its TIFF tiles are " + std::to_string(probe.tileWidth) + "x" + std::to_string(probe.tileHeight) + " (" +
                         std::to_string(tile / 1000000) + " megapixels), over the " + std::to_string(maxPixels / 1000000) +
                         "-megapixel limit; refused before decoding");
    if (probe.format == "JPEG" && !jpegComplete(bytes))
        throw ImageError("truncated or corrupt JPEG (no end-of-image marker)");
    if (probe.format == "PNG" && !pngComplete(bytes))
        throw ImageError("truncated or corrupt PNG (no IEND chunk)");
    // Every format's size is read from its header before decoding; one that cannot be read is not
    // handed to the decoder to find out (#17 item 10).
    if (probe.width <= 0 || probe.height <= 0)
        throw ImageError("corrupt " + probe.format + " data: its header does not give the image's size");

    // IMREAD_UNCHANGED keeps alpha and 16-bit data and ignores EXIF orientation, as PIL does.
    cv::Mat raw;
    try {
        raw = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &) {
        // OpenCV's text is an internal assertion ("size.height <= CV_IO_MAX_IMAGE_HEIGHT"), not a reason (#17 item 21).
        throw ImageError("corrupt " + probe.format + " data: the decoder could not read it");
    }
    if (raw.empty() && probe.tileWidth > 0)
        // Debian's OpenCV 4.6 reads tiled TIFF files but not tiled TIFF data in memory, as here.
        throw ImageError("the decoder could not read this tiled TIFF: convert it to PNG, or to a TIFF without tiles");
    if (raw.empty())
        throw ImageError("corrupt " + probe.format + " data: the decoder could not read it");

    DecodedImage out;
    out.format = probe.format;
    out.width = raw.cols;
    out.height = raw.rows;
    if (static_cast<int64_t>(raw.cols) * raw.rows > maxPixels)
        throw ImageError("image is over the " + std::to_string(maxPixels / 1000000) + "-megapixel limit");
    if (raw.depth() == CV_16U) {
        raw.convertTo(raw, CV_8U, 1.0 / 257.0);
        out.note = "16-bit converted to 8-bit";
    } else if (raw.depth() != CV_8U) {
        throw ImageError("unsupported pixel type (floating-point or signed samples)");
    }
    const bool cmyk = probe.format == "JPEG" && probe.channels == 4;
    switch (raw.channels()) {
    case 1:
        out.mode = out.note.empty() ? "L" : "I;16";
        cv::cvtColor(raw, out.bgr, cv::COLOR_GRAY2BGR);
        break;
    case 2: // grey + alpha: alpha dropped, as convert("RGB") does
        out.mode = "LA";
        {
            cv::Mat grey;
            cv::extractChannel(raw, grey, 0);
            cv::cvtColor(grey, out.bgr, cv::COLOR_GRAY2BGR);
        }
        break;
    case 3:
        out.mode = cmyk ? "CMYK" : (out.note.empty() ? "RGB" : "RGB;16");
        out.bgr = raw;
        break;
    case 4:
        out.mode = out.note.empty() ? "RGBA" : "RGBA;16";
        cv::cvtColor(raw, out.bgr, cv::COLOR_BGRA2BGR); // alpha dropped, not composited: PIL's convert("RGB")
        break;
    default:
        throw ImageError("unsupported channel count " + std::to_string(raw.channels()));
    }
    if (cmyk)
        out.note = "CMYK converted to RGB";
    return out;
}

DecodedImage decodeImageFile(const std::string &path, int64_t maxPixels)
{
    const auto bytes = readFileBytes(path);
    // Another kind of file given as an image (a .json on predict's command line) is named as such
    // (#17 item 24); "a text file with an image extension" is for files that claim to be images.
    if (const std::string ext = std::filesystem::path(path).extension().string(); !isImageExtension(ext) && probeImage(bytes).format.empty())
        throw ImageError("not an image: a " + (ext.empty() ? std::string("file without an extension") : ext + " file") +
                         " (vitscope reads JPEG, PNG, BMP, TIFF and WebP)");
    return decodeImageBuffer(bytes, maxPixels);
}

std::string opencvVersion()
{
    return CV_VERSION;
}

} // namespace vitscope
