#!/usr/bin/env bash
# Builds the whole suite with AddressSanitizer and UndefinedBehaviorSanitizer into ./build-asan and
# runs it through ctest (#17). Any report fails the test it happens in: UBSan is made fatal, ASan is
# fatal by nature. Leak checking is off: LibTorch and Qt keep process-lifetime allocations that
# LeakSanitizer would report on every exit; the fuzz targets check leaks on our readers instead.
# Usage: packaging/run-sanitizers.sh [ctest arguments, e.g. -L engine]
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j "$(nproc)"
export QT_QPA_PLATFORM=offscreen
# allocator_may_return_null: an allocation too large fails as it does without ASan (LibTorch then
# throws "out of memory", which a test checks), instead of ASan aborting the process.
# verify_asan_link_order=0: the distributed test preloads the rename shim ahead of ASan's runtime.
export ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0:abort_on_error=1:strict_string_checks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-asan
# The package test packs this tree and the kill trials preload their shim: neither is about memory.
ctest --output-on-failure -j "$(nproc)" --timeout 1500 -LE 'package|fault' "$@"
