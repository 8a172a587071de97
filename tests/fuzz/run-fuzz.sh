#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer + ASan + UBSan) into BUILD_DIR and runs each for
# SECONDS from its seed corpus. The regression corpus (inputs that once crashed or hung) runs first,
# always. Fails on a crash, a leak, a timeout (10 s for one input) or memory over 2 GB.
# Usage: tests/fuzz/run-fuzz.sh BUILD_DIR [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 seconds=${2:-30}
command -v clang++ >/dev/null || { echo "FAIL: clang++ is missing: packaging/install-deps.sh installs it" >&2; exit 1; }
CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in fuzz_config fuzz_image fuzz_safetensors fuzz_file_readers; do
  mkdir -p "$work/$target"
  cp "$here"/corpus/"$target"/* "$work/$target/"
  regressions=("$here"/regressions/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    "$build/$target" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >"$work/$target.log" 2>&1 ||
      { tail -40 "$work/$target.log"; echo "FAIL: $target on its regression corpus" >&2; exit 1; }
  fi
  if ! "$build/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$work/$target-" "$work/$target" >"$work/$target.log" 2>&1; then
    tail -40 "$work/$target.log"
    echo "FAIL: $target found an input that crashes, leaks, hangs or takes too much memory; it is above." >&2
    echo "Add it to tests/fuzz/regressions/$target/ with the fix." >&2
    exit 1
  fi
  echo "$target: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$') inputs in ${seconds} s," \
       "peak RSS $(grep -m1 -o 'stat::peak_rss_mb: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$') MB, corpus $(ls "$work/$target" | wc -l) files"
done
echo PASS
