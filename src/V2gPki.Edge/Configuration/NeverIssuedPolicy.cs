// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>How to answer a serial a known issuer never issued, parsed from <see cref="OcspOptions.NeverIssuedPolicy"/>.</summary>
internal enum NeverIssuedPolicy : byte
{
    /// <summary><c>extended-revoked</c>: RFC 6960 §2.2, certificateHold at 1970-01-01 with the extended revoked extension.</summary>
    ExtendedRevoked = 0,

    /// <summary><c>unauthorized</c>: the unsigned error response.</summary>
    Unauthorized = 1,
}
