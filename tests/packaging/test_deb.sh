#!/usr/bin/env bash
# The Debian package end to end: CPack builds it from this build tree; lintian, desktop-file-validate
# and appstreamcli check it; it is unpacked into a temporary root (dpkg-deb -x) and the programs run
# from there, with the build tree hidden where a private mount namespace can be had.
# Usage: test_deb.sh BUILD_DIR CPACK
set -euo pipefail
build=$(cd "$1" && pwd)
cpack=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg-deb lintian desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || fail "$tool is missing: packaging/install-deps.sh installs it"
done

echo "== cpack"
"$cpack" --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/cpack/vitscope_*_amd64.deb) || fail "no vitscope_<version>_amd64.deb"
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -f "$deb"

echo "== control fields"
[ "$(dpkg-deb -f "$deb" Section)" = science ] || fail "Section is not science"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libopenblas0-openmp libtorch libqt6widgets6 libopencv-imgcodecs libqcustomplot; do
  [[ $depends == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done

echo "== files"
root=$work/root
dpkg-deb -x "$deb" "$root"
expected=(usr/bin/vitscope usr/bin/vitscope-cli
  usr/share/applications/vitscope.desktop usr/share/metainfo/io.github.vitscope.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/vitscope.svg
  usr/share/man/man1/vitscope.1.gz usr/share/man/man1/vitscope-cli.1.gz
  usr/share/bash-completion/completions/vitscope-cli
  usr/share/doc/vitscope/copyright usr/share/doc/vitscope/changelog.gz usr/share/doc/vitscope/guide/guide.html
  usr/share/doc/vitscope/guide/guide_tr.html usr/share/vitscope/translations/vitscope_tr.qm)
for size in 16 22 24 32 48 64 128 256 512; do expected+=("usr/share/icons/hicolor/${size}x${size}/apps/vitscope.png"); done
for f in "${expected[@]}"; do [ -s "$root/$f" ] || fail "missing from the package: /$f"; done
echo "${#expected[@]} files present"
for size in 16 48 256 512; do
  file "$root/usr/share/icons/hicolor/${size}x${size}/apps/vitscope.png" | grep -q "$size x $size" || fail "icon ${size}x${size} has another size"
done
for exe in vitscope vitscope-cli; do
  ! readelf -d "$root/usr/bin/$exe" | grep -qE 'RPATH|RUNPATH' || fail "$exe carries an RPATH"
done

echo "== manual page covers every command"
man=$(zcat "$root/usr/share/man/man1/vitscope-cli.1.gz")
commands=$("$root/usr/bin/vitscope-cli" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || fail "no commands in vitscope-cli --help"
for c in $commands; do
  grep -q "^\.SS \"vitscope\\\\-cli ${c//-/\\\\-}" <<<"$man" || fail "vitscope-cli.1 lacks the command $c"
done
echo "commands in the manual page: $(tr '\n' ' ' <<<"$commands")"
man_warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$root/usr/share/man/man1/vitscope-cli.1.gz" 2>&1 >/dev/null || true)
[ -z "$man_warnings" ] || fail "groff warns about vitscope-cli.1: $man_warnings"

echo "== bash completion"
complete_words() { # the completions offered for a command line whose last word is being typed
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _vitscope_cli; printf "%s\n" "${COMPREPLY[@]}"' _ \
    "$root/usr/share/bash-completion/completions/vitscope-cli" "$@"
}
complete_words vitscope-cli tra | grep -qx train || fail "completion of 'vitscope-cli tra'"
complete_words vitscope-cli train --preci | grep -qx -- --precision || fail "completion of 'train --preci'"
complete_words vitscope-cli train --precision "" | grep -qx bf16 || fail "completion of 'train --precision '"
complete_words vitscope-cli bench tr | grep -qx train || fail "completion of 'bench tr'"
echo "completes commands, options and choices"

echo "== run from the unpacked root"
run_isolated() { # the build tree hidden behind an empty tmpfs when a mount namespace is allowed
  if unshare -rm true 2>/dev/null || { [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; }; then
    local flags=-m; [ "$(id -u)" = 0 ] || flags=-rm
    unshare $flags bash -c 'mount -t tmpfs none "$1" && shift && cd / && exec "$@"' _ "$build" "$@"
  else
    echo "(no mount namespace here: the build tree stays visible, but the programs run from $root)"
    (cd / && "$@")
  fi
}
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$HOME"
run_isolated "$root/usr/bin/vitscope-cli" --version | tee "$work/version.txt"
grep -q "^vitscope $(dpkg-deb -f "$deb" Version)$" "$work/version.txt" || fail "vitscope-cli --version does not say the package's version"
QT_QPA_PLATFORM=offscreen run_isolated timeout 300 "$root/usr/bin/vitscope" --screenshot "$work/shots" --demo-dir "$work/demo" --lang tr
for shot in start dataset train evaluate predict review; do
  [ -s "$work/shots/$shot.png" ] || fail "vitscope --screenshot wrote no $shot.png"
done

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/vitscope.desktop"
echo "== appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.vitscope.metainfo.xml"
echo "== lintian"
# Exit status 1: a tag at the fail-on level (errors); 2: lintian could not check the package.
rc=0
lintian --tag-display-limit 0 --fail-on error "$deb" >"$work/lintian.txt" 2>&1 || rc=$?
cat "$work/lintian.txt"
[ "$rc" = 0 ] || fail "lintian exited with $rc"
echo "lintian: no errors ($(grep -c '^W:' "$work/lintian.txt" || true) warnings)"
echo "PASS"
