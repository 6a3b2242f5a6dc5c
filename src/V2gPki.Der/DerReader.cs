// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// A forward, strict-DER reader over a span (X.690 §10). Every <c>TryRead…</c> method either consumes exactly one
/// element and returns <see cref="DerStatus.Done"/>, or consumes nothing, zeroes its <c>out</c> values and returns
/// the violation; it never throws on input (docs/style.md §7, §8). Readers over the contents of a constructed element
/// are bounded: an element that runs past its parent is <see cref="DerStatus.UnexpectedEnd"/> there, while the
/// top-level reader answers <see cref="DerStatus.NeedMoreData"/>.
/// </summary>
public ref partial struct DerReader
{
    /// <summary>The default limit of nested constructed elements a reader opens (OCSP needs at most about 10).</summary>
    public const int DefaultMaxDepth = 16;

    private ReadOnlySpan<byte> _data;
    private readonly int _depth;
    private readonly int _maxDepth;
    private readonly bool _bounded;

    /// <summary>Creates a top-level reader over <paramref name="data"/>.</summary>
    /// <param name="data">The encoded bytes.</param>
    /// <param name="maxDepth">How many nested constructed elements may be opened, at least 1.</param>
    public DerReader(ReadOnlySpan<byte> data, int maxDepth = DefaultMaxDepth)
    {
        if (maxDepth < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxDepth));
        }

        _data = data;
        _depth = 0;
        _maxDepth = maxDepth;
        _bounded = false;
    }

    private DerReader(ReadOnlySpan<byte> contents, int depth, int maxDepth)
    {
        _data = contents;
        _depth = depth;
        _maxDepth = maxDepth;
        _bounded = true;
    }

    /// <summary>Whether unread bytes remain.</summary>
    public readonly bool HasData => !_data.IsEmpty;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> RemainingData => _data;

    /// <summary>How many constructed elements enclose this reader's data (0 for a top-level reader).</summary>
    public readonly int Depth => _depth;

    /// <summary>Whether the next element has identifier octet <paramref name="tag"/> (no other check is made).</summary>
    /// <param name="tag">The identifier octet to compare.</param>
    /// <returns><see langword="true"/> when data remains and its first octet is <paramref name="tag"/>.</returns>
    public readonly bool PeekTagIs(byte tag) => !_data.IsEmpty && _data[0] == tag;

    /// <summary>Reads the identifier octet of the next element without consuming anything.</summary>
    /// <param name="tag">The identifier octet; 0 when the method does not return <see cref="DerStatus.Done"/>.</param>
    /// <returns><see cref="DerStatus.Done"/> when data remains, else <see cref="DerStatus.NeedMoreData"/> or
    /// <see cref="DerStatus.UnexpectedEnd"/>.</returns>
    public readonly DerStatus TryPeekTag(out byte tag)
    {
        if (_data.IsEmpty)
        {
            tag = 0;
            return EndStatus();
        }

        tag = _data[0];
        return DerStatus.Done;
    }

    /// <summary>Checks that every byte has been read.</summary>
    /// <returns><see cref="DerStatus.Done"/>, or <see cref="DerStatus.TrailingData"/> when bytes remain.</returns>
    public readonly DerStatus TryReadEnd() => _data.IsEmpty ? DerStatus.Done : DerStatus.TrailingData;

    /// <summary>Reads the next element, whatever its tag.</summary>
    /// <param name="tag">Its identifier octet.</param>
    /// <param name="contents">Its content octets.</param>
    /// <param name="encoded">The whole element: identifier, length and contents.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadElement(out byte tag, out ReadOnlySpan<byte> contents, out ReadOnlySpan<byte> encoded)
    {
        var status = DecodeHeader(out tag, out var headerLength, out var contentLength);
        if (status != DerStatus.Done)
        {
            contents = default;
            encoded = default;
            return status;
        }

        var total = headerLength + contentLength;
        encoded = _data[..total];
        contents = encoded[headerLength..];
        _data = _data[total..];
        return DerStatus.Done;
    }

    /// <summary>Reads the next element as a whole, checking its tag.</summary>
    /// <param name="expectedTag">The identifier octet required.</param>
    /// <param name="encoded">The whole element (identifier, length, contents).</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadEncodedValue(byte expectedTag, out ReadOnlySpan<byte> encoded)
    {
        var status = DecodeExpected(expectedTag, out var headerLength, out var contentLength);
        if (status != DerStatus.Done)
        {
            encoded = default;
            return status;
        }

        var total = headerLength + contentLength;
        encoded = _data[..total];
        _data = _data[total..];
        return DerStatus.Done;
    }

    /// <summary>Reads the content octets of a primitive element with tag <paramref name="expectedTag"/> (any IMPLICIT tag).</summary>
    /// <param name="expectedTag">The identifier octet required.</param>
    /// <param name="contents">The content octets.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadPrimitive(byte expectedTag, out ReadOnlySpan<byte> contents)
    {
        var status = DecodeExpected(expectedTag, out var headerLength, out var contentLength);
        if (status != DerStatus.Done)
        {
            contents = default;
            return status;
        }

        contents = _data.Slice(headerLength, contentLength);
        _data = _data[(headerLength + contentLength)..];
        return DerStatus.Done;
    }

    /// <summary>Opens a constructed element with tag <paramref name="expectedTag"/> and returns a bounded reader over its contents.</summary>
    /// <param name="expectedTag">The identifier octet required (e.g. <see cref="DerTag.Sequence"/>, <c>0xA0</c>).</param>
    /// <param name="contents">A reader over the contents, one level deeper.</param>
    /// <returns><see cref="DerStatus.Done"/>, <see cref="DerStatus.DepthLimitExceeded"/>, or another reason nothing was read.</returns>
    public DerStatus TryReadConstructed(byte expectedTag, out DerReader contents) => TryReadNested(expectedTag, out contents);

    /// <summary>Opens a SEQUENCE (X.690 §8.9).</summary>
    /// <param name="contents">A reader over its contents.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadSequence(out DerReader contents) => TryReadConstructed(DerTag.Sequence, out contents);

    /// <summary>Opens a SET or SET OF (X.690 §8.11); DER element order is not checked.</summary>
    /// <param name="contents">A reader over its contents.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadSet(out DerReader contents) => TryReadConstructed(DerTag.Set, out contents);

    /// <summary>Opens an EXPLICIT context-specific tag <c>[tagNumber]</c>.</summary>
    /// <param name="tagNumber">The tag number, 0–30.</param>
    /// <param name="contents">A reader over the tagged contents (the inner element).</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadExplicit(int tagNumber, out DerReader contents) =>
        TryReadConstructed(DerTag.ContextConstructed(tagNumber), out contents);

    /// <summary>
    /// Reads a primitive element (typically an OCTET STRING) whose contents are themselves DER, and returns a bounded
    /// reader over those contents one level deeper.
    /// </summary>
    /// <param name="expectedTag">The identifier octet required, e.g. <see cref="DerTag.OctetString"/>.</param>
    /// <param name="contents">A reader over the encapsulated bytes.</param>
    /// <returns><see cref="DerStatus.Done"/> or the reason nothing was read.</returns>
    public DerStatus TryReadEncapsulated(byte expectedTag, out DerReader contents) => TryReadNested(expectedTag, out contents);

    /// <summary>Reads an element's contents as a bounded reader one level deeper; the tag alone says whether they are a constructed element's or encapsulated DER.</summary>
    private DerStatus TryReadNested(byte expectedTag, out DerReader contents)
    {
        contents = default;
        if (_depth >= _maxDepth)
        {
            return DerStatus.DepthLimitExceeded;
        }

        var status = TryReadPrimitive(expectedTag, out var inner);
        if (status == DerStatus.Done)
        {
            contents = new DerReader(inner, _depth + 1, _maxDepth);
        }

        return status;
    }

    private readonly DerStatus EndStatus() => _bounded ? DerStatus.UnexpectedEnd : DerStatus.NeedMoreData;

    private readonly DerStatus DecodeHeader(out byte tag, out int headerLength, out int contentLength)
    {
        var status = DerDecoder.TryReadHeader(_data, out tag, out headerLength, out contentLength);
        return status == DerStatus.NeedMoreData ? EndStatus() : status;
    }

    private readonly DerStatus DecodeExpected(byte expectedTag, out int headerLength, out int contentLength)
    {
        if (_data.IsEmpty)
        {
            headerLength = 0;
            contentLength = 0;
            return EndStatus();
        }

        if (_data[0] != expectedTag)
        {
            headerLength = 0;
            contentLength = 0;
            return DerStatus.UnexpectedTag;
        }

        return DecodeHeader(out _, out headerLength, out contentLength);
    }
}
