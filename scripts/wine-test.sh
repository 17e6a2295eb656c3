#!/usr/bin/env bash
# Runs the Windows build under Wine, as a clerk runs it from cmd: the tool must expand
# `returns\*.xlsx` and folders itself (cmd passes them as written), and give the same
# classification as the Linux build. Skips (exit 0, saying why) where Wine or the MinGW
# compiler is missing.
#
# Wine 8 lacks bcryptprimitives.dll, which Go's runtime loads at start-up (ProcessPrng);
# the script builds a stand-in (scripts/wine/bcryptprimitives.c) with
# x86_64-w64-mingw32-gcc (Debian: apt-get install gcc-mingw-w64-x86-64) into a throw-away
# Wine prefix. Nothing outside a temporary folder is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

for tool in wine x86_64-w64-mingw32-gcc; do
  if ! command -v "$tool" >/dev/null; then
    echo "wine-test.sh: SKIP: $tool not found"
    exit 0
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
fail() { echo "wine-test.sh: FAIL: $*" >&2; exit 1; }

version=wine-test-1
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -ldflags "-X drugfree/cmd.Version=$version" -o "$tmp/drugfree.exe" .
go build -o "$tmp/drugfree" .
x86_64-w64-mingw32-gcc -shared -O2 -o "$tmp/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32
wine wineboot --init >/dev/null 2>&1 || true
wineserver -w || true
cp "$tmp/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

mkdir -p "$tmp/work/returns"
cp testdata/returns/phase3/phase3-xa-cau-ngang.xlsx testdata/returns/phase3/phase3-xa-cau-ke.xlsx "$tmp/work/returns/"
cd "$tmp/work"
win() { wine "$tmp/drugfree.exe" "$@"; }

# The version stamped by -ldflags.
got=$(win --version | tr -d '\r')
[ "$got" = "drugfree $version" ] || fail "--version said '$got', want 'drugfree $version'"

# A pattern as cmd passes it, with a backslash, and a folder: the same classification as
# the Linux build's of the two files.
"$tmp/drugfree" classify returns/phase3-xa-cau-ke.xlsx returns/phase3-xa-cau-ngang.xlsx --format csv >linux.csv
win classify 'returns\*.xlsx' --format csv >pattern.csv || fail "classify 'returns\\*.xlsx' exited $?"
cmp -s linux.csv pattern.csv || fail "classify 'returns\\*.xlsx' differs from the Linux build's: $(diff linux.csv pattern.csv | head -5)"
win classify returns --format csv >folder.csv || fail "classify returns (a folder) exited $?"
cmp -s linux.csv folder.csv || fail "classify returns (a folder) differs from the Linux build's"

# A pattern matching nothing: a usage error naming it, exit 2.
set +e
win classify 'returns\*.xls' >nothing.out 2>nothing.err
code=$?
set -e
[ "$code" = 2 ] || fail "a pattern matching nothing exited $code, want 2"
grep -q 'không có tệp nào khớp với “returns\\\*\.xls”' nothing.err || fail "a pattern matching nothing said: $(head -1 nothing.err)"

# An output written whole (a hard link of the finished temporary file on NTFS), refused
# the second time without --force, replaced with it; no temporary file left.
win classify returns -o out.xlsx >/dev/null 2>&1 || fail "classify -o out.xlsx exited $?"
[ -s out.xlsx ] || fail "classify -o out.xlsx wrote nothing"
set +e
win classify returns -o out.xlsx >/dev/null 2>again.err
code=$?
set -e
[ "$code" = 1 ] || fail "a second -o out.xlsx without --force exited $code, want 1"
win classify returns -o out.xlsx --force >/dev/null 2>&1 || fail "classify -o out.xlsx --force exited $?"
! ls .out.xlsx.*.tmp >/dev/null 2>&1 || fail "a temporary file was left: $(ls .out.xlsx.*.tmp)"

echo "wine-test.sh: ok: $(wine --version), drugfree.exe $version: --version, 'returns\\*.xlsx', a folder, a pattern matching nothing, -o without and with --force"
