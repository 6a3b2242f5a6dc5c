// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>Size limits enforced by the store.</summary>
public static class StoreLimits
{
    /// <summary>Largest serial number, in DER INTEGER content octets (RFC 5280 §4.1.2.2: at most 20 octets).</summary>
    public const int MaxSerialLength = 20;

    /// <summary>Longest subject ID (EVSE ID, SECC ID, EMAID, PCID), in UTF-8 bytes; IDs are ASCII, so this is characters.</summary>
    public const int MaxSubjectIdLength = 64;

    /// <summary>Longest requester (issuance metadata), in UTF-8 bytes.</summary>
    public const int MaxRequesterLength = 64;

    /// <summary>Largest signed response part; a whole response stays under 4 KB (docs/architecture.md §3).</summary>
    public const int MaxSignedResponseLength = 4096;

    /// <summary>
    /// Most certificates the subject-ID index keeps for one subject (docs/architecture.md §5); registering one more drops
    /// the oldest from the index (counted in <see cref="StoreMetrics.SubjectIndexOverflows"/>), never from the registry.
    /// </summary>
    public const int MaxCertificatesPerSubject = 512;

    /// <summary>Largest certificate DER accepted.</summary>
    public const int MaxCertificateLength = 16384;
}
