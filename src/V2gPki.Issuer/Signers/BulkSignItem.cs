// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Signers;

/// <summary>One response to sign on the bulk lane: a certificate of one CA and the status to attest.</summary>
/// <param name="Serial">The serial, INTEGER content octets.</param>
/// <param name="Status">The status.</param>
/// <param name="StatusVersion">The registry status version the response is for (0 for a first response).</param>
/// <param name="Rollover">Whether it is re-signed because its signer was superseded (counted apart).</param>
public readonly record struct BulkSignItem(ReadOnlyMemory<byte> Serial, ResponseStatus Status, uint StatusVersion, bool Rollover = false);
