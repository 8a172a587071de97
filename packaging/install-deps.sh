#!/usr/bin/env bash
# Installs the Debian 12 packages vitscope needs to build, test and run. Installs only what is
# missing; works as root or through sudo. Usage: packaging/install-deps.sh [--runtime-only]
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libtorch-dev
  libgloo-dev                  # Gloo's headers: distributed training over c10d (Gloo is inside LibTorch)
  python3-torch                # torchrun, the launcher the distributed test also runs through
  libopenblas0-openmp          # the reference BLAS makes LibTorch 15-25x slower
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  libopencv-dev
  nlohmann-json3-dev doctest-dev libcli11-dev
  qt6-translations-l10n        # Qt's own strings (standard buttons, dialogs) in Turkish
  xvfb xauth                   # headless GUI runs and screenshots
  fonts-dejavu-core
  poppler-utils                # pdftoppm: the report test renders the PDF (skipped without it)
  dpkg-dev fakeroot file       # packaging/build-deb.sh: dpkg-shlibdeps, dpkg-deb as a user
  lintian desktop-file-utils appstream   # the package test's checks
  clang libclang-rt-14-dev     # the fuzz targets (libFuzzer with ASan and UBSan)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
