#!/usr/bin/env bash
# Worker-level kill test at scale (docs/architecture.md §4 invariant 2): a child (tests/V2gPki.TestHosts,
# issuer-killchild) revokes certificates through the IssuingWorker and prints each acknowledged serial; the driver
# (tests/V2gPki.Issuer.Tests KillTests) SIGKILLs it KILLS times at random moments, restarts it over the same store and SoftHSM2 token, and finally
# checks that every acknowledged revocation is present and served as revoked, and that store verify passes.
# Usage: perf-scripts/issuer-killtest.sh [KILLS] [CERTIFICATES]   (default 100 kills over 10,000 certificates)
set -euo pipefail
cd "$(dirname "$0")/.."
export V2GPKI_KILLS=${1:-100}
export V2GPKI_KILL_CERTS=${2:-10000}
dotnet build -c Release -nologo -clp:ErrorsOnly tests/V2gPki.Issuer.Tests/V2gPki.Issuer.Tests.csproj
dotnet test tests/V2gPki.Issuer.Tests -c Release --no-build --filter "FullyQualifiedName~KillTest" --logger "console;verbosity=detailed" \
  | grep -E "run [0-9]+:|KILLVERIFY|kills=|store verify|Passed|Failed|Total tests"
