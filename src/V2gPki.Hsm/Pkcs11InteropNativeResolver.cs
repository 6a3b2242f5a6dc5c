// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm;

/// <summary>
/// Pkcs11Interop P/Invokes <c>dlopen</c>/<c>dlsym</c> from "libdl". glibc 2.34+ (Debian 12) ships no <c>libdl.so</c>,
/// only the <c>libdl.so.2</c> stub, and moved the functions into libc; this resolver maps "libdl" to
/// <c>libc.so.6</c> (Pkcs11Interop issue #239; docs/nativeaot.md §3). It works under JIT and NativeAOT.
/// </summary>
internal static class Pkcs11InteropNativeResolver
{
    private static int _installed;

    /// <summary>Installs the resolver for Pkcs11Interop's assembly once per process, before any module loads.</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0)
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host installed its own resolver for Pkcs11Interop first; keep it (only one is allowed per assembly).
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != "libdl")
        {
            return IntPtr.Zero;
        }

        if (NativeLibrary.TryLoad("libc.so.6", out var handle) || NativeLibrary.TryLoad("libdl.so.2", out handle))
        {
            return handle;
        }

        return IntPtr.Zero;
    }
}
