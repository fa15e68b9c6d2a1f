#!/bin/sh
# Rebuilds the folder bench/mot-conformance.mjs reads, from the commit bench/mot-manifest.json pins.
# Usage: scripts/fetch-mot-records.sh <folder>. Needs git and network; osai itself never fetches it.
set -eu
dest=${1:?usage: scripts/fetch-mot-records.sh <folder>}
manifest=$(dirname "$0")/../bench/mot-manifest.json
commit=$(node -e "process.stdout.write(require(process.argv[1]).commit)" "$manifest")
paths=$(node -e "process.stdout.write(require(process.argv[1]).paths.join(' '))" "$manifest")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git init -q "$tmp"
git -C "$tmp" fetch -q --depth 1 https://github.com/lfai/model_openness_tool "$commit"
mkdir -p "$dest"
# shellcheck disable=SC2086
git -C "$tmp" archive FETCH_HEAD $paths | tar -x -C "$dest"
echo "MOT records at $commit in $dest"
