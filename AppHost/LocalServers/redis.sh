#!/usr/bin/env bash
# Runs Redis from the OS packages as a process Aspire starts and stops, with append-only persistence
# fsynced on every write: the outbox relay marks an event published once Redis has it, so Redis must not
# lose it in a crash (appendfsync everysec could lose the last second).
set -euo pipefail
: "${REDIS_PORT:?REDIS_PORT is set by Aspire}" "${REDIS_DATA_DIR:?REDIS_DATA_DIR is set by the AppHost}"
command -v redis-server >/dev/null || { echo "Redis is not installed: run ./run.sh, or apt-get install redis-server" >&2; exit 1; }
mkdir -p "$REDIS_DATA_DIR"
exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DATA_DIR" \
  --appendonly "${REDIS_APPENDONLY:-yes}" --appendfsync always --save '' --daemonize no
