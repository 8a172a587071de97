#!/usr/bin/env bash
# Installs what is missing, builds, and starts vitscope on the embedded demo data. Without a
# display, runs the same job headless (Xvfb) and writes screenshots of every view instead.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/app/vitscope --demo "$@"
fi
# Screenshots go to the user's data folder (where the app keeps its demo data and runs), not the source tree.
out="${VITSCOPE_SCREENSHOTS:-${XDG_DATA_HOME:-$HOME/.local/share}/vitscope/screenshots}"
echo "run-app: no display found: running headless under Xvfb; screenshots go to $out"
exec xvfb-run -a build/app/vitscope --screenshot "$out" "$@"
