#!/usr/bin/env bash
# Compiles the BouncyCastle Java EST client of the interop tests (tests/interop/bc-est/EstClient.java) against the
# Debian BouncyCastle jars (libbcprov-java, libbcpkix-java, libbcutil-java) and writes a launcher next to the classes:
# artifacts/interop/bc-est-<key>/bc-est, where <key> is a hash of the source and this script (reused when present).
# Prints the launcher path as its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jars=/usr/share/java/bcprov.jar:/usr/share/java/bcpkix.jar:/usr/share/java/bcutil.jar

for jar in ${jars//:/ }; do
  [ -f "$jar" ] || { echo "build-bc-est.sh: $jar is missing (apt-get install libbcprov-java libbcpkix-java libbcutil-java)" >&2; exit 1; }
done
command -v javac >/dev/null 2>&1 || { echo "build-bc-est.sh: javac is missing (apt-get install default-jdk-headless)" >&2; exit 1; }

key=$(cat "$here/bc-est/EstClient.java" "$here/build-bc-est.sh" | sha256sum | cut -c1-16)
out=$repo/artifacts/interop/bc-est-$key
if [ -x "$out/bc-est" ]; then
  echo "$out/bc-est"
  exit 0
fi

rm -rf "$out.tmp"
mkdir -p "$out.tmp/classes"
javac -Xlint:all,-path -Werror -d "$out.tmp/classes" -cp "$jars" "$here/bc-est/EstClient.java"
cat >"$out.tmp/bc-est" <<EOF
#!/bin/sh
exec java -cp "$out/classes:$jars" EstClient "\$@"
EOF
chmod 0755 "$out.tmp/bc-est"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "$out/bc-est"
