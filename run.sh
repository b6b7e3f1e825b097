#!/usr/bin/env bash
# Runs the whole AgentCalls system on its embedded defaults (development sign-in, local calendar, local
# speech, offline assist) under the Aspire AppHost. Installs what is missing first. Data is kept in .data/ (or
# AppHost__DataDirectory). The AppHost prints each resource as it comes up, then where the web app and the dashboard
# are; when a resource fails, or the system is not up within AppHost__StartupTimeout (5 minutes), it names the
# resource with its last output lines, stops everything and exits non-zero. Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
scripts/build.sh
exec dotnet run --project AppHost --no-build --launch-profile http
