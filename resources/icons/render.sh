#!/usr/bin/env bash
# Renders the SVG sources into the committed PNGs (the build needs no SVG renderer, and Qt's SVG
# plugin is not a dependency). Needs rsvg-convert (Debian: librsvg2-bin). Run after editing an SVG.
set -euo pipefail
cd "$(dirname "$0")"
# The application icon at the hicolor sizes; 16 and 22 px from the simplified drawing.
for s in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${s}x${s}"
  src=app/vitscope.svg
  [ "$s" -le 22 ] && src=app/vitscope-16.svg
  rsvg-convert -w "$s" -h "$s" "$src" -o "hicolor/${s}x${s}/vitscope.png"
done
# View and action icons: 16 px for menus, 24 px for tabs and buttons, 32 and 48 px for scale 2 and the
# start page, 96 px for the start page at scale 2.
mkdir -p actions
for f in src/*.svg; do
  n=$(basename "$f" .svg)
  for s in 16 24 32 48 96; do rsvg-convert -w "$s" -h "$s" "$f" -o "actions/${n}-${s}.png"; done
done
