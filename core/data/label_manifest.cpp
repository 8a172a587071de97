#include "data/label_manifest.h"

#include "data/sha256.h"
#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace {

std::string osUser()
{
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
        return pw->pw_name;
    if (const char *u = std::getenv("USER"))
        return u;
    return "uid " + std::to_string(getuid());
}

// Unique across processes and hosts for practical purposes: time, pid and a per-process counter.
std::string newChangeId()
{
    static std::atomic<uint64_t> counter{0};
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    char host[64] = {};
    gethostname(host, sizeof host - 1);
    const std::string seed = std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(ns) + ":" + std::to_string(++counter);
    return sha256Hex(reinterpret_cast<const unsigned char *>(seed.data()), seed.size()).substr(0, 16);
}

bool writableFolder(const fs::path &p)
{
    return access(p.c_str(), W_OK) == 0;
}

// A file descriptor that closes itself; flock() locks are released with it (and by the kernel when
// the process dies, so a killed writer never leaves the manifest locked).
class LockedFile {
public:
    LockedFile(const std::string &path, int flags, int lock) : m_fd(::open(path.c_str(), flags | O_CLOEXEC, 0644))
    {
        if (m_fd >= 0 && flock(m_fd, lock) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~LockedFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    LockedFile(const LockedFile &) = delete;
    LockedFile &operator=(const LockedFile &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

void writeAll(int fd, const std::string &data, const std::string &file)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error("cannot write the label manifest " + file + ": " + std::strerror(errno));
        done += static_cast<std::size_t>(n);
    }
}

LabelEdit editFromJson(const json &e)
{
    LabelEdit edit;
    edit.path = e.at("path").get<std::string>();
    edit.sha256 = e.value("sha256", "");
    edit.folder = e.value("folder", "");
    edit.excluded = e.value("excluded", false);
    if (!edit.excluded)
        edit.label = e.at("label").get<std::string>();
    edit.note = e.value("note", "");
    return edit;
}

} // namespace

std::string LabelManifest::appDataFolder()
{
    if (const char *x = std::getenv("XDG_DATA_HOME"); x && *x)
        return (fs::path(x) / "vitscope" / "labels").string();
    const char *home = std::getenv("HOME");
    return (fs::path(home && *home ? home : "/tmp") / ".local" / "share" / "vitscope" / "labels").string();
}

std::string LabelManifest::locate(const std::string &rootPath)
{
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(fs::path(rootPath), ec);
    const fs::path atRoot = root / kLabelManifestName;
    const std::string key = root.string();
    const fs::path inAppData = fs::path(appDataFolder()) /
                               (root.filename().string() + "-" +
                                sha256Hex(reinterpret_cast<const unsigned char *>(key.data()), key.size()).substr(0, 16) + ".jsonl");
    if (fs::exists(atRoot, ec))
        return atRoot.string();
    if (fs::exists(inAppData, ec))
        return inAppData.string();
    return writableFolder(root) ? atRoot.string() : inAppData.string();
}

LabelManifest::LabelManifest(const std::string &root, const std::string &file)
    : m_root(fs::weakly_canonical(fs::path(root)).string()), m_file(file.empty() ? locate(root) : file)
{
    reload();
}

bool LabelManifest::atRoot() const
{
    return fs::path(m_file).parent_path() == fs::path(m_root);
}

const LabelState *LabelManifest::state(const std::string &path) const
{
    const auto it = m_states.find(path);
    return it == m_states.end() ? nullptr : &it->second;
}

void LabelManifest::reload()
{
    m_states.clear();
    m_order.clear();
    m_damaged = 0;
    m_hash.clear();
    std::error_code ec;
    m_exists = fs::exists(m_file, ec);
    if (!m_exists)
        return;
    std::string text;
    {
        LockedFile f(m_file, O_RDONLY, LOCK_SH);
        if (f.fd() < 0)
            throw std::runtime_error("cannot read the label manifest " + m_file + ": " + std::strerror(errno));
        char buf[1 << 16];
        for (ssize_t n; (n = ::read(f.fd(), buf, sizeof buf)) != 0;) {
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw std::runtime_error("cannot read the label manifest " + m_file + ": " + std::strerror(errno));
            text.append(buf, static_cast<std::size_t>(n));
        }
    }
    // A last line without its newline was torn by a kill: it is not part of the manifest.
    const std::size_t complete = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
    m_damaged += complete < text.size();
    text.resize(complete);
    m_hash = sha256Hex(reinterpret_cast<const unsigned char *>(text.data()), text.size());

    struct Change {
        std::vector<LabelEdit> edits;
        std::string time, user;
        bool active = true;
    };
    std::map<std::string, Change> changes;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find('\n', begin);
        const std::string line = text.substr(begin, end - begin);
        begin = end + 1;
        if (line.empty())
            continue;
        try {
            const json j = json::parse(line);
            const std::string op = j.at("op"), id = j.at("id");
            if (op == "set") {
                Change c{{}, j.value("time", ""), j.value("user", ""), true};
                for (const auto &e : j.at("edits"))
                    c.edits.push_back(editFromJson(e));
                changes[id] = std::move(c);
                m_order.push_back(id);
            } else if (op == "undo" || op == "redo") {
                if (auto it = changes.find(j.at("target").get<std::string>()); it != changes.end())
                    it->second.active = op == "redo";
            } else {
                ++m_damaged;
            }
        } catch (const std::exception &) {
            ++m_damaged; // a line torn and sealed off by a later append, or edited by hand
        }
    }
    for (const auto &id : m_order) {
        const Change &c = changes[id];
        if (!c.active)
            continue;
        for (const auto &e : c.edits)
            m_states[e.path] = {e, id, c.time, c.user};
    }
}

