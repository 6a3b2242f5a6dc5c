#!/usr/bin/env bash
# host-compare.sh [BINARY] [SECONDS] [ROUNDS]
# The host choice (docs/decisions/0001-ocsp-host-bare-kestrel.md): the same v2gpki binary in perf-serve mode with
# --host kestrel (KestrelServer + our IHttpApplication) and --host slim (CreateSlimBuilder + minimal route handlers),
# over the same openssl-made request set, POST and GET, -c32 and -c64, in ROUNDS interleaved rounds; prints
# rps/p50/p99 per run, then min/median/max per variant, and allocated bytes per request (from /metrics:
# GC.GetTotalAllocatedBytes delta / request delta, whole process, scrapes included).
# Historical: --host and the slim host exist only in binaries built from commit b52c035 or earlier.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=${1:-$here/../artifacts/v2gpki-aot/v2gpki}
secs=${2:-5}
rounds=${3:-3}
work=$(mktemp -d)
pid=
trap 'stop_pid "$pid"; rm -rf "$work"' EXIT
"$here/make-ocsp-set.sh" "$work/set" 64 >/dev/null

declare -A rps p99 alloc
for round in $(seq 1 "$rounds"); do
  for host in kestrel slim; do
    port=$(free_port)
    "$bin" perf-serve --table "$work/set/table" --port "$port" --host "$host" >"$work/$host.log" 2>&1 &
    pid=$!
    url="http://127.0.0.1:$port/"
    wait_http "${url}health"
    wrk_run "$url" "$here/ocsp-post.lua" "$work/set/requests" 32 1 >/dev/null # warm-up
    for method in post get; do
      for c in 32 64; do
        a0=$(metric "$url" v2gpki_process_allocated_bytes_total); r0=$(requests_total "$url")
        read -r r p50 p ee < <(wrk_run "$url" "$here/ocsp-$method.lua" "$work/set/requests" "$c" "$secs")
        a1=$(metric "$url" v2gpki_process_allocated_bytes_total); r1=$(requests_total "$url")
        a=$(awk -v a0="$a0" -v a1="$a1" -v r0="$r0" -v r1="$r1" 'BEGIN { printf "%.1f", (a1 - a0) / (r1 - r0) }')
        key="$host $method c$c"
        rps[$key]="${rps[$key]:-} $r"; p99[$key]="${p99[$key]:-} $p"; alloc[$key]="${alloc[$key]:-} $a"
        printf 'round %d  %-7s %-4s c%-3d  rps %9.0f  p50 %6.3f ms  p99 %6.3f ms  errors %s  alloc %7s B/req\n' \
          "$round" "$host" "$method" "$c" "$r" "$p50" "$p" "$ee" "$a"
      done
    done
    stop_pid "$pid"; pid=
  done
done

echo
printf '%-22s %-26s %-26s %s\n' variant "rps min/median/max" "p99 ms min/median/max" "alloc B/req min/median/max"
for key in "kestrel post c32" "slim post c32" "kestrel post c64" "slim post c64" "kestrel get c32" "slim get c32" "kestrel get c64" "slim get c64"; do
  # shellcheck disable=SC2086
  printf '%-22s %-26s %-26s %s\n' "$key" "$(stats ${rps[$key]})" "$(stats ${p99[$key]})" "$(stats ${alloc[$key]})"
done
