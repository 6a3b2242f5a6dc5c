#!/usr/bin/env bash
# cli-startup.sh BASE NEW [ROUNDS] [LOOP]: start-up of one-shot command lines of two v2gpki binaries (e.g. the
# NativeAOT publish of two commits), taken in turn: each round times LOOP start-ups in a row of one command line, base
# then new, output thrown away. Prints per command line the milliseconds per start-up (min / median / max over the
# rounds) for both, the ratio new/base of the medians, and the peak RSS of a start-up (median of 5, /usr/bin/time).
# Defaults: 20 rounds of 50 start-ups. Command lines: '--help', 'id check evse DE*ABC*E123', 'revoke --help'.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
case ${1:-} in -h|--help|'') sed -n '2,6p' "$0"; exit 0 ;; esac
base=$1 new=${2:?usage: cli-startup.sh BASE NEW [ROUNDS] [LOOP]} rounds=${3:-20} loop=${4:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ms_per_start BINARY ARGS...: wall milliseconds per start-up over $loop start-ups in a row.
ms_per_start() {
  local t0 t1 i
  t0=$(date +%s%N)
  for ((i = 0; i < loop; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  awk -v d=$((t1 - t0)) -v n="$loop" 'BEGIN { printf "%.2f\n", d / n / 1e6 }'
}

# peak_rss_mib BINARY ARGS...: median peak RSS of 5 start-ups, MiB.
peak_rss_mib() {
  local kib=() i
  for i in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
    kib+=("$(tail -1 "$work/rss")")
  done
  stats "${kib[@]}" | awk '{ printf "%.1f\n", $2 / 1024 }'
}

# min / median / max with two decimals.
stats2() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f\n", v[1], m, v[NR] }'
}

echo "# cli-startup.sh $base $new $rounds $loop"
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)"
echo "# base $(stat -c %s "$base") bytes, new $(stat -c %s "$new") bytes"
for line in '--help' 'id check evse DE*ABC*E123' 'revoke --help'; do
  read -ra args <<<"$line"
  b=() n=()
  for ((r = 0; r < rounds; r++)); do
    b+=("$(ms_per_start "$base" "${args[@]}")")
    n+=("$(ms_per_start "$new" "${args[@]}")")
  done
  read -r bmin bmed bmax <<<"$(stats2 "${b[@]}")"
  read -r nmin nmed nmax <<<"$(stats2 "${n[@]}")"
  printf "v2gpki %-28s ms per start-up (min / median / max of %d x %d): base %s / %s / %s, new %s / %s / %s; new/base %.3f\n" \
    "$line" "$rounds" "$loop" "$bmin" "$bmed" "$bmax" "$nmin" "$nmed" "$nmax" "$(awk -v a="$nmed" -v b="$bmed" 'BEGIN { print a / b }')"
  printf "v2gpki %-28s peak RSS of one start-up (median of 5): base %s MiB, new %s MiB\n" "$line" "$(peak_rss_mib "$base" "${args[@]}")" "$(peak_rss_mib "$new" "${args[@]}")"
done
