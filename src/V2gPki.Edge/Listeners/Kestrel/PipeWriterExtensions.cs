// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.IO.Pipelines;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>Writing a whole body into Kestrel's response pipe.</summary>
internal static class PipeWriterExtensions
{
    /// <summary>Copies <paramref name="body"/> into the pipe in one span.</summary>
    /// <remarks>
    /// Kestrel's HTTP/1.1 response writer returns an empty span for <c>GetSpan()</c> without a size hint before the
    /// response has started, which makes <c>BuffersExtensions.Write</c> throw; asking for the exact size works and
    /// keeps the body in one segment (bodies here are at most a few KB, metrics a few tens of KB).
    /// </remarks>
    /// <param name="writer">The response body writer.</param>
    /// <param name="body">The bytes.</param>
    public static void WriteBody(this PipeWriter writer, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return;
        }

        var span = writer.GetSpan(body.Length);
        body.CopyTo(span);
        writer.Advance(body.Length);
    }
}
