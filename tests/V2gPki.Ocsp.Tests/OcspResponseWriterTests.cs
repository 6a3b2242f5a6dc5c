// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

public class OcspResponseWriterTests
{
    private static readonly byte[] KeyHash = RequestBuilder.Filled(20, 0x6B);
    private static readonly byte[] NameHash1 = RequestBuilder.Filled(20, 0x11);
    private static readonly byte[] KeyHash1 = RequestBuilder.Filled(20, 0x22);
    private static readonly byte[] NameHash256 = RequestBuilder.Filled(32, 0x33);
    private static readonly byte[] KeyHash256 = RequestBuilder.Filled(32, 0x44);
    private static readonly byte[] Serial = [0x00, 0x80, 0x01];
    private static readonly DateTimeOffset Produced = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThisUpdate = new(2025, 6, 1, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextUpdate = new(2025, 6, 11, 11, 0, 0, TimeSpan.Zero);

    private static IssuerHashes[] Issuer => [new(OcspHashAlgorithm.Sha1, NameHash1, KeyHash1), new(OcspHashAlgorithm.Sha256, NameHash256, KeyHash256)];

    private static byte[] WriteTbs(CertStatusInfo status, byte[] nonce, bool extendedRevoke, byte[]? singleExtensions = null)
    {
        var fields = new ResponseDataFields
        {
            ResponderId = ResponderId.ByKey(KeyHash),
            ProducedAt = Produced,
            NonceExtensionValue = nonce,
            ExtendedRevokedDefinition = extendedRevoke,
        };
        var responses = new CertificateSingleResponses(Issuer, Serial, status, singleExtensions ?? []);
        var length = OcspResponseWriter.GetTbsResponseDataLength(fields, responses);
        var buffer = new byte[length];
        Assert.True(OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, responses, out var written));
        Assert.Equal(length, written);
        return buffer;
    }

    /// <summary>The same ResponseData built with AsnWriter: an independent encoder.</summary>
    private static byte[] ExpectedTbs(CertStatusInfo status, byte[] nonce, bool extendedRevoke, byte[]? singleExtensions = null)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
            {
                w.WriteOctetString(KeyHash);
            }

