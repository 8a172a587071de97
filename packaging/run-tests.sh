#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest (offscreen Qt platform).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 400
