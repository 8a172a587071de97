"""Where a training step's GPU time goes, from Chrome traces of 3 steps (vitscope-cli bench train
--trace, hf_reference_train.py --trace). Per trace: kernels per step, summed kernel time per step,
and the GPU's span per step (kernel time plus idle gaps); then kernel time by name and by the
operator that launched it (ATen op name), side by side, and each trace's largest (operator, kernel)
pairs.

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
    ops = {}
    for e in events:
        if e.get("ph") == "X" and e.get("cat") == "cpu_op":
            ext = (e.get("args") or {}).get("External id")
            if ext is not None:
                ops[ext] = e.get("name", "?")
    for k in kernels:
        ext = (k.get("args") or {}).get("External id")
        k["op"] = ops.get(ext, "(graph or unknown)")
    return kernels, launches


def detail(name):
    name = name.replace("void at::native::", "").replace("(anonymous namespace)::", "")
    return name[:110]


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
    by_name, by_op, by_pair = {}, {}, {}
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
        pairs = collections.Counter()
        for k in kernels:
            totals[short(k["name"])] += k["dur"] / 1000.0 / n
            by_op.setdefault(label, collections.Counter())[k["op"]] += k["dur"] / 1000.0 / n
            pairs[(k["op"], detail(k["name"]))] += k["dur"] / 1000.0 / n
        by_name[label] = totals
        by_pair[label] = pairs
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
    table(by_op, labels, args.top, "ms/step by launching operator")
    for label in labels:
        print(f"\n{label}: largest (operator, kernel) pairs, ms/step")
        for (op, kernel), ms in by_pair[label].most_common(args.top):
            print(f"  {ms:8.3f}  {op:32.32}  {kernel}")


def table(groups, labels, top, title):
    everything = collections.Counter()
    for t in groups.values():
        everything.update(t)
    print(f"\n{title} (top {top}):")
    print("  ".join(f"{l:>10}" for l in labels) + "  operator")
    for name, _ in sorted(everything.items(), key=lambda kv: -max(groups.get(l, {}).get(kv[0], 0) for l in labels))[:top]:
        print("  ".join(f"{groups.get(l, {}).get(name, 0):10.3f}" for l in labels) + "  " + name)


if __name__ == "__main__":
    main()