            w.WriteGeneralizedTime(Produced, omitFractionalSeconds: true);
            using (w.PushSequence())
            {
                foreach (var issuer in Issuer)
                {
                    using (w.PushSequence())
                    {
                        using (w.PushSequence())
                        {
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(issuer.Algorithm == OcspHashAlgorithm.Sha1 ? RequestBuilder.Sha1 : RequestBuilder.Sha256);
                                w.WriteNull();
                            }

                            w.WriteOctetString(issuer.NameHash.Span);
                            w.WriteOctetString(issuer.KeyHash.Span);
                            w.WriteInteger(Serial);
                        }

                        switch (status.Status)
                        {
                            case CertStatus.Good:
                                w.WriteNull(new Asn1Tag(TagClass.ContextSpecific, 0));
                                break;
                            case CertStatus.Unknown:
                                w.WriteNull(new Asn1Tag(TagClass.ContextSpecific, 2));
                                break;
                            default:
                                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                                {
                                    w.WriteGeneralizedTime(status.RevocationTime, omitFractionalSeconds: true);
                                    if (status.RevocationReason is { } reason)
                                    {
                                        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                                        {
                                            w.WriteEnumeratedValue(reason);
                                        }
                                    }
                                }

                                break;
                        }

                        w.WriteGeneralizedTime(status.ThisUpdate, omitFractionalSeconds: true);
                        if (status.NextUpdate is { } next)
                        {
                            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                            {
                                w.WriteGeneralizedTime(next, omitFractionalSeconds: true);
                            }
                        }

                        if (singleExtensions is { Length: > 0 })
                        {
                            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                            using (w.PushSequence())
                            {
                                w.WriteEncodedValue(singleExtensions);
                            }
                        }
                    }
                }
            }

            if (nonce.Length > 0 || extendedRevoke)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                using (w.PushSequence())
                {
                    if (nonce.Length > 0)
                    {
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1.2");
                            w.WriteOctetString(nonce);
                        }
                    }

                    if (extendedRevoke)
                    {
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1.9");
                            w.WriteOctetString([0x05, 0x00]);
                        }
                    }
                }
            }
        }

        return w.Encode();
    }

    public static TheoryData<string> Statuses => new() { "good", "revoked-reason", "revoked", "unknown", "not-issued", "no-next-update" };

    private static CertStatusInfo StatusFor(string name) => name switch
    {
        "good" => CertStatusInfo.Good(ThisUpdate, NextUpdate),
        "revoked-reason" => CertStatusInfo.Revoked(Produced.AddDays(-3), CrlReason.Superseded, ThisUpdate, NextUpdate),
        "revoked" => CertStatusInfo.Revoked(Produced.AddDays(-3), null, ThisUpdate, NextUpdate),
        "unknown" => CertStatusInfo.Unknown(ThisUpdate, NextUpdate),
        "not-issued" => CertStatusInfo.NotIssued(ThisUpdate, NextUpdate),
        _ => CertStatusInfo.Good(ThisUpdate, null),
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void TryWriteTbsResponseData_EachStatus_MatchesAsnWriterByteForByte(string name)
    {
        var status = StatusFor(name);
        var extended = name == "not-issued";
        var nonce = name == "good" ? Hex.Parse("0410 00112233445566778899AABBCCDDEEFF") : [];
        var singleExtension = name == "unknown" ? Hex.Parse("300F 06092B0601050507300107 04023000") : [];

        Assert.Equal(Hex.Of(ExpectedTbs(status, nonce, extended, singleExtension)), Hex.Of(WriteTbs(status, nonce, extended, singleExtension)));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void TryReadSignedPart_WrittenResponse_ReadsBackEveryField(string name)
    {
        var status = StatusFor(name);
        byte[] nonce = [0x04, 0x02, 0xAB, 0xCD];
        var tbs = WriteTbs(status, nonce, name == "not-issued");
        var signedPart = new byte[512];
        Assert.True(SignedResponsePart.TrySign(signedPart, tbs, new FakeSigner(), out var length));

        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryReadSignedPart(signedPart.AsSpan(0, length), out var info));

        Assert.Equal(Hex.Of(tbs), Hex.Of(info.TbsResponseData));
        Assert.Equal(ResponderIdKind.ByKey, info.ResponderId.Kind);
        Assert.Equal(Hex.Of(KeyHash), Hex.Of(info.ResponderId.Value));
        Assert.Equal(Produced, info.ProducedAt);
        Assert.Equal(0, info.Version);
        Assert.True(info.HasNonce);
        Assert.Equal(Hex.Of(nonce), Hex.Of(info.NonceExtensionValue));
        Assert.Equal(name == "not-issued", info.HasExtendedRevokedDefinition);
        Assert.Equal(Hex.Of(OcspSignatureAlgorithms.EcdsaWithSha256), Hex.Of(info.SignatureAlgorithm));
        Assert.Equal(71, info.Signature.Length);
        Assert.Equal(2, info.ResponseCount);
        var i = 0;
        foreach (var single in info.GetResponses())
        {
            Assert.True(single.CertId.Matches(Issuer[i++].ToCertId(Serial)));
            Assert.Equal(status, single.StatusInfo);
        }

        Assert.Equal(2, i);
    }

    [Fact]
    public void TryWriteTbsResponseData_DestinationOneByteShort_ReturnsFalseAndLeavesItUntouched()
    {
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = Produced };
        var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.Good(ThisUpdate, NextUpdate));
        var length = OcspResponseWriter.GetTbsResponseDataLength(fields, responses);
        var buffer = Enumerable.Repeat((byte)0xCC, length - 1).ToArray();

        Assert.False(OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, responses, out var written));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0xCC, b));
    }

    [Fact]
    public void TryWriteSignedPart_DestinationBelowMaxLength_ReturnsFalseWithoutSigning()
    {
        var signer = new FakeSigner();
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = Produced };
        var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.Good(ThisUpdate, NextUpdate));
        var max = SignedResponsePart.GetMaxLength(OcspResponseWriter.GetTbsResponseDataLength(fields, responses), signer);

        Assert.False(OcspResponseWriter.TryWriteSignedPart(new byte[max - 1], fields, responses, signer, out var written));
        Assert.Equal(0, written);
        Assert.Equal(0, signer.Calls);
        Assert.True(OcspResponseWriter.TryWriteSignedPart(new byte[max], fields, responses, signer, out written));
        Assert.Equal(max - 1, written); // 71-byte signature against a 72-byte maximum
        Assert.Equal(1, signer.Calls);
    }

    [Fact]
    public void TrySign_TbsAlreadyInDestination_SignsTheUnchangedTbs()
    {
        var tbs = WriteTbs(StatusFor("good"), [], false);
        var signer = new FakeSigner();
        var buffer = new byte[tbs.Length + 100];
        tbs.CopyTo(buffer, 0);

        Assert.True(SignedResponsePart.TrySign(buffer, buffer.AsSpan(0, tbs.Length), signer, out var written));

        Assert.Equal(tbs, signer.LastData);
        Assert.Equal(OcspParseStatus.Ok, SignedResponsePart.TryRead(buffer.AsSpan(0, written), out var readTbs, out var algorithm, out var signature));
        Assert.Equal(Hex.Of(tbs), Hex.Of(readTbs));
        Assert.Equal(Hex.Of(OcspSignatureAlgorithms.EcdsaWithSha256), Hex.Of(algorithm));
        Assert.Equal(71, signature.Length);
    }

    [Fact]
    public void TryWriteResponse_LivePath_EqualsSignedPartPlusAssembly()
    {
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = Produced, ExtendedRevokedDefinition = true };
        var responses = new CertificateSingleResponses(Issuer, Serial, CertStatusInfo.NotIssued(ThisUpdate, NextUpdate));
        var certificate = Hex.Parse("3003 020101");
        var response = new byte[2048];

        Assert.True(OcspResponseWriter.TryWriteResponse(response, fields, responses, new FakeSigner(), certificate, out var written));

        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response.AsSpan(0, written), out var info));
        Assert.True(info.HasExtendedRevokedDefinition);
        Assert.Equal(1, info.CertificateCount);
        Assert.False(OcspResponseWriter.TryWriteResponse(new byte[written - 1], fields, responses, new FakeSigner(), certificate, out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void ResponderId_ByName_WritesExplicitName()
    {
        var name = Hex.Parse("300F 310D 300B 0603550403 0C04 74657374");
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByName(name), ProducedAt = Produced };
        var responses = new CertificateSingleResponses(Issuer.AsSpan(0, 1), [0x01], CertStatusInfo.Good(ThisUpdate, null));
        var buffer = new byte[512];

        Assert.True(OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, responses, out var written));
        var reader = new AsnReader(buffer.AsMemory(0, written), AsnEncodingRules.DER).ReadSequence();
        var byName = reader.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1));
        Assert.Equal(name, byName.ReadEncodedValue().ToArray());
    }

    [Fact]
    public void Writer_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => ResponderId.ByKey(new byte[19]));
        Assert.Throws<ArgumentException>(() => ResponderId.ByName([0x04, 0x00]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertStatusInfo.Revoked(Produced, (CrlReason)7, ThisUpdate, null));
        Assert.Throws<ArgumentException>(() => new IssuerHashes(OcspHashAlgorithm.Sha256, NameHash1, KeyHash1));
        Assert.Throws<ArgumentException>(() => WriteWithSerial([0x00, 0x01]));
        Assert.Throws<ArgumentException>(() => WriteWithSerial(new byte[21].Select(_ => (byte)0x11).ToArray()));
        Assert.Throws<ArgumentException>(() => WriteWithSerial([]));
        Assert.Throws<ArgumentException>(() => SignedResponsePart.TryWrite(new byte[100], [0x04, 0x00], OcspSignatureAlgorithms.Ed448, [1], out _));
    }

    private static void WriteWithSerial(byte[] serial)
    {
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = Produced };
        var responses = new CertificateSingleResponses(Issuer, serial, CertStatusInfo.Good(ThisUpdate, null));
        OcspResponseWriter.TryWriteTbsResponseData(new byte[1024], fields, responses, out _);
    }

    [Fact]
    public void OneSingleResponse_ParsedRequestCertId_IsAnsweredVerbatim()
    {
        var request = new RequestBuilder().With(RequestBuilder.Sha256CertId([0x00, 0x99], nullParameters: false)).Build();
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(request, out var parsed));
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(KeyHash), ProducedAt = Produced };
        var responses = new OneSingleResponse(new SingleResponse(parsed.FirstCertId, CertStatusInfo.Unknown(ThisUpdate, NextUpdate)));
        var buffer = new byte[512];
        Assert.True(OcspResponseWriter.TryWriteTbsResponseData(buffer, fields, responses, out var tbsLength));
        var signedPart = new byte[1024];
        Assert.True(SignedResponsePart.TrySign(signedPart, buffer.AsSpan(0, tbsLength), new FakeSigner(), out var length));

        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryReadSignedPart(signedPart.AsSpan(0, length), out var info));
        var e = info.GetResponses();
        Assert.True(e.MoveNext());
        Assert.True(e.Current.CertId.Matches(parsed.FirstCertId));
        Assert.Equal(CertStatus.Unknown, e.Current.Status);
    }
}
