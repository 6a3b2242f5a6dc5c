// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of the OCSP listener's router, written from docs/architecture.md §3 and §7 by splitting strings: the
/// absolute form's <c>scheme://authority</c> dropped, the query cut, the first path segment compared with the fixed names
/// (ASCII case-insensitively), anything else starting with <c>/</c> taken as base64.
/// </summary>
public static class SlowRouter
{
    /// <summary>Classifies a raw request target.</summary>
    /// <param name="target">The target as sent.</param>
    /// <returns>
    /// The endpoint's name (as <c>EdgeEndpoint</c> spells it) and the part the handler gets: the base64 for
    /// <c>OcspGet</c>, the file name for <c>Crl</c>, the path for <c>Api</c>, else empty.
    /// </returns>
    public static (string Endpoint, string Part) Classify(string target)
    {
        string path;
        if (target.StartsWith('/'))
        {
            path = target;
        }
        else
        {
            // absolute-form (RFC 9112 §3.2.2): whatever precedes the first "://" is the scheme (Kestrel has already
            // refused targets that are not absolute URIs); the authority runs to the first '/' or '?'.
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 1)
            {
                return ("Unknown", string.Empty);
            }

            var afterScheme = target[(scheme + 3)..];
            var end = afterScheme.IndexOfAny(['/', '?']);
            if (end < 0 || afterScheme[end] == '?')
            {
                return ("Root", string.Empty);
            }

            path = afterScheme[end..];
        }

        var pathAndQuery = path.Split('?', 2);
        path = pathAndQuery[0];
        if (path == "/")
        {
            return ("Root", string.Empty);
        }

        var segments = path[1..].Split('/', 2);
        var first = AsciiLower(segments[0]);
        var rest = segments.Length == 2 ? segments[1] : null;
        return first switch
        {
            "ocsp" when string.IsNullOrEmpty(rest) => ("OcspBase", string.Empty),
            "ocsp" => ("OcspGet", rest),
            "crl" => ("Crl", rest ?? string.Empty),
            "api" => ("Api", path),
            "health" when rest is null => ("Health", string.Empty),
            "ready" when rest is null => ("Ready", string.Empty),
            "metrics" when rest is null => ("Metrics", string.Empty),
            _ => ("OcspGet", path[1..]),
        };
    }

    private static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
    });
}
