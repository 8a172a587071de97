"""Where a training step's GPU time goes, from Chrome traces of 3 steps (vitscope-cli bench train
--trace, hf_reference_train.py --trace). Per trace: kernels per step, summed kernel time per step,
and the GPU's span per step (kernel time plus idle gaps); then kernel time by name, side by side.

Usage: python3 trace_summary.py NAME=TRACE.json [NAME=TRACE.json ...] [--steps 3] [--top 30]
Not part of vitscope: a benchmark aid.
"""
import argparse
import collections
import json
import re


def load(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    kernels = [e for e in events if e.get("ph") == "X" and e.get("cat") in ("kernel", "gpu_memcpy", "gpu_memset")]
    launches = [e for e in events if e.get("ph") == "X" and e.get("cat") == "cuda_runtime"
                and "Launch" in e.get("name", "")]
    return kernels, launches


def short(name):
    name = re.sub(r"<.*", "", name)  # template arguments
    name = re.sub(r"\(.*", "", name)
    return name[:70]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("traces", nargs="+")
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    by_name = {}
    for spec in args.traces:
        label, path = spec.split("=", 1)
        try:
            kernels, launches = load(path)
        except (OSError, ValueError, KeyError) as e:
            print(f"{label}: unreadable trace ({e})")
            continue
        if not kernels:
            print(f"{label}: no GPU kernels in the trace")
            continue
        busy = sum(k["dur"] for k in kernels) / 1000.0
        span = (max(k["ts"] + k["dur"] for k in kernels) - min(k["ts"] for k in kernels)) / 1000.0
        n = args.steps
        print(f"{label}: {len(kernels) / n:.0f} GPU ops/step, {len(launches) / n:.0f} launches/step, "
              f"kernel time {busy / n:.2f} ms/step, GPU span {span / n:.2f} ms/step, idle {100 * (1 - busy / span):.1f}%")
        totals = collections.Counter()
        for k in kernels:
            totals[short(k["name"])] += k["dur"] / 1000.0 / n
        by_name[label] = totals
    if not by_name:
        return
    labels = list(by_name)
    everything = collections.Counter()
    for t in by_name.values():
        everything.update(t)
    print("\nms/step by kernel (top %d by the largest):" % args.top)
    print("  ".join(f"{l:>10}" for l in labels) + "  kernel")
    for name, _ in sorted(everything.items(), key=lambda kv: -max(by_name[l].get(kv[0], 0) for l in labels))[:args.top]:
        print("  ".join(f"{by_name[l].get(name, 0):10.3f}" for l in labels) + "  " + name)


if __name__ == "__main__":
    main()
