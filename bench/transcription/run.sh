#!/usr/bin/env bash
# The transcription benchmark (see README.md): word error rate on recorded speech against pocketsphinx_continuous and on
# a synthetic insurance call with and without biasing, real-time factor, latency of partials and finals, concurrent
# calls on this machine's cores and memory per stream, all through the streaming gRPC API of Transcription.Service run
# as its own Release process. Starts its own Postgres and Redis unless ConnectionStrings__postgres names one. Not CI.
set -euo pipefail
# espeak-ng and sox make the synthetic call; pocketsphinx-testdata holds the recorded speech.
"$(dirname "$0")/../../scripts/install-prerequisites.sh" --test
exec "$(dirname "$0")/../BenchSupport/run-bench.sh" transcription Transcription.Bench "$@"
