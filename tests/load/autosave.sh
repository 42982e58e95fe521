#!/usr/bin/env bash
# Bounded load on the autosave endpoint: 16 signed-in clients for 30 s against the app on a loopback port, with a
# fresh data folder. Reports throughput, latency, errors, stored-vs-acknowledged, the app's CPU time per save and
# its peak PSS.
# usage: tests/load/autosave.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
port=5099
data=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$data"' EXIT

dotnet build src/Diligence.Web -c Release --nologo -v quiet
dotnet build tests/load/AutosaveLoad -c Release --nologo -v quiet
load=tests/load/AutosaveLoad/bin/Release/net10.0/AutosaveLoad.dll
dotnet "$load" prepare "$data" questionnaires/vendor-security-diligence.yaml "$clients"

(cd src/Diligence.Web && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataDirectory="$data" \
  Questionnaires__SeedSampleVendors=false Logging__LogLevel__Default=Warning Accounts__SignInAttemptsPerMinute=1000 \
  dotnet bin/Release/net10.0/Diligence.Web.dll) >"$data/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

peak=0
(while kill -0 "$app" 2>/dev/null; do
   awk '/^Pss:/ {print $2}' "/proc/$app/smaps_rollup" 2>/dev/null; sleep 0.5
 done) >"$data/pss.txt" &
sampler=$!
status=0
dotnet "$load" run "http://127.0.0.1:$port" "$data" "$seconds" "$app" || status=$?
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$data/pss.txt" | tail -n 1)
echo "app peak PSS $((peak / 1024)) MB"
exit $status
