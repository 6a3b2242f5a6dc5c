// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Fuzz.Slow;
using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Fuzz;

/// <summary>The slow paths on the documented examples, so a disagreement points at the parser, not at its referee.</summary>
public class SlowPathTests
{
    [Theory]
    [InlineData("MEUw", "304530")]
    [InlineData("//MEUw", "304530")]
    [InlineData("ME%55w", "304530")]
    [InlineData("MA%3D%3D", "30")]
    [InlineData("MA", "30")]
    [InlineData("MA=", "30")]
    [InlineData("MEUw==", "304530")]
    [InlineData("M/+w", "33FFB0")]
    [InlineData("M%2F%2bw", "33FFB0")]
    [InlineData("M_-w", "33FFB0")]
    [InlineData("M/ w", "33FFB0")]
    [InlineData("M/%20w", "33FFB0")]
    [InlineData("M//w", "33FFF0")]
    public void SlowGetDecoder_DocumentedForms_Decode(string encoded, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(SlowGetDecoder.Decode(encoded, out _)!));
    }

    [Theory]
    [InlineData("", "nothing after the prefix")]
    [InlineData("///", "only slashes")]
    [InlineData("MEUw!A==", "not base64")]
    [InlineData("MEUw%0A", "escaped newline")]
    [InlineData("MEUw%252F", "double-encoded slash is decoded once only")]
    [InlineData("MEUw%2", "truncated escape")]
    [InlineData("MEUw%G1", "non-hex escape")]
    [InlineData("ME=Uw", "data after padding")]
    [InlineData("=", "padding only")]
    [InlineData("MEUwA", "4n+1 characters")]
    [InlineData("MEU===", "three padding characters")]
    [InlineData("MEUw\u00e9", "non-ASCII")]
    [InlineData("MEUw\tMEUw", "whitespace other than the space for '+'")]
    [InlineData("MB==", "non-zero pad bits (RFC 4648 §3.5)")]
    public void SlowGetDecoder_RefusedForms_Refuse(string encoded, string why)
    {
        Assert.True(SlowGetDecoder.Decode(encoded, out _) is null, why);
    }

    [Theory]
    [InlineData("/", "Root", "")]
    [InlineData("/?x=1", "Root", "")]
    [InlineData("/ocsp", "OcspBase", "")]
    [InlineData("/ocsp/", "OcspBase", "")]
    [InlineData("/OCSP", "OcspBase", "")]
    [InlineData("/ocsp/MEUw", "OcspGet", "MEUw")]
    [InlineData("/ocsp//MEUw", "OcspGet", "/MEUw")]
    [InlineData("//MEUw", "OcspGet", "/MEUw")]
    [InlineData("/MEUw/a//b", "OcspGet", "MEUw/a//b")]
    [InlineData("/MEUw?query", "OcspGet", "MEUw")]
    [InlineData("/ocspx", "OcspGet", "ocspx")]
    [InlineData("/health", "Health", "")]
    [InlineData("/health/x", "OcspGet", "health/x")]
    [InlineData("http://ocsp.example/MEUw", "OcspGet", "MEUw")]
    [InlineData("http://ocsp.example", "Root", "")]
    [InlineData("*", "Unknown", "")]
    [InlineData("/CRL/v2g-root.crl?x", "Crl", "v2g-root.crl")]
    [InlineData("/crl", "Crl", "")]
    [InlineData("/api/v1/ocpp/certificate-status", "Api", "/api/v1/ocpp/certificate-status")]
    [InlineData("/oc\u017Fp", "OcspGet", "oc\u017Fp")] // a long s is not an s
    public void SlowRouter_DocumentedRoutes_Classify(string target, string endpoint, string part)
    {
        Assert.Equal((endpoint, part), SlowRouter.Classify(target));
    }

    [Theory]
    [InlineData("0A1B2C", "0A1B2C")]
    [InlineData("0x0a1b2c", "0A1B2C")]
    [InlineData("0X00:0a:1B:2c", "0A1B2C")]
    [InlineData("80", "0080")]
    [InlineData("  000080 ", "0080")]
    [InlineData("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("1", "01")]
    public void SlowSerialText_DocumentedForms_Read(string text, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(SlowSerialText.Parse(text)!));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0x", "prefix only")]
    [InlineData("00:00", "zero")]
    [InlineData("0x0x1", "prefix twice")]
    [InlineData("1G", "not hex")]
    [InlineData("1 2", "space inside")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "21 octets with the sign octet")]
    public void SlowSerialText_RefusedForms_Refuse(string text, string why)
    {
        Assert.True(SlowSerialText.Parse(text) is null, why);
    }

    [Theory]
    [InlineData(32, "hex, upper case", true)]
    [InlineData(32, "hex, lower case", true)]
    [InlineData(32, "base64, padded", true)]
    [InlineData(32, "base64url, unpadded", true)]
    [InlineData(64, "base64, partly padded", true)]
    [InlineData(32, "base64, over-padded", false)]
    [InlineData(48, "base64 that needs no padding, with one '='", false)]
    [InlineData(32, "base64 with a space inside", false)]
    [InlineData(32, "hex length but not hex", false)]
    [InlineData(32, "surrounded by whitespace", true)]
    [InlineData(32, "one octet short", false)]
    public void SlowOcppHash_DocumentedForms(int length, string form, bool accepted)
    {
        var hash = Enumerable.Range(0, length).Select(i => (byte)(0xF1 * i)).ToArray();
        var base64 = Convert.ToBase64String(hash);
        var text = form switch
        {
            "hex, upper case" => Convert.ToHexString(hash),
            "hex, lower case" => Convert.ToHexStringLower(hash),
            "base64, padded" => base64,
            "base64url, unpadded" => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            "base64, partly padded" => base64[..^1],
            "base64, over-padded" => base64 + "=",
            "base64 that needs no padding, with one '='" => base64 + "=",
            "base64 with a space inside" => base64[..^2].Insert(10, " "),
            "hex length but not hex" => "G" + Convert.ToHexString(hash)[1..],
            "surrounded by whitespace" => "\u00A0" + base64 + " ",
            _ => Convert.ToHexString(hash)[2..],
        };

        var decoded = SlowOcppRequestData.Hash(text, length);

        Assert.Equal(accepted, decoded is not null);
        Assert.True(decoded is null || decoded.AsSpan().SequenceEqual(hash));
    }

    [Theory]
    [InlineData(IdType.Evse, "DE*AB7*E840*6487", "DEAB7E8406487")]
    [InlineData(IdType.Evse, "DE*DES*E*BMW*0113*2", "DEDESEBMW01132")]
    [InlineData(IdType.Evse, "DE*TNM*ETWL*HEDWIGLAUDIENRING*LS12001*0", "DETNMETWLHEDWIGLAUDIENRINGLS120010")]
    [InlineData(IdType.Evse, "NL*TNM*840*6487", null)]
    [InlineData(IdType.Evse, "DE*AB7*E*", null)]
    [InlineData(IdType.Evse, "ZZ*AB7*E1", null)]
    [InlineData(IdType.Evse, "+49*810*000*438", null)]
    [InlineData(IdType.Secc, "DE-ICE-S-00003C4D557878675645330967543476-2", "DEICES00003C4D5578786756453309675434762")]
    [InlineData(IdType.Secc, "DE-ICE-S-00003C4D557878675645330967543476--", null)]
    [InlineData(IdType.Secc, "DE-ICE-S-00003C4D55787867564533096754347-2", null)]
    [InlineData(IdType.Emaid, "NL-TNM-000122045-U", "NLTNM000122045U")]
    [InlineData(IdType.Emaid, "nltnmc00122045k", "NLTNMC00122045K")]
    [InlineData(IdType.Emaid, "NL-TNM000122045U", null)]
    [InlineData(IdType.Emaid, "NL-TNM-012204-5", null)]
    [InlineData(IdType.Pcid, "huboemprovcqa0615", "HUBOEMPROVCQA0615")]
    [InlineData(IdType.Pcid, "WP0123456789012345X", null)]
    public void IdentifierGrammar_DocumentedVectors(IdType type, string value, string? normalized)
    {
        Assert.Equal(normalized, IdentifierGrammar.Parse(type, value, new IdParseOptions())?.Normalized);
    }

    [Fact]
    public void IdentifierGrammar_EmaidWarnings_StrictRefuses()
    {
        Assert.Equal(IdWarnings.WrongCheckDigit | IdWarnings.UnknownCountryCode, IdentifierGrammar.Parse(IdType.Emaid, "EMP99CQATEST001", new IdParseOptions())!.Warnings);
        Assert.Null(IdentifierGrammar.Parse(IdType.Emaid, "EMP99CQATEST001", new IdParseOptions(IdStrictness.Strict)));
        Assert.Equal("WP01234567890123456789", IdentifierGrammar.Parse(IdType.Pcid, "wp01234567890123456789", new IdParseOptions(Version: Iso15118Version.Part20))!.Normalized);
    }

    [Theory]
    [InlineData("MAA=", "3000")]
    [InlineData(" M\tA\r\nA = \n", "3000")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n", "3000")]
    [InlineData("\n-----BEGIN NEW CERTIFICATE REQUEST-----MAA=-----END NEW CERTIFICATE REQUEST-----", "3000")]
    [InlineData("MAEA", "300100")]
    [InlineData("MAB=", "3000")] // non-zero pad bits are ignored (RFC 4648 §3.5)
    public void SlowEstBody_DocumentedForms_Decode(string body, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(SlowEstBody.Decode(System.Text.Encoding.Latin1.GetBytes(body))!));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \r\n", "white space only")]
    [InlineData("MAA", "missing padding")]
    [InlineData("MAA==", "too much padding")]
    [InlineData("MA==MA==", "padding inside")]
    [InlineData("MAAAM", "4n+1 characters")]
    [InlineData("MA-A", "base64url")]
    [InlineData("MAAA", "trailing byte after the SEQUENCE")]
    [InlineData("MAUC", "truncated SEQUENCE")]
    [InlineData("MIAAAA==", "indefinite length")]
    [InlineData("MIEA", "non-minimal length")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----", "another PEM label")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END NEW CERTIFICATE REQUEST-----", "mismatched END label")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----x", "text after END")]
    [InlineData("\u00EF\u00BB\u00BFMAA=", "byte-order mark")]
    [InlineData("0\u0000 ", "DER with trailing white space")]
    public void SlowEstBody_RefusedForms_Refuse(string body, string why)
    {
        Assert.True(SlowEstBody.Decode(System.Text.Encoding.Latin1.GetBytes(body)) is null, why);
    }

    [Theory]
    [InlineData("/.well-known/est/cacerts", "Rfc7030", "CaCerts", "")]
    [InlineData("/.well-known/est/qa-cpo/simplereenroll", "Rfc7030", "SimpleReenroll", "qa-cpo")]
    [InlineData("/.well-known/est/mo/simpleenroll/ISO15118-20", "Opcp", "SimpleEnroll", "mo")]
    [InlineData("/cpo/cacerts/ISO15118-2/secp256r1/", "Opcp", "CaCerts", "cpo")]
    [InlineData("/cpo/cacerts/ISO15118-2", "MaEVe", "CaCerts", "cpo")]
    [InlineData("/.well-known/oem/simpleenroll", "CitrineOs", "SimpleEnroll", "oem")]
    public void SlowEstRoute_DocumentedShapes_Read(string path, string form, string operation, string label)
    {
        var route = SlowEstRoute.Parse(path)!.Value;

        Assert.Equal((form, operation, label), (route.Form.ToString(), route.Operation.ToString(), route.Label));
    }

    [Theory]
    [InlineData("/.well-known/est/cacerts/", "trailing slash")]
    [InlineData("/.well-known/est/cacerts\n", "a final line feed ($ in a pattern would take it)")]
    [InlineData("/.well-known/est/eu-qa-cpo/cacerts", "two environment prefixes")]
    [InlineData("/.well-known/est/c\u0440o/cacerts", "a Cyrillic look-alike")]
    [InlineData("/cpo/simpleenroll/ISO15118-2/", "trailing slash on MaEVe")]
    [InlineData("/.well-known/cpo/csrattrs", "CitrineOS form of another operation")]
    public void SlowEstRoute_RefusedPaths_Refuse(string path, string why)
    {
        Assert.True(SlowEstRoute.Parse(path) is null, why);
    }
}
