#!/usr/bin/env bash
# Installs what is missing, builds, checks the shipped questionnaires, and starts Diligence with its embedded
# SQLite database (./data) and the sample vendors. Prints the URL and, on first run, the admin set-up link.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites

dotnet build Diligence.sln -c Release --nologo -v quiet
dotnet src/Diligence.Cli/bin/Release/net10.0/diligence.dll validate questionnaires/*.yaml questionnaires/samples/*.yaml

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export App__PublicUrl="${App__PublicUrl:-${ASPNETCORE_URLS%%;*}}"
export Storage__DataDirectory="${Storage__DataDirectory:-$PWD/data}"
export Questionnaires__Directory="${Questionnaires__Directory:-$PWD/questionnaires}"
source scripts/app-environment.sh
echo
echo "Diligence is starting on $ASPNETCORE_URLS (data in $Storage__DataDirectory). Stop it with Ctrl+C."
cd src/Diligence.Web
exec dotnet bin/Release/net10.0/Diligence.Web.dll
