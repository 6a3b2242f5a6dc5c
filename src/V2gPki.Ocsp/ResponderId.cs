// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>The <c>ResponderID</c> (RFC 6960 §4.2.1, §4.2.2.3): the signer's key hash (byKey) or subject Name (byName).</summary>
public readonly ref struct ResponderId
{
    /// <summary>The length of a byKey KeyHash: a SHA-1 hash.</summary>
    public const int KeyHashLength = 20;

    private ResponderId(ResponderIdKind kind, ReadOnlySpan<byte> value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Wraps a ResponderID read from a response, unchecked.</summary>
    /// <param name="kind">byKey or byName.</param>
    /// <param name="value">The key hash or the DER Name.</param>
    /// <returns>The ResponderID.</returns>
    internal static ResponderId FromParts(ResponderIdKind kind, ReadOnlySpan<byte> value) => new(kind, value);

    /// <summary>byKey or byName.</summary>
    public ResponderIdKind Kind { get; }

    /// <summary>byKey: the 20-byte SHA-1 KeyHash; byName: the complete DER Name.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>
    /// A byKey ResponderID (what docs/architecture.md §3 uses: it is short and stable across signer re-issuance).
    /// </summary>
    /// <param name="keyHash">SHA-1 of the signer's subjectPublicKey BIT STRING contents (see <see cref="TryComputeKeyHash"/>).</param>
    /// <returns>The ResponderID.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyHash"/> is not 20 bytes.</exception>
    public static ResponderId ByKey(ReadOnlySpan<byte> keyHash)
    {
        if (keyHash.Length != KeyHashLength)
        {
            ThrowHelper.ThrowArgument("A KeyHash is a 20-byte SHA-1 hash (RFC 6960 §4.2.1).", nameof(keyHash));
        }

        return new ResponderId(ResponderIdKind.ByKey, keyHash);
    }

    /// <summary>A byName ResponderID.</summary>
    /// <param name="name">The signer's DER subject Name (a SEQUENCE).</param>
    /// <returns>The ResponderID.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one DER SEQUENCE.</exception>
    public static ResponderId ByName(ReadOnlySpan<byte> name)
    {
        var reader = new DerReader(name);
        if (reader.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done || reader.HasData)
        {
            ThrowHelper.ThrowArgument("A Name is one DER SEQUENCE.", nameof(name));
        }

        return new ResponderId(ResponderIdKind.ByName, name);
    }

    /// <summary>
    /// Computes the byKey KeyHash of a signer certificate: SHA-1 of its subjectPublicKey BIT STRING contents,
    /// without tag, length and unused-bits octet (RFC 6960 §4.2.1).
    /// </summary>
    /// <param name="signerCertificate">The signer's DER certificate.</param>
    /// <param name="destination">At least 20 bytes.</param>
    /// <returns><see langword="false"/> when the certificate cannot be read or <paramref name="destination"/> is too short.</returns>
    public static bool TryComputeKeyHash(ReadOnlySpan<byte> signerCertificate, Span<byte> destination)
    {
        if (destination.Length < KeyHashLength
            || !CertificateFields.TryReadSubjectAndPublicKey(signerCertificate, out _, out var publicKey))
        {
            return false;
        }

        OcspHashAlgorithms.Hash(OcspHashAlgorithm.Sha1, publicKey, destination);
        return true;
    }
}
