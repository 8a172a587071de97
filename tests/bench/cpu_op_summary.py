"""Where a CPU training step's time goes, from Chrome traces of CPU operators (vitscope-cli bench
train --trace on a machine without a GPU, which uses LibTorch's legacy profiler, and
torch_reference_train.py --trace). Per trace: the wall time the traced steps spanned, then each
operator's self time (its own duration less that of the operators nested in it on the same thread)
per step, largest first, side by side.

Usage: /usr/bin/python3 cpu_op_summary.py NAME=TRACE.json [NAME=TRACE.json ...] [--steps 3] [--top 30]
Caution: in vitscope's traces (LibTorch's RecordProfile) the element-wise operators read several
times slower than untraced timing of the same steps shows; the GEMMs read true. Time a step's
phases untraced before drawing conclusions from the element-wise rows.
Not part of vitscope: a benchmark aid.
"""
import argparse
import collections
import json


def self_times(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    ops = [e for e in events if e.get("ph") == "X" and "dur" in e and e.get("cat", "cpu_op") in ("cpu_op", "Operator")]
    by_thread = collections.defaultdict(list)
    for e in ops:
        by_thread[e.get("tid")].append(e)
    totals = collections.Counter()
    counts = collections.Counter()
    start, end = float("inf"), 0.0
    for events in by_thread.values():
        events.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # [end, name, self]
        def close(item):
            totals[item[1]] += item[2]
        for e in events:
            ts, dur = float(e["ts"]), float(e["dur"])
            start, end = min(start, ts), max(end, ts + dur)
            while stack and stack[-1][0] <= ts:
                close(stack.pop())
            if stack:
                stack[-1][2] -= dur
            stack.append([ts + dur, e["name"], dur])
            counts[e["name"]] += 1
        while stack:
            close(stack.pop())
    return totals, counts, end - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("traces", nargs="+")
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    results = []
    for spec in args.traces:
        name, path = spec.split("=", 1)
        results.append((name,) + self_times(path))
    print("wall ms per step: " + ", ".join(f"{n} {span / 1000 / args.steps:.0f}" for n, _, _, span in results))
    names = collections.Counter()
    for _, totals, _, _ in results:
        for op, t in totals.items():
            names[op] = max(names[op], t)
    header = f"{'operator (self ms per step, calls)':48s}" + "".join(f"{n:>22s}" for n, *_ in results)
    print(header)
    for op, _ in names.most_common(args.top):
        row = f"{op[:48]:48s}"
        for _, totals, counts, _ in results:
            row += f"{totals[op] / 1000 / args.steps:14.1f} {counts[op] / args.steps:7.0f}"
        print(row)
    print(f"{'all operators':48s}" + "".join(f"{sum(t.values()) / 1000 / args.steps:14.1f} {'':7s}" for _, t, _, _ in results))


if __name__ == "__main__":
    main()
