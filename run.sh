#!/usr/bin/env bash
# Runs the whole AgentCalls system on its embedded defaults (development sign-in, local calendar, local
# speech, offline assist) under the Aspire AppHost, and prints where the web app and the dashboard are.
# Installs what is missing first. Data is kept in .data/ (or AppHost__DataDirectory). Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
scripts/build.sh

dotnet run --project AppHost --no-build --launch-profile http &
apphost=$!
trap 'kill -TERM "$apphost" 2>/dev/null; wait "$apphost"' INT TERM

until curl -sf http://localhost:5080/health >/dev/null; do
  kill -0 "$apphost" 2>/dev/null || { echo "The AppHost stopped; see its output above." >&2; exit 1; }
  sleep 1
done
echo
echo "AgentCalls is running:"
echo "  Web app:    http://localhost:5080"
echo "  Dashboard:  http://localhost:18888"
echo "Press Ctrl+C to stop."
wait "$apphost"
