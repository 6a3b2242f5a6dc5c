#!/usr/bin/env bash
# alloc.sh URL DIR [ROUNDS] [SECONDS] [CONNS]: allocated bytes per request of a running v2gpki (e.g. the demo)
# under load, POST and GET: GC.GetTotalAllocatedBytes delta / HTTP request delta from its /metrics around each wrk
# run (the whole process: Kestrel, our code, the store, timers). Prints one line per run, then min/median/max.
# example: perf-scripts/alloc.sh http://127.0.0.1:8080/ var/demo/certs/requests 3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
url=${1:?usage: alloc.sh URL DIR [ROUNDS] [SECONDS] [CONNS]}
url=${url%/}/
dir=${2:?usage: alloc.sh URL DIR [ROUNDS] [SECONDS] [CONNS]}
rounds=${3:-3} secs=${4:-5} conns=${5:-32}
declare -A alloc rps
for round in $(seq 1 "$rounds"); do
  for method in post get; do
    a0=$(metric "$url" v2gpki_process_allocated_bytes_total); r0=$(requests_total "$url")
    read -r r _ p99 e < <(wrk_run "$url" "$here/ocsp-$method.lua" "$dir" "$conns" "$secs")
    a1=$(metric "$url" v2gpki_process_allocated_bytes_total); r1=$(requests_total "$url")
    # the first scrape is counted in r1 - r0 and allocates too: a few kB over hundreds of thousands of requests
    a=$(awk -v a0="$a0" -v a1="$a1" -v r0="$r0" -v r1="$r1" 'BEGIN { printf "%.1f", (a1 - a0) / (r1 - r0) }')
    alloc[$method]="${alloc[$method]:-} $a"; rps[$method]="${rps[$method]:-} $r"
    printf 'round %d  %-4s c%-3d rps %9.0f  p99 %7.3f ms  errors %s  allocated %7s B/request\n' "$round" "$method" "$conns" "$r" "$p99" "$e" "$a"
  done
done
echo
for method in post get; do
  # shellcheck disable=SC2086
  printf '%-4s  rps min/median/max %-28s allocated B/request min/median/max %s\n' "$method" "$(stats ${rps[$method]})" "$(stats ${alloc[$method]})"
done
