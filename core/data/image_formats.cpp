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

FolderListing listImageFiles(const std::filesystem::path &dir, const std::filesystem::path &root)
{
    namespace fs = std::filesystem;
    auto rel = [&](const fs::path &p) { return p.lexically_relative(root).generic_string(); };
    auto quoted = [&](const fs::path &p) { return std::string("'").append(rel(p)).append("'"); }; // not "'" + rel(p): GCC 12 warns wrongly
    FolderListing out;
    std::vector<fs::path> pending = {dir};
    while (!pending.empty()) {
        const fs::path folder = pending.back();
        pending.pop_back();
        std::error_code ec;
        fs::directory_iterator it(folder, ec), end;
        if (ec) {
            out.problems.push_back("folder '" + rel(folder) + "' cannot be read (" + ec.message() + "): its images are not counted");
            continue;
        }
        for (; it != end; it.increment(ec)) {
            const fs::path p = it->path();
            if (const std::string name = p.filename().string(); !name.empty() && name[0] == '.') {
                ++out.hidden;
                continue;
            }
            std::error_code kind;
            const auto status = it->symlink_status(kind);
            if (kind) { // e.g. a path longer than PATH_MAX: said, never silently left out
                out.problems.push_back(quoted(p) + " cannot be examined (" + kind.message() + "): not counted");
            } else if (fs::is_directory(status)) {
                pending.push_back(p);
            } else if (fs::is_symlink(status) && fs::is_directory(p, kind)) {
                out.problems.push_back(quoted(p) + " is a link to a folder: not followed");
            } else if (isImageExtension(p.extension().string())) {
                out.images.push_back(p);
            } else {
                ++out.notImages;
            }
        }
        if (ec)
            out.problems.push_back("folder '" + rel(folder) + "' could not be read to the end (" + ec.message() + ")");
    }
    return out;
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
        for (const auto &p : listImageFiles(c, root).images)
            files.push_back(p.string());
        std::sort(files.begin(), files.end());
        out.push_back(files);
    }
    return out;
}

} // namespace vitscope
