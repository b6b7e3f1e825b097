#!/usr/bin/env bash
# Runs PostgreSQL from the OS packages as a process Aspire starts and stops (no container runtime needed).
# Creates the cluster in $PGDATA_DIR the first time; Postgres refuses to run as root, so as root it drops
# to the postgres user. `exec` so that Aspire's SIGTERM reaches Postgres itself (a fast, clean shutdown).
# Clients sign in as postgres with $PG_PASSWORD (SCRAM; no trust, no Unix socket): any local process could
# otherwise read and change every service's data.
set -euo pipefail
: "${PGPORT:?PGPORT is set by Aspire}" "${PGDATA_DIR:?PGDATA_DIR is set by the AppHost}" "${PG_PASSWORD:?PG_PASSWORD is set by the AppHost}"
[[ "$PG_PASSWORD" =~ ^[A-Za-z0-9]+$ ]] || { echo "PG_PASSWORD must be letters and digits only" >&2; exit 1; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL is not installed: run ./run.sh, or apt-get install postgresql" >&2; exit 1; }

# The postgres user may not be able to enter the folder Aspire starts us in (a checkout under a private folder).
cd /
run_as=()
mkdir -p "$PGDATA_DIR"
if [ "$(id -u)" = 0 ]; then
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  chown postgres:postgres "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
fi

if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
  "${run_as[@]}" "$bin/initdb" -D "$PGDATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi

# Before the server listens, every start sets SCRAM-only access and the password it was given, so a new cluster, one
# made before passwords (trust) and one under an earlier password all follow the AppHost's. Single-user mode needs no sign-in.
printf '%s\n' "host all all 127.0.0.1/32 scram-sha-256" "host all all ::1/128 scram-sha-256" >"$PGDATA_DIR/pg_hba.conf"
chown --reference="$PGDATA_DIR" "$PGDATA_DIR/pg_hba.conf"
echo "ALTER ROLE postgres PASSWORD '$PG_PASSWORD'" | "${run_as[@]}" "$bin/postgres" --single -D "$PGDATA_DIR" -c fsync="${PG_FSYNC:-on}" postgres >/dev/null

exec "${run_as[@]}" "$bin/postgres" -D "$PGDATA_DIR" -p "$PGPORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
  -c fsync="${PG_FSYNC:-on}" -c synchronous_commit="${PG_FSYNC:-on}" -c full_page_writes="${PG_FSYNC:-on}" \
  -c max_connections=300 -c shared_buffers=128MB
