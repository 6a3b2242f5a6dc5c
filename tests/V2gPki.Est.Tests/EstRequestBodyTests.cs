// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Est.Tests;

public sealed class EstRequestBodyTests
{
    private static readonly byte[] Der = Fixtures.SeccCsrDer;
    private static readonly string Base64 = Convert.ToBase64String(Der);

    /// <summary>The ways clients send the charger CSR; each must decode to the same DER.</summary>
    public static TheoryData<string, string> AcceptedBodies()
    {
        var pem = Fixtures.SeccCsrPem;
        var pemBase64 = pem.Replace("-----BEGIN CERTIFICATE REQUEST-----", "", StringComparison.Ordinal)
            .Replace("-----END CERTIFICATE REQUEST-----", "", StringComparison.Ordinal).Trim();
        return new TheoryData<string, string>
        {
            { "one line, no line break (MaEVe, Go base64.StdEncoding)", Base64 },
            { "one line with a final LF (curl --data-binary @file of base64 -w0)", Base64 + "\n" },
            { "64-character lines, LF (openssl base64)", Wrap(Base64, 64, "\n") },
            { "76-character lines, CRLF (MIME)", Wrap(Base64, 76, "\r\n") },
            { "76-character lines, CRLF, no final line break", Wrap(Base64, 76, "\r\n").TrimEnd() },
            { "1-character lines", Wrap(Base64, 1, "\n") },
            { "7-character lines, CRLF", Wrap(Base64, 7, "\r\n") },
            { "PEM lines with the LF removed and the CR kept (CitrineOS on a CRLF PEM)", pemBase64.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) },
            { "spaces and tabs between characters and around the padding", Spaced(Base64) },
            { "leading and trailing white space", " \t\r\n" + Base64 + "\r\n\t " },
            { "PEM armour as openssl writes it (curl -d @csr.pem)", pem },
            { "PEM armour with CRLF", pem.Replace("\n", "\r\n", StringComparison.Ordinal) },
            { "PEM armour with white space around it", "\n\n  " + pem + "\n \t\n" },
            { "PEM armour, one base64 line", "-----BEGIN CERTIFICATE REQUEST-----" + Base64 + "-----END CERTIFICATE REQUEST-----" },
            { "PEM armour, legacy NEW CERTIFICATE REQUEST label", pem.Replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", StringComparison.Ordinal) },
        };
    }

    [Theory]
    [MemberData(nameof(AcceptedBodies))]
    public void TryDecodePkcs10_ClientForms_DecodeToTheDer(string description, string body)
    {
        var ok = EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(body), out var der, out var error);

        Assert.True(ok, $"{description}: {error}");
        Assert.Equal(Der, der);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void TryDecodePkcs10_RawDer_DecodesToItself()
    {
        var destination = new byte[EstRequestBody.GetMaxDecodedLength(Der.Length)];

        Assert.True(EstRequestBody.TryDecodePkcs10(Der, destination, out var written, out var error), error);
        Assert.Equal(Der, destination[..written]);
    }

    [Fact]
    public void TryDecodePkcs10_CsrFromDotNet_Decodes()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=DE*ABC*E1234, O=Example, C=DE", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var csr = request.CreateSigningRequest();
        var pem = System.Security.Cryptography.PemEncoding.Write("CERTIFICATE REQUEST", csr);

