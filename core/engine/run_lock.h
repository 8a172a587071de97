#pragma once
// One writer per run: an exclusive flock() on RUN/.lock for as long as a process trains the run.
// The kernel releases it when the process dies (kill -9 included), so a stale lock never blocks a
// resume. The file names the holder (pid, host, time) for the message a second writer gets.
#include <string>

namespace vitscope {

class RunLock {
public:
    // Throws std::runtime_error "run R is being trained by process P on host H (since T)" when
    // another process holds it, or when the folder cannot be locked.
    explicit RunLock(const std::string &runFolder);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    // Who holds the run's lock now ("" when nobody does): for the views and the runs list.
    static std::string holder(const std::string &runFolder);

private:
    int m_fd = -1;
};

} // namespace vitscope
