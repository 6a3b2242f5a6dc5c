// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>FASTER callbacks for the registry and certificate tables: whole-value copy; writes as every table (<see cref="ReadCopyUpdateFunctions{TOutput}"/>).</summary>
internal sealed unsafe class RawFunctions : ReadCopyUpdateFunctions<RawReadOutput>
{
    /// <inheritdoc />
    public override bool SingleReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref RawReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool ConcurrentReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref RawReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    private static bool Copy(ref SpanByte value, ref RawReadOutput dst)
    {
        var bytes = value.AsReadOnlySpan();
        dst.Length = bytes.Length;
        if (bytes.Length <= dst.Capacity)
        {
            bytes.CopyTo(new Span<byte>(dst.Destination, dst.Capacity));
        }

        return true;
    }
}
