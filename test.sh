#!/usr/bin/env bash
# Installs what is missing, runs every test project, and ends with one line CI can count:
#   tests: N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites

results="$PWD/.test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Diligence.sln -c Release --nologo -v quiet
status=0
dotnet test Diligence.sln -c Release --no-build --nologo -v quiet \
  --logger "trx" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  # Ignored tests (the SQL Server contracts without a Docker engine) are results with outcome NotExecuted, which the
  # notExecuted counter leaves at 0: what was not executed is total minus executed.
  skipped=$((skipped + $(attr total) - $(attr executed)))
done
if [ "${#trx_files[@]}" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
