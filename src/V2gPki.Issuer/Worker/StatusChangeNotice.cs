// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Store;

namespace V2gPki.Issuer.Worker;

/// <summary>An acknowledged status change, as the CRL publisher and other listeners see it.</summary>
/// <param name="Issuer">The CA that issued the certificate.</param>
/// <param name="Serial">The serial.</param>
/// <param name="Status">The new status.</param>
/// <param name="RevocationTime">The revocation time (null when good).</param>
/// <param name="Reason">The reason (None when good).</param>
public sealed record StatusChangeNotice(IssuerEntry Issuer, ReadOnlyMemory<byte> Serial, CertificateStatus Status, DateTimeOffset? RevocationTime, RevocationReason Reason);
