#!/usr/bin/env bash
# Builds the Debian package dist/vitscope_<version>_amd64.deb: installs what is missing, builds
# (packaging/build.sh), then packs the build tree with CPack's DEB generator (the package's Depends
# come from dpkg-shlibdeps). Install it with: sudo apt install ./dist/vitscope_*_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
rm -rf dist/_CPack_Packages
cpack --config build/CPackConfig.cmake -B "$PWD/dist"
rm -rf dist/_CPack_Packages
ls -l dist/vitscope_*_amd64.deb
