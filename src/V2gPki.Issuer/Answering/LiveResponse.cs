// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Answering;

/// <summary>The result of a live signing: an outcome and, when found, the signed part to splice.</summary>
/// <param name="Outcome">Found, Unauthorized, TryLater, MalformedRequest or InternalError.</param>
/// <param name="SignedPart">The signed part when found.</param>
/// <param name="Answer">Signer id, times, ETag when found.</param>
public readonly record struct LiveResponse(OcspOutcome Outcome, ReadOnlyMemory<byte> SignedPart, OcspAnswer Answer);
