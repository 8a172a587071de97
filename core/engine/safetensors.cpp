#include "engine/safetensors.h"

#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

// safetensors data is little-endian (a preprocessor test, so that this file also builds as C++17:
// the fuzz build compiles LibTorch's headers with clang, which needs C++17 for them).
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "safetensors data is little-endian; this reader assumes a little-endian machine"
#endif

namespace vitscope {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024; // same limit as the reference library

struct DTypeInfo {
    const char *code;
    torch::ScalarType type;
    std::size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2}, {"BF16", torch::kBFloat16, 2},
    {"F64", torch::kFloat64, 8}, {"I64", torch::kInt64, 8},   {"I32", torch::kInt32, 4},
    {"I16", torch::kInt16, 2},   {"I8", torch::kInt8, 1},     {"U8", torch::kUInt8, 1},
    {"BOOL", torch::kBool, 1},
};

const DTypeInfo *dtypeByCode(const std::string &code)
{
    for (const auto &d : kDTypes)
        if (code == d.code)
            return &d;
    return nullptr;
}

const DTypeInfo *dtypeByType(torch::ScalarType t)
{
    for (const auto &d : kDTypes)
        if (t == d.type)
            return &d;
    return nullptr;
}

struct Entry {
    std::string name;
    const DTypeInfo *dtype;
    std::vector<int64_t> shape;
    std::uint64_t begin, end; // relative to the data section
};

struct Header {
    std::vector<Entry> entries;
    std::map<std::string, std::string> metadata;
    std::uint64_t dataStart = 0;
};

[[noreturn]] void fail(const std::string &path, const std::string &what)
{
    throw SafetensorsError(path + ": " + what);
}

