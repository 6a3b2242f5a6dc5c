// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Edge.Http;

/// <summary>
/// The reusable <see cref="IBufferWriter{T}"/> a responder writes one response into, owned by one connection
/// (or one pooled request state) and reset per request, so writing costs no allocation once warm.
/// </summary>
/// <remarks>
/// The response goes here first rather than straight into Kestrel's pipe because HTTP/1.1 needs
/// <c>Content-Length</c> before the body and only the responder knows the length (the signer certificate spliced in
/// varies); without it Kestrel would switch to chunked encoding. The extra copy is one <c>memcpy</c> of &lt; 4 KB.
/// </remarks>
internal sealed class ResponseBodyBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    /// <summary>Creates a buffer.</summary>
    /// <param name="initialCapacity">Initial size; OCSP responses stay under 4 KB (DESIGN.md §3).</param>
    public ResponseBodyBuffer(int initialCapacity = 4096) => _buffer = new byte[initialCapacity];

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>The number of bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>Forgets the written bytes (keeps the storage).</summary>
    public void Reset() => _written = 0;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < needed)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + needed));
        }
    }
}
