#!/usr/bin/env bash
# compare.sh — OCSP throughput of v2gpki against its peers, on this machine, with one request set, in one run.
#
# usage: perf-scripts/compare.sh [options]
#   --binary PATH        the v2gpki binary (default artifacts/v2gpki-aot/v2gpki; build it with
#                        dotnet publish src/V2gPki.Edge -c Release -r linux-x64 -o artifacts/v2gpki-aot)
#   --ours-url URL       measure an already running v2gpki (e.g. the demo, http://127.0.0.1:8080/) instead of
#                        starting 'v2gpki perf-serve' over the generated set ("small mode")
#   --requests DIR       the DER requests for --ours-url (e.g. var/demo/certs/requests); the peers always use the
#                        generated set, whose responses have the same shape (P-256 signer, signer cert included)
#   --base-url URL       also measure a second running v2gpki as the peer "base" (e.g. the demo of an earlier
#   --base-requests DIR  build, to show a change costs no throughput), with its own requests
#   --method post|get    wrk script: ocsp-post.lua (default) or ocsp-get.lua
#   --secs N             seconds per wrk run (default 5)      --rounds N   interleaved rounds (default 3)
#   --conns N            wrk connections (default 32)          --count N    requests in the set (default 64)
#   --pace-ms N          paced load: every connection waits N ms after each response (WRK_PACE_MS in the .lua
#                        scripts), about conns x 1000 / (N + latency) requests/s; p99 below saturation, where the
#                        closed-loop default measures how a saturated 2-core machine shared with wrk schedules
#
# Peers, each checked to answer correctly (openssl ocsp -respin ... verify) before it is measured:
#   nginx    one fixed, response-sized DER body for every request: the ceiling (generated nginx.conf, own prefix
#            directory and pid file, 127.0.0.1 on a free port)
#   openssl  'openssl ocsp' as a responder over an index.txt CA: live signing per request. openssl has no bind
#            address option, so this one peer listens on the wildcard address for the duration of its runs.
#   cfssl    'cfssl ocspserve' over pre-signed responses (the same openssl-signed responses in cfssl's
#            one-base64-per-line file format, as 'cfssl ocspdump' writes it)
#   v2gpki   ours
# Prints rps, p50, p99 and errors per peer and round, then min/median/max per peer and our ratio to each
# (median rps). Every process started here is ended by its PID. Loopback only; bounded durations.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

binary=$here/../artifacts/v2gpki-aot/v2gpki
ours_url= requests= base_url= base_requests= method=post secs=5 rounds=3 conns=32 count=64 pace_ms=
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --ours-url) ours_url=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --base-url) base_url=$2; shift 2 ;;
    --base-requests) base_requests=$2; shift 2 ;;
    --method) method=$2; shift 2 ;;
    --secs) secs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --pace-ms) pace_ms=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case $method in post|get) ;; *) echo "compare.sh: --method post|get" >&2; exit 2 ;; esac
if [ -n "$pace_ms" ]; then export WRK_PACE_MS=$pace_ms; else unset WRK_PACE_MS; fi
for tool in wrk nginx openssl cfssl curl python3; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is missing (apt-get install nginx wrk golang-cfssl openssl curl)" >&2; exit 1; }
done

