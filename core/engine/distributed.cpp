// c10d membership: environment, rendezvous, process group, heartbeats, and messages that name the
// rank that failed. The collectives themselves are c10d's (Gloo or NCCL); nothing here is a
// protocol of our own beyond the few store keys the heartbeats use.
#include "engine/distributed.h"

#include "engine/runtime.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef VITSCOPE_HAVE_C10D
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef VITSCOPE_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#endif

namespace vitscope {
namespace {

int envInt(const char *name, int fallback, int min, int max, bool required)
{
    const char *v = std::getenv(name);
    if (!v || !*v) {
        if (required)
            throw std::invalid_argument(std::string(name) + " is not set: a distributed run needs RANK, WORLD_SIZE, "
                                                            "MASTER_ADDR and MASTER_PORT (torchrun sets them all)");
        return fallback;
    }
    char *end = nullptr;
    errno = 0;
    const long x = std::strtol(v, &end, 10);
    if (errno || *end || x < min || x > max)
        throw std::invalid_argument(std::string(name) + "=" + v + " must be a whole number from " + std::to_string(min) + " to " +
                                    std::to_string(max));
    return static_cast<int>(x);
}

std::string hostName()
{
    char buf[HOST_NAME_MAX + 1] = {};
    if (gethostname(buf, sizeof buf) != 0)
        return "?";
    return buf;
}

int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

DistEnvironment distEnvironment()
{
    DistEnvironment e;
    const char *world = std::getenv("WORLD_SIZE");
    if (!world || !*world)
        return e;
    e.present = true;
    e.worldSize = envInt("WORLD_SIZE", 1, 1, 1 << 20, true);
    e.rank = envInt("RANK", 0, 0, e.worldSize - 1, true);
    e.localWorldSize = envInt("LOCAL_WORLD_SIZE", e.worldSize, 1, e.worldSize, false);
    e.localRank = envInt("LOCAL_RANK", e.rank, 0, e.localWorldSize - 1, false);
    e.masterPort = envInt("MASTER_PORT", 0, 1, 65535, true);
    const char *addr = std::getenv("MASTER_ADDR");
    if (!addr || !*addr)
        throw std::invalid_argument("MASTER_ADDR is not set: the host name or address of rank 0 (torchrun sets it)");
    e.masterAddr = addr;
    return e;
}

#ifdef VITSCOPE_HAVE_C10D

bool distributedBuilt(DistBackend backend)
{
#ifdef VITSCOPE_HAVE_NCCL
    return true;
#else
    return backend != DistBackend::Nccl;
#endif
}

std::string distributedBuildNote()
{
#ifdef VITSCOPE_HAVE_NCCL
    return "c10d with Gloo and NCCL";
#else
    return "c10d with Gloo (no NCCL in this build: it needs a CUDA LibTorch and nccl.h)";
#endif
}

namespace {

c10::intrusive_ptr<c10d::Store> connectStore(const DistEnvironment &env, bool server, std::chrono::seconds timeout)
{
    c10d::TCPStoreOptions o;
    o.port = static_cast<std::uint16_t>(env.masterPort);
    o.isServer = server;
    o.numWorkers = server ? c10::optional<std::size_t>(static_cast<std::size_t>(env.worldSize)) : c10::nullopt;
    o.waitWorkers = false; // our own rendezvous below names the ranks that never arrive
    o.timeout = timeout;
    return c10::make_intrusive<c10d::TCPStore>(env.masterAddr, o);
}

std::string prefix()
{
    // Under torchrun the store is its agent's, shared by every restart: keys of one attempt only.
    const char *attempt = std::getenv("TORCHELASTIC_RESTART_COUNT");
    return std::string("vitscope/attempt_") + (attempt ? attempt : "0") + "/";
}

} // namespace

struct Distributed::Impl {
    DistEnvironment env;
    DistBackend backend = DistBackend::Gloo;
    torch::Device device{torch::kCPU};
    std::chrono::seconds timeout{600};
    std::vector<std::string> hosts, pids;
    c10::intrusive_ptr<c10d::Store> store;      // the main thread's connection
    c10::intrusive_ptr<c10d::Store> beatStore;  // the heartbeat thread's own connection
    c10::intrusive_ptr<c10d::ProcessGroup> group;
    std::atomic<int64_t> progress{0};
    std::thread beat;
    std::mutex beatMutex;
    std::condition_variable beatWake;
    bool stopping = false;

    ~Impl()
    {
        {
            std::lock_guard lock(beatMutex);
            stopping = true;
        }
        beatWake.notify_all();
        if (beat.joinable())
            beat.join();
    }

