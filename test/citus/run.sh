#!/usr/bin/env bash
# Issue 17: `npm run test:citus` — starts a Citus 13.2 cluster (coordinator + 2 workers) from the shared
# build (../shared/citus beside the checkout, else /work/shared/citus; CITUS_HOME overrides), runs the
# suites of jest.citus.config.js against it (the global setup creates the template on every node,
# migrates, loads the demo and distributes it), then stops the cluster and removes its data.
# Port base: CITUS_PORT (default 56100). Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/../.."
home="${CITUS_HOME:-}"
if [ -z "$home" ]; then
  for candidate in "$(cd .. && pwd)/shared/citus" /work/shared/citus; do
    if [ -x "$candidate/cluster" ]; then home="$candidate"; break; fi
  done
fi
[ -n "$home" ] || { echo "test:citus: no Citus build found (../shared/citus or /work/shared/citus)" >&2; exit 1; }
port="${CITUS_PORT:-56100}"
dir="/tmp/jixiao-citus-$$"
stop() {
  "$home/cluster" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"$home/cluster" start "$dir" "$port" 2 >/dev/null
# One Citus maintenance daemon runs per database on every node, and every test file has its own
# database: the default of 8 background workers is far too few.
for i in 0 1 2; do
  psql -h 127.0.0.1 -p $((port + i)) -U postgres -d postgres -qAt -c "ALTER SYSTEM SET max_worker_processes = 128" >/dev/null
done
"$home/cluster" stop "$dir" >/dev/null
url="$("$home/cluster" start "$dir" "$port" 2)"
echo "test:citus: Citus cluster at $url (workers on $((port + 1)), $((port + 2)))"
CITUS=1 DATABASE_URL="$url" npx jest -c jest.citus.config.js "$@"
