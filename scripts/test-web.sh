#!/usr/bin/env bash
# Runs the web app's unit tests (Vitest), then its browser tests (Chromium, through playwright-core)
# against the whole system started through the AppHost on free ports, with Google configured against the local
# fake of Google. Reports go to $1/web-*.json.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$1"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Each test and hook has its own timeout in the Vitest configs; these bound a run that hangs outside them (a worker
# that never exits). A run stopped here leaves no report, and the summary counts each of its files failed by name.
(cd web && timeout 10m npx vitest run --reporter=default --reporter=json --outputFile="$results/web-unit.json")
echo $? >"$results/web-unit.exit"

google_port=$(free_port)
google_client=agentcalls-browser-tests.apps.googleusercontent.com
google_secret=browser-tests-secret

# The fake of Google's OAuth endpoints Identity is configured against, with one account that consents; the app's client
# is registered there once the gateway's address is known.
ASPNETCORE_URLS="http://127.0.0.1:$google_port" \
FakeGoogle__Users__0__Subject=109876543210 FakeGoogle__Users__0__Email=gail.google@gmail.test FakeGoogle__Users__0__Name="Gail Google" \
  dotnet tests/FakeGoogle/bin/Debug/net10.0/FakeGoogle.dll >"$results/browser-google.log" 2>&1 &
google=$!

# Every endpoint's port is chosen and held by Aspire (DcpPublisher:RandomizePorts, as Aspire.Hosting.Testing does), so
# no port is picked here, released, and bound again after the system has been starting for a while.
# The live-call test's two speakers are espeak-ng voices, which PocketSphinx hears only with the domain model alone
# (Transcription:PocketSphinx:DomainWeight 1); the deployed mixture is tested on recorded human speech in Transcription.Tests.
data=$(mktemp -d /tmp/agentcalls-browser-tests.XXXXXX)
chmod 755 "$data"  # Postgres runs as the postgres user when we are root
ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
ASPNETCORE_URLS="http://localhost:$(free_port)" \
ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" \
ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" \
ASPIRE_ALLOW_UNSECURED_TRANSPORT=true DcpPublisher__RandomizePorts=true \
AppHost__DataDirectory="$data" AppHost__PostgresFsync=false AppHost__LogResources=true AppHost__StartupTimeout=00:10:00 \
Transcription__PocketSphinx__DomainWeight=1 \
Google__ClientId=$google_client Google__ClientSecret=$google_secret Google__Authority="http://127.0.0.1:$google_port/" \
  dotnet run --project AppHost --no-build --no-launch-profile >"$results/browser-apphost.log" 2>&1 &
apphost=$!
stop_apphost() {
  kill -TERM "$apphost" "$google" 2>/dev/null
  wait "$apphost" "$google" 2>/dev/null
  rm -rf "$data"
}
trap stop_apphost EXIT

# The AppHost says where the web app is once every resource is up; when one fails or the system is not up within its
# start-up deadline, it names the resources with their last output, stops everything and exits.
gateway=""
until gateway=$(grep -m1 -oP 'AgentCalls is up after \d+ s: the web app is at \Khttp://[^ ,]+' "$results/browser-apphost.log" 2>/dev/null); do
  if ! kill -0 "$apphost" 2>/dev/null; then
    echo "The system did not come up for the browser tests:" >&2
    sed -n '/AgentCalls did not start/,/Everything is being stopped/p' "$results/browser-apphost.log" >&2
    grep -q 'AgentCalls did not start' "$results/browser-apphost.log" || tail -120 "$results/browser-apphost.log" >&2
    echo 1 >"$results/web-browser.exit"
    exit 0
  fi
  sleep 1
done

curl -sf -X POST "http://127.0.0.1:$google_port/__fake/clients" -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"$google_client\",\"clientSecret\":\"$google_secret\",\"redirectUris\":[\"$gateway/auth/callback/google\"]}" \
  || { echo "The fake of Google did not take the app's client; its log:" >&2; cat "$results/browser-google.log" >&2
       echo 1 >"$results/web-browser.exit"; exit 0; }

(cd web && E2E_BASE_URL="$gateway" E2E_GOOGLE=1 timeout 15m npx vitest run --config vitest.e2e.config.ts \
  --reporter=default --reporter=json --outputFile="$results/web-browser.json")
echo $? >"$results/web-browser.exit"
