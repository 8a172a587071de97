#!/usr/bin/env bash
# Fault trials (#17), bounded: seeded kill -9 trials of a small training run, each at a rename (every
# atomic write and the checkpoint swap is one, so these are the points where a kill leaves files
# half-replaced), always including the first (before anything of the run exists) and each rename of
# the checkpoint swap. After each kill the run is resumed (or, killed before run.json existed,
# started again as its message says) and must end bit-identical to an uninterrupted run. Then a
# full disk for the cache and for the run folder (tiny tmpfs, where a mount namespace can be had; a
# visible skip otherwise), two writers on one run, and an unreadable folder and file as a non-root
# user.
# Usage: kill_trials.sh CLI SHIM MODEL [TRIALS] [SEED]
set -uo pipefail
cli=$1 shim=$2 model=$3 trials=${4:-12} seed=${5:-17}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$cli" demo-data data --per-class 6 >/dev/null || fail "demo-data"
common=(--model "$model" --data data --cache-dir cache --epochs 3 --batch-size 8 --device cpu --threads 1 --lr 1e-3 --warmup-steps 2)
fingerprint() { # what must be identical: the weights of both checkpoints, the test metrics, the step log
  sha256sum "$1"/checkpoints/last/model.safetensors "$1"/checkpoints/best/model.safetensors "$1"/test/metrics.json 2>/dev/null | cut -d' ' -f1
  grep -c '"step"' "$1"/metrics.jsonl 2>/dev/null
}
"$cli" train "${common[@]}" --out ref >ref.log 2>&1 || { cat ref.log; fail "the reference run"; }
VITSCOPE_COUNT_RENAMES="$work/renames.txt" LD_PRELOAD="$shim" "$cli" train "${common[@]}" --out count >/dev/null 2>&1 || fail "the counting run"
total=$(wc -l <renames.txt)
[ "$total" -gt 10 ] || fail "only $total renames: is the shim loaded?"
expected=$(fingerprint ref)

# The kill points: the first rename, every rename of the checkpoint swap, then seeded picks.
points=$( { echo 1; grep -nE '/checkpoints/last(\.old)?$' renames.txt | cut -d: -f1;
            awk -v n="$total" -v k="$trials" -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < k; ++i) print 1 + int(rand() * n) }'; } |
          sort -n | uniq)
echo "$total renames in a run; kill points: $(tr '\n' ' ' <<<"$points")"
passed=0
for n in $points; do
  out=t$n
  VITSCOPE_KILL_AT_RENAME=$n LD_PRELOAD="$shim" "$cli" train "${common[@]}" --out "$out" >"$out.log" 2>&1
  rc=$?
  [ "$rc" = 137 ] || fail "kill point $n: the run was not killed (exit $rc)"
  target=$(sed -n "${n}p" renames.txt | cut -d' ' -f2 | sed 's|.*/count/||')
  if "$cli" train --resume "$out" --device cpu --threads 1 >>"$out.log" 2>&1; then
    how=resumed
  elif grep -q "run the original train command again" "$out.log"; then
    "$cli" train "${common[@]}" --out "$out" >>"$out.log" 2>&1 || { cat "$out.log"; fail "kill point $n: starting again"; }
    how="started again"
  elif grep -q "cannot be resumed: it is finished" "$out.log"; then
    how="already finished"
  else
    cat "$out.log"; fail "kill point $n (before renaming $target): neither resumable nor restartable"
  fi
  [ "$(fingerprint "$out")" = "$expected" ] || { cat "$out.log"; fail "kill point $n (before renaming $target): $how, but not bit-identical"; }
  echo "kill before rename $n ($target): $how, bit-identical"
  passed=$((passed + 1))
done
echo "$passed kill trials, all bit-identical"

# Two writers on one run (#17 item 5): while a training process holds the run (stopped mid-run at
# its first checkpoint swap), a resume is refused with who holds it and changes nothing; the first
# then finishes bit-identical, with no step logged twice.
swap=$(grep -nE '/checkpoints/last$' renames.txt | head -1 | cut -d: -f1)
VITSCOPE_STOP_AT_RENAME=$swap LD_PRELOAD="$shim" "$cli" train "${common[@]}" --out two >two.log 2>&1 &
first=$!
for _ in $(seq 1 600); do [ "$(awk '{print $3}' /proc/$first/stat 2>/dev/null)" = T ] && break; sleep 0.1; done
[ "$(awk '{print $3}' /proc/$first/stat 2>/dev/null)" = T ] || fail "two writers: the first writer did not reach its checkpoint swap"
set +e
"$cli" train --resume two --device cpu --threads 1 >second.log 2>&1
rc=$?
set -e
kill -CONT "$first"
wait "$first" || { cat two.log; fail "two writers: the first writer did not finish"; }
[ "$rc" = 1 ] && grep -q "is being trained by process $first on host" second.log ||
  { cat second.log; fail "two writers: the second was not refused with who holds the run (exit $rc)"; }
