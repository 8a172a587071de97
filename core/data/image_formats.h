#pragma once
// The one list of file extensions treated as images (scan, Predict's folder expansion and file
// dialog, bench preprocess). No OpenCV here, so the UI can include it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitscope {

const std::vector<std::string> &imageExtensions(); // lower-case, with the dot
bool isImageExtension(const std::string &extension); // case-insensitive, with the dot

// The image files under one class folder, depth first, as every part of vitscope lists them: hidden
// entries skipped, links to folders not followed (a loop cannot trap the walk), and a folder that
// cannot be read reported, never skipped in silence (#17 items 14, 15). Paths in `problems` are
// relative to `root`, lexically (a linked image keeps the name of its link). Never throws.
struct FolderListing {
    std::vector<std::filesystem::path> images;
    std::vector<std::string> problems;
    int64_t hidden = 0, notImages = 0;
};
FolderListing listImageFiles(const std::filesystem::path &dir, const std::filesystem::path &root);

// The image files of a class-per-folder data set, by class (folders in name order, hidden ones
// skipped; each listed by listImageFiles, in name order), without opening any. Throws
// std::runtime_error when `root` is not a folder.
std::vector<std::vector<std::string>> listClassImages(const std::string &root);

} // namespace vitscope
