// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Numerics;

namespace V2gPki.Der.Tests;

public class DerWriterTests
{
    private static string Write(WriteAction action, int size = 256)
    {
        Span<byte> buffer = stackalloc byte[size];
        var writer = new DerWriter(buffer);
        action(ref writer);
        return Hex.Of(writer.Written);
    }

    private delegate void WriteAction(ref DerWriter writer);

    [Theory]
    [InlineData("", "020100")]
    [InlineData("00", "020100")]
    [InlineData("0000", "020100")]
    [InlineData("01", "020101")]
    [InlineData("7F", "02017F")]
    [InlineData("80", "02020080")]
    [InlineData("0080", "02020080")]
    [InlineData("000080", "02020080")]
    [InlineData("FF", "020200FF")]
    [InlineData("0123456789ABCDEF", "02080123456789ABCDEF")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "021500FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    public void WriteInteger_UnsignedMagnitude_WritesMinimalPositiveInteger(string magnitude, string expected)
    {
        var m = Hex.Parse(magnitude);
        Assert.Equal(expected, Write((ref DerWriter w) => w.WriteInteger(m)));
    }

    [Theory]
    [InlineData(0L, "020100")]
    [InlineData(1L, "020101")]
    [InlineData(127L, "02017F")]
    [InlineData(128L, "02020080")]
    [InlineData(255L, "020200FF")]
    [InlineData(256L, "02020100")]
    [InlineData(-1L, "0201FF")]
    [InlineData(-128L, "020180")]
    [InlineData(-129L, "0202FF7F")]
    [InlineData(long.MaxValue, "02087FFFFFFFFFFFFFFF")]
    [InlineData(long.MinValue, "02088000000000000000")]
    public void WriteInteger_Int64_WritesMinimalTwosComplement(long value, string expected)
    {
        Assert.Equal(expected, Write((ref DerWriter w) => w.WriteInteger(value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("FF80")]
    public void WriteIntegerContents_NotMinimal_Throws(string contents)
    {
        var c = Hex.Parse(contents);
        Assert.Throws<ArgumentException>(() => Write((ref DerWriter w) => w.WriteIntegerContents(c)));
    }

    [Fact]
    public void WritePrimitives_EachKind_MatchesHexVectors()
    {
        Assert.Equal("0101FF", Write((ref DerWriter w) => w.WriteBoolean(true)));
        Assert.Equal("010100", Write((ref DerWriter w) => w.WriteBoolean(false)));
        Assert.Equal("0500", Write((ref DerWriter w) => w.WriteNull()));
        Assert.Equal("8000", Write((ref DerWriter w) => w.WriteNull(DerTag.ContextPrimitive(0))));
        Assert.Equal("0A0106", Write((ref DerWriter w) => w.WriteEnumerated(6)));
        Assert.Equal("0403010203", Write((ref DerWriter w) => w.WriteOctetString([1, 2, 3])));
        Assert.Equal("0400", Write((ref DerWriter w) => w.WriteOctetString([])));
        Assert.Equal("030100", Write((ref DerWriter w) => w.WriteBitString([])));
        Assert.Equal("030301ABCE", Write((ref DerWriter w) => w.WriteBitString([0xAB, 0xCE], 1)));
        Assert.Equal("06052B0E03021A", Write((ref DerWriter w) => w.WriteObjectIdentifier(Oids.Sha1)));
        Assert.Equal("180F32303235303130323033303430355A",
            Write((ref DerWriter w) => w.WriteGeneralizedTime(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero))));
        Assert.Equal("180F32303235303130323032303430355A",
            Write((ref DerWriter w) => w.WriteGeneralizedTime(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)))));
    }

    [Fact]
    public void WriteBitString_NonZeroUnusedBits_Throws()
    {
        Assert.Throws<ArgumentException>(() => Write((ref DerWriter w) => w.WriteBitString([0xFF], 1)));
        Assert.Throws<ArgumentException>(() => Write((ref DerWriter w) => w.WriteBitString([], 1)));
        Assert.Throws<ArgumentException>(() => Write((ref DerWriter w) => w.WriteBitString([0x00], 8)));
    }

    [Fact]
    public void Wrap_ChildrenWrittenBackwards_ProducesNestedStructure()
    {
        var hex = Write((ref DerWriter w) =>
        {
            var seq = w.Mark;
            w.WriteObjectIdentifier(Oids.Sha1);
            w.WriteNull();
            w.WriteBoolean(true);
            var explicit0 = w.Mark;
            w.WriteOctetString([0xAB]);
            w.Wrap(DerTag.ContextConstructed(0), explicit0);
            w.WriteInteger(5);
            w.Wrap(DerTag.Sequence, seq);
        });

        Assert.Equal("3014020105A0030401AB0101FF050006052B0E03021A", hex);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70000)]
    public void Wrap_LongContents_UsesMinimalLongFormLength(int contentLength)
    {
        var buffer = new byte[contentLength + 10];
        var content = new byte[contentLength];
        var writer = new DerWriter(buffer);
        var mark = writer.Mark;
        writer.WriteEncoded(content);
        writer.Wrap(DerTag.OctetString, mark);

        var asn = new AsnReader(writer.Written.ToArray(), AsnEncodingRules.DER);
        Assert.Equal(contentLength, asn.ReadOctetString().Length);
        Assert.False(asn.HasData);
    }