    std::string describe(int r) const
    {
        const std::string host = r < static_cast<int>(hosts.size()) ? hosts[static_cast<std::size_t>(r)] : "?";
        const std::string pid = r < static_cast<int>(pids.size()) ? pids[static_cast<std::size_t>(r)] : "?";
        return "rank " + std::to_string(r) + " (host " + host + ", process " + pid + ")";
    }

    void beatLoop()
    {
        const std::string key = "beat/" + std::to_string(env.rank);
        std::unique_lock lock(beatMutex);
        while (!stopping) {
            lock.unlock();
            try {
                const std::string v = std::to_string(nowMs()) + " " + std::to_string(progress.load());
                beatStore->set(key, std::vector<uint8_t>(v.begin(), v.end()));
            } catch (const std::exception &) {
                // The store is rank 0's: when it is gone, the next collective says so.
            }
            lock.lock();
            beatWake.wait_for(lock, std::chrono::seconds(1), [this] { return stopping; });
        }
    }

    // Each rank's heartbeat: "<ms> <step>", or nothing when it never reported.
    std::vector<std::string> beats(c10d::Store &store)
    {
        std::vector<std::string> out;
        for (int r = 0; r < env.worldSize; ++r) {
            const std::string key = "beat/" + std::to_string(r);
            if (!store.check({key})) {
                out.emplace_back();
                continue;
            }
            const auto raw = store.get(key);
            out.emplace_back(raw.begin(), raw.end());
        }
        return out;
    }

