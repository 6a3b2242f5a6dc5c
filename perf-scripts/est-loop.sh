#!/usr/bin/env bash
# est-loop.sh: enrollments/s of one sequential curl client against a running v2gpki EST listener (e.g. the demo), in
# interleaved rounds beside two baselines measured the same way in the same run:
#   v2gpki-curl   one curl process per enrollment (new TLS handshake each time): what a shell script of an operator does
#   v2gpki-ka     one curl process for all enrollments of the round, one keep-alive TLS connection
#   nginx-ka      the same keep-alive curl loop against nginx answering a fixed certs-only body (the client's ceiling)
#   openssl-x509  'openssl x509 -req' signing each CSR with a software CA key, one process per certificate
# CSRs are made beforehand (unique EVSE IDs of the account's operator), so key generation is not measured. Every
# v2gpki answer is checked to be a certificate (openssl pkcs7) for a sample. Prints per round and per peer the
# enrollments/s, then min / median / max and the ratio of v2gpki's medians to each baseline.
#
# usage: perf-scripts/est-loop.sh --url https://127.0.0.1:8443/ --auth var/demo/est/cpo.basic \
#          --cacert var/demo/ca/est-tls-root.pem [--ca cpo] [--prefix 'DE*ABC*E'] [--count 200] [--rounds 3]
# CLIENT_CPUS=1 pins the client (curl, openssl) with taskset; NGINX_CPUS=0 pins nginx (pin the v2gpki server to the
# same CPU for a fair comparison, e.g. 'taskset -c 0 artifacts/v2gpki-aot/v2gpki demo').
set -euo pipefail
cd "$(dirname "$0")/.."
. perf-scripts/lib.sh

url=""; auth=""; cacert=""; ca=cpo; prefix='DE*ABC*E'; count=200; rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --auth) auth=$2; shift 2 ;;
    --cacert) cacert=$2; shift 2 ;;
    --ca) ca=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "est-loop.sh: unknown argument '$1' (--help)" >&2; exit 2 ;;
  esac
done
[ -n "$url" ] && [ -n "$auth" ] && [ -n "$cacert" ] || { echo "est-loop.sh: --url, --auth and --cacert are required (--help)" >&2; exit 2; }
for tool in curl openssl nginx python3; do command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "est-loop.sh: $tool is missing" >&2; exit 1; }; done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
client=(); [ -n "${CLIENT_CPUS:-}" ] && client=(taskset -c "$CLIENT_CPUS")
server=(); [ -n "${NGINX_CPUS:-}" ] && server=(taskset -c "$NGINX_CPUS")
url=${url%/}/
credentials=$(tr -d '\n' <"$auth")
work=$(mktemp -d /tmp/v2gpki-est-loop.XXXXXX)
nginx_pid=""
cleanup() { [ -n "$nginx_pid" ] && stop_pid "$nginx_pid"; rm -rf "$work"; }
trap cleanup EXIT

# --- CSRs, made once per round and peer that consumes them (an ID may not be enrolled twice without limit) --------
make_csrs() { # dir n
  mkdir -p "$1"
  for i in $(seq 1 "$2"); do
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1/$i.key" \
      -subj "/C=DE/O=V2gPki Demo/CN=${prefix}$(printf '%09d' $((RANDOM * 32768 + RANDOM)))" -outform DER -out "$1/$i.der" 2>/dev/null
    base64 -w 64 "$1/$i.der" >"$1/$i.b64"
  done
}
echo "making $((rounds * 3)) sets of $count CSRs ..." >&2
for r in $(seq 1 "$rounds"); do for p in curl ka openssl; do make_csrs "$work/csr/$r-$p" "$count"; done; done

# --- nginx: HTTPS with the same kind of key, a fixed certs-only body for every POST ---------------------------------
mkdir -p "$work/nginx/www" "$work/nginx/logs"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/nginx/tls.key" -out "$work/nginx/tls.pem" \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" -days 1 2>/dev/null
openssl x509 -in "$work/nginx/tls.pem" -outform DER | openssl crl2pkcs7 -nocrl -certfile "$work/nginx/tls.pem" -outform DER | base64 -w 64 >"$work/nginx/www/cert.p7"
chmod -R a+rX "$work"
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off; keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $work/nginx/tls.pem; ssl_certificate_key $work/nginx/tls.key;
    root $work/nginx/www;
    location / { default_type application/pkcs7-mime; error_page 405 =200 /cert.p7; try_files /cert.p7 =404; }
  }
}
NGINX
"${server[@]}" "$nginx_bin" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 100); do curl -sk -o /dev/null "https://127.0.0.1:$nginx_port/" && break; sleep 0.05; done

