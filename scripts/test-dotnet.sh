#!/usr/bin/env bash
# Runs every .NET test project against one Postgres and one Redis started here (as CI services would be;
# the end-to-end project starts the whole system through the AppHost itself). Reports go to $1/dotnet.
set -uo pipefail
cd "$(dirname "$0")/.."
results="$1"
servers=$(mktemp -d /tmp/agentcalls-test-servers.XXXXXX)
chmod 755 "$servers"  # Postgres runs as the postgres user when we are root
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=$(free_port)
redis_port=$(free_port)
# The servers sign clients in, as the AppHost's do; a fresh password for each run.
password() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
pg_password=$(password)
redis_password=$(password)

PGPORT=$pg_port PGDATA_DIR="$servers/postgres" PG_PASSWORD=$pg_password PG_FSYNC=off bash AppHost/LocalServers/postgres.sh >"$servers/postgres.log" 2>&1 &
postgres=$!
REDIS_PORT=$redis_port REDIS_DATA_DIR="$servers/redis" REDIS_PASSWORD=$redis_password REDIS_APPENDONLY=no bash AppHost/LocalServers/redis.sh >"$servers/redis.log" 2>&1 &
redis=$!
stop_servers() {
  kill -INT "$postgres" "$redis" 2>/dev/null
  wait "$postgres" "$redis" 2>/dev/null
  rm -rf "$servers"
}
trap stop_servers EXIT

until pg_isready -q -h 127.0.0.1 -p "$pg_port"; do kill -0 "$postgres" 2>/dev/null || { cat "$servers/postgres.log"; exit 1; }; sleep 0.2; done
until REDISCLI_AUTH=$redis_password redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; do kill -0 "$redis" 2>/dev/null || { cat "$servers/redis.log"; exit 1; }; sleep 0.2; done

# Each test project's own list of its tests, so that the summary can count a test that never reported (its module
# crashed or timed out, or the solution left it out) as failed. A project that is not built lists nothing.
mkdir -p "$results/dotnet-list"
for project in tests/*/*.csproj; do
  grep -q '<PackageReference Include="xunit.v3"' "$project" || continue
  name=$(basename "$project" .csproj)
  timeout 120 dotnet "$(dirname "$project")/bin/Debug/net10.0/$name.dll" -list tests >"$results/dotnet-list/$name.txt" 2>&1 \
    || rm -f "$results/dotnet-list/$name.txt"
done

export ConnectionStrings__postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
export ConnectionStrings__redis="127.0.0.1:$redis_port,password=$redis_password"
# A hang ends as a failure, not a stalled run: --timeout asks each module to stop after 15 minutes (the budget the
# issue gives the whole suite), and timeout(1) ends the whole run at 45 minutes, since a test blocked without
# heeding cancellation keeps its module running past --timeout (seen with a test stuck in Thread.Sleep). Modules that
# finished have written their reports; the summary counts each test of the others failed, by name.
# AGENTCALLS_CTRF_REPORTS: each module writes its CTRF report as <project>.ctrf (tests/Directory.Build.props).
AGENTCALLS_CTRF_REPORTS=true timeout --kill-after=30s "${DOTNET_TEST_TIMEOUT:-45m}" \
  dotnet test --solution AgentCalls.sln --no-build --max-parallel-test-modules 2 --timeout 15m \
  --results-directory "$results/dotnet"
echo $? >"$results/dotnet.exit"
