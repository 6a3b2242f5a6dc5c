#!/usr/bin/env bash
# trx-summary.sh DIR PROJECT...: sums passed/failed over DIR/<project>.trx and prints "tests: N passed, N failed".
# A project without a TRX file (test host crash, build failure) counts as one failure, so a run that executed
# nothing can never look green; so does a project that executed no test. Exits non-zero when anything failed.
set -u
dir=$1; shift
passed=0; failed=0
for proj in "$@"; do
  name=$(basename "$proj" .csproj)
  trx="$dir/$name.trx"
  if [ ! -s "$trx" ]; then
    echo "trx-summary: no results for $name (test host crashed or did not run)" >&2
    failed=$((failed + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
  t=$(printf '%s' "$counters" | sed -n 's/.* timeout="\([0-9]*\)".*/\1/p')
  a=$(printf '%s' "$counters" | sed -n 's/.* aborted="\([0-9]*\)".*/\1/p')
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "trx-summary: unreadable counters in $trx" >&2
    failed=$((failed + 1)); continue
  fi
  x=$(printf '%s' "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  if [ "${x:-0}" -eq 0 ]; then
    echo "trx-summary: $name executed no test" >&2
    failed=$((failed + 1)); continue
  fi
  passed=$((passed + p)); failed=$((failed + f + ${e:-0} + ${t:-0} + ${a:-0}))
  if grep -q '<ResultSummary outcome="Failed"' "$trx" && [ "$f" -eq 0 ] && [ "${e:-0}" -eq 0 ]; then
    echo "trx-summary: $name run outcome Failed (test host error)" >&2
    failed=$((failed + 1))
  fi
done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
