// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace V2gPki.Hsm.Tests;

public class EcdsaSignatureEncodingTests
{
    // RFC 3279 §2.2.3 ECDSA-Sig-Value; X.690 §8.3.2: INTEGER contents are minimal two's complement.
    [Theory]
    [InlineData("0102", "3006020101020102", "one-byte halves")]
    [InlineData("0001", "3006020100020101", "r = 0 encodes as INTEGER 0")]
    [InlineData("00000000", "3006020100020100", "all-zero halves")]
    [InlineData("80FF", "300802020080020200FF", "high bit set: 00 prepended")]
    [InlineData("00800001", "300702020080020101", "leading zero trimmed, then 00 re-added for the high bit")]
    [InlineData("007F0000", "300602017F020100", "leading zeros trimmed")]
    public void TryEncodeDer_Vectors_WritesMinimalIntegers(string rawHex, string expectedHex, string description)
    {
        Assert.NotNull(description);
        var raw = Convert.FromHexString(rawHex);
        Span<byte> buffer = stackalloc byte[16];

        Assert.True(EcdsaSignatureEncoding.TryEncodeDer(raw, buffer, out var written));

        Assert.Equal(expectedHex.Replace(" ", "", StringComparison.Ordinal), Convert.ToHexString(buffer[..written]));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(66)]
    public void TryEncodeDer_RandomHalvesWithForcedLeadingZeros_MatchesAsnWriter(int fieldSize)
    {
        var random = new Random(4711 + fieldSize);
        var raw = new byte[2 * fieldSize];
        var buffer = new byte[EcdsaSignatureEncoding.GetMaxDerLength(fieldSize)];
        for (var i = 0; i < 5000; i++)
        {
            random.NextBytes(raw);
            if (fieldSize == 66)
            {
                // P-521: the order has 521 bits, so the top byte of each half is 0 or 1.
                raw[0] &= 0x01;
                raw[fieldSize] &= 0x01;
            }

            // Zero 0..3 leading bytes of either half to cover the trimming paths.
            raw.AsSpan(0, i % 4).Clear();
            raw.AsSpan(fieldSize, (i / 4) % 4).Clear();

            Assert.True(EcdsaSignatureEncoding.TryEncodeDer(raw, buffer, out var written));
            Assert.Equal(Convert.ToHexString(Reference(raw)), Convert.ToHexString(buffer, 0, written));
        }
    }

    [Fact]
    public void TryEncodeDer_P521HighHalves_UsesLongFormLength()
    {
        var raw = new byte[132];
        raw.AsSpan().Fill(0xAB);
        raw[0] = 0x01;
        raw[66] = 0x01;
        var buffer = new byte[141];

        Assert.True(EcdsaSignatureEncoding.TryEncodeDer(raw, buffer, out var written));

        Assert.Equal(139, written);
        Assert.Equal(new byte[] { 0x30, 0x81, 0x88, 0x02, 0x42, 0x01 }, buffer[..6]);
    }

    [Fact]
    public void TryEncodeDer_DestinationTooSmall_ReturnsFalseAndWritesNothing()
    {
        var raw = RandomNumberGenerator.GetBytes(64);
        raw[0] = 0x80;
        var buffer = new byte[70];

        Assert.False(EcdsaSignatureEncoding.TryEncodeDer(raw, buffer, out var written));

        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(252)]
    public void TryEncodeDer_BadRawLength_Throws(int length)
    {
        var raw = new byte[length];
        Assert.Throws<ArgumentException>(() => EcdsaSignatureEncoding.TryEncodeDer(raw, new byte[400], out _));
    }

    [Theory]
    [InlineData(32, 72)]
    [InlineData(66, 141)]
    public void GetMaxDerLength_Curves_BoundsEverySignature(int fieldSize, int expected)
    {
        Assert.Equal(expected, EcdsaSignatureEncoding.GetMaxDerLength(fieldSize));
        var worst = new byte[2 * fieldSize];
        worst.AsSpan().Fill(0xFF);
        Assert.True(EcdsaSignatureEncoding.TryEncodeDer(worst, new byte[expected], out var written));
        Assert.Equal(expected, written);
    }

    private static byte[] Reference(byte[] raw)
    {
        var half = raw.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(raw.AsSpan(0, half), isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(raw.AsSpan(half), isUnsigned: true, isBigEndian: true));
        }

        return writer.Encode();
    }
}
