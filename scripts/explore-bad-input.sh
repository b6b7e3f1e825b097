#!/usr/bin/env bash
# Looks for new failures of the generated bad-input properties (issue #16): the tests CI runs, with new cases drawn
# in each round, where CI draws the same ones every run. A failure prints the seed that replays it
# (CsCheck_Seed=<seed> with the same test); keep what it found as an example test. Usage: scripts/explore-bad-input.sh [rounds]
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1}
dotnet build AgentCalls.sln -nr:false -v q || exit 1
failed=0
for ((round = 1; round <= rounds; round++)); do
  for module in Clients Calendar Conversation Transcription; do
    AGENTCALLS_EXPLORE=1 dotnet "tests/$module.Tests/bin/Debug/net10.0/$module.Tests.dll" \
      -method "*GeneratedBadInput*" -method "*GeneratedFiles*" || failed=1
  done
done
exit $failed
