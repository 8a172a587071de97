#!/usr/bin/env bash
# Distributed training (#16) on CPU, Gloo over 127.0.0.1 only, bounded in time:
# - 2 ranks (started here with RANK, WORLD_SIZE, ... set) against 1 process at the same global batch,
#   with gradient accumulation and a last, partial global batch: per-step loss within 1e-6 relative,
#   identical test accuracy, run.json records the world size, backend and hosts;
# - rank 1 killed mid-run: rank 0 exits non-zero within the timeout naming rank 1, and the run
#   resumes (on 1 process) to the end;
# - a port in use and a rank that never joins get their own messages;
# - through torchrun when it is installed.
# Usage: test_distributed.sh CLI MODEL
set -uo pipefail
cli=$1 model=$2
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { /usr/bin/env python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
"$cli" demo-data data --per-class 6 >/dev/null || fail "demo-data"
common=(--model "$model" --data data --cache-dir cache --epochs 2 --device cpu --threads 1 --lr 1e-3 --warmup-steps 2 --grad-accum 2)
losses() { grep '"type":"step"' "$1/metrics.jsonl" | grep -o '"loss":[-0-9.e]*' | cut -d: -f2; }
accuracy() { grep -o '"accuracy": *[0-9.e-]*' "$1/test/metrics.json" | head -1; }
same_losses() {
  paste <(losses "$1") <(losses "$2") | awk -v tol=1e-6 '{ n++; d = $1 - $2; if (d < 0) d = -d; a = $1 < 0 ? -$1 : $1; if (d > tol * a) bad++ } END { exit (n == 0 || bad) }'
}

# 1 process, batch 6 (x2 accumulation) against 2 ranks of batch 3: 32 training images leave a partial batch.
"$cli" train "${common[@]}" --batch-size 6 --out one >one.log 2>&1 || { cat one.log; fail "the single-process run"; }
port=$(free_port)
export MASTER_ADDR=127.0.0.1 MASTER_PORT=$port WORLD_SIZE=2 LOCAL_WORLD_SIZE=2
RANK=0 LOCAL_RANK=0 "$cli" train "${common[@]}" --batch-size 3 --out two >two0.log 2>&1 & p0=$!
RANK=1 LOCAL_RANK=1 "$cli" train "${common[@]}" --batch-size 3 --out two >two1.log 2>&1 & p1=$!
wait $p0 || { cat two0.log two1.log; fail "rank 0 of the 2-rank run"; }
wait $p1 || { cat two1.log; fail "rank 1 of the 2-rank run"; }
[ "$(losses one | wc -l)" -gt 4 ] || fail "too few steps logged"
[ "$(losses one | wc -l)" = "$(losses two | wc -l)" ] || fail "step counts differ: $(losses one | wc -l) vs $(losses two | wc -l)"
same_losses one two || { paste <(losses one) <(losses two); fail "per-step losses differ by more than 1e-6 relative"; }
[ "$(accuracy one)" = "$(accuracy two)" ] || fail "test accuracy differs: $(accuracy one) vs $(accuracy two)"
grep -q '"world_size": 2' two/run.json && grep -q '"backend": "gloo"' two/run.json && grep -q '"global_batch": 6' two/run.json ||
  { cat two/run.json; fail "run.json does not record the distributed run"; }
echo "2 ranks = 1 process: $(losses one | wc -l) steps within 1e-6, test $(accuracy two)"

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
