// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>A delegated OCSP signer, as the admin API shows it.</summary>
internal sealed class SignerDetails
{
    /// <summary>The signer id recorded with the responses it signed.</summary>
    public int Id { get; init; }

    /// <summary>
    /// The key label in the online token (the docs/architecture.md §2 signer name, e.g. <c>cpo-sub2-ocsp</c>).
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The signer certificate's subject DN.</summary>
    public required string Subject { get; init; }

    /// <summary>The signer certificate's notAfter.</summary>
    public DateTimeOffset NotAfter { get; init; }
}
