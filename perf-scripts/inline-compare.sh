#!/usr/bin/env bash
# inline-compare.sh CONFIG REQUEST_DIR [ROUNDS]: 'v2gpki serve --config CONFIG' with .NET's socket completions on the
# thread pool (the product default) against DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 (handled on the epoll
# thread) with one and with two epoll threads; POST and GET, wrk -t2 -c32 -d5s, interleaved rounds. Stop whatever
# serves CONFIG first. Every process started here is ended by its PID; loopback only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
config=${1:?usage: inline-compare.sh CONFIG REQUEST_DIR [ROUNDS]}
dir=${2:?usage: inline-compare.sh CONFIG REQUEST_DIR [ROUNDS]}
rounds=${3:-5}
bin=$here/../artifacts/v2gpki-aot/v2gpki
port=$(python3 -c 'import json,re,sys; t=open(sys.argv[1]).read(); t=re.sub(r"^\s*//.*$","",t,flags=re.M); t=re.sub(r"\s//[^\n]*","",t); t=re.sub(r",(\s*[}\]])",r"\1",t); print(json.loads(t)["Listeners"]["Ocsp"]["Port"])' "$config")
url=http://127.0.0.1:$port/
pid=
trap 'stop_pid "$pid"' EXIT
for round in $(seq 1 "$rounds"); do
  for variant in default inline inline2; do
    case $variant in
      default) env=(V2GPKI_BENCH_VARIANT=default) ;;
      inline) env=(DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1) ;;
      inline2) env=(DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT=2) ;;
    esac
    env "${env[@]}" "$bin" serve --config "$config" >/dev/null 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "${url}ready")" = 200 ]; do sleep 0.05; done
    for method in post get; do
      read -r r _ p99 e < <(wrk_run "$url" "$here/ocsp-$method.lua" "$dir" 32 5)
      printf 'round %d %-8s %-4s rps %9.0f  p99 %7.3f ms  errors %s\n' "$round" "$variant" "$method" "$r" "$p99" "$e"
    done
    stop_pid "$pid"; pid=
  done
done
