#!/usr/bin/env bash
# Builds drugfree for the clerks' PCs, with the version stamped:
#   dist/drugfree-VERSION-windows-amd64.exe   (Windows 10/11 on Intel or AMD: almost every PC)
#   dist/drugfree-VERSION-windows-arm64.exe   (Windows on ARM)
#   dist/drugfree-VERSION-linux-amd64
#
#   scripts/release.sh [VERSION]     build into dist/ (VERSION: cmd.Version by default)
#   scripts/release.sh --check       cross-compile every target into a temporary folder
#                                    and throw it away (CI: it builds, nothing more)
#
# The version is stamped with -ldflags -X drugfree/cmd.Version; `drugfree --version` adds
# the commit when the build records one (built from a git checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
version="${1:-$(sed -n 's/^var Version = "\(.*\)"$/\1/p' cmd/root.go)}"
if [ -z "$version" ]; then
  echo "release.sh: no version given and none found in cmd/root.go" >&2
  exit 2
fi

out=dist
if $check; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

for target in windows/amd64 windows/arm64 linux/amd64; do
  goos=${target%/*} goarch=${target#*/}
  name="drugfree-$version-$goos-$goarch"
  [ "$goos" = windows ] && name="$name.exe"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
    -ldflags "-s -w -X drugfree/cmd.Version=$version" -o "$out/$name" .
  $check || echo "$out/$name"
done
$check && echo "release.sh --check: windows/amd64, windows/arm64 and linux/amd64 build (version $version)"
exit 0
