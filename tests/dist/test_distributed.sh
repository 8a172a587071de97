#!/usr/bin/env bash
# Distributed training (#16) on CPU, Gloo over 127.0.0.1 only, bounded in time:
# - 2 ranks (started here with RANK, WORLD_SIZE, ... set) against 1 process at the same global batch,
#   with gradient accumulation and a last, partial global batch: per-step loss within 1e-6 relative,
#   identical test accuracy, run.json records the world size, backend and hosts;
# - rank 1 killed mid-run: rank 0 exits non-zero within the timeout naming rank 1, and the run
#   resumes (on 1 process) to the end;
# - a port in use and a rank that never joins get their own messages;
# - through torchrun when it is installed.
# - final weights of both within 1e-5 relative L2; a 2-rank run stopped (rank 0 killed after its
#   first checkpoint) and resumed on 1 process matches the uninterrupted single process;
# - 3 ranks, one of which gets no image of the last global batch, against 1 process;
# Usage: test_distributed.sh CLI MODEL WEIGHTS_DIFF RENAME_SHIM
set -uo pipefail
cli=$1 model=$2 weights_diff=$3 shim=$4
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { /usr/bin/env python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
"$cli" demo-data data --per-class 6 >/dev/null || fail "demo-data"
common=(--model "$model" --data data --cache-dir cache --epochs 2 --device cpu --threads 1 --lr 1e-3 --warmup-steps 2 --grad-accum 2)
losses() { grep '"type":"step"' "$1/metrics.jsonl" | grep -o '"loss":[-0-9.e]*' | cut -d: -f2; }
accuracy() { grep -o '"accuracy": *[0-9.e-]*' "$1/test/metrics.json" | head -1; }
close_weights() { # the last and best checkpoints of runs $1 and $2 within 1e-5 relative L2
  local c d
  for c in last best; do
    d=$("$weights_diff" "$1/checkpoints/$c/model.safetensors" "$2/checkpoints/$c/model.safetensors") || return 1
    awk -v d="${d%% *}" 'BEGIN { exit !(d <= 1e-5) }' || { echo "$c: relative L2 $d" >&2; return 1; }
    if [ "$c" = last ]; then last_l2=${d%% *}; fi
  done
}
same_losses() {
  paste <(losses "$1") <(losses "$2") | awk -v tol=1e-6 '{ n++; d = $1 - $2; if (d < 0) d = -d; a = $1 < 0 ? -$1 : $1; if (d > tol * a) bad++ } END { exit (n == 0 || bad) }'
}

# 1 process, batch 6 (x2 accumulation) against 2 ranks of batch 3: 32 training images leave a partial batch.
"$cli" train "${common[@]}" --batch-size 6 --out one >one.log 2>&1 || { cat one.log; fail "the single-process run"; }
port=$(free_port)
export MASTER_ADDR=127.0.0.1 MASTER_PORT=$port WORLD_SIZE=2 LOCAL_WORLD_SIZE=2
# (rank 0 counts its renames, for the kill point below)
RANK=0 LOCAL_RANK=0 VITSCOPE_COUNT_RENAMES="$work/renames0.txt" LD_PRELOAD="$shim" \
  "$cli" train "${common[@]}" --batch-size 3 --out two >two0.log 2>&1 & p0=$!
RANK=1 LOCAL_RANK=1 "$cli" train "${common[@]}" --batch-size 3 --out two >two1.log 2>&1 & p1=$!
wait $p0 || { cat two0.log two1.log; fail "rank 0 of the 2-rank run"; }
wait $p1 || { cat two1.log; fail "rank 1 of the 2-rank run"; }
[ "$(losses one | wc -l)" -gt 4 ] || fail "too few steps logged"
[ "$(losses one | wc -l)" = "$(losses two | wc -l)" ] || fail "step counts differ: $(losses one | wc -l) vs $(losses two | wc -l)"
same_losses one two || { paste <(losses one) <(losses two); fail "per-step losses differ by more than 1e-6 relative"; }
[ "$(accuracy one)" = "$(accuracy two)" ] || fail "test accuracy differs: $(accuracy one) vs $(accuracy two)"
grep -q '"world_size": 2' two/run.json && grep -q '"backend": "gloo"' two/run.json && grep -q '"global_batch": 6' two/run.json ||
  { cat two/run.json; fail "run.json does not record the distributed run"; }
close_weights one two || fail "the final weights of 2 ranks and 1 process differ by more than 1e-5 relative L2"
echo "2 ranks = 1 process: $(losses one | wc -l) steps within 1e-6, final weights $last_l2 relative L2, test $(accuracy two)"

# A world-size-2 checkpoint resumed with world size 1: rank 0 killed at its first rename after the
# first checkpoint swap, rank 1 then stops, and 1 process (batch 6, the global batch) finishes the run
# as the uninterrupted single process did.
after_swap=$(( $(grep -nE ' (.*/)?two/checkpoints/last$' renames0.txt | head -1 | cut -d: -f1) + 1 ))
export MASTER_PORT=$(free_port)
RANK=0 LOCAL_RANK=0 VITSCOPE_KILL_AT_RENAME=$after_swap LD_PRELOAD="$shim" \
  "$cli" train "${common[@]}" --batch-size 3 --dist-timeout 20 --out w2 >w2-0.log 2>&1 & p0=$!
RANK=1 LOCAL_RANK=1 "$cli" train "${common[@]}" --batch-size 3 --dist-timeout 20 --out w2 >w2-1.log 2>&1 & p1=$!
wait $p0; rc0=$?
wait $p1 && fail "rank 1 ended in success after rank 0 was killed"
[ "$rc0" = 137 ] || { cat w2-0.log; fail "rank 0 was not killed at rename $after_swap (exit $rc0)"; }
( unset WORLD_SIZE RANK LOCAL_RANK LOCAL_WORLD_SIZE MASTER_ADDR MASTER_PORT
  "$cli" train --resume w2 --device cpu --threads 1 >w2-resume.log 2>&1 ) || { cat w2-resume.log; fail "resuming the 2-rank checkpoint on 1 process"; }
grep -q "batch 6 keeps the run's global batch" w2-resume.log || { cat w2-resume.log; fail "the resume did not keep the global batch"; }
[ "$(losses one | wc -l)" = "$(losses w2 | wc -l)" ] || fail "resumed on 1 process: $(losses w2 | wc -l) steps logged, not $(losses one | wc -l)"
same_losses one w2 || { paste <(losses one) <(losses w2); fail "resumed on 1 process: per-step losses differ from the uninterrupted run"; }
close_weights one w2 || fail "resumed on 1 process: final weights differ from the uninterrupted run by more than 1e-5"
[ "$(accuracy one)" = "$(accuracy w2)" ] || fail "resumed on 1 process: test accuracy $(accuracy w2), not $(accuracy one)"
echo "world size 2, killed after its first checkpoint, resumed on 1 process: = the uninterrupted run (weights $last_l2)"

# 3 ranks of batch 5 against 1 process of batch 15: 32 training images leave a last global batch of
# 2, whose share for rank 0 is empty (and evaluation shards are uneven too).
( unset WORLD_SIZE LOCAL_WORLD_SIZE; "$cli" train "${common[@]}" --batch-size 15 --out one15 >one15.log 2>&1 ) ||
  { cat one15.log; fail "the single-process run, batch 15"; }
export MASTER_PORT=$(free_port) WORLD_SIZE=3 LOCAL_WORLD_SIZE=3
for r in 0 1 2; do
  RANK=$r LOCAL_RANK=$r "$cli" train "${common[@]}" --batch-size 5 --out three >three$r.log 2>&1 & pids[$r]=$!
done
for r in 0 1 2; do wait ${pids[$r]} || { cat three$r.log; fail "rank $r of the 3-rank run"; }; done
same_losses one15 three || { paste <(losses one15) <(losses three); fail "3 ranks: per-step losses differ from 1 process"; }
close_weights one15 three || fail "3 ranks: final weights differ from 1 process by more than 1e-5"
[ "$(accuracy one15)" = "$(accuracy three)" ] || fail "3 ranks: test accuracy $(accuracy three), not $(accuracy one15)"
echo "3 ranks (one with no image in the last batch) = 1 process: $(losses three | wc -l) steps, weights $last_l2"
export WORLD_SIZE=2 LOCAL_WORLD_SIZE=2

# Rank 1 killed mid-run: rank 0 stops within the timeout, naming it; the run resumes on 1 process.
long=(--model "$model" --data data --cache-dir cache --epochs 300 --device cpu --threads 1 --lr 1e-3 --warmup-steps 2 --dist-timeout 20)
export MASTER_PORT=$(free_port)
RANK=0 LOCAL_RANK=0 "$cli" train "${long[@]}" --batch-size 4 --out k >k0.log 2>&1 & p0=$!
RANK=1 LOCAL_RANK=1 "$cli" train "${long[@]}" --batch-size 4 --out k >k1.log 2>&1 & p1=$!
for _ in $(seq 600); do [ -f k/metrics.jsonl ] && [ "$(grep -c '"type":"epoch"' k/metrics.jsonl)" -ge 3 ] && break; sleep 0.1; done
kill -9 $p1
start=$(date +%s)
wait $p0 && fail "rank 0 ended in success after rank 1 was killed"
took=$(( $(date +%s) - start ))
[ "$took" -le 25 ] || fail "rank 0 took $took s to stop"
grep -q "rank 1 (host .*) stopped" k0.log || { cat k0.log; fail "the killed rank is not named"; }
echo "rank 1 killed: rank 0 stopped in $took s: $(tail -1 k0.log | cut -c1-160)"
unset WORLD_SIZE RANK LOCAL_RANK LOCAL_WORLD_SIZE
"$cli" train --resume k --device cpu --threads 1 >resume.log 2>&1 || { cat resume.log; fail "resuming the 2-rank run on 1 process"; }
grep -q '"status": "finished"' k/run.json || fail "the resumed run did not finish"
echo "resumed on 1 process to the end"

# Launch errors: a port in use; a rank that never joins.
export MASTER_ADDR=127.0.0.1 WORLD_SIZE=2 RANK=0
busy_port=$(free_port)
/usr/bin/env python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1]))); s.listen(); time.sleep(20)' "$busy_port" & holder=$!
sleep 0.5
MASTER_PORT=$busy_port "$cli" train "${common[@]}" --batch-size 3 --dist-timeout 5 --out busy >busy.log 2>&1 && fail "a port in use went unnoticed"
grep -q "is in use by another program" busy.log || { cat busy.log; fail "the port in use is not named"; }
kill $holder 2>/dev/null
MASTER_PORT=$(free_port) "$cli" train "${common[@]}" --batch-size 3 --dist-timeout 3 --out lonely >lonely.log 2>&1 && fail "a missing rank went unnoticed"
grep -q "rank(s) 1 of 2 did not join within 3 s" lonely.log || { cat lonely.log; fail "the missing rank is not named"; }
echo "port in use and missing rank: named"
unset WORLD_SIZE RANK MASTER_ADDR MASTER_PORT

# Through torchrun (Debian 12's, PyTorch 1.13 on Python 3.11, needs --redirects 1 --tee 1: its
# parser of the default "0" fails on Python 3.11).
if command -v torchrun >/dev/null; then
  torchrun --redirects 1 --tee 1 --no_python --nproc_per_node 2 --master_port "$(free_port)" \
    "$cli" train "${common[@]}" --batch-size 3 --out tr >tr.log 2>&1 || { cat tr.log; fail "torchrun"; }
  same_losses one tr || fail "the torchrun run differs from 1 process"
  echo "torchrun: same losses"
else
  echo "SKIP: torchrun is not installed"
fi
echo "distributed: all passed"