work=$(mktemp -d)
declare -A pids
# openssl -multi forks responder children that outlive their parent: end them by parent PID first.
cleanup() {
  set +e
  for p in "${!pids[@]}"; do stop_peer "$p"; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== request set: $count requests (SHA-1 and SHA-256 CertIDs), pre-signed responses, in $work"
"$here/make-ocsp-set.sh" "$work/set" "$count" >/dev/null
set_dir=$work/set
peer_requests=$set_dir/requests

# Every peer runs alone: it is started right before its run and ended by PID right after, so no peer's leftovers
# (openssl's forked responders keep spinning after wrk disconnects) steal CPU from the next one.

# --- nginx: the ceiling -------------------------------------------------------------------------------------
mkdir -p "$work/nginx/www" "$work/nginx/logs"
cp "$set_dir/table/s0001.resp" "$work/nginx/www/resp.der"
# nginx workers drop root privileges: they must be able to read the body (mktemp -d makes a 0700 directory).
chmod a+rx "$work" "$work/nginx" "$work/nginx/www"; chmod a+r "$work/nginx/www/resp.der"
write_nginx_conf() {
  cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nodelay on;
  keepalive_requests 10000000; keepalive_timeout 30s;
  open_file_cache max=16; open_file_cache_valid 60s;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$1;
    root $work/nginx/www;
    # Every GET and POST gets the one fixed body (POST to a static file is 405 in nginx, hence the error_page).
    location / { default_type application/ocsp-response; error_page 405 =200 /resp.der; try_files /resp.der =404; }
  }
}
NGINX
}

declare -A url dir
peers=(nginx openssl cfssl v2gpki)
if [ -n "$base_url" ]; then peers+=(base); fi
for peer in "${peers[@]}"; do dir[$peer]=$peer_requests; done
if [ -n "$base_url" ]; then dir[base]=${base_requests:?compare.sh: --base-url needs --base-requests DIR}; fi
if [ -n "$ours_url" ]; then
  dir[v2gpki]=${requests:?compare.sh: --ours-url needs --requests DIR}
else
  [ -x "$binary" ] || { echo "compare.sh: no v2gpki binary at $binary (see --binary)" >&2; exit 1; }
fi

