#!/usr/bin/env bash
# Builds Cisco libest's example EST client (estclient) from the tarballs vendored in tests/interop/vendor, for the
# interop tests (tests/V2gPki.IntegrationTests/Interop). CI reaches only apt, NuGet and npm, so the sources live in the
# repository; their SHA-256 sums (vendor/SHA256SUMS) are checked before anything is unpacked.
#
# Output: artifacts/interop/libest-<key>/bin/estclient, where <key> is a hash of the sums, this script and the
# OpenSSL 3 header; an existing build with the same key is reused, so only the first run pays the ~1 min of make.
# Prints the estclient path as its last line.
#
# Build notes (libest a464ba8a against OpenSSL 3.0):
# - configure needs --disable-safec (or a libsafec); examples link statically (--disable-shared);
# - OpenSSL 3 removed FIPS_mode()/FIPS_mode_set(): openssl3-compat.h maps them and is force-included at make time
#   (at configure time it would break configure's pthread check);
# - ossl_dump_ssl_errors is defined both in the examples and in libest.a: -Wl,--allow-multiple-definition;
# - URI path segments (/.well-known/est/<label>/..., RFC 7030 §3.2.2) need uriparser, built first with cmake.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
vendor=$here/vendor
libest=libest-a464ba8a
uriparser=uriparser-0.9.8

(cd "$vendor" && sha256sum --quiet --check SHA256SUMS) || {
  echo "build-libest.sh: vendored tarballs do not match tests/interop/vendor/SHA256SUMS" >&2
  exit 1
}

key=$(cat "$vendor/SHA256SUMS" "$here/build-libest.sh" "$here/openssl3-compat.h" | sha256sum | cut -c1-16)
prefix=$repo/artifacts/interop/libest-$key
if [ -x "$prefix/bin/estclient" ]; then
  echo "$prefix/bin/estclient"
  exit 0
fi

work=$(mktemp -d "$repo/artifacts/interop-build.XXXXXX" 2>/dev/null || { mkdir -p "$repo/artifacts"; mktemp -d "$repo/artifacts/interop-build.XXXXXX"; })
trap 'rm -rf "$work"' EXIT
jobs=$(nproc 2>/dev/null || echo 2)
log=$work/build.log
started=$SECONDS
echo "build-libest.sh: building $libest with $uriparser into $prefix (log on failure)" >&2

fail() {
  echo "build-libest.sh: $1 failed; last lines of the log:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

tar -xzf "$vendor/$uriparser.tar.gz" -C "$work"
tar -xzf "$vendor/$libest.tar.gz" -C "$work"

cmake -S "$work/$uriparser" -B "$work/uriparser-build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$work/uriparser" \
  -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF -DURIPARSER_SHARED_LIBS=OFF -DURIPARSER_BUILD_DOCS=OFF \
  -DURIPARSER_BUILD_TESTS=OFF -DURIPARSER_BUILD_TOOLS=OFF -DURIPARSER_BUILD_WCHAR_T=OFF >>"$log" 2>&1 || fail "uriparser cmake"
cmake --build "$work/uriparser-build" -j "$jobs" >>"$log" 2>&1 || fail "uriparser build"
cmake --install "$work/uriparser-build" >>"$log" 2>&1 || fail "uriparser install"

cd "$work/$libest"
CFLAGS="-O1 -Wno-deprecated-declarations" LDFLAGS="-Wl,--allow-multiple-definition" \
  ./configure --prefix="$prefix" --with-ssl-dir=/usr --disable-shared --disable-safec --enable-client-only \
  --with-uriparser-dir="$work/uriparser" >>"$log" 2>&1 || fail "libest configure"
make -j "$jobs" CPPFLAGS="-include $here/openssl3-compat.h" >>"$log" 2>&1 || fail "libest make"
mkdir -p "$prefix/bin"
install -m 0755 example/client/estclient "$prefix/bin/estclient.tmp"
mv "$prefix/bin/estclient.tmp" "$prefix/bin/estclient"
echo "build-libest.sh: built in $((SECONDS - started)) s" >&2
echo "$prefix/bin/estclient"
