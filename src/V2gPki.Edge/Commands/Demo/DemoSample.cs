// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>One sample leaf of the demo: issued through the worker, good or revoked.</summary>
/// <param name="Kind">The docs/architecture.md §2 leaf kind: <c>evse</c>, <c>contract</c>, <c>oem-prov</c>,
/// <c>cps</c>.</param>
/// <param name="Name">The file stem, <c>&lt;kind&gt;-good</c> or <c>&lt;kind&gt;-revoked</c>.</param>
/// <param name="CommonName">The subject CN (a valid identifier of the kind).</param>
/// <param name="IssuerName">The issuing Sub-CA 2.</param>
/// <param name="Der">The certificate.</param>
/// <param name="Serial">Its serial, DER INTEGER content octets.</param>
/// <param name="Reason">The revocation reason, or <see cref="RevocationReason.None"/> for a good one.</param>
internal sealed record DemoSample(string Kind, string Name, string CommonName, string IssuerName, byte[] Der, byte[] Serial, RevocationReason Reason)
{
    /// <summary>Gets whether the sample was revoked.</summary>
    public bool IsRevoked => Reason != RevocationReason.None;
}
