#!/usr/bin/env bash
# Distributed-training benchmark (#16), not a test. On one machine, over Gloo on 127.0.0.1, at the
# same global batch, alternating rounds:
# - 2 ranks x 1 thread (bench dist, batch B/2 per rank) against 1 process x 2 threads (bench train,
#   batch B), for a small ViT and for ViT-B/16;
# - for each, the all-reduce of every gradient per step, its share of the step without overlap, and
#   the step with the reduction overlapping backward.
# Usage: tests/bench/dist-bench.sh [ROUNDS] [CONFIGS...]   (CLI=... to use another vitscope-cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${CLI:-build/app/vitscope-cli}
rounds=${1:-2}
shift || true
configs=("${@:-vit-tiny vit-base}")
read -r -a configs <<<"${configs[*]}"
B=${BATCH:-16} STEPS=${STEPS:-4}
port=29600
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    one=$("$CLI" bench train --config "$config" --batch "$B" --threads 2 --steps "$STEPS" --json)
    port=$((port + 1))
    export MASTER_ADDR=127.0.0.1 MASTER_PORT=$port WORLD_SIZE=2 LOCAL_WORLD_SIZE=2
    RANK=1 LOCAL_RANK=1 "$CLI" bench dist --config "$config" --batch $((B / 2)) --threads 1 --steps "$STEPS" --json >/dev/null &
    two=$(RANK=0 LOCAL_RANK=0 "$CLI" bench dist --config "$config" --batch $((B / 2)) --threads 1 --steps "$STEPS" --json)
    wait
    unset MASTER_ADDR MASTER_PORT WORLD_SIZE LOCAL_WORLD_SIZE
    python3 - "$round" "$config" "$one" "$two" <<'PY'
import json, sys
r, config, one, two = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
off, on = two["overlap_off"], two["overlap_on"]
print(f"round {r} {config} ({two['parameters']/1e6:.2f} M parameters, global batch {two['global_batch']}): "
      f"1x2 threads {one['images_per_second']:.2f} img/s | 2x1 ranks {off['images_per_second']:.2f} img/s without overlap, "
      f"{on['images_per_second']:.2f} with ({off['images_per_second']/one['images_per_second']:.2f}x, "
      f"{on['images_per_second']/one['images_per_second']:.2f}x) | all-reduce {two['allreduce_ms']:.1f} ms per step, "
      f"{100*two['allreduce_share_of_step']:.1f} % of the step {off['step_ms']:.0f} ms; "
      f"waited for it {off['waited_for_reduction_ms']:.1f} ms (overlap off), {on['waited_for_reduction_ms']:.1f} ms (on)")
PY
  done
done
