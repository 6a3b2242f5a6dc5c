// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der.Tests;

public class DerDecoderTests
{
    [Theory]
    [InlineData("00", 0, 1)]
    [InlineData("7F", 127, 1)]
    [InlineData("8180", 128, 2)]
    [InlineData("81FF", 255, 2)]
    [InlineData("820100", 256, 3)]
    [InlineData("83010000", 65536, 4)]
    [InlineData("847FFFFFFF", int.MaxValue, 5)]
    [InlineData("05FFFF", 5, 1)] // trailing bytes after the length are not part of it
    public void TryReadLength_ValidDer_ReturnsLengthAndOctetCount(string hex, int expectedLength, int expectedConsumed)
    {
        var status = DerDecoder.TryReadLength(Hex.Parse(hex), out var length, out var consumed);

        Assert.Equal(DerStatus.Done, status);
        Assert.Equal(expectedLength, length);
        Assert.Equal(expectedConsumed, consumed);
    }

    [Theory]
    [InlineData("80", DerStatus.IndefiniteLength, "indefinite form (X.690 §10.1)")]
    [InlineData("FF", DerStatus.InvalidLength, "reserved 0xFF (X.690 §8.1.3.5 c)")]
    [InlineData("8100", DerStatus.NonMinimalLength, "long form for 0")]
    [InlineData("817F", DerStatus.NonMinimalLength, "long form below 128")]
    [InlineData("820080", DerStatus.NonMinimalLength, "leading zero length octet")]
    [InlineData("82007F", DerStatus.NonMinimalLength, "leading zero and below 128")]
    [InlineData("8480000000", DerStatus.InvalidLength, "beyond int.MaxValue")]
    [InlineData("850100000000", DerStatus.InvalidLength, "five length octets")]
    [InlineData("850000000080", DerStatus.NonMinimalLength, "five length octets with a leading zero")]
    [InlineData("", DerStatus.NeedMoreData, "empty")]
    [InlineData("81", DerStatus.NeedMoreData, "long form without its octet")]
    [InlineData("8201", DerStatus.NeedMoreData, "long form missing one octet")]
    public void TryReadLength_Violation_ReturnsStatusAndZeroes(string hex, DerStatus expected, string why)
    {
        var status = DerDecoder.TryReadLength(Hex.Parse(hex), out var length, out var consumed);

        Assert.True(expected == status, why);
        Assert.Equal(0, length);
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("0500", 0x05, 2, 0)]
    [InlineData("3003020101", 0x30, 2, 3)]
    public void TryReadHeader_CompleteElement_ReturnsTagAndLengths(string hex, byte tag, int headerLength, int contentLength)
    {
        var status = DerDecoder.TryReadHeader(Hex.Parse(hex), out var t, out var h, out var c);

        Assert.Equal(DerStatus.Done, status);
        Assert.Equal(tag, t);
        Assert.Equal(headerLength, h);
        Assert.Equal(contentLength, c);
    }

    [Theory]
    [InlineData("0000", DerStatus.InvalidTag, "end-of-contents")]
    [InlineData("1F2200", DerStatus.InvalidTag, "high tag number form")]
    [InlineData("BF2200", DerStatus.InvalidTag, "context high tag number form")]
    [InlineData("3080", DerStatus.IndefiniteLength, "indefinite SEQUENCE")]
    [InlineData("040300", DerStatus.NeedMoreData, "length > remaining")]
    [InlineData("04", DerStatus.NeedMoreData, "no length")]
    [InlineData("048101FF", DerStatus.NonMinimalLength, "long form for 1")]
    public void TryReadHeader_Violation_ReturnsStatus(string hex, DerStatus expected, string why)
    {
        var status = DerDecoder.TryReadHeader(Hex.Parse(hex), out var t, out var h, out var c);

        Assert.True(expected == status, why);
        Assert.Equal(0, t);
        Assert.Equal(0, h);
        Assert.Equal(0, c);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(127, 1)]
    [InlineData(128, 2)]
    [InlineData(255, 2)]
    [InlineData(256, 3)]
    [InlineData(65535, 3)]
    [InlineData(65536, 4)]
    [InlineData(0xFFFFFF, 4)]
    [InlineData(0x1000000, 5)]
    [InlineData(int.MaxValue, 5)]
    public void WriteTagAndLength_AnyLength_RoundTripsThroughTryReadLength(int contentLength, int lengthOctets)
    {
        Span<byte> buffer = stackalloc byte[6];

        var written = DerEncoder.WriteTagAndLength(buffer, 0x04, contentLength);
        var status = DerDecoder.TryReadLength(buffer[1..written], out var read, out var consumed);

        Assert.Equal(1 + lengthOctets, written);
        Assert.Equal(lengthOctets, DerEncoder.GetLengthOctetCount(contentLength));
        Assert.Equal(DerStatus.Done, status);
        Assert.Equal(contentLength, read);
        Assert.Equal(lengthOctets, consumed);
    }
}
