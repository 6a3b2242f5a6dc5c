// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Verify;

/// <summary>What <c>store verify</c> found wrong with one certificate's response. Values are never reused.</summary>
public enum VerifyProblemKind : byte
{
    /// <summary>The registry has the certificate but the serving index has no response.</summary>
    MissingResponse = 1,

    /// <summary>The signed part does not parse.</summary>
    Unparseable = 2,

    /// <summary>The recorded signer id is not in the directory, or signs for another CA.</summary>
    UnknownSigner = 3,

    /// <summary>The ResponderID is not the signer's key hash.</summary>
    ResponderIdMismatch = 4,

    /// <summary>The signature does not verify against the signer's key.</summary>
    BadSignature = 5,

    /// <summary>A configured hash algorithm has no SingleResponse for the certificate.</summary>
    MissingHashAlgorithm = 6,

    /// <summary>The status (or revocation time or reason) differs from the registry.</summary>
    StatusMismatch = 7,

    /// <summary>The response is not within its validity now (thisUpdate in the future or nextUpdate passed).</summary>
    OutsideValidity = 8,

    /// <summary>nextUpdate is after the signer certificate's notAfter.</summary>
    BeyondSignerValidity = 9,

    /// <summary>The times recorded beside the response differ from the ones inside it.</summary>
    MetadataMismatch = 10,

    /// <summary>The registry names a CA that is not configured.</summary>
    UnknownIssuer = 11,
}
