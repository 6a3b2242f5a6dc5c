// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;

namespace V2gPki.Pki.Crl;

/// <summary>One revoked certificate of a CRL.</summary>
/// <param name="Serial">The serial as DER INTEGER content octets (as the store keys it), positive.</param>
/// <param name="RevocationDate">When it was revoked (whole seconds are written).</param>
/// <param name="Reason">The reason; <see cref="CrlReason.Unspecified"/> writes no reasonCode extension.</param>
public readonly record struct RevokedEntry(ReadOnlyMemory<byte> Serial, DateTimeOffset RevocationDate, CrlReason Reason);