# start_peer NAME: starts the peer on a free loopback port, sets url[NAME] and pids[NAME], waits until it answers.
start_peer() {
  local peer=$1 port
  port=$(free_port)
  case $peer in
    nginx)
      write_nginx_conf "$port"
      nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' >>"$work/nginx/logs/stdout.log" 2>&1 &
      ;;
    openssl)
      # -multi 2 (one per core) and -timeout 1: a single openssl ocsp process serves one connection at a time and
      # stalls on wrk's first, idle connection (0 requests measured without these options). openssl has no bind
      # address option: it listens on the wildcard address while it runs.
      (cd "$set_dir" && exec openssl ocsp -index index.txt -port "$port" -rsigner ca/ocsp.pem -rkey ca/ocsp.key \
        -CA ca/ca.pem -ndays 10 -ignore_err -multi 2 -timeout 1) >>"$work/openssl.log" 2>&1 &
      ;;
    cfssl)
      cfssl ocspserve -address 127.0.0.1 -port "$port" -responses "$set_dir/responses.b64" -loglevel 5 >>"$work/cfssl.log" 2>&1 &
      ;;
    base)
      url[$peer]=${base_url%/}/; return 0
      ;;
    v2gpki)
      if [ -n "$ours_url" ]; then url[$peer]=${ours_url%/}/; return 0; fi
      "$binary" perf-serve --table "$set_dir/table" --port "$port" >>"$work/v2gpki.log" 2>&1 &
      ;;
  esac
  pids[$peer]=$!
  url[$peer]=http://127.0.0.1:$port/
  local i probe
  probe=$(ls "${dir[$peer]}"/*.req | head -1)
  for i in $(seq 1 200); do
    curl -s -o /dev/null -m 2 --data-binary @"$probe" -H 'Content-Type: application/ocsp-request' "${url[$peer]}" && return 0
    sleep 0.05
  done
  echo "compare.sh: $peer did not start on port $port" >&2
  exit 1
}

# stop_peer NAME: ends the peer by PID (openssl -multi children first, found by their parent PID).
stop_peer() {
  local peer=$1 c
  [ -z "${pids[$peer]:-}" ] && return 0
  if [ "$peer" = openssl ]; then for c in $(pgrep -P "${pids[$peer]}"); do stop_pid "$c"; done; fi
  stop_pid "${pids[$peer]}"
  unset "pids[$peer]"
}

# check_peer NAME: one POST, verified with openssl ocsp against the CA of the set.
check_peer() {
  local peer=$1 req verify
  req=$(ls "${dir[$peer]}"/*.req | head -1)
  curl -s -m 5 -o "$work/check-$peer.der" --data-binary @"$req" -H 'Content-Type: application/ocsp-request' "${url[$peer]}" \
    || { echo "compare.sh: $peer does not answer at ${url[$peer]}" >&2; exit 1; }
  if [ "$peer" = nginx ]; then
    cmp -s "$work/check-$peer.der" "$set_dir/table/s0001.resp" || { echo "nginx: wrong body" >&2; exit 1; }
    verify=$(openssl ocsp -respin "$work/check-$peer.der" -CAfile "$set_dir/ca/ca.pem" 2>&1 | head -1)
  elif [ "$peer" = base ] || { [ "$peer" = v2gpki ] && [ -n "$ours_url" ]; }; then
    verify=$(openssl ocsp -respin "$work/check-$peer.der" -noverify -resp_text 2>&1 | grep -m1 'Response Status')
  else
    verify=$(openssl ocsp -respin "$work/check-$peer.der" -CAfile "$set_dir/ca/ca.pem" -issuer "$set_dir/ca/ca.pem" \
      -reqin "$req" 2>&1 | head -1)
  fi
  echo "  $peer: $(stat -c %s "$work/check-$peer.der") bytes, $verify"
  case $verify in *"verify OK"*|*successful*) ;; *) echo "compare.sh: $peer did not answer a valid OCSP response" >&2; exit 1 ;; esac
}

echo "== checking that every peer answers correctly"
for peer in "${peers[@]}"; do start_peer "$peer"; check_peer "$peer"; stop_peer "$peer"; done

# --- interleaved rounds ------------------------------------------------------------------------------------------
echo "== $rounds rounds, wrk -t2 -c$conns -d${secs}s, $method${pace_ms:+, paced $pace_ms ms per connection} (peer order rotates every round)"
declare -A rps p50 p99 errs
for round in $(seq 1 "$rounds"); do
  n=${#peers[@]}
  for k in $(seq 0 $((n - 1))); do
    peer=${peers[$(( (k + round - 1) % n ))]}
    start_peer "$peer"
    read -r r a b e < <(wrk_run "${url[$peer]}" "$here/ocsp-$method.lua" "${dir[$peer]}" "$conns" "$secs")
    stop_peer "$peer"
    rps[$peer]="${rps[$peer]:-} $r"; p50[$peer]="${p50[$peer]:-} $a"; p99[$peer]="${p99[$peer]:-} $b"; errs[$peer]="${errs[$peer]:-} $e"
    printf 'round %d  %-8s rps %9.0f  p50 %7.3f ms  p99 %8.3f ms  errors %s\n' "$round" "$peer" "$r" "$a" "$b" "$e"
  done
done

echo
printf '%-8s  %-28s %-24s %-24s %-8s %s\n' peer "rps min/median/max" "p50 ms min/med/max" "p99 ms min/med/max" errors "v2gpki / peer (median rps)"
ours_median=$(stats ${rps[v2gpki]} | awk '{ print $2 }')
for peer in "${peers[@]}"; do
  # shellcheck disable=SC2086
  med=$(stats ${rps[$peer]} | awk '{ print $2 }')
  total_errors=$(printf '%s\n' ${errs[$peer]} | awk '{ s += $1 } END { print s + 0 }')
  ratio=$(awk -v o="$ours_median" -v p="$med" 'BEGIN { if (p > 0) printf "%.2fx", o / p; else print "-" }')
  # shellcheck disable=SC2086
  printf '%-8s  %-28s %-24s %-24s %-8s %s\n' "$peer" "$(stats ${rps[$peer]})" "$(stats ${p50[$peer]})" "$(stats ${p99[$peer]})" "$total_errors" "$ratio"
done
