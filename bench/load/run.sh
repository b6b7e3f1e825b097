#!/usr/bin/env bash
# The load benchmark (see README.md): starts Postgres, Redis, Identity, Clients.Service and the gateway on CPU 1,
# seeds a book of clients, and drives three paths through the gateway with hey from CPU 0 at rising concurrency,
# printing each step's throughput and p99 and each path's knee. Not part of CI.
# Options: --seconds N per step (10), --warmup N (3), --book N clients (1000), --steps 1,2,4,... (1 to 128, doubling).
set -euo pipefail
[ "$(nproc)" -ge 2 ] || { echo "The benchmark needs 2 CPUs: one for the load generator, one for the servers." >&2; exit 1; }
# Everything the benchmark starts inherits CPU 1; it starts hey on CPU 0.
BENCH_PREREQUISITES=--load exec taskset -c 1 "$(dirname "$0")/../BenchSupport/run-bench.sh" load Load.Bench "$@"
