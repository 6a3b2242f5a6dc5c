// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;

namespace V2gPki.Pki.Profiles;

/// <summary>
/// 8-byte key identifiers by RFC 5280 §4.2.1.2 method (2): a four-bit type field 0100 followed by the least significant
/// 60 bits of the SHA-1 hash of the subjectPublicKey BIT STRING value (excluding tag, length and unused-bits octet).
/// Hubject's hierarchy uses 8-byte SKI/AKI; ISO 15118-20 carries the contract SKI as 16 hex characters.
/// </summary>
public static class KeyIdentifiers
{
    /// <summary>The length of a key identifier.</summary>
    public const int Length = 8;

    /// <summary>Computes the key identifier of a SubjectPublicKeyInfo.</summary>
    /// <param name="subjectPublicKeyInfo">The key.</param>
    /// <returns>The 8-byte identifier.</returns>
    public static byte[] Compute(SubjectPublicKeyInfo subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        return Compute(subjectPublicKeyInfo.PublicKey.GetBytes());
    }

    /// <summary>Computes the key identifier of a subjectPublicKey value.</summary>
    /// <param name="subjectPublicKey">The BIT STRING's bits (for EC: the SEC1 point 04‖X‖Y).</param>
    /// <returns>The 8-byte identifier.</returns>
    public static byte[] Compute(ReadOnlySpan<byte> subjectPublicKey)
    {
        // SHA-1 as RFC 5280 §4.2.1.2 prescribes for key identifiers; not a security use.
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is required by RFC 5280 §4.2.1.2 method (2); identifiers only, no security property.
        SHA1.HashData(subjectPublicKey, hash);
#pragma warning restore CA5350
        var id = hash[^Length..].ToArray();
        id[0] = (byte)(0x40 | (id[0] & 0x0F));
        return id;
    }
}
