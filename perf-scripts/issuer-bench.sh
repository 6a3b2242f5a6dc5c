#!/usr/bin/env bash
# Issuing-worker figures (docs/architecture.md §8): pre-sign (re-sign wave) throughput against the raw PKCS#11 sign rate
# at 1, 2, 4 and 8 sessions, interleaved rounds with min / median / max and paired per-round ratios; revocation
# acknowledgement and revoke-to-visible latency p50/p99/max idle and while re-sign waves run. The machine is shared: run
# it when it is quiet.
# Usage: perf-scripts/issuer-bench.sh [CERTIFICATES] [ROUNDS] [SECONDS] [REVOCATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do
  case $arg in ''|*[!0-9.]*) echo "issuer-bench.sh: positional numbers only, got '$arg' (usage: [CERTIFICATES] [ROUNDS] [SECONDS] [REVOCATIONS])" >&2; exit 2 ;; esac
done
dotnet build -c Release -nologo -clp:ErrorsOnly bench/V2gPki.Bench/V2gPki.Bench.csproj
dotnet run -c Release --no-build --project bench/V2gPki.Bench -- issuer \
  --certs "${1:-20000}" --rounds "${2:-3}" --seconds "${3:-1.5}" --revocations "${4:-300}"
