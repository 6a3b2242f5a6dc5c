// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// An issuer's CertID hashes under one algorithm (RFC 6960 §4.1.1): the hash of its subject Name and of its
/// subjectPublicKey. Computed once per issuer and algorithm; the issuer table and the pre-signer keep them.
/// </summary>
public readonly struct IssuerHashes : IEquatable<IssuerHashes>
{
    /// <summary>Wraps precomputed hashes.</summary>
    /// <param name="algorithm">The hash algorithm.</param>
    /// <param name="nameHash">Hash of the issuer's DER subject Name.</param>
    /// <param name="keyHash">Hash of the issuer's subjectPublicKey BIT STRING contents.</param>
    public IssuerHashes(OcspHashAlgorithm algorithm, ReadOnlyMemory<byte> nameHash, ReadOnlyMemory<byte> keyHash)
    {
        var length = OcspHashAlgorithms.GetHashLength(algorithm);
        if (length == 0 || nameHash.Length != length || keyHash.Length != length)
        {
            ThrowHelper.ThrowArgument("Hashes must have the length of a supported algorithm.", nameof(algorithm));
        }

        Algorithm = algorithm;
        NameHash = nameHash;
        KeyHash = keyHash;
    }

    /// <summary>The hash algorithm.</summary>
    public OcspHashAlgorithm Algorithm { get; }

    /// <summary>Hash of the issuer's DER subject Name (issuerNameHash).</summary>
    public ReadOnlyMemory<byte> NameHash { get; }

    /// <summary>Hash of the issuer's subjectPublicKey BIT STRING contents (issuerKeyHash).</summary>
    public ReadOnlyMemory<byte> KeyHash { get; }

    /// <summary>Computes the hashes from the issuer's certificate (cold path: allocates the two hash arrays).</summary>
    /// <param name="algorithm">The hash algorithm.</param>
    /// <param name="issuerCertificate">The issuer's DER certificate.</param>
    /// <returns>The hashes.</returns>
    /// <exception cref="ArgumentException">The certificate cannot be read or the algorithm is not supported.</exception>
    public static IssuerHashes Compute(OcspHashAlgorithm algorithm, ReadOnlySpan<byte> issuerCertificate)
    {
        if (!CertificateFields.TryReadSubjectAndPublicKey(issuerCertificate, out var subject, out var publicKey))
        {
            ThrowHelper.ThrowArgument("Not a DER X.509 certificate.", nameof(issuerCertificate));
        }

        var length = OcspHashAlgorithms.GetHashLength(algorithm);
        if (length == 0)
        {
            ThrowHelper.ThrowArgument("Unsupported hash algorithm.", nameof(algorithm));
        }

        var nameHash = new byte[length];
        var keyHash = new byte[length];
        OcspHashAlgorithms.Hash(algorithm, subject, nameHash);
        OcspHashAlgorithms.Hash(algorithm, publicKey, keyHash);
        return new IssuerHashes(algorithm, nameHash, keyHash);
    }

    /// <summary>The CertID of the certificate with <paramref name="serialNumber"/> under these hashes.</summary>
    /// <param name="serialNumber">INTEGER content octets of the serial number.</param>
    /// <returns>The CertID (views into these hashes and <paramref name="serialNumber"/>).</returns>
    public CertId ToCertId(ReadOnlySpan<byte> serialNumber) => new(Algorithm, NameHash.Span, KeyHash.Span, serialNumber);

    /// <inheritdoc/>
    public bool Equals(IssuerHashes other) =>
        Algorithm == other.Algorithm && NameHash.Span.SequenceEqual(other.NameHash.Span) && KeyHash.Span.SequenceEqual(other.KeyHash.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IssuerHashes other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Algorithm);
        hash.AddBytes(KeyHash.Span);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(IssuerHashes left, IssuerHashes right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(IssuerHashes left, IssuerHashes right) => !left.Equals(right);
}
