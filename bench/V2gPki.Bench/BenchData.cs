// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Ocsp;

namespace V2gPki.Bench;

/// <summary>Shared benchmark inputs (docs/style.md §26): realistic requests, a signed part and a delegated signer certificate.</summary>
public static class BenchData
{
    /// <summary>An openssl-shaped request: one SHA-1 CertID (8-octet serial) and a 16-octet wrapped nonce.</summary>
    public static readonly byte[] RequestSha1WithNonce = Convert.FromHexString(
        "306E306C3045304330413009" + "06052B0E03021A0500" + "0414D08CE9DAE861987DE0483E887955106165F6F7D4" +
        "0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388" + "02080123456789ABCDEF" +
        "A2233021301F06092B0601050507300102041204103DDC0135210E9F5DF0A8BF8D76A93050");

    /// <summary>A P-256 delegated signer certificate (self-signed here; only its size and bytes matter).</summary>
    public static readonly byte[] SignerCertificate = MakeCertificate();

    /// <summary>A signed part with SHA-1 and SHA-256 SingleResponses, byKey, and a 72-byte ECDSA-shaped signature.</summary>
    public static readonly byte[] SignedPart = MakeSignedPart();

    private static byte[] MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cpo-sub2-ocsp, O=V2gPki Bench", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.9")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(90));
        return certificate.RawData;
    }

    private static byte[] MakeSignedPart()
    {
        IssuerHashes[] issuer =
        [
            new(OcspHashAlgorithm.Sha1, new byte[20], new byte[20]),
            new(OcspHashAlgorithm.Sha256, new byte[32], new byte[32]),
        ];
        var keyHash = new byte[20];
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(keyHash), ProducedAt = DateTimeOffset.UnixEpoch.AddYears(56) };
        var responses = new CertificateSingleResponses(issuer, [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF],
            CertStatusInfo.Good(DateTimeOffset.UnixEpoch.AddYears(56), DateTimeOffset.UnixEpoch.AddYears(56).AddDays(10)));
        var tbs = new byte[1024];
        OcspResponseWriter.TryWriteTbsResponseData(tbs, fields, responses, out var tbsLength);
        var signature = new byte[72];
        signature[0] = 0x30;
        var part = new byte[2048];
        SignedResponsePart.TryWrite(part, tbs.AsSpan(0, tbsLength), OcspSignatureAlgorithms.EcdsaWithSha256, signature, out var length);
        return part[..length];
    }
}
