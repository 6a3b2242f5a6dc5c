// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>The CertID hash algorithms the responder answers (RFC 6960 §4.1.1; RFC 5019 §2.1.1 requires SHA-1).</summary>
public enum OcspHashAlgorithm
{
    /// <summary>Not a valid algorithm (the default value).</summary>
    None = 0,

    /// <summary>SHA-1, 20-octet hashes.</summary>
    Sha1 = 1,

    /// <summary>SHA-256, 32-octet hashes.</summary>
    Sha256 = 2,

    /// <summary>SHA-384, 48-octet hashes.</summary>
    Sha384 = 3,

    /// <summary>SHA-512, 64-octet hashes.</summary>
    Sha512 = 4,
}
