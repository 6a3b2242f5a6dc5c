// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Issuer.Crl;

/// <summary>What the HTTP host reads to serve CRLs.</summary>
public interface ICrlSource
{
    /// <summary>Gets the current CRL of a CA.</summary>
    /// <param name="caName">The CA name (docs/architecture.md §2).</param>
    /// <param name="entry">The CRL, or null.</param>
    /// <returns>Whether a CRL is available (the host answers 404 otherwise).</returns>
    bool TryGetCrl(string caName, [NotNullWhen(true)] out CrlEntry? entry);
}
