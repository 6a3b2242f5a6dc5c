// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Text;
using CsCheck;

namespace V2gPki.Der.Tests;

/// <summary>Property tests: random trees and their mutations, checked against System.Formats.Asn1 as an independent slow path.</summary>
public class DerPropertyTests
{
    private static readonly byte[] PrimitiveTags = [0x01, 0x02, 0x04, 0x05, 0x06, 0x0A, 0x18, 0x80, 0x81, 0x82];
    private static readonly byte[] ConstructedTags = [0x30, 0x31, 0xA0, 0xA1, 0xA2];

    /// <summary>A random DER tree: a tag and either contents or children, encoded with minimal lengths.</summary>
    private static Gen<byte[]> Tree(int depth)
    {
        var leaf = Gen.Select(Gen.OneOf(PrimitiveTags), Gen.Byte.Array[0, 300], Encode);
        if (depth == 0)
        {
            return leaf;
        }

        var node = Gen.Select(
            Gen.OneOf(ConstructedTags),
            Gen.Int[1, 4].SelectMany(n => Tree(depth - 1).Array[n]),
            (tag, children) => Encode(tag, children.SelectMany(c => c).ToArray()));
        return Gen.Frequency((3, leaf), (2, node));
    }

    private static byte[] Encode(byte tag, byte[] contents)
    {
        var buffer = new byte[contents.Length + 6];
        var writer = new DerWriter(buffer);
        writer.WriteOctetString(contents, tag);
        return writer.Written.ToArray();
    }

    /// <summary>Walks every element with our reader; returns a structural transcript or null when rejected.</summary>
    private static string? WalkOurs(ReadOnlySpan<byte> data)
    {
        var reader = new DerReader(data, maxDepth: 64);
        var sb = new StringBuilder();
        return WalkOurs(ref reader, sb) ? sb.ToString() : null;
    }

    private static bool WalkOurs(ref DerReader reader, StringBuilder sb)
    {
        while (reader.HasData)
        {
            if (reader.TryPeekTag(out var tag) != DerStatus.Done)
            {
                return false;
            }

            if (DerTag.IsConstructed(tag))
            {
                if (reader.TryReadConstructed(tag, out var inner) != DerStatus.Done)
                {
                    return false;
                }

                sb.Append(tag.ToString("X2")).Append('{');
                if (!WalkOurs(ref inner, sb))
                {
                    return false;
                }

                sb.Append('}');
            }
            else
            {
                if (reader.TryReadPrimitive(tag, out var contents) != DerStatus.Done)
                {
                    return false;
                }

                sb.Append(tag.ToString("X2")).Append(':').Append(contents.Length).Append(' ');
            }
        }

        return true;
    }

    /// <summary>The same walk with AsnReader in DER mode (allowing only what our reader supports: low tag numbers, no EOC).</summary>
    private static string? WalkAsn(ReadOnlyMemory<byte> data)
    {
        try
        {
            var reader = new AsnReader(data, AsnEncodingRules.DER);
            var sb = new StringBuilder();
            return WalkAsn(reader, sb) ? sb.ToString() : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static bool WalkAsn(AsnReader reader, StringBuilder sb)
    {
        while (reader.HasData)
        {
            var encoded = reader.PeekEncodedValue();
            var first = encoded.Span[0];
            if (first == 0 || (first & 0x1F) == 0x1F)
            {
                return false;
            }

            var tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                AsnReader inner;
                if (tag.TagClass != TagClass.Universal || tag.HasSameClassAndValue(Asn1Tag.Sequence))
                {
                    inner = reader.ReadSequence(tag);
                }
                else if (tag.HasSameClassAndValue(Asn1Tag.SetOf))
                {
                    inner = reader.ReadSetOf(skipSortOrderValidation: true);
                }
                else
                {
                    // Other universal constructed tags: AsnReader has no generic reader for them; step into the contents.
                    var whole = reader.ReadEncodedValue();
                    var contentLength = ContentLength(whole.Span);
                    inner = new AsnReader(whole[(whole.Length - contentLength)..], AsnEncodingRules.DER);
                }

                sb.Append(first.ToString("X2")).Append('{');
                if (!WalkAsn(inner, sb))
                {
                    return false;
                }

                sb.Append('}');
            }
            else
            {
                reader.ReadEncodedValue();
                var headerLength = encoded.Length - ContentLength(encoded.Span);
                sb.Append(first.ToString("X2")).Append(':').Append(encoded.Length - headerLength).Append(' ');
            }
        }

        return true;
    }

    private static int ContentLength(ReadOnlySpan<byte> encoded)
    {
        DerDecoder.TryReadLength(encoded[1..], out var length, out _);
        return length;
    }

    [Fact]
    public void Reader_RandomValidTrees_AgreesWithAsnReader()
    {
        Tree(4).Sample(bytes =>
        {
            var ours = WalkOurs(bytes);
            var theirs = WalkAsn(bytes);
            Assert.NotNull(ours);
            Assert.Equal(theirs, ours);
        }, iter: 2000);
    }

    [Fact]
    public void Reader_MutatedTrees_NeverThrowsAndAcceptsOnlyWhatAsnReaderAccepts()
    {
        Gen.Select(Tree(3), Gen.Int, Gen.Byte, Gen.Int[0, 3]).Sample((bytes, at, value, kind) =>
        {
            var mutated = kind switch
            {
                0 => bytes[..(int)((uint)at % (uint)bytes.Length)],
                1 => Replace(bytes, at, value),
                2 => Insert(bytes, at, value),
                _ => Replace(Replace(bytes, at, value), at / 7, (byte)(value ^ 0x80)),
            };

            var ours = WalkOurs(mutated);
            if (ours is not null)
            {
                // Everything we accept is valid DER for an independent decoder and has the same structure.
                Assert.Equal(ours, WalkAsn(mutated));
            }
        }, iter: 20000);
    }

    [Fact]
    public void WriteInteger_RandomInt64_RoundTripsThroughReader()
    {
        Gen.Long.Sample(value =>
        {
            Span<byte> buffer = stackalloc byte[16];
            var writer = new DerWriter(buffer);
            writer.WriteInteger(value);
            var reader = new DerReader(writer.Written);

            Assert.Equal(DerStatus.Done, reader.TryReadInteger(out var contents));
            Assert.Equal(value, (long)new System.Numerics.BigInteger(contents, isBigEndian: true));
            var asn = new AsnReader(writer.Written.ToArray(), AsnEncodingRules.DER);
            Assert.True(asn.TryReadInt64(out var back));
            Assert.Equal(value, back);
        }, iter: 5000);
    }

    private static byte[] Replace(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[(int)((uint)at % (uint)copy.Length)] = value;
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte value)
    {
        var i = (int)((uint)at % (uint)(bytes.Length + 1));
        return [.. bytes[..i], value, .. bytes[i..]];
    }
}
