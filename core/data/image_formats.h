#pragma once
// The one list of file extensions treated as images (scan, Predict's folder expansion and file
// dialog, bench preprocess). No OpenCV here, so the UI can include it.
#include <string>
#include <vector>

namespace vitscope {

const std::vector<std::string> &imageExtensions(); // lower-case, with the dot
bool isImageExtension(const std::string &extension); // case-insensitive, with the dot

} // namespace vitscope
