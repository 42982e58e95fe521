#!/usr/bin/env bash
# Bounded load on the autosave endpoint: 16 signed-in clients for 30 s against the app on loopback ports, with a
# fresh data folder; with NODES=2, two app processes share the database and the clients are spread over both.
# Reports throughput, latency, errors, stored-vs-acknowledged, the apps' CPU time per save and their peak PSS.
# usage: tests/load/autosave.sh [clients] [seconds] [nodes]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
nodes=${3:-1}
first_port=5099
data=$(mktemp -d)
apps=()
trap 'kill "${apps[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT

dotnet build src/Diligence.Web -c Release --nologo -v quiet
dotnet build tests/load/AutosaveLoad -c Release --nologo -v quiet
load=tests/load/AutosaveLoad/bin/Release/net10.0/AutosaveLoad.dll
dotnet "$load" prepare "$data" questionnaires/vendor-security-diligence.yaml "$clients"

urls=()
for node in $(seq 1 "$nodes"); do
  port=$((first_port + node - 1))
  # Started as run.sh starts it, with the app's runtime environment.
  (source scripts/app-environment.sh && cd src/Diligence.Web && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataDirectory="$data" \
    Questionnaires__SeedSampleVendors=false Logging__LogLevel__Default=Warning Accounts__SignInAttemptsPerMinute=1000 \
    Jobs__NodeId="node-$node" dotnet bin/Release/net10.0/Diligence.Web.dll) >"$data/app-$node.log" 2>&1 &
  apps+=("$!")
  urls+=("http://127.0.0.1:$port")
  # One at a time: the first node migrates and publishes, the next finds it done.
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
done

(while kill -0 "${apps[0]}" 2>/dev/null; do
   total=0
   for app in "${apps[@]}"; do
     kb=$(awk '/^Pss:/ {print $2}' "/proc/$app/smaps_rollup" 2>/dev/null || echo 0)
     total=$((total + kb))
   done
   echo "$total"; sleep 0.5
 done) >"$data/pss.txt" &
sampler=$!
status=0
dotnet "$load" run "$(IFS=,; echo "${urls[*]}")" "$data" "$seconds" "$(IFS=,; echo "${apps[*]}")" || status=$?
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$data/pss.txt" | tail -n 1)
echo "apps' peak PSS together $((peak / 1024)) MB ($nodes node(s))"
exit $status
