#!/usr/bin/env bash
# Runs every test of the solution: installs missing apt packages (as root or through sudo), builds with warnings as
# errors, runs every test project, and ends with one line "tests: N passed, N failed" summed from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/deps.sh
ensure_apt "${V2GPKI_APT_TEST[@]}"
ensure_dotnet

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"

dotnet build V2gPki.Edge.sln -c Release -nologo -clp:ErrorsOnly

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
