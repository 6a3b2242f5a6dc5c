// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>Hand-made requests: odd but answerable ones are answered and flagged; broken ones get their status.</summary>
public class OcspRequestParserTests
{
    /// <summary>openssl ocsp -no_nonce for one SHA-1 CertID (serial 0x0123456789ABCDEF).</summary>
    private const string OpenSslSha1NoNonce =
        "3049 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 " +
        "0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF";

    private static OcspRequest ParseOk(byte[] der, OcspRequestQuirks expectedQuirks, OcspRequestOptions options = default)
    {
        var status = OcspRequestParser.TryParse(der, options, out var request);
        Assert.Equal(OcspParseStatus.Ok, status);
        Assert.Equal(expectedQuirks, request.Quirks);
        SlowRequestParser.AssertAgrees(der, request, options.EnforceNonceLength);
        return request;
    }

    [Fact]
    public void TryParse_OpenSslVector_ReadsCertId()
    {
        var request = ParseOk(Hex.Parse(OpenSslSha1NoNonce), OcspRequestQuirks.None);

        Assert.Equal(1, request.Count);
        Assert.Equal(OcspHashAlgorithm.Sha1, request.FirstCertId.HashAlgorithm);
        Assert.Equal("D08CE9DAE861987DE0483E887955106165F6F7D4", Hex.Of(request.FirstCertId.IssuerNameHash));
        Assert.Equal("089F6FE9AEAA395D84DDF0A6C562E7705DEED388", Hex.Of(request.FirstCertId.IssuerKeyHash));
        Assert.Equal("0123456789ABCDEF", Hex.Of(request.FirstCertId.SerialNumber));
        Assert.False(request.HasNonce);
    }

    [Fact]
    public void TryParse_EveryStrictPrefix_ReturnsTruncated()
    {
        var der = Hex.Parse(OpenSslSha1NoNonce);
        for (var length = 0; length < der.Length; length++)
        {
            Assert.Equal(OcspParseStatus.Truncated, OcspRequestParser.TryParse(der.AsSpan(0, length), out var request));
            Assert.Equal(0, request.Count);
        }
    }

    [Fact]
    public void TryParse_TrailingByte_ReturnsTrailingData()
    {
        byte[] der = [.. Hex.Parse(OpenSslSha1NoNonce), 0x00];

        Assert.Equal(OcspParseStatus.TrailingData, OcspRequestParser.TryParse(der, out _));
    }

    [Fact]
    public void TryParse_HashWithoutNullParameters_IsAccepted()
    {
        // RFC 5754 §2: SHA-2 parameters SHOULD be absent; both forms must be accepted.
        var der = new RequestBuilder().With(RequestBuilder.Sha256CertId([0x01], nullParameters: false)).Build();

        var request = ParseOk(der, OcspRequestQuirks.None);

        Assert.Equal(OcspHashAlgorithm.Sha256, request.FirstCertId.HashAlgorithm);
    }

    [Fact]
    public void TryParse_NonceWithoutInnerOctetString_AnsweredAndFlagged()
    {
        var raw = RequestBuilder.Filled(16, 0x9C);
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId())
            .With(new RequestBuilder.ExtensionSpec(RequestBuilder.NonceOid, null, raw)).Build();

        var request = ParseOk(der, OcspRequestQuirks.NonceWithoutOctetString);