        Assert.True(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(pem), out var der, out var error), error);
        Assert.Equal(csr, der);
    }

    [Theory]
    [InlineData("empty", "", "the request body is empty")]
    [InlineData("white space only", " \r\n\t", "only white space")]
    [InlineData("a percent sign", "MIIB%2FjCB", "'%' (0x25) at offset 4 (line 1, column 5) is not a base64 character")]
    [InlineData("a bad character on the second line", "MIIB\r\nMI.B", "'.' (0x2E) at offset 8 (line 2, column 3)")]
    [InlineData("base64url", "MIIB-jCB", "base64url (not accepted")]
    [InlineData("base64url underscore", "MIIB_jCB", "base64url is not accepted")]
    [InlineData("URL-encoded", "MIIB%2B", "must not be URL-encoded")]
    [InlineData("a control character", "MIIB\u0001", "the byte 0x01 at offset 4")]
    [InlineData("non-ASCII first", "\u00e9MIIB", "the byte 0xC3 at offset 0 (line 1, column 1) is not a base64 character")]
    [InlineData("padding in the middle", "MA==MA==", "padding may only end the base64")]
    [InlineData("missing padding", "MAA", "ends without its padding: 3 characters need 1 '='")]
    [InlineData("too much padding", "MA===", "has 3 '=' but its 2 characters need 2")]
    [InlineData("padding where none is needed", "MAAA=", "has 1 '=' but its 4 characters need 0")]
    [InlineData("4n+1 characters", "MAAAM", "one more than a multiple of 4")]
    [InlineData("padding only", "====", "no base64 data")]
    [InlineData("not a SEQUENCE", "aGVsbG8=", "starts with 0x68, not with a DER SEQUENCE (0x30)")]
    [InlineData("truncated SEQUENCE", "MAUCAQ==", "has 4 bytes but its SEQUENCE announces 7")]
    [InlineData("trailing bytes", "MAAA", "1 bytes follow the SEQUENCE")]
    [InlineData("only the tag", "MA==", "inside the SEQUENCE header")]
    [InlineData("indefinite length", "MIAAAA==", "indefinite length")]
    [InlineData("non-minimal length", "MIEA", "not in the fewest octets")]
    [InlineData("a length of three octets", "MIMBAAAA", "64 KiB or more")]
    [InlineData("PEM with another label", "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n", "the PEM label is \"CERTIFICATE\"")]
    [InlineData("PEM without its END line", "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n", "no line -----END CERTIFICATE REQUEST-----")]
    [InlineData("PEM with a mismatched END line", "-----BEGIN NEW CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----", "expected -----END NEW CERTIFICATE REQUEST----- at offset 45 (line 3, column 1)")]
    [InlineData("PEM with text after it", "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\nx", "bytes follow the line -----END CERTIFICATE REQUEST-----")]
    [InlineData("PEM with headers", "-----BEGIN CERTIFICATE REQUEST-----\nProc-Type: 4\n\nMAA=\n-----END CERTIFICATE REQUEST-----", "'-' (0x2D) at offset 40 (line 2, column 5)")]
    [InlineData("PEM BEGIN line not closed", "-----BEGIN CERTIFICATE REQUEST\nMAA=", "has no closing -----")]
    [InlineData("PEM END line without BEGIN", "MAA=\n-----END CERTIFICATE REQUEST-----", "'-' (0x2D) at offset 5")]
    public void TryDecodePkcs10_BadBody_RefusedWithReason(string description, string body, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var destination = new byte[EstRequestBody.GetMaxDecodedLength(bytes.Length)];

        var ok = EstRequestBody.TryDecodePkcs10(bytes, destination, out var written, out var error);

        Assert.False(ok, description);
        Assert.Equal(0, written);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated", "30 05 02 01", "has 4 bytes but its SEQUENCE announces 7")]
    [InlineData("trailing bytes", "30 00 00", "1 bytes follow the SEQUENCE in the DER body")]
    [InlineData("indefinite length", "30 80 00 00", "indefinite length")]
    [InlineData("non-minimal length", "30 81 00", "not in the fewest octets")]
    [InlineData("non-minimal two-octet length", "30 82 00 80", "not in the fewest octets")]
    public void TryDecodePkcs10_BadDer_RefusedWithReason(string description, string hex, string reason)
    {
        var ok = EstRequestBody.TryDecodePkcs10(Hex.Parse(hex), out var der, out var error);

        Assert.False(ok, description);
        Assert.Null(der);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePkcs10_CsrsAppended_Refused()
    {
        var twoPadded = Convert.ToBase64String(Der) + "\n" + Convert.ToBase64String(Der);
        var twoWhole = Convert.ToBase64String([.. Der, .. Der]);
        var twoPem = Fixtures.SeccCsrPem + Fixtures.SeccCsrPem;

        Assert.False(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(twoPadded), out _, out var e1));
        Assert.Contains("padding may only end the base64", e1, StringComparison.Ordinal);
        Assert.False(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(twoWhole), out _, out var e2));
        Assert.Contains($"{Der.Length} bytes follow the SEQUENCE", e2, StringComparison.Ordinal);
        Assert.False(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(twoPem), out _, out var e3));
        Assert.Contains("send one CSR per request", e3, StringComparison.Ordinal);
        Assert.False(EstRequestBody.TryDecodePkcs10([.. Der, .. Der], out _, out var e4));
        Assert.Contains("follow the SEQUENCE in the DER body", e4, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePkcs10_EveryPrefixOfValidBodies_Refused()
    {
        byte[][] bodies = [Der, Encoding.ASCII.GetBytes(Base64), Encoding.ASCII.GetBytes(Fixtures.SeccCsrPem.TrimEnd())];
        foreach (var body in bodies)
        {
            for (var n = 0; n < body.Length; n++)
            {
                var ok = EstRequestBody.TryDecodePkcs10(body.AsSpan(0, n), out var der, out var error);
                Assert.False(ok, $"a {n}-byte prefix of a {body.Length}-byte body was accepted");
                Assert.Null(der);
                Assert.NotEmpty(error);
            }
        }
    }

    [Fact]
    public void TryDecodePkcs10_AtTheLimit_AcceptedAndOneByteMoreRefused()
    {
        var atLimit = Sequence(EstRequestBody.MaxDerLength);
        var over = Sequence(EstRequestBody.MaxDerLength + 1);

        Assert.True(EstRequestBody.TryDecodePkcs10(atLimit, out _, out var e1), e1);
        Assert.True(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(Convert.ToBase64String(atLimit)), out _, out var e2), e2);
        Assert.False(EstRequestBody.TryDecodePkcs10(over, out _, out var e3));
        Assert.Contains("the largest CSR this server takes has 16384 bytes", e3, StringComparison.Ordinal);
        Assert.False(EstRequestBody.TryDecodePkcs10(Encoding.ASCII.GetBytes(Convert.ToBase64String(over)), out _, out var e4));
        Assert.Contains("decodes to more than 16384 bytes", e4, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodePkcs10_LongBadBody_QuotesLittleOfIt()
    {
        var label = new string('X', 500);
        var body = Encoding.ASCII.GetBytes($"-----BEGIN {label}-----\nMAA=\n-----END {label}-----\n");

        Assert.False(EstRequestBody.TryDecodePkcs10(body, out _, out var error));
        Assert.Contains("(cut)", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200, error);
    }

    [Fact]
    public void TryDecodePkcs10_ShortDestination_Throws()
    {
        var body = Encoding.ASCII.GetBytes(Base64);

        Assert.Throws<ArgumentException>(() => EstRequestBody.TryDecodePkcs10(body, new byte[EstRequestBody.GetMaxDecodedLength(body.Length) - 1], out _, out _));
    }

    [Fact]
    public void GetMaxDecodedLength_IsBodyLengthCappedAtTheLimit()
    {
        Assert.Equal(0, EstRequestBody.GetMaxDecodedLength(0));
        Assert.Equal(500, EstRequestBody.GetMaxDecodedLength(500));
        Assert.Equal(EstRequestBody.MaxDerLength, EstRequestBody.GetMaxDecodedLength(1 << 20));
    }

    [Fact]
    public void TryDecodePkcs10_SpanOverloadOnValidBody_AllocatesNothing()
    {
        var body = Encoding.ASCII.GetBytes(Wrap(Base64, 64, "\r\n"));
        var destination = new byte[EstRequestBody.GetMaxDecodedLength(body.Length)];

        var allocated = AllocationProbe.LeastPerRound(i => EstRequestBody.TryDecodePkcs10(body, destination, out _, out _));

        Assert.Equal(0, allocated);
    }

    private static string Wrap(string text, int width, string lineEnd)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i += width)
        {
            sb.Append(text, i, Math.Min(width, text.Length - i)).Append(lineEnd);
        }

        return sb.ToString();
    }

    private static string Spaced(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]).Append((i % 3) switch { 0 => " ", 1 => "\t", _ => "" });
        }

        return sb.ToString();
    }

    // A SEQUENCE of exactly `length` bytes (header included) holding one OCTET STRING of zeros.
    private static byte[] Sequence(int length)
    {
        var inner = length - 4 - 4;
        var der = new byte[length];
        der[0] = 0x30;
        der[1] = 0x82;
        der[2] = (byte)((length - 4) >> 8);
        der[3] = (byte)(length - 4);
        der[4] = 0x04;
        der[5] = 0x82;
        der[6] = (byte)(inner >> 8);
        der[7] = (byte)inner;
        return der;
    }
}
