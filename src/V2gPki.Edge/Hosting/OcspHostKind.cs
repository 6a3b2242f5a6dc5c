// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Hosting;

/// <summary>
/// How the OCSP listener is hosted (both measured: docs/decisions/0001-ocsp-host-bare-kestrel.md).
/// </summary>
public enum OcspHostKind : byte
{
    /// <summary><c>KestrelServer</c> driving our own <c>IHttpApplication</c>: the product path.</summary>
    Kestrel = 0,

    /// <summary><c>WebApplication.CreateSlimBuilder</c> with minimal route handlers: kept as a benchmark mode.</summary>
    Slim = 1,
}
