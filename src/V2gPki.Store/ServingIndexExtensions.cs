// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Store;

/// <summary>Buffer-writer form of <see cref="IServingIndex.TryGetResponse"/>.</summary>
public static class ServingIndexExtensions
{
    /// <summary>Looks up a response and writes its signed part into <paramref name="writer"/> (advancing it only on success).</summary>
    /// <param name="index">The serving index.</param>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="serial">The serial number, DER INTEGER content octets.</param>
    /// <param name="writer">Receives the signed part; asked for <see cref="StoreLimits.MaxSignedResponseLength"/> bytes.</param>
    /// <param name="metadata">As for <see cref="IServingIndex.TryGetResponse"/>.</param>
    /// <returns>As for <see cref="IServingIndex.TryGetResponse"/>.</returns>
    public static LookupStatus TryGetResponse(this IServingIndex index, IssuerId issuer, ReadOnlySpan<byte> serial, IBufferWriter<byte> writer, out ResponseMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(writer);
        var status = index.TryGetResponse(issuer, serial, writer.GetSpan(StoreLimits.MaxSignedResponseLength), out metadata);
        if (status == LookupStatus.Found)
        {
            writer.Advance(metadata.Length);
        }

        return status;
    }
}
