#include "engine/file_util.h"

#include <cerrno>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vitscope {

void writeFileAtomically(const std::string &path, const std::function<void(std::ostream &)> &write)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
        errno = 0;
        write(out);
        out.flush();
        if (!out) {
            const int err = errno; // before the clean-up below
            out.close();
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            throw std::runtime_error("writing " + path + " failed (" + writeFailureReason(path, err) + ")");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message(); // before the clean-up below overwrites ec
        std::filesystem::remove(tmp, ec);
        throw std::runtime_error("cannot replace " + path + ": " + why);
    }
}

std::string freeSpaceNote(const std::string &path)
{
    namespace fs = std::filesystem;
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty())
        dir = ".";
    std::error_code ec;
    const auto space = fs::space(dir, ec);
    if (ec)
        return "the free space of the disk holding " + dir.string() + " cannot be read";
    const std::uintmax_t kb = space.available >> 10;
    if (kb < 1024)
        return "the disk holding " + dir.string() + " is full: " + std::to_string(kb) + " KB free";
    return "the disk holding " + dir.string() + " has " + std::to_string(kb >> 10) + " MB free";
}

std::string writeFailureReason(const std::string &path, int err)
{
    return std::string(err ? std::strerror(err) : "the write did not complete") + "; " + freeSpaceNote(path);
}

void writeTextAtomically(const std::string &path, const std::string &text)
{
    writeFileAtomically(path, [&](std::ostream &out) { out << text; });
}

std::string readTextFile(const std::string &path, std::uintmax_t maxBytes)
{
    // Only regular files: a FIFO would block the open for ever, a device would never end (#17, 9).
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
        throw std::runtime_error("cannot read " + path + ": " +
                                 (std::filesystem::is_directory(path, ec) ? "it is a folder" : "not a regular file (a FIFO, device or socket)"));
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > maxBytes)
        throw std::runtime_error("cannot read " + path + ": it is " + std::to_string(size >> 20) + " MB, more than such a file can need (" +
                                 std::to_string(maxBytes >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string plainJsonError(const std::exception &e)
{
    std::string m = e.what();
    if (m.rfind("[json.exception.", 0) == 0)
        if (const auto end = m.find("] "); end != std::string::npos)
            m = m.substr(end + 2);
    return m;
}

std::string utcNowIso()
{
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::ostringstream s;
    s << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
    return s.str();
}

} // namespace vitscope
