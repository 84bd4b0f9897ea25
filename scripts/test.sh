#!/usr/bin/env bash
# Runs the whole test suite. The integration tests need a real PostgreSQL and a real Slurm on
# 127.0.0.1: both are installed (Debian packages) and started here when missing, and reused when
# already running. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

echo "== PostgreSQL"
CONDORACTORS_TEST_POSTGRES=$("$repo/scripts/start-postgres.sh" | tail -n 1)
export CONDORACTORS_TEST_POSTGRES
echo "== Slurm"
"$repo/scripts/start-slurm.sh"

echo "== dotnet test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$repo/CondorActors.sln" "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test assemblies' summaries.
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i+1) + 0
         if ($i == "Passed:") passed += $(i+1) + 0
         if ($i == "Skipped:") skipped += $(i+1) + 0
       }
     }
     END { printf "total: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
