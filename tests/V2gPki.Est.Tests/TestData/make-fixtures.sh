#!/usr/bin/env bash
# Regenerates the CSR fixtures of the EST tests with openssl (docs/style.md §24: real fixtures, loaded by name).
#   secc.csr.pem   a charger (SECC) CSR shaped as a charger stack makes it: P-256, subject C, O, CN, DC=CPO,
#                  keyUsage digitalSignature + keyAgreement, basicConstraints critical CA:false; PEM, LF line ends
#   secc.csr.der   the same request in DER
# Keys are not kept: the tests only decode bodies.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$tmp/key.pem" \
  -subj "/C=DE/O=Example CPO/CN=DEABCE1234567/DC=CPO" \
  -addext "keyUsage=digitalSignature,keyAgreement" -addext "basicConstraints=critical,CA:false" \
  -out "$here/secc.csr.pem"
openssl req -in "$here/secc.csr.pem" -outform DER -out "$here/secc.csr.der"
openssl req -in "$here/secc.csr.pem" -noout -verify
