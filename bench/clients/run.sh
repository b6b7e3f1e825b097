#!/usr/bin/env bash
# The Clients.Service benchmark (see README.md): starts Postgres, Redis, Identity and Clients.Service, writes a book of
# 100,000 clients, measures call queue and search latency through the gRPC API, and imports CSV files of 250,000 and
# 1,000,000 rows against a raw COPY of the same files. Not part of CI. Option: --quick (a tenth of every size).
exec "$(dirname "$0")/../BenchSupport/run-bench.sh" clients Clients.Bench "$@"
