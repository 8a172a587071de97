#!/usr/bin/env bash
# The GPU checks of issue #4, in one run on a machine that has CUDA and Python's torch but no Qt or
# OpenCV: build the engine alone against the LibTorch inside Python's torch, run the engine tests
# (their CUDA cases too), benchmark training against transformers, and time the whole recipe.
# Results: $OUT/results.jsonl (one JSON line per benchmark), $OUT/log.txt, $OUT/build.log.
# CHECKS="graphs b128 trace" runs only those sections (all by default): graphs fit16 oom b128
# trace b16 fit128 ctest misc. TARGETS limits the build (e.g. "vitscope-cli test_graph_step").
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/vitscope-gpu-check}
mkdir -p "$OUT"
R=$OUT/results.jsonl
L=$OUT/log.txt
B=${BUILD_DIR:-/tmp/build-gpu}
PY=${PYTHON:-python3}
CHECKS=${CHECKS:-all}
want() { [ "$CHECKS" = all ] || [[ " $CHECKS " == *" $1 "* ]]; }
step() { echo "== $* ($(date +%T))" | tee -a "$L"; }
result() { # name, then a command that prints one JSON line
    local name=$1; shift
    local line
    line=$("$@" 2>>"$L" | tail -1)
    echo "{\"check\":\"$name\",\"result\":${line:-null}}" | tee -a "$R"
}

step environment
{
    nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv
    $PY -c 'import torch, transformers; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version(), "transformers", transformers.__version__)'
    g++ --version | head -1; cmake --version | head -1; nvcc --version | tail -1; nproc
} >>"$L" 2>&1
TORCH_PREFIX=$($PY -c 'import torch; print(torch.utils.cmake_prefix_path)')
NVCC=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
CUDA_ROOT=$(dirname "$(dirname "$NVCC")")

configure() {
    local cuda=()
    if [ -x "$NVCC" ]; then cuda=(-DCUDAToolkit_ROOT="$CUDA_ROOT" -DCMAKE_CUDA_COMPILER="$NVCC"); fi
    cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVITSCOPE_ENGINE_ONLY=ON \
        -DCMAKE_PREFIX_PATH="$TORCH_PREFIX" "${cuda[@]}" "$@"
}
step "configure and build (engine only, LibTorch from Python's torch)"
build() { configure "$@" >>"$OUT/build.log" 2>&1 && timeout 300 cmake --build "$B" -j "$(nproc)" ${TARGETS:+--target $TARGETS} >>"$OUT/build.log" 2>&1; }
if build; then
    step "build ok"
elif build -DVITSCOPE_CUDA_GRAPHS=OFF; then
    step "build ok without CUDA graphs"
elif build -DVITSCOPE_CUDA_GRAPHS=OFF -DVITSCOPE_FUSED_ADAMW=OFF; then
    step "build ok without CUDA graphs and the fused AdamW kernel"
