#!/usr/bin/env bash
# Hostile workbook uploads against the real app on a loopback port (fresh data folder): a signed-in reviewer imports
# the 1,000,000-row zip bomb and the 10,000,000-character cell into a review, ROUNDS times each, one at a time.
# Reports each upload's time to refuse and the app's peak PSS growth over its level just before (goals: < 1 s and
# < 50 MB), and checks that nothing was stored.
# usage: tests/load/uploads.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
port=5097
data=$(mktemp -d)
app=
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"' EXIT

dotnet build src/Diligence.Web -c Release --nologo -v quiet
dotnet build tests/load/UploadLoad -c Release --nologo -v quiet
load=tests/load/UploadLoad/bin/Release/net10.0/UploadLoad.dll
dotnet "$load" prepare "$data" questionnaires/vendor-security-diligence.yaml

# Started as run.sh starts it, with the app's runtime environment.
(source scripts/app-environment.sh && cd src/Diligence.Web && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataDirectory="$data" \
  Questionnaires__SeedSampleVendors=false Logging__LogLevel__Default=Warning \
  dotnet bin/Release/net10.0/Diligence.Web.dll) >"$data/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

dotnet "$load" run "http://127.0.0.1:$port" "$data" "$app" "$rounds"