std::string shapeString(const std::vector<int64_t> &shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

Header readHeader(std::ifstream &in, const std::string &path)
{
    std::error_code ec;
    const std::uint64_t fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        fail(path, "cannot read file size (" + ec.message() + ")");
    if (fileSize < 8)
        fail(path, "file is " + std::to_string(fileSize) + " bytes, too short for a safetensors header");
    std::uint64_t n = 0;
    in.read(reinterpret_cast<char *>(&n), 8);
    if (!in)
        fail(path, "cannot read header length");
    if (n == 0)
        fail(path, "header length is zero");
    if (n > kMaxHeaderBytes)
        fail(path, "header length " + std::to_string(n) + " exceeds the 100 MB limit");
    if (n > fileSize - 8)
        fail(path, "header length " + std::to_string(n) + " runs past the end of the file (" +
                       std::to_string(fileSize) + " bytes): truncated file?");
    std::string text(n, '\0');
    in.read(text.data(), static_cast<std::streamsize>(n));
    if (!in)
        fail(path, "cannot read header");

    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception &e) {
        fail(path, "header is not valid JSON (" + plainJsonError(e) + ")");
    }
    if (!j.is_object())
        fail(path, "header is not a JSON object");

    Header h;
    h.dataStart = 8 + n;
    const std::uint64_t dataSize = fileSize - h.dataStart;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &name = it.key();
        const auto &v = it.value();
        if (name == "__metadata__") {
            if (!v.is_object())
                fail(path, "__metadata__ is not an object");
            for (auto m = v.begin(); m != v.end(); ++m) {
                if (!m.value().is_string())
                    fail(path, "__metadata__ value '" + m.key() + "' is not a string");
                h.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "': ";
        if (!v.is_object())
            fail(path, where + "entry is not an object");
        if (!v.contains("dtype") || !v["dtype"].is_string())
            fail(path, where + "missing or non-string dtype");
        Entry e;
        e.name = name;
        e.dtype = dtypeByCode(v["dtype"].get<std::string>());
        if (!e.dtype)
            fail(path, where + "unsupported dtype '" + v["dtype"].get<std::string>() + "'");
        if (!v.contains("shape") || !v["shape"].is_array())
            fail(path, where + "missing or non-array shape");
        // numel * itemsize computed with overflow checks: a shape must never trigger a huge allocation.
        std::uint64_t bytes = e.dtype->size;
        for (const auto &d : v["shape"]) {
            if (!d.is_number_integer() || d.get<std::int64_t>() < 0)
                fail(path, where + "shape has a negative or non-integer dimension");
            const auto dim = d.get<std::uint64_t>();
            if (dim != 0 && bytes > std::numeric_limits<std::uint64_t>::max() / dim)
                fail(path, where + "shape " + v["shape"].dump() + " overflows");
            bytes *= dim;
            e.shape.push_back(static_cast<int64_t>(dim));
        }
        if (!v.contains("data_offsets") || !v["data_offsets"].is_array() || v["data_offsets"].size() != 2 ||
            !v["data_offsets"][0].is_number_unsigned() || !v["data_offsets"][1].is_number_unsigned())
            fail(path, where + "data_offsets must be two non-negative integers");
        e.begin = v["data_offsets"][0].get<std::uint64_t>();
        e.end = v["data_offsets"][1].get<std::uint64_t>();
        if (e.end < e.begin)
            fail(path, where + "data_offsets end before they begin");
        if (e.end > dataSize)
            fail(path, where + "data range [" + std::to_string(e.begin) + ", " + std::to_string(e.end) +
                           ") lies outside the file's " + std::to_string(dataSize) + " data bytes: truncated file?");
        if (e.end - e.begin != bytes)
            fail(path, where + e.dtype->code + shapeString(e.shape) + " needs " + std::to_string(bytes) +
                           " bytes but its data range holds " + std::to_string(e.end - e.begin));
        h.entries.push_back(std::move(e));
    }
    std::vector<const Entry *> order;
    for (const auto &e : h.entries)
        order.push_back(&e);
    std::sort(order.begin(), order.end(), [](auto a, auto b) { return a->begin < b->begin; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (order[i]->begin < order[i - 1]->end)
            fail(path, "tensors '" + order[i - 1]->name + "' and '" + order[i]->name + "' have overlapping data");
    return h;
}

} // namespace

SafetensorsFile loadSafetensors(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
        fail(path, "not a regular file (a FIFO, device, socket or folder)"); // a FIFO would block the open (#17, 9)
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, "cannot open file");
    const Header h = readHeader(in, path);
    SafetensorsFile out;
    out.metadata = h.metadata;
    for (const auto &e : h.entries) {
        auto t = torch::empty(e.shape, torch::TensorOptions().dtype(e.dtype->type));
        in.seekg(static_cast<std::streamoff>(h.dataStart + e.begin));
        in.read(static_cast<char *>(t.data_ptr()), static_cast<std::streamsize>(e.end - e.begin));
        if (!in)
            fail(path, "tensor '" + e.name + "': read failed");
        out.tensors.emplace(e.name, std::move(t));
    }
    return out;
}

void saveSafetensors(const std::string &path, const std::map<std::string, torch::Tensor> &tensors,
                     const std::map<std::string, std::string> &metadata)
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::vector<torch::Tensor> data;
    std::uint64_t offset = 0;
    for (const auto &[name, tensor] : tensors) { // std::map iterates sorted by name
        const DTypeInfo *d = dtypeByType(tensor.scalar_type());
        if (!d)
            fail(path, "tensor '" + name + "': dtype " + std::string(c10::toString(tensor.scalar_type())) +
                           " cannot be stored");
        auto t = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = static_cast<std::uint64_t>(t.numel()) * d->size;
        header[name] = {{"dtype", d->code}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(std::move(t));
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    writeFileAtomically(path, [&](std::ostream &out) {
        const std::uint64_t n = text.size();
        out.write(reinterpret_cast<const char *>(&n), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto &t : data)
            out.write(static_cast<const char *>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
    });
}

} // namespace vitscope
