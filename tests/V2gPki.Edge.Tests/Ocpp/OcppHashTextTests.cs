// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Ocsp;

namespace V2gPki.Edge.Tests.Ocpp;

public class OcppHashTextTests
{
    [Theory]
    [InlineData("SHA256", OcspHashAlgorithm.Sha256)]
    [InlineData("sha384", OcspHashAlgorithm.Sha384)]
    [InlineData("SHA-512", OcspHashAlgorithm.Sha512)]
    [InlineData(" Sha-256 ", OcspHashAlgorithm.Sha256)]
    public void TryParseAlgorithm_OcppNames(string text, OcspHashAlgorithm expected)
    {
        Assert.True(OcppHashText.TryParseAlgorithm(text, out var algorithm));
        Assert.Equal(expected, algorithm);
    }

    [Theory]
    [InlineData("SHA1")]
    [InlineData("SHA-1")]
    [InlineData("MD5")]
    [InlineData("SHA3-256")]
    [InlineData("SHA2560")]
    [InlineData("")]
    public void TryParseAlgorithm_Others_Refused(string text) => Assert.False(OcppHashText.TryParseAlgorithm(text, out _));

    [Theory]
    [InlineData(32)]
    [InlineData(48)]
    [InlineData(64)]
    public void TryDecode_HexAnyCaseAndBase64Forms_SameOctets(int length)
    {
        var hash = RandomNumberGenerator.GetBytes(length);
        var base64 = Convert.ToBase64String(hash);
        var urlSafe = base64.Replace('+', '-').Replace('/', '_');
        foreach (var text in new[] { Convert.ToHexString(hash), Convert.ToHexStringLower(hash), base64, urlSafe, urlSafe.TrimEnd('='), " " + base64 + " " })
        {
            Assert.True(OcppHashText.TryDecode(text, length, out var decoded), text);
            Assert.Equal(hash, decoded);
        }
    }

    [Fact]
    public void TryDecode_Sha384Base64_64CharactersIsNotMistakenForHex()
    {
        // 48 octets: base64 is 64 characters, hex 96; a 64-hex-digit string is a SHA-256 hash, not a SHA-384 one.
        var hash = new byte[48];
        hash[0] = 0xFB;
        var base64 = Convert.ToBase64String(hash);
        Assert.Equal(64, base64.Length);
        Assert.True(OcppHashText.TryDecode(base64, 48, out var decoded));
        Assert.Equal(hash, decoded);

        // The same 64 characters for SHA-256 are hex: the length decides, not the alphabet.
        var hex = new string('a', 64);
        Assert.True(OcppHashText.TryDecode(hex, 32, out var asHex));
        Assert.Equal(Convert.FromHexString(hex), asHex);
    }

    [Theory]
    [InlineData(32, 63)]
    [InlineData(32, 65)]
    [InlineData(32, 128)]
    [InlineData(64, 64)]
    public void TryDecode_WrongLength_Refused(int hashLength, int hexDigits) =>
        Assert.False(OcppHashText.TryDecode(new string('a', hexDigits), hashLength, out _));

    [Fact]
    public void TryDecode_Base64OfWrongLength_Refused() =>
        Assert.False(OcppHashText.TryDecode(Convert.ToBase64String(new byte[31]), 32, out _));
}
