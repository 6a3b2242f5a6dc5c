// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>What an admin request asks for (metrics label and audit action). Values are explicit and never reused.</summary>
internal enum AdminAction : byte
{
    /// <summary>A path that is no admin route.</summary>
    Unknown = 0,

    /// <summary><c>POST /admin/v1/revoke</c>.</summary>
    Revoke = 1,

    /// <summary><c>POST /admin/v1/unhold</c>.</summary>
    Unhold = 2,

    /// <summary><c>GET /admin/v1/certificates/{ca}/{serial}</c>.</summary>
    Status = 3,

    /// <summary><c>GET /admin/v1/certificates/{ca}/{serial}/pem</c>.</summary>
    Pem = 4,

    /// <summary><c>GET /admin/v1/certificates?subject=…</c>.</summary>
    List = 5,

    /// <summary><c>GET /admin/v1/cas</c>.</summary>
    Cas = 6,
}