else
    step "CMake build failed (see build.log); building the CLI directly with g++"
    T=$($PY -c 'import torch, os; print(os.path.dirname(torch.__file__))')
    mkdir -p "$B/direct" "$B/app"
    SRC="$(ls core/config/*.cpp core/engine/*.cpp) app/cli/cli_main.cpp app/cli/cli_options.cpp app/cli/cli_engine.cpp app/cli/cli_bench_fit.cpp app/cli/cli_trace.cpp"
    FLAGS="-std=c++20 -O3 -DNDEBUG -DVITSCOPE_NO_FUSED_ADAMW -DVITSCOPE_VERSION=\"0.1.0\" -Icore -Iapp/cli -Ithird_party/nlohmann_json/include -Ithird_party/cli11/include -isystem $T/include -isystem $T/include/torch/csrc/api/include"
    echo $SRC | tr ' ' '\n' | timeout 240 xargs -P "$(nproc)" -I{} sh -c "g++ $FLAGS -c {} -o $B/direct/\$(basename {} .cpp).o" >>"$OUT/build.log" 2>&1
    g++ "$B"/direct/*.o -o "$B/app/vitscope-cli" -L"$T/lib" -Wl,-rpath,"$T/lib" -Wl,--no-as-needed -ltorch_cuda -ltorch -ltorch_cpu -lc10_cuda -lc10 -Wl,--as-needed -lpthread >>"$OUT/build.log" 2>&1
fi
grep -E "vitscope:|CUDA" "$OUT/build.log" | grep -v "^--   " | head -5 >>"$L"
CLI=$B/app/vitscope-cli
if [ ! -x "$CLI" ]; then
    step "no vitscope-cli: nothing more to run"
    tail -60 "$OUT/build.log"
    exit 1
fi
step version
"$CLI" --version >>"$L" 2>&1
readelf --dyn-syms -W "$CLI" | grep -m1 "filesystem10remove_all" >>"$L" 2>&1 # bound to libstdc++, not libtorch

TRAIN="bench train --precision bf16 --batch 128 --steps 50 --warmup 10 --json"
if want graphs; then
    step "CUDA graph step equals ordinary steps (test_graph_step)"
    (cd "$B" && timeout 60 ./tests/test_graph_step) >>"$L" 2>&1
    echo "test_graph_step exit $?" | tee -a "$L"
fi

if want b128; then
    step "training throughput, ViT-B/16, bf16, batch 128 (ours with and without graphs, transformers)"
    result ours-bf16-b128 timeout 90 "$CLI" $TRAIN
    result hf-sdpa-bf16-b128-fused timeout 120 $PY tests/bench/hf_reference_train.py --batch 128 --adamw fused
    result ours-bf16-b128-no-graphs timeout 90 "$CLI" $TRAIN --cuda-graphs off
    result ours-bf16-b128-again timeout 90 "$CLI" $TRAIN
fi

if want fit16; then
    step "the whole recipe at the notebook's batch 16: 5 epochs over 6,800 cached images, eval every epoch, checkpoints, test"
    result fit-recipe-bf16-b16 timeout 120 "$CLI" bench fit --precision bf16 --json --out /tmp/fit-run
    cp /tmp/fit-run/run.json "$OUT/fit-run.json" 2>/dev/null
    rm -rf /tmp/fit-run
fi

if want oom; then
    step "out of memory: a batch that cannot fit must say so"
    timeout 90 "$CLI" bench fit --precision bf16 --batch 3072 --images 3072 --val 64 --test 64 --epochs 1 --json >>"$L" 2>&1
    echo "oom run exit $?" | tee -a "$L"
fi

if want trace; then
    step "traces of 3 steps, batch 128: where the time goes"
    timeout 90 "$CLI" $TRAIN --steps 10 --cuda-graphs off --trace /tmp/ours.json >/dev/null 2>>"$L"
    timeout 120 $PY tests/bench/hf_reference_train.py --batch 128 --adamw fused --steps 10 --trace /tmp/hf.json >/dev/null 2>>"$L"
    $PY tests/bench/trace_summary.py ours=/tmp/ours.json transformers=/tmp/hf.json --top 40 >"$OUT/trace-b128.txt" 2>&1
    for t in ours hf; do gzip -c /tmp/$t.json >"$OUT/$t-b128.json.gz"; done
    timeout 90 "$CLI" bench train --precision bf16 --batch 16 --steps 20 --warmup 10 --trace /tmp/ours16.json >/dev/null 2>>"$L"
    $PY tests/bench/trace_summary.py ours-b16=/tmp/ours16.json --top 15 >"$OUT/trace-b16.txt" 2>&1
fi

if want b16; then
    step "batch 16 throughput"
    result ours-bf16-b16 timeout 60 "$CLI" bench train --precision bf16 --batch 16 --steps 100 --warmup 10 --json
    result ours-bf16-b16-no-graphs timeout 60 "$CLI" bench train --precision bf16 --batch 16 --steps 100 --warmup 10 --json --cuda-graphs off
    result hf-sdpa-bf16-b16-fused timeout 90 $PY tests/bench/hf_reference_train.py --batch 16 --steps 100 --adamw fused
fi

if want fit128; then
    result fit-bf16-b128 timeout 90 "$CLI" bench fit --precision bf16 --batch 128 --eval-batch 256 --json
fi

if want ctest; then
    step "engine tests (CPU and CUDA cases)"
    (cd "$B" && timeout 150 ctest --output-on-failure -j 4 ${CTEST_REGEX:+-R "$CTEST_REGEX"}) >>"$L" 2>&1
    echo "ctest exit $?" | tee -a "$L"
fi

if want misc; then
    result ours-fp32-tf32-b128 timeout 60 "$CLI" bench train --precision fp32 --batch 128 --steps 30 --warmup 5 --json
    result ours-infer-cuda timeout 60 "$CLI" bench infer --device cuda --json
    "$CLI" --version >>"$L" 2>&1
fi

step done
