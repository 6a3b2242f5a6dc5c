#!/usr/bin/env bash
# NativeAOT smoke of the store: publishes tests/V2gPki.TestHosts with PublishAot and runs, in the native binary,
# (1) FasterLog commit + FasterKV checkpoint + recovery + WAL iteration (recover mode) and
# (2) the kill test: ROUNDS (default 100) SIGKILLs of a writer child, then a check of every acknowledged revocation.
# Usage: perf-scripts/store-aot-smoke.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-100}
out=artifacts/testhosts-aot
dotnet publish tests/V2gPki.TestHosts/V2gPki.TestHosts.csproj -c Release -r linux-x64 -o "$out" -nologo -clp:ErrorsOnly
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$out/V2gPki.TestHosts" store-recover "$work/recover"
"$out/V2gPki.TestHosts" store-killtest "$work/kill" "$rounds" | tail -n 3
