#!/bin/bash
# How close the pre-Start estimate is to the real run: estimates once with empty caches, then runs
# each mode and precision for real, each from its own empty cache (so every run pays decoding and
# feature extraction, as the estimate says it will), and prints estimated vs measured wall time.
#   tests/bench/estimate-check.sh CLI MODEL DATA OUT [MODE:PRECISION ...] [-- extra train options]
# MODEL may be a config-only folder (e.g. ViT-B/16 from scratch: times are the same as pretrained).
set -euo pipefail
cli=$1 model=$2 data=$3 out=$4
shift 4
runs=() extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then shift; extra=("$@"); break; fi
  runs+=("$1"); shift
done
[ ${#runs[@]} -gt 0 ] || runs=(head:bf16 last:2:bf16 full:bf16 head:fp32 last:2:fp32)
rm -rf "$out"; mkdir -p "$out"
"$cli" train --estimate --model "$model" --data "$data" --cache-dir "$out/estimate-cache" "${extra[@]}" >"$out/estimate.json"
printf '%-12s %-6s %10s %10s %8s\n' mode prec estimate measured error
for r in "${runs[@]}"; do
  prec=${r##*:} mode=${r%:*}
  t0=$(date +%s.%N)
  "$cli" train --model "$model" --data "$data" --out "$out/run-${mode/:/-}-$prec" --cache-dir "$out/cache-${mode/:/-}-$prec" \
    --fine-tune "$mode" --precision "$prec" --json "${extra[@]}" >"$out/run-${mode/:/-}-$prec.json" 2>"$out/run-${mode/:/-}-$prec.log"
  t1=$(date +%s.%N)
  /usr/bin/python3 - "$out/estimate.json" "$mode" "$prec" "$t0" "$t1" "$out/run-${mode/:/-}-$prec.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
mode, prec, t0, t1 = sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
m = [m for m in e["modes"] if m["fine_tune"] == mode and m["precision"] == prec]
est = m[0]["total_seconds"] if m else float("nan")
real = t1 - t0
phases = json.load(open(sys.argv[6]))["phase_seconds"]
once = m[0]["one_time_seconds"] if m else float("nan")
print(f"{mode:12s} {prec:6s} {est:9.1f}s {real:9.1f}s {100 * (est - real) / real:+7.1f}%   "
      f"(once: estimated {once:.1f}s, measured {phases['decoding'] + phases['frozen_features']:.1f}s; "
      f"training {phases['training']:.1f}s)")
PY
done
