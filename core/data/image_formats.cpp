#include "data/image_formats.h"

#include <algorithm>
#include <cctype>

namespace vitscope {

const std::vector<std::string> &imageExtensions()
{
    // GIF is listed so that such files are reported with a reason rather than skipped unseen.
    static const std::vector<std::string> known = {".jpg", ".jpeg", ".jpe", ".png", ".bmp", ".tif", ".tiff", ".webp", ".gif"};
    return known;
}

bool isImageExtension(const std::string &extension)
{
    std::string lower = extension;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto &known = imageExtensions();
    return std::find(known.begin(), known.end(), lower) != known.end();
}

} // namespace vitscope
