#!/usr/bin/env bash
# The live-call benchmark (see README.md): from a final segment to the playbook card on the call's socket, the time the
# system adds to an LLM provider's first token (the fake with a fixed delay), from the agent's confirm to the action's
# result, and concurrent two-channel calls on the local speech engine, each beside its target. Builds in Release, starts
# its own Postgres and Redis and every process it measures. Not part of CI. Option: --quick (a sanity run).
set -euo pipefail
# espeak-ng and sox make the spoken call.
"$(dirname "$0")/../../scripts/install-prerequisites.sh" --test
exec "$(dirname "$0")/../BenchSupport/run-bench.sh" live-call LiveCall.Bench "$@"
