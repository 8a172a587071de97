#include "data/image_formats.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

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

std::vector<std::vector<std::string>> listClassImages(const std::string &root)
{
    namespace fs = std::filesystem;
    if (!fs::is_directory(root))
        throw std::runtime_error("data set folder " + root + " does not exist");
    std::vector<fs::path> classes;
    for (const auto &e : fs::directory_iterator(root))
        if (e.is_directory() && e.path().filename().string()[0] != '.')
            classes.push_back(e.path());
    std::sort(classes.begin(), classes.end());
    std::vector<std::vector<std::string>> out;
    for (const auto &c : classes) {
        std::vector<std::string> files;
        for (const auto &e : fs::recursive_directory_iterator(c, fs::directory_options::skip_permission_denied))
            if (e.is_regular_file() && isImageExtension(e.path().extension().string()))
                files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        out.push_back(files);
    }
    return out;
}

} // namespace vitscope
