// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Der;

/// <summary>
/// A backwards DER writer into a caller's span: elements are written from the end of the buffer towards its start,
/// so a constructed element's length is known when its identifier and length octets are written (no second pass,
/// no moving of contents). Write children last to first, then <see cref="Wrap"/> them.
/// </summary>
/// <remarks>
/// When the buffer is too small the writer keeps counting without writing (<see cref="HasOverflowed"/>), so
/// <see cref="BytesWritten"/> is always the exact encoded length; a writer over an empty span is a pure length
/// calculator. Composite encoders use that to offer <c>TryWriteX(destination, …, out bytesWritten)</c> with no side
/// effects: measure, compare with the destination, then write into exactly that many bytes.
/// <code>
/// int mark = writer.Mark;
/// writer.WriteInteger(serial);        // last child first
/// writer.WriteObjectIdentifier(oid);  // first child
/// writer.Wrap(DerTag.Sequence, mark); // SEQUENCE { oid, serial }
/// </code>
/// </remarks>
public ref partial struct DerWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Creates a writer that fills <paramref name="buffer"/> from its end.</summary>
    /// <param name="buffer">The destination; the encoding ends at its last byte. Empty to only measure.</param>
    public DerWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = buffer.Length;
    }

    /// <summary>The exact length of everything written so far, whether or not it fit.</summary>
    public readonly int BytesWritten => _buffer.Length - _position;

    /// <summary>Whether the buffer was too small for what was written (then nothing beyond the fit is valid).</summary>
    public readonly bool HasOverflowed => _position < 0;

    /// <summary>A position to pass to <see cref="Wrap"/>: the length written before the children of an element.</summary>
    public readonly int Mark => BytesWritten;

    /// <summary>The encoding written so far: the last <see cref="BytesWritten"/> bytes of the buffer.</summary>
    /// <exception cref="InvalidOperationException">The writer has overflowed.</exception>
    public readonly ReadOnlySpan<byte> Written
    {
        get
        {
            if (_position < 0)
            {
                ThrowHelper.ThrowInvalidOperation("The DER writer's buffer was too small.");
            }

            return _buffer[_position..];
        }
    }

    /// <summary>Prepends pre-encoded bytes (a complete element, or contents before <see cref="Wrap"/>).</summary>
    /// <param name="encoded">The bytes, copied as they are.</param>
    public void WriteEncoded(scoped ReadOnlySpan<byte> encoded)
    {
        var position = _position - encoded.Length;
        if (position >= 0)
        {
            encoded.CopyTo(_buffer[position..]);
        }

        _position = position;
    }

    /// <summary>Prepends one byte.</summary>
    /// <param name="value">The byte.</param>
    public void WriteByte(byte value)
    {
        var position = _position - 1;
        if (position >= 0)
        {
            _buffer[position] = value;
        }

        _position = position;
    }

    /// <summary>Prepends identifier and length octets for <paramref name="contentLength"/> content bytes (X.690 §8.1.3, §10.1).</summary>
    /// <param name="tag">The identifier octet.</param>
    /// <param name="contentLength">The content length, 0 or more.</param>
    public void WriteTagAndLength(byte tag, int contentLength)
    {
        if (contentLength < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(contentLength));
        }

        var lengthOctets = DerEncoder.GetLengthOctetCount(contentLength);
        var position = _position - 1 - lengthOctets;
        if (position >= 0)
        {
            DerEncoder.WriteTagAndLength(_buffer[position..], tag, contentLength);
        }

        _position = position;
    }

    /// <summary>Prepends the identifier and length octets of an element whose contents are everything written since <paramref name="mark"/>.</summary>
    /// <param name="tag">The identifier octet, e.g. <see cref="DerTag.Sequence"/> or <c>[n] EXPLICIT</c> 0xA0|n.</param>
    /// <param name="mark">The <see cref="Mark"/> taken before the contents were written.</param>
    public void Wrap(byte tag, int mark)
    {
        var contentLength = BytesWritten - mark;
        if (mark < 0 || contentLength < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(mark));
        }

        WriteTagAndLength(tag, contentLength);
    }
}
