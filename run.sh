#!/usr/bin/env bash
# Installs what is missing, builds, and validates the shipped questionnaires and sample answers.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites

dotnet build src/Diligence.Cli -c Release --nologo -v quiet
dotnet run --project src/Diligence.Cli -c Release --no-build -- \
  validate questionnaires/*.yaml questionnaires/samples/*.yaml
