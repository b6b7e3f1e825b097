#!/usr/bin/env bash
# Runs every test the way CI does: installs what is missing, builds, runs the .NET suites (logic, each
# service on real Postgres/Redis, the whole system through the AppHost) and the web app's (Vitest, and
# browser tests in Chromium against the running system). Reports stay in TestResults/latest.
# The last line is the summary CI reads: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults/latest"
rm -rf "$results" && mkdir -p "$results"

if ! scripts/install-prerequisites.sh --test --images || ! scripts/build.sh; then
  echo "Installing or building failed; no tests ran." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

scripts/test-dotnet.sh "$results"
scripts/test-web.sh "$results"
# The summariser's own tests: their counts join the closing line, so a summariser that stopped counting honestly fails.
python3 scripts/test_summarize_tests.py "$results/summariser.json"
echo $? >"$results/summariser.exit"

summary=$(python3 scripts/summarize-tests.py "$results")
echo "$summary"
[[ "${summary##*$'\n'}" == *" 0 failed"* ]]
