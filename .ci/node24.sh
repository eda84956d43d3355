#!/usr/bin/env bash
# CI, second leg: the build and the whole test suite on Node 24 with graphql 17, next to
# .ci/run's Node 20 + graphql 16, except the install test (test/install: npm installs into empty
# projects, under a minute), which runs once, on the first leg (SKIP_INSTALL_TEST=1 here).
# Runs in a temporary copy of the committed tree (HEAD), so package.json, package-lock.json and
# node_modules here are never touched:
#   - Node 24 comes from the npm registry's `node` package (`npx -y node@24`);
#   - node_modules is this checkout's (run .ci/run or `npm ci` first), hard-linked into the copy,
#     with graphql replaced there by the graphql@17 tarball (`npm pack`).
# Usage: .ci/node24.sh [vitest args…]   (GRAPHQL=17.1.0 NODE=24 to pin other versions)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
node_spec="node@${NODE:-24}"
graphql_spec="graphql@${GRAPHQL:-17}"
start=$SECONDS

node24() { npx -y "$node_spec" "$@"; }
echo "node: $(node24 --version)"

work=$(mktemp -d "${TMPDIR:-/tmp}/gcb-node24.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The repository as CI sees it: the committed tree (HEAD), without anyone's uncommitted work.
git archive --format=tar HEAD | tar -xf - -C "$work"
test -f "$work/package.json" || { echo "node24.sh: copying the repository to $work failed" >&2; exit 1; }

if [ -d node_modules ]; then
  # Hard links: no copy of 300 MB. Nothing below writes into an existing file of node_modules:
  # graphql is replaced by unlinking its directory, and vitest's cache is dropped, not reused.
  cp -al node_modules "$work/node_modules"
  rm -rf "$work/node_modules/.vite" "$work/node_modules/.vitest" "$work/node_modules/.cache"
else
  (cd "$work" && npm ci --no-audit --no-fund)
fi

tarball=$(cd "$work" && npm pack "$graphql_spec" --silent --pack-destination "$work")
rm -rf "$work/node_modules/graphql"
mkdir -p "$work/node_modules/graphql"
tar -xzf "$work/$tarball" -C "$work/node_modules/graphql" --strip-components=1
rm -f "$work/$tarball"
echo "graphql: $(node24 -p "require('$work/node_modules/graphql/package.json').version")"

cd "$work"
node24 node_modules/tsup/dist/cli-default.js --silent
status=0
SKIP_INSTALL_TEST=1 node24 node_modules/vitest/vitest.mjs run "$@" || status=$?
node24 -e "const r=require('./.tmp/vitest.json');console.log('node24-graphql17: '+r.numPassedTests+' passed, '+r.numFailedTests+' failed, '+(r.numPendingTests+r.numTodoTests)+' skipped')"
echo "node24.sh: $((SECONDS - start)) s, exit $status"
cd "$root"
exit "$status"
