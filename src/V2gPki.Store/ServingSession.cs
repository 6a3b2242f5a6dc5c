// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>A FASTER session on the serving index with its own callbacks; used by one thread at a time.</summary>
internal sealed unsafe class ServingSession : IDisposable
{
    private readonly ServingFunctions _functions = new();
    private readonly ClientSession<SpanByte, SpanByte, SpanByte, ServingReadOutput, Empty, ServingFunctions> _session;
    private bool _hasPending;

    /// <summary>Opens a session.</summary>
    /// <param name="kv">The serving table.</param>
    public ServingSession(FasterKV<SpanByte, SpanByte> kv)
        => _session = kv.For(_functions).NewSession<ServingFunctions>(_functions);

    /// <summary>
    /// Hot-path lookup. Never waits for the disk: a read that goes pending is abandoned (its completion copies nothing,
    /// see <see cref="ServingFunctions.CurrentToken"/>), counted, and answered <see cref="LookupStatus.Pending"/>.
    /// </summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="destination">Receives the signed part.</param>
    /// <param name="metadata">Metadata of the record found.</param>
    /// <param name="metrics">Counters (pending reads).</param>
    /// <returns>Found, NotFound, Pending or DestinationTooSmall.</returns>
    public LookupStatus Lookup(ReadOnlySpan<byte> key, Span<byte> destination, out ResponseMetadata metadata, StoreMetrics metrics)
    {
        if (_hasPending)
        {
            _hasPending = !_session.CompletePending(wait: false);
        }

        fixed (byte* k = key)
        fixed (byte* d = destination)
        {
            var keyBytes = SpanByte.FromPointer(k, key.Length);
            var input = default(SpanByte);
            var output = new ServingReadOutput { Destination = d, Capacity = destination.Length, Token = _functions.CurrentToken };
            var status = _session.Read(ref keyBytes, ref input, ref output, Empty.Default, 0);
            if (status.IsPending)
            {
                _functions.CurrentToken++;
                _hasPending = true;
                metrics.PendingRead();
                metadata = default;
                return LookupStatus.Pending;
            }

            if (!status.Found)
            {
                metadata = default;
                return LookupStatus.NotFound;
            }

            metadata = output.Metadata;
            return output.Copied ? LookupStatus.Found : LookupStatus.DestinationTooSmall;
        }
    }

    /// <summary>Reads the metadata of a record, waiting for the disk if needed (write path only).</summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="metadata">Metadata.</param>
    /// <returns>True when found.</returns>
    public bool TryReadMetadata(ReadOnlySpan<byte> key, out ResponseMetadata metadata)
    {
        fixed (byte* k = key)
        {
            var keyBytes = SpanByte.FromPointer(k, key.Length);
            var input = default(SpanByte);
            var output = new ServingReadOutput { Destination = null, Capacity = 0, Token = _functions.CurrentToken };
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

            metadata = status.Found ? output.Metadata : default;
            return status.Found;
        }
    }

    /// <summary>Writes a value (a new record at the tail).</summary>
    /// <param name="key">Encoded key.</param>
    /// <param name="value">Encoded serving value.</param>
    public void Upsert(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _session.UpsertWaiting(key, value);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_hasPending)
        {
            _session.CompletePending(wait: true);
        }

        _session.Dispose();
    }
}
