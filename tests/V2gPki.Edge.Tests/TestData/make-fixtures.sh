#!/usr/bin/env bash
# Regenerates the OCSP fixtures of the Edge tests with openssl (docs/style.md §24: real fixtures, loaded by name).
#   ocsp-set/            perf-scripts/make-ocsp-set.sh with 8 serials (CA, signer, requests, pre-signed responses)
#   get-plus-slash.req   a real request whose base64 has '+', '/' and '=' padding (GET tolerance tests)
#   get-double-slash.req a real request whose base64 has "//" inside
#   nonce.req            a request with a nonce
#   multi.req            a request with two CertIDs
# Keys are not kept: tests never sign. The "//" search tries many serials and takes minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/../../../perf-scripts/make-ocsp-set.sh" "$tmp/set" 8 3650 >/dev/null
rm -rf "$here/ocsp-set"; mkdir -p "$here/ocsp-set"
cp -r "$tmp/set/table" "$here/ocsp-set/"
cp "$tmp/set/ca/ca.pem" "$tmp/set/ca/ocsp.pem" "$tmp/set/unknown-issuer.req" "$here/ocsp-set/"
ca="$tmp/set/ca/ca.pem"

find_request() { # find_request OUT PATTERN...: first serial whose base64 request matches every grep pattern
  local out=$1; shift
  for s in $(seq 4096 20000); do
    for h in -sha1 -sha256; do
      openssl ocsp -issuer "$ca" $h -serial "$s" -no_nonce -reqout "$tmp/r.der" >/dev/null
      local b; b=$(base64 -w0 "$tmp/r.der"); local ok=1
      for p in "$@"; do printf '%s' "$b" | grep -q -- "$p" || { ok=0; break; }; done
      if [ $ok -eq 1 ]; then cp "$tmp/r.der" "$here/$out"; echo "$out: $b"; return; fi
    done
  done
  echo "no request found for $out" >&2; exit 1
}
find_request get-plus-slash.req '+' '/' '=$'
find_request get-double-slash.req '//'
openssl ocsp -issuer "$ca" -serial 0x1001 -reqout "$here/nonce.req" >/dev/null
openssl ocsp -issuer "$ca" -serial 0x1001 -serial 0x1002 -no_nonce -reqout "$here/multi.req" >/dev/null