    // Which ranks stopped: those that said why (failed/R), then those whose heartbeat stands still
    // (it beats every second), then, all alive, those behind the others' step (a hang).
    std::string diagnose()
    {
        std::vector<std::string> found;
        auto join = [](const std::vector<std::string> &parts) {
            std::string out;
            for (const auto &p : parts)
                out += (out.empty() ? "" : "; ") + p;
            return out;
        };
        try {
            // A connection of its own: the heartbeat thread is using its one (a store client is
            // not safe to share between threads).
            auto store = c10::make_intrusive<c10d::PrefixStore>(prefix(), connectStore(env, false, std::chrono::seconds(5)));
            for (int r = 0; r < env.worldSize; ++r) {
                const std::string failedKey = "failed/" + std::to_string(r);
                if (r != env.rank && store->check({failedKey})) {
                    const auto why = store->get(failedKey);
                    found.push_back(describe(r) + " failed: " + std::string(why.begin(), why.end()));
                }
            }
            if (!found.empty())
                return join(found);
            const auto before = beats(*store);
            std::this_thread::sleep_for(std::chrono::milliseconds(2500));
            const auto after = beats(*store);
            std::vector<int64_t> steps(static_cast<std::size_t>(env.worldSize), 0);
            for (int r = 0; r < env.worldSize; ++r) {
                const auto &b = after[static_cast<std::size_t>(r)];
                if (r == env.rank)
                    continue;
                if (b.empty()) {
                    found.push_back(describe(r) + " never reported");
                    continue;
                }
                steps[static_cast<std::size_t>(r)] = std::stoll(b.substr(b.find(' ') + 1));
                if (b == before[static_cast<std::size_t>(r)])
                    found.push_back(describe(r) + " stopped (its last heartbeat was at step " + std::to_string(steps[static_cast<std::size_t>(r)]) + ")");
            }
            if (!found.empty())
                return join(found);
            steps[static_cast<std::size_t>(env.rank)] = progress.load();
            const int64_t most = *std::max_element(steps.begin(), steps.end());
            for (int r = 0; r < env.worldSize; ++r)
                if (steps[static_cast<std::size_t>(r)] < most)
                    found.push_back(describe(r) + " hangs at step " + std::to_string(steps[static_cast<std::size_t>(r)]));
            return join(found);
        } catch (const std::exception &) {
            return describe(0) + ", which holds the rendezvous store at " + env.masterAddr + ":" + std::to_string(env.masterPort) +
                   ", is gone";
        }
    }
};

namespace {

bool agentStore()
{
    const char *v = std::getenv("TORCHELASTIC_USE_AGENT_STORE");
    return v && std::string(v) == "True";
}

std::string storeError(const DistEnvironment &env, bool server, const std::exception &e, std::chrono::seconds timeout)
{
    const std::string what = errorText(e);
    const std::string at = env.masterAddr + ":" + std::to_string(env.masterPort);
    if (server && what.find("Address already in use") != std::string::npos)
        return "port " + std::to_string(env.masterPort) + " on " + env.masterAddr +
               " is in use by another program: choose a free MASTER_PORT (torchrun --master-port)";
    if (what.find("getaddrinfo") != std::string::npos || what.find("nodename nor servname") != std::string::npos ||
        what.find("Name or service not known") != std::string::npos)
        return "MASTER_ADDR " + env.masterAddr + " is not a known host name: give rank 0's host name or address";
    if (server)
        return "cannot host the rendezvous at " + at + ": " + what;
    return "cannot reach the rendezvous at " + at + " (MASTER_ADDR:MASTER_PORT) within " + std::to_string(timeout.count()) +
           " s: check that rank 0 is running and that the address and port are right (" + what + ")";
}

std::shared_ptr<::gloo::transport::Device> glooDevice(const DistEnvironment &env)
{
    if (const char *ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
        return c10d::ProcessGroupGloo::createDeviceForInterface(ifname);
    if (env.masterAddr == "localhost" || env.masterAddr.rfind("127.", 0) == 0)
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

struct WorkHolder {
    c10::intrusive_ptr<c10d::Work> work;
};

} // namespace

std::unique_ptr<Distributed> Distributed::join(const DistEnvironment &env, DistBackend backend, const torch::Device &device,
                                                std::chrono::seconds timeout)
{
    auto impl = std::make_unique<Impl>();
    impl->env = env;
    impl->timeout = timeout;
    impl->backend = backend == DistBackend::Auto ? (device.is_cuda() ? DistBackend::Nccl : DistBackend::Gloo) : backend;
    if (!distributedBuilt(impl->backend))
        throw DistributedError("NCCL is not in this build (" + distributedBuildNote() +
                               "): use --dist-backend gloo, or build against a CUDA LibTorch");
    if (impl->backend == DistBackend::Nccl && !device.is_cuda())
        throw DistributedError("NCCL needs CUDA devices: train on --device cuda, or use --dist-backend gloo on CPUs");
    impl->device = impl->backend == DistBackend::Nccl ? device : torch::Device(torch::kCPU);
    const bool server = env.rank == 0 && !agentStore();
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (getaddrinfo(env.masterAddr.c_str(), nullptr, &hints, &found) != 0)
        throw DistributedError("MASTER_ADDR " + env.masterAddr + " is not a known host name or address: give rank 0's");
    freeaddrinfo(found);
    try {
        impl->store = c10::make_intrusive<c10d::PrefixStore>(prefix(), connectStore(env, server, timeout));
        impl->beatStore = c10::make_intrusive<c10d::PrefixStore>(prefix(), connectStore(env, false, timeout));
    } catch (const std::exception &e) {
        throw DistributedError(storeError(env, server, e, timeout));
    }
    // Our rendezvous: every rank announces itself (host, process), then waits for the others, so
    // that one that never comes is named rather than waited for in silence.
    const std::string me = hostName() + " " + std::to_string(getpid());
    impl->store->set("rank/" + std::to_string(env.rank), std::vector<uint8_t>(me.begin(), me.end()));
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (int r = 0; r < env.worldSize; ++r) {
        const std::string key = "rank/" + std::to_string(r);
        while (!impl->store->check({key})) {
            if (std::chrono::steady_clock::now() > deadline) {
                std::string missing;
                for (int m = r; m < env.worldSize; ++m)
                    if (!impl->store->check({"rank/" + std::to_string(m)}))
                        missing += (missing.empty() ? "" : ", ") + std::to_string(m);
                throw DistributedError("rank(s) " + missing + " of " + std::to_string(env.worldSize) + " did not join within " +
                                       std::to_string(timeout.count()) + " s at " + env.masterAddr + ":" +
                                       std::to_string(env.masterPort) + ": were all of them started, with the same "
                                       "MASTER_ADDR, MASTER_PORT and WORLD_SIZE?");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const auto raw = impl->store->get(key);
        const std::string v(raw.begin(), raw.end());
        impl->hosts.push_back(v.substr(0, v.find(' ')));
        impl->pids.push_back(v.substr(v.find(' ') + 1));
    }
    try {
        if (impl->backend == DistBackend::Gloo) {
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            options->devices.push_back(glooDevice(env));
            options->threads = 2;
            impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(c10::make_intrusive<c10d::PrefixStore>("gloo/", impl->store),
                                                                      env.rank, env.worldSize, options);
        } else {
#ifdef VITSCOPE_HAVE_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            impl->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(c10::make_intrusive<c10d::PrefixStore>("nccl/", impl->store),
                                                                      env.rank, env.worldSize, options);
#endif
        }
    } catch (const std::exception &e) {
        throw DistributedError("cannot set up " + std::string(choiceName(impl->backend)) + " between the " +
                               std::to_string(env.worldSize) + " ranks: " + errorText(e));
    }
    Impl *raw = impl.get();
    impl->beat = std::thread([raw] { raw->beatLoop(); });
    return std::unique_ptr<Distributed>(new Distributed(std::move(impl)));
}

void Distributed::Pending::wait()
{
    if (!m_work)
        return;
    auto holder = std::static_pointer_cast<WorkHolder>(m_work);
    m_work.reset();
    try {
        holder->work->wait();
    } catch (const std::exception &e) {
        m_owner->fail(e);
    }
}

Distributed::Pending Distributed::allreduceAsync(torch::Tensor tensor)
{
    if (tensor.device() != m_impl->device)
        throw std::invalid_argument("allreduceAsync: the tensor is not on the communication device");
    try {
        std::vector<at::Tensor> tensors{std::move(tensor)};
        auto holder = std::make_shared<WorkHolder>();
        holder->work = m_impl->group->allreduce(tensors);
        return Pending(std::static_pointer_cast<void>(holder), this);
    } catch (const std::exception &e) {
        fail(e);
    }
}

void Distributed::broadcast(std::vector<torch::Tensor> tensors, int root)
{
    try {
        c10d::BroadcastOptions o;
        o.rootRank = root;
        for (auto &t : tensors) { // one at a time: Gloo broadcasts a list only of equal-sized tensors
            std::vector<at::Tensor> one{t.device() == m_impl->device && t.is_contiguous() ? t : t.to(m_impl->device).contiguous()};
            m_impl->group->broadcast(one, o)->wait();
            if (!one[0].is_same(t)) {
                torch::NoGradGuard noGrad;
                t.copy_(one[0]);
            }
        }
    } catch (const std::exception &e) {
        fail(e);
    }
}

void Distributed::barrier(std::chrono::seconds timeout)
{
    try {
        c10d::BarrierOptions o;
        o.timeout = timeout;
        m_impl->group->barrier(o)->wait();
    } catch (const std::exception &e) {
        fail(e);
    }
}

void Distributed::fail(const std::exception &e)
{
    const std::string who = m_impl->diagnose();
    throw DistributedError("the distributed run stopped: " + (who.empty() ? errorText(e) : who) + ". Rank " +
                           std::to_string(rank()) + " exits; the last checkpoint is intact: resume the run when every rank can run");
}

void Distributed::announceFailure(const std::string &what)
{
    try {
        m_impl->store->set("failed/" + std::to_string(rank()), std::vector<uint8_t>(what.begin(), what.end()));
    } catch (const std::exception &) {
        // Best effort: the others find out from the closed connection anyway.
    }
}

#else // no c10d in this LibTorch

bool distributedBuilt(DistBackend) { return false; }
std::string distributedBuildNote() { return "no c10d: this LibTorch was found without the distributed headers or Gloo's"; }

struct Distributed::Impl {
    DistEnvironment env;
    std::vector<std::string> hosts;
};

std::unique_ptr<Distributed> Distributed::join(const DistEnvironment &, DistBackend, const torch::Device &, std::chrono::seconds)
{
    throw DistributedError("this build of vitscope cannot train across processes (" + distributedBuildNote() +
                           "); run it as a single process, without torchrun");
}

void Distributed::Pending::wait() {}
Distributed::Pending Distributed::allreduceAsync(torch::Tensor) { return {}; }
void Distributed::broadcast(std::vector<torch::Tensor>, int) {}
void Distributed::barrier(std::chrono::seconds) {}
void Distributed::fail(const std::exception &e) { throw DistributedError(e.what()); }
void Distributed::announceFailure(const std::string &) {}

#endif

Distributed::Distributed(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Distributed::~Distributed() = default;

int Distributed::rank() const { return m_impl->env.rank; }
int Distributed::worldSize() const { return m_impl->env.worldSize; }
int Distributed::localRank() const { return m_impl->env.localRank; }
const std::vector<std::string> &Distributed::hosts() const { return m_impl->hosts; }

DistBackend Distributed::backend() const
{
#ifdef VITSCOPE_HAVE_C10D
    return m_impl->backend;
#else
    return DistBackend::Gloo;
#endif
}

void Distributed::allreduce(torch::Tensor tensor)
{
    if (tensor.device() == commDevice() && tensor.is_contiguous()) {
        allreduceAsync(tensor).wait();
        return;
    }
    auto staged = tensor.to(commDevice()).contiguous();
    allreduceAsync(staged).wait();
    torch::NoGradGuard noGrad;
    tensor.copy_(staged);
}

torch::Device Distributed::commDevice() const
{
#ifdef VITSCOPE_HAVE_C10D
    return m_impl->device;
#else
    return torch::kCPU;
#endif
}
void Distributed::barrier()
{
#ifdef VITSCOPE_HAVE_C10D
    barrier(m_impl->timeout);
#endif
}

void Distributed::setProgress([[maybe_unused]] int64_t step)
{
#ifdef VITSCOPE_HAVE_C10D
    m_impl->progress = step;
#endif
}

} // namespace vitscope
