#!/usr/bin/env bash
# Store at scale: publishes the store console with NativeAOT and runs `scale` for N certificates (default 10 M):
# load through the WAL (group commit, 256 writes in flight), checkpoint, recovery time in a new store instance,
# serving-index lookups/s on 1 and 2 threads (min/median/max of 3 rounds), pending reads (must be 0), RSS, log pages
# and disk. Needs ~12 GiB RAM and ~19 GB disk for 10 M (measured: RSS 11.6 GiB, 18.8 GB); the data stays in DIR (default /tmp/v2gpki-store-10m) so a
# second run measures recovery from the existing checkpoint. Usage: perf-scripts/store-10m.sh [N] [DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
dir=${2:-/tmp/v2gpki-store-10m}
seconds=${3:-5}
out=artifacts/testhosts-aot
dotnet publish tests/V2gPki.TestHosts/V2gPki.TestHosts.csproj -c Release -r linux-x64 -o "$out" -nologo -clp:ErrorsOnly
df -h "$(dirname "$dir")" | tail -n 1
/usr/bin/time -v "$out/V2gPki.TestHosts" store-scale "$dir" "$n" "$seconds" 2> >(grep -E "Maximum resident|Elapsed" >&2)
du -sh "$dir"
