// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Tests.Ocpp;

public class OcspRequestDataParserTests
{
    private static readonly string NameHash = new('a', 64);
    private static readonly string KeyHash = new('B', 64);

    [Fact]
    public void TryParse_WrappedRequest_CertIdParts()
    {
        var data = Parse($$$"""{"ocspRequestData":{"hashAlgorithm":"SHA256","issuerNameHash":"{{{NameHash}}}","issuerKeyHash":"{{{KeyHash}}}","serialNumber":"00A1","responderURL":"http://ocsp.example/"},"customData":{"vendorId":"x"}}""");

        Assert.Equal(OcspHashAlgorithm.Sha256, data.HashAlgorithm);
        Assert.Equal(Convert.FromHexString(NameHash), data.IssuerNameHash);
        Assert.Equal(Convert.FromHexString(KeyHash), data.IssuerKeyHash);
        Assert.Equal(new byte[] { 0x00, 0xA1 }, data.SerialNumber);
        Assert.Equal("http://ocsp.example/", data.ResponderUrl);
    }

    [Fact]
    public void TryParse_BareObjectOtherCaseNoResponderUrl_Accepted()
    {
        var data = Parse($$$"""{"HashAlgorithm":"sha256","IssuerNameHash":"{{{NameHash}}}","issuerkeyhash":"{{{KeyHash}}}","SerialNumber":"0001"}""");
        Assert.Equal(new byte[] { 0x01 }, data.SerialNumber);
        Assert.Null(data.ResponderUrl);
    }

    [Theory]
    [InlineData("""{"ocspRequestData":null}""", "FormatViolation", "ocspRequestData: must be an object")]
    [InlineData("""{"ocspRequestData":{}}""", "FormatViolation", "ocspRequestData.hashAlgorithm: missing")]
    [InlineData("""{"hashAlgorithm":256}""", "FormatViolation", "hashAlgorithm: must be a string")]
    [InlineData("\"x\"", "FormatViolation", "must be a JSON object")]
    public void TryParse_Shape_FormatViolation(string json, string reasonCode, string info)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(OcspRequestDataParser.TryParse(document.RootElement, out _, out var failure));
        Assert.Equal(reasonCode, failure!.ReasonCode);
        Assert.Contains(info, failure.AdditionalInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ResponderUrlTooLong_InvalidValue()
    {
        using var document = JsonDocument.Parse($$$"""{"hashAlgorithm":"SHA256","issuerNameHash":"{{{NameHash}}}","issuerKeyHash":"{{{KeyHash}}}","serialNumber":"01","responderURL":"{{{new string('u', 513)}}}"}""");
        Assert.False(OcspRequestDataParser.TryParse(document.RootElement, out _, out var failure));
        Assert.Equal("InvalidValue", failure!.ReasonCode);
    }

    [Fact]
    public void Encode_SameCertIdAsOpensslRequest_ByteForByte()
    {
        // openssl ocsp -issuer ca.pem -sha256 -serial 0x1001 -no_nonce (TestData/make-fixtures.sh).
        var openssl = Fixtures.Read("ocsp-set/table/s0001.req");
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(openssl, out var request));
        var id = request.FirstCertId;

        var encoded = OcspRequestEncoder.Encode(new OcspRequestData(id.HashAlgorithm, id.IssuerNameHash.ToArray(), id.IssuerKeyHash.ToArray(), id.SerialNumber.ToArray(), null));

        Assert.Equal(Convert.ToHexString(openssl), Convert.ToHexString(encoded));
    }

    [Fact]
    public void Encode_HighBitSerial_ParsesBackAsPositive()
    {
        var data = new OcspRequestData(OcspHashAlgorithm.Sha512, new byte[64], new byte[64], [0x00, 0x80, 0x01], null);
        var encoded = OcspRequestEncoder.Encode(data);

        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(encoded, out var request));
        Assert.Equal(1, request.Count);
        Assert.Equal(OcspHashAlgorithm.Sha512, request.FirstCertId.HashAlgorithm);
        Assert.Equal(new byte[] { 0x00, 0x80, 0x01 }, request.FirstCertId.SerialNumber.ToArray());
        Assert.False(request.HasNonce);
    }

    [Fact]
    public void IsPath_RouteVariants()
    {
        Assert.True(OcppCertificateStatusHandler.IsPath("/api/v1/ocpp/certificate-status"));
        Assert.True(OcppCertificateStatusHandler.IsPath("/api/v1/ocpp/certificate-status/"));
        Assert.True(OcppCertificateStatusHandler.IsPath("/API/v1/OCPP/certificate-status?x=1"));
        Assert.False(OcppCertificateStatusHandler.IsPath("/api/v1/ocpp/certificate-status/x"));
        Assert.False(OcppCertificateStatusHandler.IsPath("/api/v1/ocpp"));
        Assert.False(OcppCertificateStatusHandler.IsPath("/"));
    }

    private static OcspRequestData Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(OcspRequestDataParser.TryParse(document.RootElement, out var data, out var failure), failure?.AdditionalInfo);
        return data!;
    }
}
