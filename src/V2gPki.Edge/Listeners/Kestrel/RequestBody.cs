// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.IO.Pipelines;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>Reads a whole request body of the cold-path listeners (admin, OCPP, EST) up to a limit.</summary>
internal static class RequestBody
{
    /// <summary>Reads a whole body up to a limit.</summary>
    /// <param name="reader">The body.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The body, or null when it is longer than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(PipeReader reader, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
