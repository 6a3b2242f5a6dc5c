#!/usr/bin/env bash
# Runs every test of the solution: installs missing apt packages (as root or through sudo), builds the EST interop
# clients (tests/interop), builds with warnings as errors, publishes the NativeAOT v2gpki to artifacts/v2gpki-aot (the
# AOT integration tests run it and must not skip: EDGE_AOT_REQUIRED=1), runs every test project, and ends with one
# line "tests: N passed, N failed" summed from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
ensure_apt "${V2GPKI_APT_TEST[@]}"
ensure_dotnet
if ! ensure_aot_toolchain; then
  echo "test.sh: NativeAOT needs clang or gcc (apt-get install clang); cannot publish the AOT binary the tests require" >&2
  exit 1
fi

# The independent EST clients of the interop tests (tests/V2gPki.IntegrationTests/Interop): Cisco libest's estclient
# built from the vendored sources (cached under artifacts/interop) and the BouncyCastle Java client; the tests fail
# instead of skipping when they are missing (EDGE_INTEROP_REQUIRED=1).
echo "== EST interop clients: artifacts/interop"
EDGE_ESTCLIENT=$(tests/interop/build-libest.sh | tail -n 1)
EDGE_BC_EST_CLIENT=$(tests/interop/build-bc-est.sh | tail -n 1)
export EDGE_ESTCLIENT EDGE_BC_EST_CLIENT EDGE_INTEROP_REQUIRED=1

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"

dotnet build V2gPki.Edge.sln -c Release -nologo -clp:ErrorsOnly
# The build enforces the code-style rules (.editorconfig, EnforceCodeStyleInBuild); whitespace is checked here.
dotnet format whitespace V2gPki.Edge.sln --verify-no-changes

# NativeAOT publish (warnings are errors: none from our code; package summaries suppressed with reasons in the csproj).
echo "== NativeAOT publish: artifacts/v2gpki-aot/v2gpki"
dotnet publish src/V2gPki.Edge/V2gPki.Edge.csproj -c Release -r "$(dotnet_rid)" -o artifacts/v2gpki-aot -nologo -clp:ErrorsOnly
export EDGE_AOT_BINARY="$PWD/artifacts/v2gpki-aot/v2gpki" EDGE_AOT_REQUIRED=1

# Test projects only: tests/ also holds helper programs (e.g. the NativeAOT smoke console), which have no TRX.
mapfile -t test_projects < <(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj)

status=0
for proj in "${test_projects[@]}"; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

scripts/trx-summary.sh "$results" "${test_projects[@]}" || status=1
exit $status
