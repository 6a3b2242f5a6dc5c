// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>
/// Which family of EST paths a request used (<see cref="EstRoute"/>): for metrics, logs, and the rules that differ by
/// family (OPCP requires authentication on <c>cacerts</c>). Values are explicit and never reused.
/// </summary>
public enum EstRouteForm : byte
{
    /// <summary>No route (the default value).</summary>
    None = 0,

    /// <summary>RFC 7030 §3.2.2: <c>/.well-known/est[/{label}]/{operation}</c>.</summary>
    Rfc7030 = 1,

    /// <summary>
    /// Hubject OPCP 1.0 (its EST API): <c>/.well-known/est/{ca}/simpleenroll/{iso-version}</c> and
    /// <c>/{ca}/cacerts/{iso-version}/{algorithm}/</c>.
    /// </summary>
    Opcp = 2,

    /// <summary>The MaEVe CSMS's OPCP client: <c>/{ca}/simpleenroll/{iso-version}</c>, <c>/{ca}/cacerts/{iso-version}</c>.</summary>
    MaEVe = 3,

    /// <summary>The CitrineOS CSMS's Hubject client: <c>/.well-known/{ca}/simpleenroll</c>, <c>/.well-known/{ca}/cacerts</c>.</summary>
    CitrineOs = 4,
}