[ "$(fingerprint two)" = "$expected" ] || { cat two.log; fail "two writers: the first run is not bit-identical"; }
echo "two writers: the second refused ($(grep -o 'is being trained by process [0-9]* on host [^ ]*' second.log)), the first bit-identical"

# A cache disk that fills: an error for the run, never a smaller data set (#17 item 3).
if unshare -rm true 2>/dev/null; then
  set +e
  unshare -rm bash -c 'mkdir -p small && mount -t tmpfs -o size=64k none small && exec "$@"' _ \
    "$cli" train --model "$model" --data data --cache-dir small --epochs 1 --batch-size 8 --device cpu --threads 1 --out full >full.log 2>&1
  rc=$?
  set -e
  [ "$rc" != 0 ] || { cat full.log; fail "a full cache disk ended in success"; }
  grep -qi "cache" full.log || { cat full.log; fail "the full cache disk is not named"; }
  echo "full cache disk: exit $rc, $(grep -i -m1 'cache' full.log)"

  # A run-folder disk that fills at several points of the run (before run.json, at the first
  # checkpoint, at a later swap, at the best model's copy): a clear message that names the disk and
  # says how to go on, and, once the folder has room again (copied out here), the run resumes (or
  # starts again) and ends bit-identical to the uninterrupted one.
  ref_kb=$(du -sk ref | cut -f1)
  for pct in 0 1 25 50 75 100 150; do
    size=$(( (ref_kb * pct / 100 + 8) / 4 * 4 ))k # 0 %: two pages, too small for split.json
    rm -rf disk-run
    set +e
    unshare -rm bash -c 'mkdir -p small && mount -t tmpfs -o size=$1 none small && shift && "$@"; rc=$?; cp -a small/run disk-run 2>/dev/null; exit $rc' \
      _ "$size" "$cli" train "${common[@]}" --out small/run >disk.log 2>&1
    rc=$?
    set -e
    if [ "$rc" = 0 ]; then
      how="fitted"
    else
      grep -q "is full" disk.log || { cat disk.log; fail "run folder on a ${size} disk: the full disk is not named"; }
      grep -q "free some space" disk.log || { cat disk.log; fail "run folder on a ${size} disk: the message does not say how to go on"; }
      if "$cli" train --resume disk-run --device cpu --threads 1 >>disk.log 2>&1; then
        how="resumed"
      elif grep -qE "run the (original|same) train command again" disk.log; then
        rm -rf disk-run && "$cli" train "${common[@]}" --out disk-run >>disk.log 2>&1 || { cat disk.log; fail "run folder on a ${size} disk: starting again"; }
        how="started again"
      else
        cat disk.log; fail "run folder on a ${size} disk: neither resumable nor restartable"
      fi
    fi
    [ "$(fingerprint disk-run)" = "$expected" ] || { cat disk.log; fail "run folder on a ${size} disk: $how, but not bit-identical"; }
    echo "run folder on a ${size} disk (${pct} % of the run): exit $rc, $how, bit-identical"
  done
else
  echo "SKIP: no mount namespace here, so the full-disk trials do not run"
fi
# An unreadable folder and file, as a user that permissions apply to (root reads everything, so
# root runs the scan as nobody through setpriv): each is reported, and the rest is scanned (#17 15).
mkdir -p perms && cp -r data/polyps data/esophagitis perms/ && mkdir perms/polyps/locked &&
  cp perms/polyps/polyps_0000.jpg perms/polyps/locked/ && chmod 000 perms/polyps/locked perms/esophagitis/esophagitis_0000.jpg
chmod 755 "$work"
as_user=()
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work" XDG_CACHE_HOME="$work/nobody-cache")
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  "${as_user[@]}" "$cli" scan --json perms >perms.json 2>perms.log
  grep -q "folder 'polyps/locked' cannot be read (Permission denied)" perms.json || { cat perms.json perms.log; fail "the unreadable folder is not reported"; }
  grep -q '"esophagitis/esophagitis_0000.jpg"' perms.json && grep -q "Permission denied" perms.json ||
    { cat perms.json; fail "the unreadable file is not reported"; }
  echo "unreadable folder and file (as $( [ ${#as_user[@]} -gt 0 ] && echo nobody || id -un)): both reported, the rest scanned"
else
  echo "SKIP: running as root without setpriv, so permissions cannot be tried"
fi
chmod -R u+rwX perms
echo PASS
