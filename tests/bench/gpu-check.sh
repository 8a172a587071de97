#!/usr/bin/env bash
# The GPU checks of issue #4, in one run on a machine that has CUDA and Python's torch but no Qt or
# OpenCV: build the engine alone against the LibTorch inside Python's torch, run the engine tests
# (their CUDA cases too), benchmark training against transformers, and time the whole recipe.
# Results: $OUT/results.jsonl (one JSON line per benchmark), $OUT/log.txt, $OUT/build.log.
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/vitscope-gpu-check}
mkdir -p "$OUT"
R=$OUT/results.jsonl
L=$OUT/log.txt
B=${BUILD_DIR:-/tmp/build-gpu}
PY=${PYTHON:-python3}
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
if configure >>"$OUT/build.log" 2>&1 && timeout 300 cmake --build "$B" -j "$(nproc)" >>"$OUT/build.log" 2>&1; then
    step "build ok"
elif configure -DVITSCOPE_FUSED_ADAMW=OFF >>"$OUT/build.log" 2>&1 && timeout 200 cmake --build "$B" -j "$(nproc)" >>"$OUT/build.log" 2>&1; then
    step "build ok without the fused AdamW kernel"
else
    step "CMake build failed (see build.log); building the CLI directly with g++"
    T=$($PY -c 'import torch, os; print(os.path.dirname(torch.__file__))')
    mkdir -p "$B/direct" "$B/app"
    SRC="$(ls core/engine/*.cpp) app/cli/cli_main.cpp app/cli/cli_args.cpp app/cli/cli_engine.cpp app/cli/cli_bench_fit.cpp"
    FLAGS="-std=c++20 -O3 -DNDEBUG -DVITSCOPE_NO_FUSED_ADAMW -DVITSCOPE_VERSION=\"0.1.0\" -Icore -Iapp/cli -Ithird_party/nlohmann_json/include -isystem $T/include -isystem $T/include/torch/csrc/api/include"
    echo $SRC | tr ' ' '\n' | timeout 240 xargs -P "$(nproc)" -I{} sh -c "g++ $FLAGS -c {} -o $B/direct/\$(basename {} .cpp).o" >>"$OUT/build.log" 2>&1
    g++ "$B"/direct/*.o -o "$B/app/vitscope-cli" -L"$T/lib" -Wl,-rpath,"$T/lib" -Wl,--no-as-needed -ltorch_cuda -ltorch -ltorch_cpu -lc10_cuda -lc10 -Wl,--as-needed -lpthread >>"$OUT/build.log" 2>&1
fi
CLI=$B/app/vitscope-cli
if [ ! -x "$CLI" ]; then
    step "no vitscope-cli: nothing more to run"
    tail -60 "$OUT/build.log"
    exit 1
fi
step version
"$CLI" --version >>"$L" 2>&1
readelf --dyn-syms -W "$CLI" | grep -m1 "filesystem10remove_all" >>"$L" 2>&1 # bound to libstdc++, not libtorch

step "training throughput, ViT-B/16, bf16, batch 128 (ours, transformers, ours)"
TRAIN="bench train --precision bf16 --batch 128 --steps 50 --warmup 10 --json"
result ours-bf16-b128 timeout 90 "$CLI" $TRAIN
result hf-sdpa-bf16-b128-fused timeout 120 $PY tests/bench/hf_reference_train.py --batch 128 --adamw fused
result hf-sdpa-bf16-b128-foreach timeout 120 $PY tests/bench/hf_reference_train.py --batch 128 --adamw foreach
result ours-bf16-b128-qkv-fused timeout 90 "$CLI" $TRAIN --qkv fused
result ours-bf16-b128-adamw-foreach timeout 90 "$CLI" $TRAIN --adamw foreach
result ours-bf16-b128-again timeout 90 "$CLI" $TRAIN

step "the whole recipe: 5 epochs over 6,800 cached images, eval every epoch, checkpoints, test"
result fit-recipe-bf16-b16 timeout 120 "$CLI" bench fit --precision bf16 --json

step "engine tests (CPU and CUDA cases)"
(cd "$B" && timeout 120 ctest --output-on-failure -j 4) >>"$L" 2>&1
echo "ctest exit $?" | tee -a "$L"

result fit-bf16-b128 timeout 90 "$CLI" bench fit --precision bf16 --batch 128 --eval-batch 256 --json
result ours-bf16-b16 timeout 60 "$CLI" bench train --precision bf16 --batch 16 --steps 100 --warmup 10 --json
result hf-sdpa-bf16-b16-fused timeout 90 $PY tests/bench/hf_reference_train.py --batch 16 --steps 100 --adamw fused
result ours-fp32-tf32-b128 timeout 60 "$CLI" bench train --precision fp32 --batch 128 --steps 30 --warmup 5 --json
result ours-infer-cuda timeout 60 "$CLI" bench infer --device cuda --json
step done
