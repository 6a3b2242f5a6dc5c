// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// A <c>CertID</c> (RFC 6960 §4.1.1) as views into a message or caller memory: no copy, no allocation. The parser
/// hands these out; the response writer takes them.
/// </summary>
public readonly ref struct CertId
{
    /// <summary>The longest serial number, in INTEGER content octets (RFC 5280 §4.1.2.2).</summary>
    public const int MaxSerialNumberLength = 20;

    /// <summary>Creates a CertID from its parts (see <see cref="IsValid"/> for the rules).</summary>
    /// <param name="hashAlgorithm">The hash algorithm of both hashes.</param>
    /// <param name="issuerNameHash">Hash of the issuer's DER-encoded subject Name.</param>
    /// <param name="issuerKeyHash">Hash of the issuer's subjectPublicKey BIT STRING contents.</param>
    /// <param name="serialNumber">The serial number as INTEGER content octets: minimal two's complement, 1–20 octets.</param>
    public CertId(OcspHashAlgorithm hashAlgorithm, ReadOnlySpan<byte> issuerNameHash, ReadOnlySpan<byte> issuerKeyHash, ReadOnlySpan<byte> serialNumber)
    {
        HashAlgorithm = hashAlgorithm;
        IssuerNameHash = issuerNameHash;
        IssuerKeyHash = issuerKeyHash;
        SerialNumber = serialNumber;
    }

    /// <summary>The hash algorithm of <see cref="IssuerNameHash"/> and <see cref="IssuerKeyHash"/>.</summary>
    public OcspHashAlgorithm HashAlgorithm { get; }

    /// <summary>Hash of the issuer's DER-encoded subject Name.</summary>
    public ReadOnlySpan<byte> IssuerNameHash { get; }

    /// <summary>Hash of the issuer's subjectPublicKey BIT STRING contents (without tag, length and unused-bits octet).</summary>
    public ReadOnlySpan<byte> IssuerKeyHash { get; }

    /// <summary>The serial number as INTEGER content octets (minimal two's complement, so 0x00-prefixed when the high bit is set).</summary>
    public ReadOnlySpan<byte> SerialNumber { get; }

    /// <summary>
    /// Whether the parts can be written: a supported algorithm, both hashes of its length, and a serial number of
    /// 1–20 minimal INTEGER content octets.
    /// </summary>
    public bool IsValid
    {
        get
        {
            var hashLength = OcspHashAlgorithms.GetHashLength(HashAlgorithm);
            return hashLength != 0
                && IssuerNameHash.Length == hashLength
                && IssuerKeyHash.Length == hashLength
                && SerialNumber.Length <= MaxSerialNumberLength
                && DerReader.CheckIntegerContents(SerialNumber) == DerStatus.Done;
        }
    }

    /// <summary>Whether both CertIDs name the same certificate with the same hash algorithm (byte-wise).</summary>
    /// <param name="other">The other CertID.</param>
    /// <returns><see langword="true"/> when algorithm, hashes and serial number are equal.</returns>
    public bool Matches(scoped in CertId other) =>
        HashAlgorithm == other.HashAlgorithm
        && IssuerNameHash.SequenceEqual(other.IssuerNameHash)
        && IssuerKeyHash.SequenceEqual(other.IssuerKeyHash)
        && SerialNumber.SequenceEqual(other.SerialNumber);
}
