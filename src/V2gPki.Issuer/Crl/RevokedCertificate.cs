// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Crl;

/// <summary>A revoked or held certificate as a CRL lists it.</summary>
/// <param name="Serial">The serial.</param>
/// <param name="RevocationTime">The revocation date.</param>
/// <param name="Reason">The reason (certificateHold for a hold).</param>
public readonly record struct RevokedCertificate(ReadOnlyMemory<byte> Serial, DateTimeOffset RevocationTime, RevocationReason Reason);
