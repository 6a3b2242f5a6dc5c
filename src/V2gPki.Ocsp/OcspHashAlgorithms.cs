// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Facts about <see cref="OcspHashAlgorithm"/>: OIDs, hash lengths, pre-encoded AlgorithmIdentifiers, hashing.</summary>
public static class OcspHashAlgorithms
{
    /// <summary>The longest hash of any supported algorithm (SHA-512).</summary>
    public const int MaxHashLength = 64;

    /// <summary>The octet length of a hash of <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">A supported algorithm.</param>
    /// <returns>20, 32, 48 or 64; 0 for <see cref="OcspHashAlgorithm.None"/> or an undefined value.</returns>
    public static int GetHashLength(OcspHashAlgorithm algorithm) => algorithm switch
    {
        OcspHashAlgorithm.Sha1 => 20,
        OcspHashAlgorithm.Sha256 => 32,
        OcspHashAlgorithm.Sha384 => 48,
        OcspHashAlgorithm.Sha512 => 64,
        _ => 0,
    };

    /// <summary>The OBJECT IDENTIFIER content octets of <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">A supported algorithm.</param>
    /// <returns>The content octets, empty for an unsupported value.</returns>
    public static ReadOnlySpan<byte> GetOid(OcspHashAlgorithm algorithm) => algorithm switch
    {
        OcspHashAlgorithm.Sha1 => Oids.Sha1,
        OcspHashAlgorithm.Sha256 => Oids.Sha256,
        OcspHashAlgorithm.Sha384 => Oids.Sha384,
        OcspHashAlgorithm.Sha512 => Oids.Sha512,
        _ => default,
    };

    /// <summary>
    /// The complete DER AlgorithmIdentifier with explicit NULL parameters, as openssl, Go and BouncyCastle send it in
    /// CertIDs (RFC 5754 §2 lets readers accept both forms; writing NULL matches what clients compare against).
    /// </summary>
    /// <param name="algorithm">A supported algorithm.</param>
    /// <returns>The encoded SEQUENCE, empty for an unsupported value.</returns>
    public static ReadOnlySpan<byte> GetAlgorithmIdentifier(OcspHashAlgorithm algorithm) => algorithm switch
    {
        OcspHashAlgorithm.Sha1 => [0x30, 0x09, 0x06, 0x05, 0x2B, 0x0E, 0x03, 0x02, 0x1A, 0x05, 0x00],
        OcspHashAlgorithm.Sha256 => [0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00],
        OcspHashAlgorithm.Sha384 => [0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00],
        OcspHashAlgorithm.Sha512 => [0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00],
        _ => default,
    };

    /// <summary>Maps OBJECT IDENTIFIER content octets to an algorithm.</summary>
    /// <param name="oid">The content octets.</param>
    /// <returns>The algorithm, or <see cref="OcspHashAlgorithm.None"/> when it is not supported.</returns>
    public static OcspHashAlgorithm FromOid(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Sha1))
        {
            return OcspHashAlgorithm.Sha1;
        }

        if (oid.Length == 9 && oid[..8].SequenceEqual(Oids.Sha256[..8]))
        {
            // id-sha256/384/512 share the arc 2.16.840.1.101.3.4.2 and differ in the last octet.
            return oid[8] switch
            {
                0x01 => OcspHashAlgorithm.Sha256,
                0x02 => OcspHashAlgorithm.Sha384,
                0x03 => OcspHashAlgorithm.Sha512,
                _ => OcspHashAlgorithm.None,
            };
        }

        return OcspHashAlgorithm.None;
    }

    /// <summary>Hashes <paramref name="data"/> with <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">A supported algorithm.</param>
    /// <param name="data">The bytes to hash.</param>
    /// <param name="destination">At least <see cref="GetHashLength"/> bytes.</param>
    /// <returns>The hash length written.</returns>
    /// <exception cref="ArgumentException">The algorithm is not supported or the destination is too short.</exception>
    public static int Hash(OcspHashAlgorithm algorithm, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var length = GetHashLength(algorithm);
        if (length == 0)
        {
            ThrowHelper.ThrowArgument("Unsupported hash algorithm.", nameof(algorithm));
        }

        if (destination.Length < length)
        {
            ThrowHelper.ThrowArgument("The destination is shorter than the hash.", nameof(destination));
        }

        return algorithm switch
        {
#pragma warning disable CA5350 // RFC 6960 §4.1.1 and RFC 5019 §2.1.1 make SHA-1 the CertID hash clients send.
            OcspHashAlgorithm.Sha1 => SHA1.HashData(data, destination),
#pragma warning restore CA5350
            OcspHashAlgorithm.Sha256 => SHA256.HashData(data, destination),
            OcspHashAlgorithm.Sha384 => SHA384.HashData(data, destination),
            _ => SHA512.HashData(data, destination),
        };
    }
}
