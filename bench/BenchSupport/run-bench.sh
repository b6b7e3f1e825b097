#!/usr/bin/env bash
# Builds one benchmark in Release (which builds the services it runs), prints what the run is on (date, commit,
# load average: numbers from a busy machine do not stand alone), and runs it. Usage: run-bench.sh <folder> <project> [options]
# BENCH_PREREQUISITES: options for scripts/install-prerequisites.sh (e.g. --load for hey).
set -euo pipefail
folder="$1" project="$2"
shift 2
cd "$(dirname "$0")/../.."
scripts/install-prerequisites.sh ${BENCH_PREREQUISITES:-}
dotnet build "bench/$folder/$project.csproj" -c Release --verbosity quiet -nologo

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' with uncommitted changes'), $(getconf _NPROCESSORS_ONLN) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench/$folder/run.sh $*"
# From its output folder: the test host finds the in-process web apps' folders (the Google fake's) in the
# MvcTestingAppManifest.json there, which it looks for in the current directory.
cd "bench/$folder/bin/Release/net10.0"
exec dotnet "$project.dll" "$@"
