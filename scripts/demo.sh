#!/usr/bin/env bash
# Runs the demo: installs missing apt packages (as root or through sudo), publishes the v2gpki server and starts
# `v2gpki demo`, which creates var/demo (SoftHSM2 tokens, the demo CA hierarchy) and serves on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
ensure_apt "${V2GPKI_APT_DEMO[@]}"
ensure_dotnet

dotnet build src/V2gPki.Edge/V2gPki.Edge.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/v2gpki
exec artifacts/v2gpki/v2gpki help
