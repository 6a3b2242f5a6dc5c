// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der.Tests;

public class DerReaderTests
{
    // A small but complete structure: SEQUENCE { INTEGER 5, [0] EXPLICIT OCTET STRING 'AB', BOOLEAN TRUE, NULL, OID sha1 }
    private const string Nested = "3014 020105 A003 0401AB 0101FF 0500 06052B0E03021A";

    [Fact]
    public void TryReadSequence_NestedStructure_ReadsEveryField()
    {
        var reader = new DerReader(Hex.Parse(Nested));

        Assert.Equal(DerStatus.Done, reader.TryReadSequence(out var seq));
        Assert.Equal(DerStatus.Done, seq.TryReadInt32(out var five));
        Assert.Equal(DerStatus.Done, seq.TryReadExplicit(0, out var explicit0));
        Assert.Equal(DerStatus.Done, explicit0.TryReadOctetString(out var octets));
        Assert.Equal(DerStatus.Done, explicit0.TryReadEnd());
        Assert.Equal(DerStatus.Done, seq.TryReadBoolean(out var flag));
        Assert.Equal(DerStatus.Done, seq.TryReadNull());
        Assert.Equal(DerStatus.Done, seq.TryReadObjectIdentifier(out var oid));
        Assert.Equal(DerStatus.Done, seq.TryReadEnd());
        Assert.Equal(DerStatus.Done, reader.TryReadEnd());

        Assert.Equal(5, five);
        Assert.Equal("AB", Hex.Of(octets));
        Assert.True(flag);
        Assert.True(oid.SequenceEqual(Oids.Sha1));
        Assert.Equal(1, seq.Depth);
        Assert.Equal(2, explicit0.Depth);
    }

    [Fact]
    public void TryReadSequence_EveryStrictPrefix_ReturnsNeedMoreDataAndConsumesNothing()
    {
        var full = Hex.Parse(Nested);
        for (var length = 0; length < full.Length; length++)
        {
            var reader = new DerReader(full.AsSpan(0, length));

            var status = reader.TryReadSequence(out var seq);

            Assert.Equal(DerStatus.NeedMoreData, status);
            Assert.Equal(length, reader.RemainingData.Length);
            Assert.False(seq.HasData);
        }
    }

    [Theory]
    [InlineData("3003 020105", "SEQUENCE length one beyond its INTEGER child")]
    [InlineData("3005 0204 0101", "INTEGER length beyond the SEQUENCE")]
    [InlineData("3002 04", "child without a length")]
    public void TryReadInteger_ChildRunsPastParent_ReturnsUnexpectedEnd(string hex, string why)
    {
        var bytes = Hex.Parse(hex);
        var reader = new DerReader(bytes);
        var outer = reader.TryReadSequence(out var seq);
        if (outer != DerStatus.Done)
        {
            // The outer length itself exceeds the input: top level says NeedMoreData.
            Assert.Equal(DerStatus.NeedMoreData, outer);
            return;
        }

        var status = seq.TryReadInteger(out var value);
        if (status == DerStatus.Done)
        {
            status = seq.TryReadInteger(out value);
        }

        Assert.True(status == DerStatus.UnexpectedEnd || status == DerStatus.UnexpectedTag, why);
        Assert.True(value.IsEmpty);
    }

    [Fact]
    public void TryReadInteger_RequiredElementMissingInsideParent_ReturnsUnexpectedEnd()
    {
        var reader = new DerReader(Hex.Parse("3000"));
        Assert.Equal(DerStatus.Done, reader.TryReadSequence(out var seq));

        Assert.Equal(DerStatus.UnexpectedEnd, seq.TryReadInteger(out _));
    }

