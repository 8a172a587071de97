#pragma once
// Data-parallel training on PyTorch's own distributed engine (c10d): one process per rank, joined
// through a TCPStore rendezvous at MASTER_ADDR:MASTER_PORT as torchrun sets them up, with Gloo on
// CPUs and NCCL on CUDA GPUs. c10d's types stay in distributed.cpp, so that the engine still builds
// against a LibTorch without c10d (joining then says so).
#include "config/choices.h"

#include <torch/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitscope {

// What a launcher (torchrun, Slurm through a wrapper, or by hand) tells each process.
struct DistEnvironment {
    bool present = false; // WORLD_SIZE was set
    int rank = 0, worldSize = 1, localRank = 0, localWorldSize = 1;
    std::string masterAddr;
    int masterPort = 0;
};

// Reads RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR and MASTER_PORT. Without
// WORLD_SIZE, a single process. Throws std::invalid_argument naming the variable that is missing
// or out of range (a half-configured launch must not silently train alone).
DistEnvironment distEnvironment();

// Whether this build has c10d with the backend, and if not, why (for the message and run.json).
bool distributedBuilt(DistBackend backend);
std::string distributedBuildNote();

class DistributedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One process's membership of a job. Every collective is blocking for the caller, except
// allreduceAsync, and throws DistributedError with a message that names the ranks that stopped
// answering (each rank publishes a heartbeat and its step in the store).
class Distributed {
public:
    // Joins the job: rendezvous (rank 0 hosts the store), then the process group. `timeout`
    // bounds the rendezvous and every collective. Throws DistributedError: a port in use, an
    // unreachable MASTER_ADDR and a rank that never arrives each get their own message.
    static std::unique_ptr<Distributed> join(const DistEnvironment &env, DistBackend backend, const torch::Device &device,
                                             std::chrono::seconds timeout);
    ~Distributed();

    int rank() const;
    int worldSize() const;
    int localRank() const;
    bool isWriter() const { return rank() == 0; } // the only rank that writes the run folder
    DistBackend backend() const;                   // resolved: Gloo or Nccl
    torch::Device commDevice() const;              // where collectives take their tensors (CPU for Gloo)
    const std::vector<std::string> &hosts() const; // each rank's host name, by rank

    class Pending {
    public:
        Pending() = default;
        explicit Pending(std::shared_ptr<void> work, Distributed *owner) : m_work(std::move(work)), m_owner(owner) {}
        void wait();
        bool valid() const { return m_work != nullptr; }

    private:
        std::shared_ptr<void> m_work;
        Distributed *m_owner = nullptr;
    };

    // Sums in place over the ranks. The asynchronous form takes a tensor on commDevice(); the
    // blocking ones take any device (staged through commDevice()).
    Pending allreduceAsync(torch::Tensor tensor);
    void allreduce(torch::Tensor tensor);
    void broadcast(std::vector<torch::Tensor> tensors, int root = 0); // in place, from `root`
    // Waits for every rank; `timeout` longer than the collective timeout where a rank may be busy
    // for long (building a cache).
    void barrier(std::chrono::seconds timeout);
    void barrier();

    void setProgress(int64_t step); // published with the heartbeat: names a rank that hangs

    // Tells the other ranks why this one stops (they name it in their message), best effort.
    void announceFailure(const std::string &what);
    // Rethrows `e` (from a collective) as DistributedError naming the ranks that stopped answering.
    [[noreturn]] void fail(const std::exception &e);

    struct Impl;

private:
    explicit Distributed(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace vitscope
