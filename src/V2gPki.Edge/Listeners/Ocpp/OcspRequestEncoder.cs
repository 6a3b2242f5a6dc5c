// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>
/// Builds the DER <c>OCSPRequest</c> (RFC 6960 §4.1.1) equivalent to an <see cref="OcspRequestData"/>: one Request
/// with its CertID, no nonce, no signature; so the adapter's answer is exactly what a station's own OCSP request would
/// get, from the same answering chain.
/// </summary>
internal static class OcspRequestEncoder
{
    /// <summary>Encodes the request.</summary>
    /// <param name="data">The CertID parts.</param>
    /// <returns>The DER OCSPRequest.</returns>
    public static byte[] Encode(OcspRequestData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())               // OCSPRequest
        using (writer.PushSequence())               // tbsRequest
        using (writer.PushSequence())               // requestList
        using (writer.PushSequence())               // Request
        using (writer.PushSequence())               // reqCert CertID
        {
            writer.WriteEncodedValue(OcspHashAlgorithms.GetAlgorithmIdentifier(data.HashAlgorithm));
            writer.WriteOctetString(data.IssuerNameHash);
            writer.WriteOctetString(data.IssuerKeyHash);

            // The serial is already the INTEGER's content octets (minimal, positive).
            writer.WriteInteger(data.SerialNumber);
        }

        return writer.Encode();
    }
}
