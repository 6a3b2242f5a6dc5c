#!/usr/bin/env bash
# make-ocsp-set.sh OUT [N] [DAYS]
# Makes a self-contained OCSP request set with openssl only, for the perf kit and test fixtures:
#   OUT/ca/ca.pem, ca.key             a P-256 CA
#   OUT/ca/ocsp.pem, ocsp.key         its delegated OCSP signer (EKU OCSPSigning, id-pkix-ocsp-nocheck)
#   OUT/index.txt                     openssl "ca" database: N serials, every 4th revoked (keyCompromise)
#   OUT/requests/sNNNN.req            DER OCSPRequests, no nonce; even N: SHA-1 CertID, odd N: SHA-256 CertID
#   OUT/table/sNNNN.req + .resp       the same requests with pre-signed responses (thisUpdate now, nextUpdate +DAYS)
#   OUT/responses.b64                 every response, base64 one per line (the cfssl ocspserve / ocspdump format)
#   OUT/unknown-issuer.req            a request for a CA we do not serve
# Requests are made with -serial, so no leaf certificates are needed.
set -euo pipefail
out=${1:?usage: make-ocsp-set.sh OUT [N] [DAYS]}
n=${2:-64}
days=${3:-10}
mkdir -p "$out"/ca "$out"/requests "$out"/table
cd "$out"
rm -f index.txt index.txt.attr requests/*.req table/*.req table/*.resp responses.b64

if [ ! -f ca/ca.pem ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca/ca.key -out ca/ca.pem \
    -subj "/CN=V2gPki perf CA" -days 3650 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca/ocsp.key -out ca/ocsp.csr \
    -subj "/CN=V2gPki perf OCSP signer" 2>/dev/null
  printf 'extendedKeyUsage=OCSPSigning\nkeyUsage=critical,digitalSignature\nnoCheck=ignored\n' > ca/ocsp.ext
  openssl x509 -req -in ca/ocsp.csr -CA ca/ca.pem -CAkey ca/ca.key -set_serial 0x7F01 -days 3650 \
    -extfile ca/ocsp.ext -out ca/ocsp.pem 2>/dev/null
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca/other.key -out ca/other.pem \
    -subj "/CN=Some other CA" -days 3650 2>/dev/null
fi

expiry=$(date -u -d '+5 years' +%y%m%d%H%M%SZ)
revoked=$(date -u -d '-1 day' +%y%m%d%H%M%SZ)
for i in $(seq 1 "$n"); do
  serial=$(printf '%04X' "$((0x1000 + i))")
  if [ $((i % 4)) -eq 0 ]; then
    printf 'R\t%s\t%s,keyCompromise\t%s\tunknown\t/CN=leaf %s\n' "$expiry" "$revoked" "$serial" "$i" >> index.txt
  else
    printf 'V\t%s\t\t%s\tunknown\t/CN=leaf %s\n' "$expiry" "$serial" "$i" >> index.txt
  fi
done
echo 'unique_subject = no' > index.txt.attr

for i in $(seq 1 "$n"); do
  serial=$(printf '%04X' "$((0x1000 + i))")
  name=$(printf 's%04d' "$i")
  hash=-sha1; [ $((i % 2)) -eq 1 ] && hash=-sha256
  openssl ocsp -issuer ca/ca.pem "$hash" -serial "0x$serial" -no_nonce -reqout "requests/$name.req" >/dev/null
  cp "requests/$name.req" "table/$name.req"
done

# Pre-sign every response in one openssl process per request (openssl ocsp has no batch mode).
for req in table/*.req; do
  openssl ocsp -index index.txt -rsigner ca/ocsp.pem -rkey ca/ocsp.key -CA ca/ca.pem -ndays "$days" \
    -reqin "$req" -respout "${req%.req}.resp" >/dev/null 2>&1
  base64 -w0 "${req%.req}.resp" >> responses.b64
  echo >> responses.b64
done

openssl ocsp -issuer ca/other.pem -serial 0x1001 -no_nonce -reqout unknown-issuer.req >/dev/null
echo "make-ocsp-set: $n requests and pre-signed responses in $out"
