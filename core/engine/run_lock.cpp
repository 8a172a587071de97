#include "engine/run_lock.h"

#include "engine/file_util.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

std::string lockFile(const std::string &run)
{
    return (fs::path(run) / ".lock").string();
}

std::string readHolder(int fd)
{
    char buf[512] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\0'))
        s.pop_back();
    return s.empty() ? std::string("another process") : s;
}

} // namespace

RunLock::RunLock(const std::string &run)
{
    std::error_code ec;
    fs::create_directories(run, ec);
    m_fd = ::open(lockFile(run).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw std::runtime_error("cannot lock run " + run + ": " + std::strerror(errno));
    if (flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const std::string who = readHolder(m_fd);
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK)
            throw std::runtime_error("run " + run + " is being trained by " + who + ": wait for it, or stop it first");
        throw std::runtime_error("cannot lock run " + run + ": " + std::strerror(error));
    }
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    const std::string me = "process " + std::to_string(getpid()) + " on host " + host + " (since " + utcNowIso() + ")\n";
    if (ftruncate(m_fd, 0) != 0 || pwrite(m_fd, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size())) {
        // The lock holds without the note; a second writer is still refused, only less precisely.
    }
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

std::string RunLock::holder(const std::string &run)
{
    const int fd = ::open(lockFile(run).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    std::string who;
    if (flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        who = readHolder(fd);
    ::close(fd); // a shared lock taken here is released with it
    return who;
}

} // namespace vitscope
