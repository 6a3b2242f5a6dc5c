// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Crl;

/// <summary>Hands out CRL numbers (RFC 5280 §5.2.3): monotonically increasing per CA, persisted across restarts.</summary>
public interface ICrlNumberSequence
{
    /// <summary>Reserves and persists the next CRL number of a CA.</summary>
    /// <param name="caName">The CA name.</param>
    /// <returns>A number greater than every number returned before for that CA.</returns>
    ulong Reserve(string caName);
}
