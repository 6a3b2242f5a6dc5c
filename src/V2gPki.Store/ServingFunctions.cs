// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>
/// FASTER callbacks for the serving index: header parsed into metadata, signed part copied. Updates are never made in
/// place (<see cref="ReadCopyUpdateFunctions{TOutput}"/>), so a lookup copying a value can never see it half-written
/// although the table takes no lock per lookup. One instance per session: it carries the session's read token.
/// </summary>
internal sealed unsafe class ServingFunctions : ReadCopyUpdateFunctions<ServingReadOutput>
{
    /// <summary>Gets or sets the token of the read in progress; bumped when a pending read is abandoned.</summary>
    public long CurrentToken { get; set; }

    /// <inheritdoc />
    public override bool SingleReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref ServingReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    /// <inheritdoc />
    public override bool ConcurrentReader(ref SpanByte key, ref SpanByte input, ref SpanByte value, ref ServingReadOutput dst, ref ReadInfo readInfo)
        => Copy(ref value, ref dst);

    private bool Copy(ref SpanByte value, ref ServingReadOutput dst)
    {
        if (dst.Token != CurrentToken)
        {
            return false; // completion of an abandoned pending read: its destination is gone
        }

        var bytes = value.AsReadOnlySpan();
        if (bytes.Length < ServingValue.HeaderLength)
        {
            return false;
        }

        dst.Metadata = ServingValue.ReadHeader(bytes);
        var signed = bytes[ServingValue.HeaderLength..];
        if (signed.Length <= dst.Capacity)
        {
            signed.CopyTo(new Span<byte>(dst.Destination, dst.Capacity));
            dst.Copied = true;
        }

        return true;
    }
}
