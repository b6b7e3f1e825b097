#!/usr/bin/env bash
# Runs Redis from the OS packages as a process Aspire starts and stops, with append-only persistence
# fsynced on every write: the outbox relay marks an event published once Redis has it, so Redis must not
# lose it in a crash (appendfsync everysec could lose the last second). Clients need $REDIS_PASSWORD: otherwise
# any local process could publish AgentDeleted and erase an agent everywhere. The password goes in on stdin, as
# configuration, not on the command line where every user's `ps` would show it.
set -euo pipefail
: "${REDIS_PORT:?REDIS_PORT is set by Aspire}" "${REDIS_DATA_DIR:?REDIS_DATA_DIR is set by the AppHost}" "${REDIS_PASSWORD:?REDIS_PASSWORD is set by the AppHost}"
[[ "$REDIS_PASSWORD" =~ ^[A-Za-z0-9]+$ ]] || { echo "REDIS_PASSWORD must be letters and digits only" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "Redis is not installed: run ./run.sh, or apt-get install redis-server" >&2; exit 1; }
mkdir -p "$REDIS_DATA_DIR"
exec redis-server - --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DATA_DIR" \
  --appendonly "${REDIS_APPENDONLY:-yes}" --appendfsync always --save '' --daemonize no <<<"requirepass $REDIS_PASSWORD"
