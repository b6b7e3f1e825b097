#!/usr/bin/env bash
# Builds the .NET solution and the web app (production build, served by `next start`).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build AgentCalls.sln --no-restore --verbosity quiet -nologo
(cd web && NEXT_TELEMETRY_DISABLED=1 npm run --silent build >/dev/null)