    [Theory]
    [InlineData("020100", "00")]
    [InlineData("02017F", "7F")]
    [InlineData("02020080", "0080")]
    [InlineData("0201FF", "FF")]
    [InlineData("0202FF7F", "FF7F")]
    [InlineData("020180", "80")]
    [InlineData("0209 00FFFFFFFFFFFFFFFF", "00FFFFFFFFFFFFFFFF")]
    public void TryReadInteger_MinimalEncoding_ReturnsContents(string hex, string contents)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadInteger(out var value));
        Assert.Equal(contents, Hex.Of(value));
        Assert.False(reader.HasData);
    }

    [Theory]
    [InlineData("0200", DerStatus.InvalidInteger, "no content octets (X.690 §8.3.1)")]
    [InlineData("02020000", DerStatus.NonMinimalInteger, "redundant 00")]
    [InlineData("0202007F", DerStatus.NonMinimalInteger, "redundant 00 before a positive octet")]
    [InlineData("0202FFFF", DerStatus.NonMinimalInteger, "redundant FF")]
    [InlineData("0202FF80", DerStatus.NonMinimalInteger, "redundant FF before a negative octet")]
    [InlineData("0A0100", DerStatus.UnexpectedTag, "ENUMERATED where INTEGER is required")]
    [InlineData("2203020101", DerStatus.UnexpectedTag, "constructed INTEGER")]
    [InlineData("0202", DerStatus.NeedMoreData, "truncated contents")]
    public void TryReadInteger_Violation_ReturnsStatusConsumesNothing(string hex, DerStatus expected, string why)
    {
        var bytes = Hex.Parse(hex);
        var reader = new DerReader(bytes);

        var status = reader.TryReadInteger(out var value);

        Assert.True(expected == status, why);
        Assert.True(value.IsEmpty);
        Assert.Equal(bytes.Length, reader.RemainingData.Length);
    }

    [Theory]
    [InlineData("020100", 0)]
    [InlineData("02017F", 127)]
    [InlineData("02020080", 128)]
    [InlineData("0201FF", -1)]
    [InlineData("020180", -128)]
    [InlineData("0202FF7F", -129)]
    [InlineData("02047FFFFFFF", int.MaxValue)]
    [InlineData("020480000000", int.MinValue)]
    public void TryReadInt32_FitsInt32_ReturnsValue(string hex, int expected)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadInt32(out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryReadInt32_FiveOctets_ReturnsIntegerOverflow()
    {
        var reader = new DerReader(Hex.Parse("02050080000000"));

        Assert.Equal(DerStatus.IntegerOverflow, reader.TryReadInt32(out var value));
        Assert.Equal(0, value);
        Assert.True(reader.HasData);
    }

    [Theory]
    [InlineData("020100", "00")]
    [InlineData("02020080", "80")]
    [InlineData("0203008000", "8000")]
    [InlineData("020101", "01")]
    public void TryReadUnsignedInteger_NonNegative_ReturnsMagnitudeWithoutSignOctet(string hex, string magnitude)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadUnsignedInteger(out var value));
        Assert.Equal(magnitude, Hex.Of(value));
    }

    [Fact]
    public void TryReadUnsignedInteger_Negative_ReturnsNegativeIntegerConsumesNothing()
    {
        var reader = new DerReader(Hex.Parse("020180"));

        Assert.Equal(DerStatus.NegativeInteger, reader.TryReadUnsignedInteger(out var value));
        Assert.True(value.IsEmpty);
        Assert.Equal(3, reader.RemainingData.Length);
    }

    [Theory]
    [InlineData("0A0100", 0)]
    [InlineData("0A0106", 6)]
    public void TryReadEnumerated_Valid_ReturnsValue(string hex, int expected)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadEnumerated(out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("010100", false)]
    [InlineData("0101FF", true)]
    public void TryReadBoolean_DerValue_ReturnsValue(string hex, bool expected)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadBoolean(out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("010101", "TRUE as 01 (BER, not DER §11.1)")]
    [InlineData("01017F", "TRUE as 7F")]
    [InlineData("0100", "no content")]
    [InlineData("01020000", "two octets")]
    public void TryReadBoolean_NotDer_ReturnsInvalidBoolean(string hex, string why)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.True(DerStatus.InvalidBoolean == reader.TryReadBoolean(out var value), why);
        Assert.False(value);
        Assert.True(reader.HasData);
    }

    [Fact]
    public void TryReadNull_WithContent_ReturnsInvalidNull()
    {
        var reader = new DerReader(Hex.Parse("050100"));

        Assert.Equal(DerStatus.InvalidNull, reader.TryReadNull());
        Assert.True(reader.HasData);
    }

    [Theory]
    [InlineData("0300", DerStatus.InvalidBitString, "no unused-bits octet")]
    [InlineData("030108", DerStatus.InvalidBitString, "unused bits 8")]
    [InlineData("030101", DerStatus.InvalidBitString, "unused bits without any bit octet")]
    [InlineData("030201FF", DerStatus.InvalidBitString, "non-zero unused bit (X.690 §11.2.1)")]
    [InlineData("2303030100", DerStatus.UnexpectedTag, "constructed BIT STRING")]
    public void TryReadBitString_Violation_ReturnsStatus(string hex, DerStatus expected, string why)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.True(expected == reader.TryReadBitString(out var bits, out var unused), why);
        Assert.True(bits.IsEmpty);
        Assert.Equal(0, unused);
        Assert.True(reader.HasData);
    }

    [Theory]
    [InlineData("030100", "", 0)]
    [InlineData("030200FF", "FF", 0)]
    [InlineData("030201FE", "FE", 1)]
    [InlineData("03030780 80", "8080", 7)]
    public void TryReadBitString_Valid_ReturnsBits(string hex, string bits, int unusedBits)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadBitString(out var value, out var unused));
        Assert.Equal(bits, Hex.Of(value));
        Assert.Equal(unusedBits, unused);
    }

    [Theory]
    [InlineData("06022B86", "last subidentifier unterminated")]
    [InlineData("06032B8001", "subidentifier with leading 0x80 (X.690 §8.19.2)")]
    [InlineData("060180", "single 0x80")]
    [InlineData("0600", "empty")]
    public void TryReadObjectIdentifier_BadSubidentifier_ReturnsInvalidObjectIdentifier(string hex, string why)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.True(DerStatus.InvalidObjectIdentifier == reader.TryReadObjectIdentifier(out _), why);
        Assert.True(reader.HasData);
    }

    [Fact]
    public void TryReadSequence_DepthLimit_ReturnsDepthLimitExceeded()
    {
        // Four nested empty-ended SEQUENCEs: 30 06 30 04 30 02 30 00.
        var bytes = Hex.Parse("3006 3004 3002 3000");
        var reader = new DerReader(bytes, maxDepth: 3);

        Assert.Equal(DerStatus.Done, reader.TryReadSequence(out var a));
        Assert.Equal(DerStatus.Done, a.TryReadSequence(out var b));
        Assert.Equal(DerStatus.Done, b.TryReadSequence(out var c));
        Assert.Equal(DerStatus.DepthLimitExceeded, c.TryReadSequence(out var d));
        Assert.Equal(DerStatus.DepthLimitExceeded, c.TryReadEncapsulated(DerTag.Sequence, out _));
        Assert.False(d.HasData);
        Assert.Equal(2, c.RemainingData.Length);
    }

    [Theory]
    [InlineData("3080 0000", DerStatus.IndefiniteLength)]
    [InlineData("308100", DerStatus.NonMinimalLength)]
    [InlineData("30820003 020100", DerStatus.NonMinimalLength)]
    [InlineData("3005 020100", DerStatus.NeedMoreData)]
    [InlineData("0400", DerStatus.UnexpectedTag)]
    public void TryReadSequence_BadHeader_ReturnsStatusConsumesNothing(string hex, DerStatus expected)
    {
        var bytes = Hex.Parse(hex);
        var reader = new DerReader(bytes);

        Assert.Equal(expected, reader.TryReadSequence(out var seq));
        Assert.False(seq.HasData);
        Assert.Equal(bytes.Length, reader.RemainingData.Length);
    }

    [Fact]
    public void TryReadElement_AnyTag_ReturnsTagContentsAndEncoding()
    {
        var reader = new DerReader(Hex.Parse("A203 040100 FF"));

        Assert.Equal(DerStatus.Done, reader.TryReadElement(out var tag, out var contents, out var encoded));
        Assert.Equal(0xA2, tag);
        Assert.Equal("040100", Hex.Of(contents));
        Assert.Equal("A203040100", Hex.Of(encoded));
        Assert.Equal(DerStatus.TrailingData, reader.TryReadEnd());
    }

    [Theory]
    [InlineData("180F 32303235303130323033303430355A", "2025-01-02T03:04:05Z")]
    [InlineData("1811 32303235303130323033303430352E355A", "2025-01-02T03:04:05.5Z")]
    [InlineData("180F 31393730303130313030303030305A", "1970-01-01T00:00:00Z")]
    [InlineData("180F 32303234303232393233353935395A", "2024-02-29T23:59:59Z")]
    public void TryReadGeneralizedTime_DerForm_ReturnsUtcInstant(string hex, string iso)
    {
        var reader = new DerReader(Hex.Parse(hex));

        Assert.Equal(DerStatus.Done, reader.TryReadGeneralizedTime(out var value));
        Assert.Equal(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("20250102030405", "no Z")]
    [InlineData("2025010203040Z", "missing a seconds digit")]
    [InlineData("202501020304Z", "no seconds (X.690 §11.7.2)")]
    [InlineData("20250102030405+0100", "offset instead of Z")]
    [InlineData("20250102030405.Z", "empty fraction")]
    [InlineData("20250102030405.50Z", "fraction with trailing zero (X.690 §11.7.3)")]
    [InlineData("20250102030405,5Z", "comma decimal mark")]
    [InlineData("20251302030405Z", "month 13")]
    [InlineData("20250230030405Z", "30 February")]
    [InlineData("20230229000000Z", "29 February of a common year")]
    [InlineData("20250102240000Z", "hour 24")]
    [InlineData("20250102236000Z", "minute 60")]
    [InlineData("20250102235960Z", "leap second")]
    [InlineData("00000102030405Z", "year 0")]
    [InlineData("2025010203040AZ", "letter in seconds")]
    public void TryReadGeneralizedTime_NotDer_ReturnsInvalidTime(string text, string why)
    {
        var contents = System.Text.Encoding.ASCII.GetBytes(text);
        byte[] element = [DerTag.GeneralizedTime, (byte)contents.Length, .. contents];
        var reader = new DerReader(element);

        Assert.True(DerStatus.InvalidTime == reader.TryReadGeneralizedTime(out var value), why);
        Assert.Equal(default, value);
        Assert.True(reader.HasData);
    }

    [Fact]
    public void TryReadEncapsulated_OctetStringHoldingDer_ReadsInnerElement()
    {
        var reader = new DerReader(Hex.Parse("0403 020107"));

        Assert.Equal(DerStatus.Done, reader.TryReadEncapsulated(DerTag.OctetString, out var inner));
        Assert.Equal(DerStatus.Done, inner.TryReadInt32(out var seven));
        Assert.Equal(7, seven);
        Assert.Equal(1, inner.Depth);
    }

    [Fact]
    public void Constructor_MaxDepthBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DerReader([], 0));
    }
}
