#!/usr/bin/env bash
# Bounded load on PDF exports: queues 20 exports of one review at once against the app on a loopback port (fresh data
# folder, sample vendors seeded), waits until all are ready, and reports throughput and the peak PSS of the app, its
# Playwright driver (node) and Chromium together, summed over the app's process tree from /proc/PID/smaps_rollup.
# Before the clock starts each node renders WARMUP exports (default 3), so the figure is steady-state throughput, not
# Chromium's start and the first compilation of the export path; WARMUP=0 measures from cold.
# With NODES=2 a second app process on the same database renders too: the exports are posted to the nodes in turn, as
# a load balancer would, and each node claims its exports with the database lease.
# With `pin` as the fourth argument each node (the app, its driver and Chromium) is held to a core of its own (node N
# on core N-1), so one node against two compares equal shares of the machine and shows what the lease costs rather
# than how many cores a single render can fill.
# usage: tests/load/exports.sh [exports] [render workers per node] [nodes] [pin]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-20}
workers=${2:-1}
nodes=${3:-1}
pin=${4:-}
warmup=${WARMUP:-3}
port=5098
data=$(mktemp -d)
apps=()
trap 'kill "$sampler" 2>/dev/null || true; kill "${apps[@]}" 2>/dev/null || true; wait "${apps[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
sampler=

dotnet build src/Diligence.Web -c Release --nologo -v quiet
dotnet build tests/load/ExportLoad -c Release --nologo -v quiet
load=tests/load/ExportLoad/bin/Release/net10.0/ExportLoad.dll
dotnet "$load" prepare "$data"

for node in $(seq 1 "$nodes"); do
  cores=()
  if [ "$pin" = pin ]; then cores=(taskset -c "$((node - 1))"); fi
  # Started as run.sh starts it, with the app's runtime environment.
  (source scripts/app-environment.sh && cd src/Diligence.Web && exec "${cores[@]}" env ASPNETCORE_URLS="http://127.0.0.1:$((port + node - 1))" Storage__DataDirectory="$data" \
    Logging__LogLevel__Default=Warning Accounts__SignInAttemptsPerMinute=1000 Jobs__Workers="$workers" \
    Jobs__NodeId="node-$node" Jobs__DispatchIntervalSeconds=1 Reports__RenderWorkers="$workers" \
    dotnet bin/Release/net10.0/Diligence.Web.dll) >"$data/app-$node.log" 2>&1 &
  apps+=("$!")
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$((port + node - 1))/healthz" >/dev/null && break; sleep 0.5; done
done

# The apps and every process below them (node runs the Playwright driver, which starts Chromium and its helpers).
tree() { echo "$1"; for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$child"; done; }
sample() {
  local app_kb=0 node_kb=0 chromium_kb=0 pid exe kb
  for pid in $(for app in "${apps[@]}"; do tree "$app"; done); do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
    [ -n "$kb" ] || continue
    # By executable: the driver and Chromium rename their threads and processes.
    case "${exe##*/}" in
      node) node_kb=$((node_kb + kb)) ;;
      chrom*) chromium_kb=$((chromium_kb + kb)) ;;
      *) app_kb=$((app_kb + kb)) ;;
    esac
  done
  echo "$((app_kb + node_kb + chromium_kb)) $app_kb $node_kb $chromium_kb"
}
# The sampler and the load client run at the lowest priority: they measure the nodes and should not take CPU from them.
(while kill -0 "${apps[0]}" 2>/dev/null; do sample; sleep 0.25; done) >"$data/pss.txt" &
renice -n 19 -p "$!" >/dev/null
sampler=$!
status=0
urls=$(for node in $(seq 1 "$nodes"); do printf 'http://127.0.0.1:%d,' "$((port + node - 1))"; done)
nice -n 19 dotnet "$load" run "${urls%,}" "$data" "$count" "$warmup" || status=$?
kill "$sampler" 2>/dev/null || true
read -r total app_kb node_kb chromium_kb < <(sort -n "$data/pss.txt" | tail -n 1)
echo "nodes $nodes${pin:+ (each on its own core)}, render workers $workers per node; peak PSS together $((total / 1024)) MB (app $((app_kb / 1024)) MB, node driver $((node_kb / 1024)) MB, Chromium $((chromium_kb / 1024)) MB)"
if [ "$status" -ne 0 ]; then tail -n 20 "$data"/app-*.log >&2; fi
exit $status
