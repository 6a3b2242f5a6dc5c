// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>The two fields of an X.509 certificate (RFC 5280 §4.1) that OCSP hashes: the subject Name and the subjectPublicKey.</summary>
public static class CertificateFields
{
    /// <summary>Finds the subject Name and the subjectPublicKey BIT STRING contents of a DER certificate.</summary>
    /// <param name="certificate">A DER <c>Certificate</c>.</param>
    /// <param name="subject">The complete DER subject Name (what issuerNameHash hashes).</param>
    /// <param name="subjectPublicKey">The subjectPublicKey bits without tag, length and unused-bits octet (what KeyHash hashes).</param>
    /// <returns><see langword="true"/> when the certificate has the RFC 5280 layout up to subjectPublicKeyInfo.</returns>
    public static bool TryReadSubjectAndPublicKey(ReadOnlySpan<byte> certificate, out ReadOnlySpan<byte> subject, out ReadOnlySpan<byte> subjectPublicKey)
    {
        subject = default;
        subjectPublicKey = default;
        var reader = new DerReader(certificate);
        if (reader.TryReadSequence(out var cert) != DerStatus.Done
            || cert.TryReadSequence(out var tbs) != DerStatus.Done)
        {
            return false;
        }

        // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
        if (tbs.PeekTagIs(DerTag.ContextConstructed(0)) && tbs.TryReadEncodedValue(DerTag.ContextConstructed(0), out _) != DerStatus.Done)
        {
            return false;
        }

        if (tbs.TryReadInteger(out _) != DerStatus.Done
            || tbs.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done
            || tbs.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done
            || tbs.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done
            || tbs.TryReadEncodedValue(DerTag.Sequence, out var name) != DerStatus.Done
            || tbs.TryReadSequence(out var spki) != DerStatus.Done
            || spki.TryReadEncodedValue(DerTag.Sequence, out _) != DerStatus.Done
            || spki.TryReadBitString(out var key, out var unusedBits) != DerStatus.Done
            || unusedBits != 0
            || spki.HasData)
        {
            return false;
        }

        subject = name;
        subjectPublicKey = key;
        return true;
    }
}
