#!/usr/bin/env bash
# Label-review benchmark (issue #14), not a test. 5 % of the demo set's labels are flipped, seeded,
# through the label manifest (no file is touched); the demo ViT is trained from scratch on the noisy
# labels; then `vitscope-cli review` ranks every image by k-fold cross-validation of head mode on
# that model's frozen features, and again from the run's own validation and test predictions.
# Prints precision among the top N candidates (N = number flipped), recall among the top 2N, and
# the time review takes. Usage: tests/bench/review-check.sh [WORKDIR] (python3 reads the JSON).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${CLI:-build/app/vitscope-cli}
W=${1:-/tmp/vitscope-review-bench}
PER_CLASS=${PER_CLASS:-60}
rm -rf "$W" && mkdir -p "$W"
"$CLI" demo-data "$W/data" --per-class "$PER_CLASS" --seed 5 --model "$W/model" >/dev/null

# The flips: 5 % of the images, each to another class, seeded; recorded as one manifest change.
python3 - "$W" <<'PY' > "$W/flips.txt"
import os, random, sys
w = sys.argv[1]; root = os.path.join(w, "data")
classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
files = sorted(os.path.join(c, f) for c in classes for f in os.listdir(os.path.join(root, c)))
rng = random.Random(14)
for rel in rng.sample(files, len(files) // 20):
    given = rel.split("/")[0]
    print(rel + "=" + rng.choice([c for c in classes if c != given]))
PY
N=$(wc -l < "$W/flips.txt")
mapfile -t SETS < <(sed 's/^/--set\n/' "$W/flips.txt")
"$CLI" labels --data "$W/data" "${SETS[@]}" --note "review benchmark: deliberate flip"
"$CLI" train --model "$W/model" --data "$W/data" --out "$W/run" --epochs 12 --lr 1e-3 --warmup-steps 20 \
    --batch-size 16 --cache-dir "$W/cache" --json > "$W/train.json"

score() { # $1: review JSON; prints precision@N and recall@2N against the flips
python3 - "$1" "$W/flips.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); flips = {l.split("=")[0] for l in open(sys.argv[2]).read().split()}
ranked = [c["path"] for c in r["candidates"]]; n = len(flips)
covered = len(flips & set(ranked))
top_n = len(flips & set(ranked[:n])); top_2n = len(flips & set(ranked[:2 * n]))
print(f"  {r['source']}: {len(ranked)} of {r['labelled']} images scored, {covered} of {n} flips among them")
print(f"  precision among the top {n}: {top_n}/{n} = {top_n / n:.2f}; recall among the top {2 * n}: {top_2n}/{n} = {top_2n / n:.2f}")
print(f"  time: {r['seconds']['total']:.1f} s (features {r['seconds']['features']:.1f} s, folds {r['seconds']['folds']:.1f} s)")
PY
}
echo "flipped $N of $((PER_CLASS * 8)) labels; demo ViT trained on them"
for pass in cold warm; do
  start=$(date +%s.%N)
  "$CLI" review --data "$W/data" --model "$W/run/checkpoints/best" --cache-dir "$W/cache" --folds 5 --out "$W/review-kfold.json" --top 0 >/dev/null
  echo "k-fold review ($pass feature cache), wall $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s:"
  score "$W/review-kfold.json"
done
"$CLI" review --run "$W/run" --out "$W/review-run.json" --top 0 >/dev/null
echo "from the run's validation and test predictions:"
score "$W/review-run.json"
