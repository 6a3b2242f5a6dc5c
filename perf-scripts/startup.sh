#!/usr/bin/env bash
# startup.sh [ROUNDS] [--serve CONFIG REQUEST]: exec → first OCSP answer and idle RSS, NativeAOT against JIT
# (docs/architecture.md §8: < 100 ms, idle RSS < 40 MB before the store). Needs artifacts/v2gpki-aot
# (dotnet publish -r linux-x64) and artifacts/v2gpki-jit (dotnet build -c Release -o artifacts/v2gpki-jit).
# Every process is ended by its PID.
#   default        v2gpki perf-serve over a generated table (the HTTP path alone)
#   --serve C R    the real server, 'v2gpki serve --config C' (HSM login, store recovery, issuer, both listeners), on
#                  the port of C (stop whatever serves C first). Prints exec → first HTTP answer to the DER request R,
#                  exec → ready (/ready 200: store recovered, answers come from the store) and exec → first
#                  'successful' OCSP answer, then idle RSS one second after ready.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
rounds=5 config= req=
while [ $# -gt 0 ]; do
  case $1 in
    --serve) config=$2; req=$3; shift 3 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) rounds=$1; shift ;;
  esac
done
work=$(mktemp -d)
pid=
trap 'stop_pid "$pid"; rm -rf "$work"' EXIT
ms() { echo $(( ($2 - $1) / 1000000 )); }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

if [ -z "$config" ]; then
  "$here/make-ocsp-set.sh" "$work/set" 8 >/dev/null
  req=$work/set/requests/s0001.req
else
  port=$(python3 -c 'import json,re,sys; t=open(sys.argv[1]).read(); t=re.sub(r"^\s*//.*$","",t,flags=re.M); t=re.sub(r"\s//[^\n]*","",t); t=re.sub(r",(\s*[}\]])",r"\1",t); print(json.loads(t)["Listeners"]["Ocsp"]["Port"])' "$config")
fi

for kind in aot jit; do
  bin=$here/../artifacts/v2gpki-$kind/v2gpki
  [ -x "$bin" ] || { echo "startup.sh: no $bin" >&2; continue; }
  for round in $(seq 1 "$rounds"); do
    if [ -z "$config" ]; then
      port=$(free_port)
      t0=$(date +%s%N)
      "$bin" perf-serve --table "$work/set/table" --port "$port" >/dev/null 2>&1 &
      pid=$!
      until curl -s -o /dev/null --data-binary @"$req" "http://127.0.0.1:$port/" 2>/dev/null; do sleep 0.002; done
      t1=$(date +%s%N)
      sleep 1
      printf '%s round %d: exec -> first answer %4d ms, idle RSS %5.1f MB\n' "$kind" "$round" "$(ms "$t0" "$t1")" "$(rss_mb "$pid")"
    else
      t0=$(date +%s%N)
      "$bin" serve --config "$config" >>"$work/serve.log" 2>&1 &
      pid=$!
      until curl -s -o /dev/null --data-binary @"$req" -H 'Content-Type: application/ocsp-request' "http://127.0.0.1:$port/" 2>/dev/null; do sleep 0.002; done
      t1=$(date +%s%N)
      until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do sleep 0.002; done
      t2=$(date +%s%N)
      until curl -s -o "$work/resp.der" --data-binary @"$req" -H 'Content-Type: application/ocsp-request' "http://127.0.0.1:$port/" 2>/dev/null \
        && od -An -tx1 -N8 "$work/resp.der" | grep -q '0a 01 00'; do sleep 0.002; done   # responseStatus successful
      t3=$(date +%s%N)
      sleep 1
      printf '%s serve round %d: exec -> first answer %4d ms, -> ready %4d ms, -> first successful %4d ms, idle RSS %5.1f MB\n' \
        "$kind" "$round" "$(ms "$t0" "$t1")" "$(ms "$t0" "$t2")" "$(ms "$t0" "$t3")" "$(rss_mb "$pid")"
    fi
    stop_pid "$pid"; pid=
  done
done