    [Fact]
    public void BytesWritten_BufferTooSmall_CountsExactLengthWithoutWriting()
    {
        var buffer = new byte[4];
        var writer = new DerWriter(buffer);
        var mark = writer.Mark;
        writer.WriteOctetString([1, 2, 3, 4, 5]);
        writer.WriteInteger(300);
        writer.Wrap(DerTag.Sequence, mark);

        Assert.True(writer.HasOverflowed);
        Assert.Equal(2 + 7 + 4, writer.BytesWritten);
        Assert.All(buffer, b => Assert.Equal(0, b));
        try
        {
            _ = writer.Written;
            Assert.Fail("Written must throw after an overflow.");
        }
        catch (InvalidOperationException)
        {
        }
    }

    [Fact]
    public void BytesWritten_EmptyBuffer_MeasuresLikeARealWrite()
    {
        var measure = new DerWriter([]);
        measure.WriteGeneralizedTime(DateTimeOffset.UnixEpoch);
        measure.WriteInteger([0x80]);

        Assert.Equal(17 + 4, measure.BytesWritten);
    }

    [Fact]
    public void WriteInteger_RandomMagnitudes_MatchAsnWriter()
    {
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var magnitude = new byte[random.Next(0, 40)];
            random.NextBytes(magnitude);
            if (magnitude.Length > 0 && random.Next(3) == 0)
            {
                magnitude[0] = 0;
            }

            var asn = new AsnWriter(AsnEncodingRules.DER);
            asn.WriteInteger(new BigInteger(magnitude, isUnsigned: true, isBigEndian: true));
            var expected = Hex.Of(asn.Encode());

            Assert.Equal(expected, Write((ref DerWriter w) => w.WriteInteger(magnitude)));
        }
    }

    [Fact]
    public void WriteGeneralizedTime_RandomInstants_MatchAsnWriterAndReadBack()
    {
        var random = new Random(777);
        for (var i = 0; i < 2000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            var whole = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var asn = new AsnWriter(AsnEncodingRules.DER);
            asn.WriteGeneralizedTime(whole, omitFractionalSeconds: true);

            var hex = Write((ref DerWriter w) => w.WriteGeneralizedTime(instant));
            var reader = new DerReader(Hex.Parse(hex));

            Assert.Equal(Hex.Of(asn.Encode()), hex);
            Assert.Equal(DerStatus.Done, reader.TryReadGeneralizedTime(out var back));
            Assert.Equal(whole, back);
        }
    }
}
