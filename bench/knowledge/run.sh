#!/usr/bin/env bash
# The knowledge benchmark (see README.md): retrieval quality of full-text, embeddings and their fusion on the
# committed corpus and questions, ingest of a 300-page PDF, and search latency over 10,000 passages. Starts its own
# Postgres unless ConnectionStrings__postgres names one. Not part of CI.
exec "$(dirname "$0")/../BenchSupport/run-bench.sh" knowledge Knowledge.Bench "$@"
