// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>A FASTER session on the registry or certificate table; used by one thread at a time (under a lock). Waits for the disk.</summary>
internal sealed unsafe class RawSession : IDisposable
{
    private readonly RawFunctions _functions = new();
    private readonly ClientSession<SpanByte, SpanByte, SpanByte, RawReadOutput, Empty, RawFunctions> _session;

    /// <summary>Opens a session.</summary>
    /// <param name="kv">The table.</param>
    public RawSession(FasterKV<SpanByte, SpanByte> kv)
        => _session = kv.For(_functions).NewSession<RawFunctions>(_functions);

    /// <summary>Reads a value.</summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="destination">Receives the value when it fits.</param>
    /// <param name="length">Length of the value found (may exceed the destination).</param>
    /// <returns>True when found.</returns>
    public bool TryRead(ReadOnlySpan<byte> key, Span<byte> destination, out int length)
    {
        fixed (byte* k = key)
        fixed (byte* d = destination)
        {
            var keyBytes = SpanByte.FromPointer(k, key.Length);
            var input = default(SpanByte);
            var output = new RawReadOutput { Destination = d, Capacity = destination.Length };
            var status = _session.Read(ref keyBytes, ref input, ref output, Empty.Default, 0);
            if (status.IsPending)
            {
                _session.CompletePendingWithOutputs(out var completed, wait: true);
                using (completed)
                {
                    while (completed.Next())
                    {
                        status = completed.Current.Status;
                        output = completed.Current.Output;
                    }
                }
            }

            length = status.Found ? output.Length : 0;
            return status.Found;
        }
    }

    /// <summary>Finds the logical address of a key's latest record (waiting for the disk if needed).</summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="address">The address, or 0.</param>
    /// <returns>Whether the key exists.</returns>
    public bool TryReadAddress(ReadOnlySpan<byte> key, out long address)
    {
        Span<byte> scratch = stackalloc byte[RegistryValue.MaxLength];
        fixed (byte* k = key)
        fixed (byte* d = scratch)
        {
            var keyBytes = SpanByte.FromPointer(k, key.Length);
            var input = default(SpanByte);
            var output = new RawReadOutput { Destination = d, Capacity = scratch.Length };
            var options = default(ReadOptions);
            var status = _session.Read(ref keyBytes, ref input, ref output, ref options, out var metadata, Empty.Default, 0);
            if (status.IsPending)
            {
                _session.CompletePendingWithOutputs(out var completed, wait: true);
                using (completed)
                {
                    while (completed.Next())
                    {
                        status = completed.Current.Status;
                        metadata = completed.Current.RecordMetadata;
                    }
                }
            }

            address = status.Found ? metadata.Address : 0;
            return status.Found;
        }
    }

    /// <summary>Writes a value (a new record at the tail).</summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="value">Value.</param>
    public void Upsert(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _session.UpsertWaiting(key, value);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
