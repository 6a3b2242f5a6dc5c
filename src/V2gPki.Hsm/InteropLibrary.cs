// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace V2gPki.Hsm;

/// <summary>
/// Pkcs11Interop's high-level library for 64-bit Unix (LowLevelAPI80), opened with OS locking
/// (<c>CKF_OS_LOCKING_OK</c>, <see cref="AppType.MultiThreaded"/>) through <c>C_GetFunctionList</c>, with access to the
/// low-level API underneath. Management (tokens, keys, attributes) uses the high-level API; the signing hot path calls
/// <c>C_SignInit</c>/<c>C_Sign</c> on the low-level API with per-session buffers, so a signature allocates nothing.
/// </summary>
internal sealed class InteropLibrary : Net.Pkcs11Interop.HighLevelAPI80.Pkcs11Library
{
    /// <summary>Loads and initialises the module.</summary>
    /// <param name="factories">Pkcs11Interop's factories.</param>
    /// <param name="libraryPath">The module path.</param>
    public InteropLibrary(Pkcs11InteropFactories factories, string libraryPath)
        : base(factories, libraryPath, AppType.MultiThreaded, InitType.WithFunctionList)
    {
    }

    /// <summary>The low-level API of the loaded module.</summary>
    public Net.Pkcs11Interop.LowLevelAPI80.Pkcs11Library LowLevel => _pkcs11Library;
}
