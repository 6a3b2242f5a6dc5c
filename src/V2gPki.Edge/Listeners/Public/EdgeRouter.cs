// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// Classifies a raw request target into an <see cref="EdgeEndpoint"/> without allocating. Fixed names match
/// case-insensitively; that is safe because base64 of a DER SEQUENCE starts with <c>M</c>, so no OCSP GET can
/// collide with <c>/ocsp</c>, <c>/crl</c>, <c>/api</c>, <c>/health</c>, <c>/ready</c> or <c>/metrics</c>.
/// </summary>
internal static class EdgeRouter
{
    /// <summary>Classifies <paramref name="rawTarget"/>.</summary>
    /// <param name="rawTarget">The request target as sent (origin-form, or absolute-form from a proxy).</param>
    /// <param name="encodedStart">
    /// For <see cref="EdgeEndpoint.OcspGet"/> and <see cref="EdgeEndpoint.OcspBase"/>: where the base64 begins; for
    /// <see cref="EdgeEndpoint.Crl"/>: where the file name after <c>/crl/</c> begins; for <see cref="EdgeEndpoint.Api"/>:
    /// where the path begins.
    /// </param>
    /// <param name="encodedLength">Its length, up to the query (<c>?</c>), which RFC 5019 GETs do not use.</param>
    /// <returns>The endpoint.</returns>
    public static EdgeEndpoint Classify(ReadOnlySpan<char> rawTarget, out int encodedStart, out int encodedLength)
    {
        encodedStart = 0;
        encodedLength = 0;
        var pathStart = 0;
        if (rawTarget.IsEmpty || rawTarget[0] != '/')
        {
            // absolute-form (RFC 9112 §3.2.2): skip "scheme://authority".
            var scheme = rawTarget.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return EdgeEndpoint.Unknown;
            }

            var slash = rawTarget[(scheme + 3)..].IndexOfAny('/', '?');
            if (slash < 0 || rawTarget[scheme + 3 + slash] == '?')
            {
                return EdgeEndpoint.Root;
            }

            pathStart = scheme + 3 + slash;
        }

        var rest = rawTarget[pathStart..];
        var query = rest.IndexOf('?');
        var path = query < 0 ? rest : rest[..query];

        if (path.Length == 1)
        {
            return EdgeEndpoint.Root;
        }

        if (StartsWithSegment(path, "/ocsp"))
        {
            encodedStart = pathStart + Math.Min(path.Length, 6);
            encodedLength = Math.Max(0, path.Length - 6);
            return encodedLength == 0 ? EdgeEndpoint.OcspBase : EdgeEndpoint.OcspGet;
        }

        if (StartsWithSegment(path, "/crl"))
        {
            encodedStart = pathStart + Math.Min(path.Length, 5);
            encodedLength = Math.Max(0, path.Length - 5);
            return EdgeEndpoint.Crl;
        }

        if (StartsWithSegment(path, "/api"))
        {
            encodedStart = pathStart;
            encodedLength = path.Length;
            return EdgeEndpoint.Api;
        }

        if (path.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            return EdgeEndpoint.Health;
        }

        if (path.Equals("/ready", StringComparison.OrdinalIgnoreCase))
        {
            return EdgeEndpoint.Ready;
        }

        if (path.Equals("/metrics", StringComparison.OrdinalIgnoreCase))
        {
            return EdgeEndpoint.Metrics;
        }

        encodedStart = pathStart + 1;
        encodedLength = path.Length - 1;
        return EdgeEndpoint.OcspGet;
    }

    private static bool StartsWithSegment(ReadOnlySpan<char> path, string segment) =>
        path.StartsWith(segment, StringComparison.OrdinalIgnoreCase)
        && (path.Length == segment.Length || path[segment.Length] == '/');
}
