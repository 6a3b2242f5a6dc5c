// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Formats.Asn1;
using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

public class OcspResponseAssemblerTests
{
    private static byte[] SignedPart(int signatureLength = 71)
    {
        var fields = new ResponseDataFields { ResponderId = ResponderId.ByKey(new byte[20]), ProducedAt = DateTimeOffset.UnixEpoch.AddYears(55) };
        IssuerHashes[] issuer = [new(OcspHashAlgorithm.Sha1, new byte[20], new byte[20])];
        var responses = new CertificateSingleResponses(issuer, [0x05], CertStatusInfo.Good(DateTimeOffset.UnixEpoch.AddYears(55), null));
        var buffer = new byte[2048];
        Assert.True(OcspResponseWriter.TryWriteSignedPart(buffer, fields, responses, new FakeSigner(signatureLength, 1000), out var written));
        return buffer[..written];
    }

    private static byte[] Certificate(int contentLength) => [0x30, .. LengthOctets(contentLength), .. new byte[contentLength]];

    private static byte[] LengthOctets(int length)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(new byte[length]);
        var encoded = w.Encode();
        return encoded[1..(encoded.Length - length)];
    }

    [Theory]
    [InlineData(0, 71)]
    [InlineData(1, 71)]
    [InlineData(2, 71)]
    [InlineData(1, 114)]
    [InlineData(3, 600)]
    public void TryAssemble_SignedPartAndCertificates_ReadsBackSameBytes(int certificateCount, int signatureLength)
    {
        var signedPart = SignedPart(signatureLength);
        var each = Enumerable.Range(0, certificateCount).Select(i => Certificate(100 + (i * 200))).ToArray();
        var certificates = each.SelectMany(c => c).ToArray();
        var length = OcspResponseAssembler.GetLength(signedPart.Length, certificates.Length);
        var response = new byte[length + 7];

        Assert.True(OcspResponseAssembler.TryAssemble(signedPart, certificates, response, out var written));
        Assert.Equal(length, written);
        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response.AsSpan(0, written), out var info));

        Assert.Equal(OcspResponseStatus.Successful, info.ResponseStatus);
        Assert.Equal(Hex.Of(signedPart), Hex.Of(info.SignedPart));
        Assert.Equal(Hex.Of(certificates), Hex.Of(info.Certificates));
        Assert.Equal(certificateCount, info.CertificateCount);
        var n = 0;
        foreach (var cert in info.GetCertificates())
        {
            Assert.Equal(Hex.Of(each[n++]), Hex.Of(cert));
        }

        Assert.Equal(certificateCount, n);
        AssertAsnReaderAgrees(response.AsSpan(0, written).ToArray(), signedPart, certificates);
    }

    /// <summary>System.Formats.Asn1 reads the same layout (independent check of every header we computed).</summary>
    private static void AssertAsnReaderAgrees(byte[] response, byte[] signedPart, byte[] certificates)
    {
        var outer = new AsnReader(response, AsnEncodingRules.DER);
        var seq = outer.ReadSequence();
        Assert.False(outer.HasData);
        Assert.Equal(0, seq.ReadEnumeratedValue<OcspResponseStatus>() switch { OcspResponseStatus.Successful => 0, _ => 1 });
        var bytes = seq.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        Assert.Equal("1.3.6.1.5.5.7.48.1.1", bytes.ReadObjectIdentifier());
        var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbs = basic.ReadEncodedValue().ToArray();
        var algorithm = basic.ReadEncodedValue().ToArray();
        var signature = basic.ReadEncodedValue().ToArray();
        Assert.Equal(Hex.Of(signedPart), Hex.Of([.. tbs, .. algorithm, .. signature]));
        if (certificates.Length == 0)
        {
            Assert.False(basic.HasData);
            return;
        }

        var certs = basic.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        var all = new List<byte>();
        while (certs.HasData)
        {
            all.AddRange(certs.ReadEncodedValue().ToArray());
        }

        Assert.Equal(certificates, all.ToArray());
    }

    [Fact]
    public void TryAssemble_DestinationOneByteShort_ReturnsFalseAndLeavesItUntouched()
    {
        var signedPart = SignedPart();
        var cert = Certificate(300);
        var destination = Enumerable.Repeat((byte)0xEE, OcspResponseAssembler.GetLength(signedPart.Length, cert.Length) - 1).ToArray();

        Assert.False(OcspResponseAssembler.TryAssemble(signedPart, cert, destination, out var written));
        Assert.Equal(0, written);
        Assert.All(destination, b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Assemble_BufferWriter_MatchesSpanVersion()
    {
        var signedPart = SignedPart();
        var cert = Certificate(450);
        var expected = new byte[OcspResponseAssembler.GetLength(signedPart.Length, cert.Length)];
        Assert.True(OcspResponseAssembler.TryAssemble(signedPart, cert, expected, out _));
        var output = new ArrayBufferWriter<byte>(16);

        var written = OcspResponseAssembler.Assemble(signedPart, cert, output);

        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("MalformedRequest", "3003 0A0101")]
    [InlineData("InternalError", "3003 0A0102")]
    [InlineData("TryLater", "3003 0A0103")]
    [InlineData("SigRequired", "3003 0A0105")]
    [InlineData("Unauthorized", "3003 0A0106")]
    public void OcspErrorResponses_Get_GoldenBytesReadBack(string name, string hex)
    {
        var status = Enum.Parse<OcspResponseStatus>(name);

        Assert.Equal(hex.Replace(" ", "", StringComparison.Ordinal), Hex.Of(OcspErrorResponses.Get(status)));
        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(OcspErrorResponses.Get(status), out var info));
        Assert.Equal(status, info.ResponseStatus);
    }

    [Fact]
    public void OcspErrorResponses_Successful_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OcspErrorResponses.Get(OcspResponseStatus.Successful).Length);
    }

    [Theory]
    [InlineData("3003 0A0104", OcspParseStatus.InvalidResponseStatus, "status 4 is unused")]
    [InlineData("3003 0A0107", OcspParseStatus.InvalidResponseStatus, "status 7 undefined")]
    [InlineData("3003 0A0100", OcspParseStatus.InvalidResponseStatus, "successful without responseBytes")]
    [InlineData("3005 0A0101 0500", OcspParseStatus.UnexpectedStructure, "error with extra field")]
    [InlineData("3003 020101", OcspParseStatus.UnexpectedStructure, "INTEGER status")]
    [InlineData("3015 0A0100 A010 300E 06092B0601050507300102 0401 00", OcspParseStatus.UnsupportedResponseType, "nonce OID as response type")]
    public void TryRead_BrokenResponse_ReturnsStatus(string hex, OcspParseStatus expected, string why)
    {
        Assert.True(expected == OcspResponseReader.TryRead(Hex.Parse(hex), out _), why);
    }
}
