#!/usr/bin/env bash
# fuzz.sh [TARGET] [SECONDS]: runs one SharpFuzz target under afl++: request | response | der | get-path | router |
# serial-text | ocpp-json | identifiers | est-body | est-route (README.md). Installs what is missing: afl++ through apt
# (as root, or through sudo when not root) and the sharpfuzz instrumenter as a .NET global tool; then publishes this
# harness, instruments the assemblies whose parsers the targets run (V2gPki.Der, V2gPki.Ocsp, V2gPki.Pki, V2gPki.Est
# and v2gpki, the Edge exe), writes the seed corpus and runs afl-fuzz for SECONDS (default 600). Findings land in
# bin/findings-TARGET/.
set -euo pipefail
target=${1:-request}
seconds=${2:-600}
cd "$(dirname "$0")"

if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq afl++
fi
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine

out=bin/fuzz-publish
rm -rf "$out"
dotnet publish -c Release -o "$out" --nologo -v q

# Write the corpus before instrumenting: instrumented assemblies only run under the fuzzer's shared memory.
corpus=bin/corpus
rm -rf "$corpus"
dotnet "$out/V2gPki.Fuzz.dll" corpus "$corpus"
for dll in V2gPki.Der.dll V2gPki.Ocsp.dll V2gPki.Pki.dll V2gPki.Est.dll v2gpki.dll; do sharpfuzz "$out/$dll"; done

# dotnet itself is not instrumented, the target assemblies are: skip afl's binary check.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
timeout --preserve-status "$seconds" afl-fuzz -i "$corpus/$target" -o "bin/findings-$target" -t 5000 -m none \
  -- dotnet "$out/V2gPki.Fuzz.dll" "$target" || true
crashes=$(find "bin/findings-$target" -path '*crashes/id*' | wc -l)
echo "fuzz $target: $crashes crash(es) in bin/findings-$target"
[ "$crashes" -eq 0 ]
