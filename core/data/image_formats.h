#pragma once
// The one list of file extensions treated as images (scan, Predict's folder expansion and file
// dialog, bench preprocess). No OpenCV here, so the UI can include it.
#include <string>
#include <vector>

namespace vitscope {

const std::vector<std::string> &imageExtensions(); // lower-case, with the dot
bool isImageExtension(const std::string &extension); // case-insensitive, with the dot

// The image files of a class-per-folder data set, by class (folders in name order, hidden ones
// skipped), without opening any. Throws std::runtime_error when `root` is not a folder.
std::vector<std::vector<std::string>> listClassImages(const std::string &root);

} // namespace vitscope
