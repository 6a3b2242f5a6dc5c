# shellcheck shell=bash
# Shared by compare.sh, alloc.sh, startup.sh and inline-compare.sh: free ports, wrk runs parsed
# into "rps p50_ms p99_ms errors", min/median/max, PID-only process handling. Loopback only.

# free_port: prints a TCP port nobody listens on (bind to port 0 and read it back).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL [SECONDS]: waits until URL answers any HTTP status.
wait_http() {
  local url=$1 t=${2:-10} i
  for ((i = 0; i < t * 20; i++)); do
    curl -s -o /dev/null -m 1 "$url" && return 0
    sleep 0.05
  done
  echo "lib.sh: $url did not answer within ${t}s" >&2
  return 1
}

# stop_pid PID: SIGTERM the process, wait up to 5 s, then SIGKILL; only that PID, never by name. Never fails
# (it runs in EXIT traps under set -e, where a failing wait would stop the cleanup half-way).
stop_pid() {
  local pid=$1 i
  [ -z "$pid" ] && return 0
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# to_ms VALUE: wrk latency ("331.00us", "2.10ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

# wrk_run URL SCRIPT DIR CONNECTIONS SECONDS [PATH]: prints "rps p50_ms p99_ms errors". WRK_CPUS=1 pins wrk to
# those CPUs (taskset -c), to keep it off the core a server under test was pinned to.
wrk_run() {
  local url=$1 script=$2 dir=$3 conns=$4 secs=$5 path=${6:-} out rps p50 p99 non2xx sock
  out=$(${WRK_CPUS:+taskset -c "$WRK_CPUS"} wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$script" "$url" -- "$dir" $path 2>&1)
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
  sock=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  echo "${rps:-0} ${p50:-0} ${p99:-0} $(( ${non2xx:-0} + ${sock:-0} ))"
}

# stats V...: prints "min median max" of the numbers.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f\n", v[1], m, v[NR] }'
}

# metric URL NAME: prints the value of an unlabelled metric from a Prometheus endpoint.
metric() {
  curl -s "$1metrics" | awk -v n="$2" '$1 == n { print $2 }'
}

# requests_total URL: sum of v2gpki_http_requests_total.
requests_total() {
  curl -s "$1metrics" | awk '/^v2gpki_http_requests_total/ { s += $2 } END { printf "%d\n", s }'
}
