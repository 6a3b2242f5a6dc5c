# shellcheck shell=bash
# Shared by scripts/test.sh and scripts/demo.sh: installs what is missing, explains what cannot be installed.

# as_root CMD...: runs CMD as root (directly when we are root, else through sudo, and says so).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    echo "deps: running as root through sudo: $*" >&2
    sudo "$@"
  else
    echo "deps: need root to run: $* (not root and no sudo)" >&2
    return 1
  fi
}

# ensure_apt PKG:PROBE...: installs each Debian package PKG whose probe (a command, or an absolute file path) is missing.
ensure_apt() {
  local missing=() spec pkg probe
  for spec in "$@"; do
    pkg=${spec%%:*}; probe=${spec#*:}
    if [ "${probe#/}" != "$probe" ]; then [ -e "$probe" ] && continue
    else command -v "$probe" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "deps: installing missing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q "${missing[@]}" >/dev/null
  }
}

# ensure_dotnet: the .NET 10 SDK is expected on the machine; say so in one line when it is not.
ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    echo "deps: the .NET 10 SDK is required (https://dotnet.microsoft.com/download/dotnet/10.0); install it and put 'dotnet' on PATH." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# The packages the tests and the demo need: SoftHSM2 (the embedded HSM), pkcs11-tool, openssl and GnuTLS
# (independent clients in integration tests), NSS tools (vfychain), nginx (a TLS-terminating proxy in front of EST),
# curl; for the EST interop tests, the C toolchain that builds Cisco libest's estclient from tests/interop/vendor
# (OpenSSL headers, cmake for uriparser) and a JDK with BouncyCastle Java, whose EST client tests/interop/bc-est drives.
V2GPKI_APT_TEST=(softhsm2:softhsm2-util opensc:pkcs11-tool openssl:openssl gnutls-bin:ocsptool libnss3-tools:vfychain
  nginx:/usr/sbin/nginx curl:curl
  build-essential:/usr/share/build-essential/list autoconf:autoconf automake:automake libtool:libtoolize cmake:cmake
  libssl-dev:/usr/include/openssl/ssl.h pkg-config:pkg-config default-jdk-headless:javac
  libbcprov-java:/usr/share/java/bcprov.jar libbcpkix-java:/usr/share/java/bcpkix.jar libbcutil-java:/usr/share/java/bcutil.jar)
V2GPKI_APT_DEMO=(softhsm2:softhsm2-util openssl:openssl)

# ensure_aot_toolchain: NativeAOT links with the platform C toolchain: clang (preferred by the ILCompiler targets) or
# gcc, which pull in binutils and the libc headers. zlib is not needed: the .NET 10 ILCompiler package ships its own
# libz.a (Microsoft.NETCore.Native.Unix.targets links it unless UseSystemZlib). Installs clang when neither is there;
# returns non-zero when that is not possible (no root, no sudo, no network).
ensure_aot_toolchain() {
  if command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; then
    return 0
  fi
  ensure_apt clang:clang || return 1
  command -v clang >/dev/null 2>&1
}

# dotnet_rid: the runtime identifier of this machine for NativeAOT publishing (linux-x64 or linux-arm64).
dotnet_rid() {
  case "$(uname -m)" in
    aarch64|arm64) echo linux-arm64 ;;
    *) echo linux-x64 ;;
  esac
}
