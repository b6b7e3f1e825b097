#!/usr/bin/env bash
# The Calendar.Service benchmark (see README.md): starts Postgres, Redis, the Google fake, Identity and two
# Calendar.Service processes, syncs a Google calendar of 10,000 events (full, then incremental) and measures free-slot
# queries with and without the Redis busy-time cache, for one agent and for 32 at once. Not part of CI.
# Option: --quick (1,000 events, 4 agents).
exec "$(dirname "$0")/../BenchSupport/run-bench.sh" calendar Calendar.Bench "$@"
