#!/usr/bin/env bash
# The gateway benchmark (see README.md): builds in Release, starts Postgres, Redis, Identity, Transcription.Service
# and the gateway on CPU 1, drives the same REST call directly and through the gateway from CPU 0, and prints the
# comparison. Not part of CI. Options: --rounds N --seconds N --warmup N --concurrency N (defaults 5, 10, 5, 16).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(nproc)" -ge 2 ] || { echo "The benchmark needs 2 CPUs: one for the load generator, one for the servers." >&2; exit 1; }
scripts/install-prerequisites.sh
dotnet build bench/gateway/Gateway.Bench.csproj -c Release --verbosity quiet -nologo

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' with uncommitted changes'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench/gateway/run.sh $*"
# Everything the benchmark starts inherits CPU 1; it starts its load generator on CPU 0.
exec taskset -c 1 dotnet bench/gateway/bin/Release/net10.0/Gateway.Bench.dll "$@"
