#!/usr/bin/env bash
# Runs the web app's unit tests (Vitest), then its browser tests (Chromium, through playwright-core)
# against the whole system started through the AppHost on free ports. Reports go to $1/web-*.json.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$1"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/web-unit.json")
echo $? >"$results/web-unit.exit"

gateway_port=$(free_port)
data=$(mktemp -d /tmp/agentcalls-browser-tests.XXXXXX)
chmod 755 "$data"  # Postgres runs as the postgres user when we are root
ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
ASPNETCORE_URLS="http://localhost:$(free_port)" \
ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" \
ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" \
ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
AppHost__GatewayPort="$gateway_port" AppHost__DataDirectory="$data" AppHost__PostgresFsync=false \
  dotnet run --project AppHost --no-build --no-launch-profile >"$results/browser-apphost.log" 2>&1 &
apphost=$!
stop_apphost() {
  kill -TERM "$apphost" 2>/dev/null
  wait "$apphost" 2>/dev/null
  rm -rf "$data"
}
trap stop_apphost EXIT

deadline=$((SECONDS + 300))
until curl -sf "http://localhost:$gateway_port/health" >/dev/null; do
  if ! kill -0 "$apphost" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
    echo "The system did not come up for the browser tests; AppHost log:" >&2
    tail -50 "$results/browser-apphost.log" >&2
    echo 1 >"$results/web-browser.exit"
    exit 0
  fi
  sleep 1
done

(cd web && E2E_BASE_URL="http://localhost:$gateway_port" npx vitest run --config vitest.e2e.config.ts \
  --reporter=default --reporter=json --outputFile="$results/web-browser.json")
echo $? >"$results/web-browser.exit"
