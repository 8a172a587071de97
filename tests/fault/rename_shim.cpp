// LD_PRELOAD shim for the kill trials (#17): the process kills itself (SIGKILL, as a power cut or
// `kill -9` would) just before its Nth rename(2), N from VITSCOPE_KILL_AT_RENAME. Every atomic
// write and the checkpoint swap go through rename, so counting renames walks every point at which
// a kill can leave files half-replaced. VITSCOPE_COUNT_RENAMES=FILE instead appends one line per
// rename to FILE, to learn how many a run makes. VITSCOPE_STOP_AT_RENAME=N stops the process
// (SIGSTOP) there instead, holding its run mid-training until SIGCONT.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

std::atomic<long> calls{0};

void before_rename(const char *to)
{
    const long n = ++calls;
    const char *count = getenv("VITSCOPE_COUNT_RENAMES");
    if (count) {
        const int fd = open(count, O_WRONLY | O_APPEND | O_CREAT, 0644);
        if (fd >= 0) {
            dprintf(fd, "%ld %s\n", n, to);
            close(fd);
        }
    }
    const char *at = getenv("VITSCOPE_KILL_AT_RENAME");
    if (at && atol(at) == n)
        std::raise(SIGKILL);
    const char *pause = getenv("VITSCOPE_STOP_AT_RENAME"); // stopped mid-run, for the two-writers trial
    if (pause && atol(pause) == n)
        std::raise(SIGSTOP);
}

} // namespace

extern "C" int rename(const char *from, const char *to)
{
    static auto real = reinterpret_cast<int (*)(const char *, const char *)>(dlsym(RTLD_NEXT, "rename"));
    before_rename(to);
    return real(from, to);
}

extern "C" int renameat(int fromDir, const char *from, int toDir, const char *to)
{
    static auto real = reinterpret_cast<int (*)(int, const char *, int, const char *)>(dlsym(RTLD_NEXT, "renameat"));
    before_rename(to);
    return real(fromDir, from, toDir, to);
}