void LabelManifest::append(const std::string &body)
{
    std::error_code ec;
    fs::create_directories(fs::path(m_file).parent_path(), ec);
    LockedFile f(m_file, O_RDWR | O_CREAT | O_APPEND, LOCK_EX);
    if (f.fd() < 0)
        throw std::runtime_error("cannot write the label manifest " + m_file + ": " + std::strerror(errno));
    struct stat st{};
    std::string line;
    if (fstat(f.fd(), &st) == 0 && st.st_size > 0) {
        char last = '\n';
        if (pread(f.fd(), &last, 1, st.st_size - 1) == 1 && last != '\n')
            line = "\n"; // seal off a line torn by a kill, so this one parses
    }
    line += body + "\n";
    writeAll(f.fd(), line, m_file);
    if (fsync(f.fd()) != 0)
        throw std::runtime_error("cannot write the label manifest " + m_file + ": " + std::strerror(errno));
}

std::string LabelManifest::record(const std::vector<LabelEdit> &edits)
{
    if (edits.empty())
        throw std::invalid_argument("a label change needs at least one image");
    json list = json::array();
    for (const auto &e : edits) {
        json j = {{"path", e.path}, {"sha256", e.sha256}, {"folder", e.folder}};
        if (e.excluded)
            j["excluded"] = true;
        else
            j["label"] = e.label;
        if (!e.note.empty())
            j["note"] = e.note;
        list.push_back(std::move(j));
    }
    const std::string id = newChangeId();
    const json line = {{"v", 1}, {"op", "set"}, {"id", id}, {"time", utcNowIso()}, {"user", osUser()}, {"edits", list}};
    append(line.dump());
    m_undo.push_back(id);
    m_redo.clear();
    reload();
    return id;
}

bool LabelManifest::undo()
{
    return mark("undo", m_undo, m_redo);
}

bool LabelManifest::redo()
{
    return mark("redo", m_redo, m_undo);
}

// Appends an undo or redo line for the latest change of `from`, which then moves to `to`.
bool LabelManifest::mark(const char *op, std::vector<std::string> &from, std::vector<std::string> &to)
{
    if (from.empty())
        return false;
    const std::string target = from.back();
    const json line = {{"v", 1}, {"op", op}, {"id", newChangeId()}, {"target", target}, {"time", utcNowIso()}, {"user", osUser()}};
    append(line.dump());
    from.pop_back();
    to.push_back(target);
    reload();
    return true;
}

std::string manifestPath(const std::string &root, const std::string &file)
{
    std::error_code ec;
    const fs::path r = fs::weakly_canonical(fs::path(root), ec);
    const fs::path f = fs::weakly_canonical(fs::path(file), ec);
    return f.lexically_relative(r).generic_string();
}

} // namespace vitscope
