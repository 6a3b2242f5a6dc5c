// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The <see cref="IBufferWriter{T}"/> a responder writes one response into. Its storage is rented from
/// <see cref="ArrayPool{T}.Shared"/> on first write and returned by <see cref="Release"/> when the request ends,
/// so memory follows requests in flight, not open connections, and a warm pool makes it allocation-free.
/// </summary>
/// <remarks>
/// The response goes here first rather than straight into Kestrel's pipe because HTTP/1.1 needs
/// <c>Content-Length</c> before the body and only the responder knows the length (the signer certificate spliced in
/// varies); without it Kestrel would switch to chunked encoding. The extra copy is one <c>memcpy</c> of &lt; 4 KB.
/// </remarks>
internal sealed class ResponseBodyBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 4096;

    private byte[]? _buffer;
    private int _written;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer is null ? default : _buffer.AsSpan(0, _written);

    /// <summary>The number of bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>Forgets the written bytes (keeps the storage).</summary>
    public void Reset() => _written = 0;

    /// <summary>Forgets the written bytes and returns the storage to the pool.</summary>
    public void Release()
    {
        _written = 0;
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (_buffer is null || (uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

    private byte[] Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        var buffer = _buffer;
        if (buffer is not null && buffer.Length - _written >= needed)
        {
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(InitialSize, (buffer?.Length ?? 0) * 2), _written + needed));
        if (buffer is not null)
        {
            buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _buffer = larger;
        return larger;
    }
}
