#!/usr/bin/env bash
# startup.sh [ROUNDS]: exec → first OCSP answer and idle RSS of v2gpki perf-serve, NativeAOT against JIT
# (DESIGN.md §8: < 100 ms, idle RSS < 40 MB before the store). Needs artifacts/v2gpki-aot (dotnet publish -r linux-x64)
# and artifacts/v2gpki-jit (dotnet build -c Release -o artifacts/v2gpki-jit). Every process is ended by its PID.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rounds=${1:-5}
work=$(mktemp -d)
pid=
trap 'stop_pid "$pid"; rm -rf "$work"' EXIT
"$here/make-ocsp-set.sh" "$work/set" 8 >/dev/null
req=$work/set/requests/s0001.req

for kind in aot jit; do
  bin=$here/../artifacts/v2gpki-$kind/v2gpki
  [ -x "$bin" ] || { echo "startup.sh: no $bin" >&2; continue; }
  for round in $(seq 1 "$rounds"); do
    port=$(free_port)
    t0=$(date +%s%N)
    "$bin" perf-serve --table "$work/set/table" --port "$port" >/dev/null 2>&1 &
    pid=$!
    until curl -s -o /dev/null --data-binary @"$req" "http://127.0.0.1:$port/" 2>/dev/null; do sleep 0.002; done
    t1=$(date +%s%N)
    sleep 1
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    printf '%s round %d: exec -> first answer %4d ms, idle RSS %5.1f MB\n' "$kind" "$round" $(( (t1 - t0) / 1000000 )) "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
    stop_pid "$pid"; pid=
  done
done