# --- the openssl CA of the openssl-x509 baseline --------------------------------------------------------------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" -subj "/CN=Loop CA" -days 2 2>/dev/null

now_ns() { date +%s%N; }
rate() { python3 -c "print(f'{$1 / (($3 - $2) / 1e9):.1f}')"; } # count start_ns end_ns -> per second

run_curl() { # dir: one curl process per enrollment
  local ok=0
  for i in $(seq 1 "$count"); do
    "${client[@]}" curl -s --cacert "$cacert" -u "$credentials" -H 'Content-Type: application/pkcs10' \
      --data-binary @"$1/$i.b64" -o "$1/$i.p7" "${url}.well-known/est/$ca/simpleenroll" && ok=$((ok + 1))
  done
  echo "$ok"
}
run_ka() { # dir target cacert-or-k: one curl process, one keep-alive connection, every request of the set
  local config="$1.curlrc"
  : >"$config"
  for i in $(seq 1 "$count"); do
    [ "$i" -gt 1 ] && echo "next" >>"$config"
    printf 'url = "%s"\ndata-binary = "@%s"\noutput = "%s"\nheader = "Content-Type: application/pkcs10"\nuser = "%s"\nsilent\n' \
      "$2" "$1/$i.b64" "$1/$i.p7" "$credentials" >>"$config"
    [ "$3" = "-k" ] && echo "insecure" >>"$config" || printf 'cacert = "%s"\n' "$3" >>"$config"
  done
  "${client[@]}" curl -K "$config" >/dev/null && echo "$count"
}
run_openssl() { # dir
  for i in $(seq 1 "$count"); do
    "${client[@]}" openssl x509 -req -in "$1/$i.der" -inform DER -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
      -days 365 -sha256 -out "$1/$i.pem" 2>/dev/null
  done
  echo "$count"
}
check() { # dir: the sampled answers are certs-only PKCS#7 with one certificate
  for i in 1 $((count / 2)) "$count"; do
    base64 -d "$1/$i.p7" | openssl pkcs7 -inform DER -print_certs 2>/dev/null | grep -q '^subject=' \
      || { echo "est-loop.sh: answer $i of $1 is not a certificate: $(head -c 200 "$1/$i.p7")" >&2; exit 1; }
  done
}

declare -A results
peers=(v2gpki-curl v2gpki-ka nginx-ka openssl-x509)
printf '%-6s %-13s %10s\n' round peer "enroll/s"
for r in $(seq 1 "$rounds"); do
  # rotate the order each round
  order=("${peers[@]:$(((r - 1) % 4))}" "${peers[@]:0:$(((r - 1) % 4))}")
  for peer in "${order[@]}"; do
    start=$(now_ns)
    case $peer in
      v2gpki-curl) ok=$(run_curl "$work/csr/$r-curl"); end=$(now_ns); check "$work/csr/$r-curl" ;;
      v2gpki-ka) ok=$(run_ka "$work/csr/$r-ka" "${url}.well-known/est/$ca/simpleenroll" "$cacert"); end=$(now_ns); check "$work/csr/$r-ka" ;;
      nginx-ka) mkdir -p "$work/nginx-out/$r"; cp "$work/csr/$r-ka/"*.b64 "$work/nginx-out/$r/"
                ok=$(run_ka "$work/nginx-out/$r" "https://127.0.0.1:$nginx_port/" -k); end=$(now_ns) ;;
      openssl-x509) ok=$(run_openssl "$work/csr/$r-openssl"); end=$(now_ns) ;;
    esac
    [ "$ok" = "$count" ] || { echo "est-loop.sh: $peer round $r: $ok of $count succeeded" >&2; exit 1; }
    value=$(rate "$count" "$start" "$end")
    results[$peer]="${results[$peer]:-} $value"
    printf '%-6s %-13s %10s\n' "$r" "$peer" "$value"
  done
done

echo
printf '%-13s %10s %10s %10s\n' peer min median max
declare -A median
for peer in "${peers[@]}"; do
  read -r mn md mx < <(stats ${results[$peer]})
  median[$peer]=$md
  printf '%-13s %10s %10s %10s\n' "$peer" "$mn" "$md" "$mx"
done
echo
python3 - "${median[v2gpki-curl]}" "${median[v2gpki-ka]}" "${median[nginx-ka]}" "${median[openssl-x509]}" <<'PY'
import sys
curl, ka, nginx, openssl = map(float, sys.argv[1:])
print(f"v2gpki-ka / nginx-ka (share of the client loop's ceiling): {ka / nginx:.3f}")
print(f"v2gpki-ka / openssl-x509 (per-process soft-key signing):   {ka / openssl:.3f}")
print(f"v2gpki-curl / openssl-x509:                                 {curl / openssl:.3f}")
PY
