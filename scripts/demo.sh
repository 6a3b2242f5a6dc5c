#!/usr/bin/env bash
# Runs the demo: installs missing apt packages (as root or through sudo), publishes the NativeAOT v2gpki server to
# artifacts/v2gpki-aot (falling back to the JIT build, and saying so, only when no C toolchain can be had) and runs
# `v2gpki demo`: a fresh var/demo (SoftHSM2 tokens, the full CA hierarchy, OCSP signers, sample leaves of every kind,
# one of each revoked) served on http://127.0.0.1:8080 until Ctrl-C. Extra arguments go to `v2gpki demo`
# (e.g. --port 9080; see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
ensure_apt "${V2GPKI_APT_DEMO[@]}"
ensure_dotnet

if ensure_aot_toolchain; then
  echo "demo.sh: publishing the NativeAOT v2gpki to artifacts/v2gpki-aot (a minute or two the first time)" >&2
  if dotnet publish src/V2gPki.Edge/V2gPki.Edge.csproj -c Release -r "$(dotnet_rid)" -o artifacts/v2gpki-aot -nologo -clp:ErrorsOnly >&2; then
    exec artifacts/v2gpki-aot/v2gpki demo "$@"
  fi
  echo "demo.sh: the NativeAOT publish failed; running the JIT build instead" >&2
else
  echo "demo.sh: no C toolchain for NativeAOT (clang or gcc) and none could be installed; running the JIT build instead" >&2
fi

dotnet build src/V2gPki.Edge/V2gPki.Edge.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/v2gpki >&2
exec artifacts/v2gpki/v2gpki demo "$@"
