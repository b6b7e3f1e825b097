#!/usr/bin/env bash
# Runs one AgentCalls project's Release build from its output folder (where its appsettings.json is), for the
# benchmarks. `exec`, so the benchmark's SIGINT reaches the process itself; with SIGINT's default action
# restored, because a shell that starts the benchmark in the background leaves it ignored, and .NET keeps it so.
set -euo pipefail
: "${BENCH_PROJECT:?BENCH_PROJECT names the project to run, e.g. Gateway}"
cd "$(dirname "$0")/../../$BENCH_PROJECT/bin/Release/net10.0"
exec env --default-signal=INT dotnet "$BENCH_PROJECT.dll"
