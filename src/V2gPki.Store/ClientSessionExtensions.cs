// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>The write every table's session makes the same way (<see cref="RawSession"/>, <see cref="ServingSession"/>).</summary>
internal static unsafe class ClientSessionExtensions
{
    /// <summary>Writes a value (a new record at the tail, see <see cref="ReadCopyUpdateFunctions{TOutput}"/>), waiting when FASTER completes it later.</summary>
    /// <typeparam name="TOutput">The session's read output.</typeparam>
    /// <typeparam name="TFunctions">The session's callbacks.</typeparam>
    /// <param name="session">The session.</param>
    /// <param name="key">Encoded key.</param>
    /// <param name="value">Encoded value.</param>
    public static void UpsertWaiting<TOutput, TFunctions>(this ClientSession<SpanByte, SpanByte, SpanByte, TOutput, Empty, TFunctions> session, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        where TFunctions : ReadCopyUpdateFunctions<TOutput>
    {
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var keyBytes = SpanByte.FromPointer(k, key.Length);
            var valueBytes = SpanByte.FromPointer(v, value.Length);
            var status = session.Upsert(ref keyBytes, ref valueBytes);
            if (status.IsPending)
            {
                session.CompletePending(wait: true);
            }
        }
    }
}
