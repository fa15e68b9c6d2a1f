#!/bin/sh
# Rebuilds the licensee conformance suite for bench/licensee-conformance.mjs from a git copy of licensee/licensee:
# its spec/fixtures/ (fixtures.yml holds the expectations fixture_spec.rb checks) and its vendored choosealicense.com
# texts (what vendored_license_spec.rb checks). The suite is licensee's, not ours: it is never committed.
#   scripts/fetch-licensee-suite.sh <licensee git dir> <folder>
# The git dir is a clone (or the `fetch` tool's mirror: /work/.mirror/licensee+licensee/repo). The commit measured
# is in bench/licensee-manifest.json; another commit gives other numbers.
set -eu
git_dir=$1
out=$2
commit=$(node -e "process.stdout.write(require('./bench/licensee-manifest.json').commit)")
mkdir -p "$out"
git --git-dir "$git_dir" archive "$commit" spec/fixtures vendor/choosealicense.com/_licenses | tar -x -C "$out"
echo "$commit" > "$out/COMMIT"
echo "licensee suite at $commit in $out"