        Assert.True(request.HasNonce);
        Assert.Equal(Hex.Of(raw), Hex.Of(request.Nonce));
        Assert.Equal(Hex.Of(raw), Hex.Of(request.NonceExtensionValue));
    }

    [Fact]
    public void TryParse_WrappedNonce_ExposesInnerAndOuterValue()
    {
        var nonce = RequestBuilder.Filled(32, 0x7E);
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId()).With(RequestBuilder.WrappedNonce(nonce)).Build();

        var request = ParseOk(der, OcspRequestQuirks.None);

        Assert.Equal(Hex.Of(nonce), Hex.Of(request.Nonce));
        Assert.Equal("0420" + Hex.Of(nonce), Hex.Of(request.NonceExtensionValue));
    }

    [Fact]
    public void TryParse_ExplicitDefaultVersion_AnsweredAndFlagged()
    {
        var der = new RequestBuilder { ExplicitVersion = 0 }.With(RequestBuilder.Sha1CertId()).Build();

        ParseOk(der, OcspRequestQuirks.ExplicitDefaultVersion);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void TryParse_VersionOtherThanV1_ReturnsUnsupportedVersion(int version)
    {
        var der = new RequestBuilder { ExplicitVersion = version }.With(RequestBuilder.Sha1CertId()).Build();

        Assert.Equal(OcspParseStatus.UnsupportedVersion, OcspRequestParser.TryParse(der, out _));
        Assert.Null(SlowRequestParser.Parse(der));
    }

    [Fact]
    public void TryParse_RequestorName_AnsweredAndFlagged()
    {
        var der = new RequestBuilder { RequestorName = true }.With(RequestBuilder.Sha1CertId()).Build();

        ParseOk(der, OcspRequestQuirks.RequestorName);
    }

    [Fact]
    public void TryParse_SignedRequest_AnsweredAndFlagged()
    {
        var der = new RequestBuilder { Signature = true, RequestorName = true }.With(RequestBuilder.Sha1CertId()).Build();

        ParseOk(der, OcspRequestQuirks.Signature | OcspRequestQuirks.RequestorName);
    }

    [Fact]
    public void TryParse_AllOdditiesTogether_AnsweredWithEveryFlag()
    {
        var single = new List<RequestBuilder.ExtensionSpec> { new("1.3.6.1.5.5.7.48.1.7", null, [0x30, 0x00]) };
        var der = new RequestBuilder { ExplicitVersion = 0, RequestorName = true, Signature = true }
            .With(RequestBuilder.Sha1CertId() with { SingleExtensions = single })
            .With(new RequestBuilder.ExtensionSpec(RequestBuilder.NonceOid, false, [0x01, 0x02]))
            .With(new RequestBuilder.ExtensionSpec("1.3.6.1.5.5.7.48.1.4", null, [0x30, 0x00]))
            .Build();

        var request = ParseOk(der,
            OcspRequestQuirks.ExplicitDefaultVersion | OcspRequestQuirks.RequestorName | OcspRequestQuirks.Signature
            | OcspRequestQuirks.IgnoredSingleRequestExtension | OcspRequestQuirks.NonceWithoutOctetString
            | OcspRequestQuirks.ExplicitDefaultCritical | OcspRequestQuirks.IgnoredRequestExtension);

        Assert.Equal("0102", Hex.Of(request.Nonce));
    }

    [Fact]
    public void TryParse_UnknownNonCriticalExtension_AnsweredAndFlagged()
    {
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId())
            .With(new RequestBuilder.ExtensionSpec("1.2.3.4.5", null, [0xDE, 0xAD])).Build();

        ParseOk(der, OcspRequestQuirks.IgnoredRequestExtension);
    }

    [Fact]
    public void TryParse_UnknownCriticalRequestExtension_ReturnsUnknownCriticalExtension()
    {
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId())
            .With(new RequestBuilder.ExtensionSpec("1.2.3.4.5", true, [0xDE, 0xAD])).Build();

        Assert.Equal(OcspParseStatus.UnknownCriticalExtension, OcspRequestParser.TryParse(der, out _));
        Assert.Null(SlowRequestParser.Parse(der));
    }

    [Fact]
    public void TryParse_UnknownCriticalSingleRequestExtension_ReturnsUnknownCriticalExtension()
    {
        var single = new List<RequestBuilder.ExtensionSpec> { new("1.3.6.1.5.5.7.48.1.7", true, [0x30, 0x00]) };
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId() with { SingleExtensions = single }).Build();

        Assert.Equal(OcspParseStatus.UnknownCriticalExtension, OcspRequestParser.TryParse(der, out _));
    }

    [Fact]
    public void TryParse_CriticalNonce_IsUnderstood()
    {
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId())
            .With(RequestBuilder.WrappedNonce([1, 2, 3]) with { Critical = true }).Build();

        var request = ParseOk(der, OcspRequestQuirks.None);

        Assert.Equal("010203", Hex.Of(request.Nonce));
    }

    [Fact]
    public void TryParse_TwoNonces_ReturnsDuplicateExtension()
    {
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId())
            .With(RequestBuilder.WrappedNonce([1])).With(RequestBuilder.WrappedNonce([2])).Build();

        Assert.Equal(OcspParseStatus.DuplicateExtension, OcspRequestParser.TryParse(der, out _));
    }

    [Theory]
    [InlineData(0, false, OcspRequestQuirks.NonceLengthOutOfRange)]
    [InlineData(129, false, OcspRequestQuirks.NonceLengthOutOfRange)]
    [InlineData(1, true, OcspRequestQuirks.None)]
    [InlineData(128, true, OcspRequestQuirks.None)]
    [InlineData(32, false, OcspRequestQuirks.None)]
    public void TryParse_NonceLength_FlaggedUnlessPolicyEnforces(int length, bool enforce, OcspRequestQuirks quirks)
    {
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId()).With(RequestBuilder.WrappedNonce(new byte[length])).Build();

        var request = ParseOk(der, quirks, new OcspRequestOptions { EnforceNonceLength = enforce });

        Assert.Equal(length, request.Nonce.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    [InlineData(1000)]
    public void TryParse_NoncePolicyAndLengthOutside1To128_ReturnsInvalidNonce(int length)
    {
        // RFC 9654 §2.1: a responder supporting nonces rejects 0 or more than 128 octets with malformedRequest.
        var der = new RequestBuilder().With(RequestBuilder.Sha1CertId()).With(RequestBuilder.WrappedNonce(new byte[length])).Build();

        Assert.Equal(OcspParseStatus.InvalidNonce, OcspRequestParser.TryParse(der, new OcspRequestOptions { EnforceNonceLength = true }, out _));
    }

    [Fact]
    public void TryParse_Md5CertId_ReturnsUnsupportedHashAlgorithm()
    {
        var der = new RequestBuilder().With(new RequestBuilder.CertIdSpec("1.2.840.113549.2.5", true, new byte[16], new byte[16], [1])).Build();

        Assert.Equal(OcspParseStatus.UnsupportedHashAlgorithm, OcspRequestParser.TryParse(der, out _));
    }

    [Theory]
    [InlineData(19, 20)]
    [InlineData(20, 32)]
    [InlineData(32, 20)]
    [InlineData(0, 0)]
    public void TryParse_HashLengthNotMatchingAlgorithm_ReturnsInvalidCertId(int nameLength, int keyLength)
    {
        var der = new RequestBuilder().With(new RequestBuilder.CertIdSpec(RequestBuilder.Sha1, true, new byte[nameLength], new byte[keyLength], [1])).Build();

        Assert.Equal(OcspParseStatus.InvalidCertId, OcspRequestParser.TryParse(der, out _));
    }

    [Fact]
    public void TryParse_SerialOf21Octets_ReturnsInvalidCertId()
    {
        byte[] serial = [0x00, .. RequestBuilder.Filled(20, 0xFF)];
        var der = new RequestBuilder().With(RequestBuilder.Sha256CertId(serial)).Build();

        Assert.Equal(OcspParseStatus.InvalidCertId, OcspRequestParser.TryParse(der, out _));
    }

    [Fact]
    public void TryParse_SerialOf20OctetsAndNegativeSerial_AreAccepted()
    {
        byte[] twenty = [0x00, .. RequestBuilder.Filled(19, 0xFF)];
        var der = new RequestBuilder().With(RequestBuilder.Sha256CertId(twenty)).With(RequestBuilder.Sha256CertId([0x80])).Build();

        var request = ParseOk(der, OcspRequestQuirks.None);

        Assert.Equal(2, request.Count);
        var ids = request.GetEnumerator();
        Assert.True(ids.MoveNext());
        Assert.Equal(20, ids.Current.SerialNumber.Length);
        Assert.True(ids.MoveNext());
        Assert.Equal("80", Hex.Of(ids.Current.SerialNumber));
        Assert.False(ids.MoveNext());
    }

    [Fact]
    public void TryParse_EmptyRequestList_ReturnsEmptyRequestList()
    {
        var der = new RequestBuilder().Build();

        Assert.Equal(OcspParseStatus.EmptyRequestList, OcspRequestParser.TryParse(der, out _));
    }

    [Theory]
    [InlineData("304A 3048 3046 3044 3042 300A 06052B0E03021A 0501 00 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF", OcspParseStatus.InvalidDer, "NULL with content")]
    [InlineData("3049 3047 3045 3043 3041 3009 06052B0E03021A 0400 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF", OcspParseStatus.UnsupportedHashAlgorithm, "OCTET STRING parameters")]
    [InlineData("3049 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080023456789ABCDEF", OcspParseStatus.InvalidDer, "non-minimal serial")]
    [InlineData("3080 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF 0000", OcspParseStatus.InvalidDer, "indefinite length (BER)")]
    [InlineData("30 8149 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF", OcspParseStatus.InvalidDer, "long form below 128")]
    [InlineData("3049 3147 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF", OcspParseStatus.UnexpectedStructure, "SET for tbsRequest")]
    [InlineData("3049 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 0A080123456789ABCDEF", OcspParseStatus.UnexpectedStructure, "ENUMERATED serial")]
    [InlineData("304B 3049 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF 0500", OcspParseStatus.UnexpectedStructure, "NULL after the request list")]
    [InlineData("304B 3047 3045 3043 3041 3009 06052B0E03021A 0500 0414D08CE9DAE861987DE0483E887955106165F6F7D4 0414089F6FE9AEAA395D84DDF0A6C562E7705DEED388 02080123456789ABCDEF A100", OcspParseStatus.UnexpectedStructure, "[1] instead of optionalSignature")]
    public void TryParse_BrokenStructure_ReturnsStatus(string hex, OcspParseStatus expected, string why)
    {
        var der = Hex.Parse(hex);

        Assert.True(expected == OcspRequestParser.TryParse(der, out var request), why);
        Assert.Equal(0, request.Count);
        Assert.Null(SlowRequestParser.Parse(der));
    }
}
