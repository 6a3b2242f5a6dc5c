// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Edge.Listeners.Public;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz;

/// <summary>
/// The OCSP listener's router (<see cref="EdgeRouter"/>) on a raw request target. Its span must lie inside the target
/// and stop before the query, and it must agree with <see cref="SlowRouter"/> on the endpoint and the span; what it hands
/// to the GET decoder then goes through <see cref="GetPathTarget"/>, as the exchange does. The method is not the
/// router's input: Kestrel parses it and the exchange switches on it.
/// </summary>
public sealed class RouterTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "router";

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(FuzzText.FromUtf8(input));

    /// <summary>Routes <paramref name="target"/> and checks the answer.</summary>
    /// <param name="target">The request target as sent.</param>
    /// <returns>The endpoint name.</returns>
    /// <exception cref="FuzzFinding">The router broke a rule.</exception>
    public static string Check(string target)
    {
        var start = Stopwatch.GetTimestamp();
        var endpoint = EdgeRouter.Classify(target, out var spanStart, out var spanLength);
        FuzzText.CheckBounded(start, Name, target);
        if (spanStart < 0 || spanLength < 0 || spanStart > target.Length - spanLength)
        {
            throw new FuzzFinding(Name, $"{endpoint} with span ({spanStart}, {spanLength}) outside the target", target);
        }

        var part = target.Substring(spanStart, spanLength);
        if (part.Contains('?', StringComparison.Ordinal))
        {
            throw new FuzzFinding(Name, $"{endpoint} with a span that runs into the query: \"{part}\"", target);
        }

        (var expectedEndpoint, var expectedPart) = SlowRouter.Classify(target);
        if (endpoint.ToString() != expectedEndpoint || part != expectedPart)
        {
            throw new FuzzFinding(Name, $"{endpoint} \"{part}\", the slow path {expectedEndpoint} \"{expectedPart}\"", target);
        }

        if (endpoint is EdgeEndpoint.OcspGet or EdgeEndpoint.OcspBase)
        {
            GetPathTarget.Check(part);
        }

        return endpoint.ToString();
    }
}
