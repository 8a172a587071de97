#pragma once
// Reader and writer for the safetensors format (u64 little-endian header length, JSON header,
// raw little-endian tensor data). The header is validated completely before any tensor memory is
// allocated, so a malformed or hostile file yields a clear error, never a crash or a huge allocation.
#include <torch/types.h>

#include <map>
#include <stdexcept>
#include <string>

namespace vitscope {

class SafetensorsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SafetensorsFile {
    std::map<std::string, torch::Tensor> tensors;      // CPU tensors, keyed by name
    std::map<std::string, std::string> metadata;       // the optional "__metadata__" object
};

// Loads every tensor. Throws SafetensorsError naming the file (and the tensor when one is at fault).
SafetensorsFile loadSafetensors(const std::string &path);

// Writes tensors (moved to CPU, made contiguous) sorted by name, 8-byte aligned header.
// Writes to PATH.tmp and renames, so an existing file survives a failed write intact.
void saveSafetensors(const std::string &path, const std::map<std::string, torch::Tensor> &tensors,
                     const std::map<std::string, std::string> &metadata = {{"format", "pt"}});

} // namespace vitscope
