#!/usr/bin/env bash
# store verify at scale: N real certificates (CertificateIssuer from a Sub-CA 2 HSM key, real bulk-signed responses,
# generation resumable in DIR), 1 % revoked through the worker, one full re-sign wave, then StoreVerifier over the whole
# store (signature, status, validity and hash-algorithm checks per certificate) with its time and rate.
# Usage: perf-scripts/issuer-verify.sh [N] [DIR]   (default 100,000 in /tmp/v2gpki-issuer-verify)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
dir=${2:-/tmp/v2gpki-issuer-verify}
mkdir -p "$dir"
dotnet build -c Release -nologo -clp:ErrorsOnly tests/V2gPki.TestHosts/V2gPki.TestHosts.csproj
if [ ! -f "$dir/pin" ]; then head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/pin"; fi
conf="$dir/hsm/softhsm2.conf"
mkdir -p "$dir/hsm/tokens"
printf 'directories.tokendir = %s/hsm/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$dir" > "$conf"
SOFTHSM2_CONF="$conf" V2GPKI_KILL_PIN="$(cat "$dir/pin")" V2GPKI_KILL_CERTS="$n" \
  /usr/bin/time -v dotnet tests/V2gPki.TestHosts/bin/Release/net10.0/V2gPki.TestHosts.dll issuer-killchild "$dir" scale - \
  2> >(grep -E "Maximum resident|Elapsed" >&2)
