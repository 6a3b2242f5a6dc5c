// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>Runs the production pipeline (tbsResponseData → signed part → assemble) for tests.</summary>
public static class ResponseMaker
{
    /// <summary>Whole seconds now, so read-back times compare equal.</summary>
    public static DateTimeOffset Now { get; } = TruncateToSeconds(DateTimeOffset.UtcNow);

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public sealed record Options
    {
        public OcspHashAlgorithm[] Algorithms { get; init; } = [OcspHashAlgorithm.Sha1];

        public byte[] NonceExtensionValue { get; init; } = [];

        public bool ExtendedRevokedDefinition { get; init; }

        public bool ByName { get; init; }

        public bool IncludeCertificate { get; init; } = true;

        public byte[] SingleExtensions { get; init; } = [];

        public byte[] AdditionalExtensions { get; init; } = [];
    }

    public static CertStatusInfo Good() => CertStatusInfo.Good(Now.AddHours(-1), Now.AddDays(10));

    /// <summary>Makes the signed part only.</summary>
    public static byte[] SignedPart(byte[] issuerCertificate, PkiFixture.Signer signer, byte[] serial, CertStatusInfo status, Options? options = null)
    {
        options ??= new Options();
        var hashes = Array.ConvertAll(options.Algorithms, a => IssuerHashes.Compute(a, issuerCertificate));
        var keyHash = new byte[20];
        Assert.True(ResponderId.TryComputeKeyHash(signer.CertificateDer, keyHash));
        Assert.True(CertificateFields.TryReadSubjectAndPublicKey(signer.CertificateDer, out var subject, out _));
        var fields = new ResponseDataFields
        {
            ResponderId = options.ByName ? ResponderId.ByName(subject) : ResponderId.ByKey(keyHash),
            ProducedAt = Now,
            NonceExtensionValue = options.NonceExtensionValue,
            ExtendedRevokedDefinition = options.ExtendedRevokedDefinition,
            AdditionalExtensions = options.AdditionalExtensions,
        };
        var responses = new CertificateSingleResponses(hashes, serial, status, options.SingleExtensions);
        var buffer = new byte[SignedResponsePart.GetMaxLength(OcspResponseWriter.GetTbsResponseDataLength(fields, responses), signer.OcspSigner)];
        Assert.True(OcspResponseWriter.TryWriteSignedPart(buffer, fields, responses, signer.OcspSigner, out var written));
        return buffer[..written];
    }

    /// <summary>Makes a complete OCSPResponse with the signer certificate spliced in.</summary>
    public static byte[] Response(byte[] issuerCertificate, PkiFixture.Signer signer, byte[] serial, CertStatusInfo status, Options? options = null)
    {
        options ??= new Options();
        var signedPart = SignedPart(issuerCertificate, signer, serial, status, options);
        var certificates = options.IncludeCertificate ? signer.CertificateDer : [];
        var response = new byte[OcspResponseAssembler.GetLength(signedPart.Length, certificates.Length)];
        Assert.True(OcspResponseAssembler.TryAssemble(signedPart, certificates, response, out var written));
        Assert.Equal(response.Length, written);
        return response;
    }
}
