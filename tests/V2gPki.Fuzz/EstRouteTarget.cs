// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Est;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;
using V2gPki.Parties;

namespace V2gPki.Fuzz;

/// <summary>
/// The EST route reader (<see cref="EstRoute.TryParse"/>) on a raw request path. It must agree with
/// <see cref="SlowEstRoute"/> on accept or refuse and on every part; a refusal leaves the default route; an accepted
/// label is its environment prefix, a dash and its branch's name, and appears in the path as it is.
/// </summary>
public sealed class EstRouteTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "est-route";

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(FuzzText.FromUtf8(input));

    /// <summary>Reads <paramref name="path"/> and checks the answer.</summary>
    /// <param name="path">The raw path (Kestrel hands it over without the query).</param>
    /// <returns>The route form and operation, or <c>Refused</c>.</returns>
    /// <exception cref="FuzzFinding">The reader broke a rule.</exception>
    public static string Check(string path)
    {
        var start = Stopwatch.GetTimestamp();
        var ok = EstRoute.TryParse(path, out var route);
        FuzzText.CheckBounded(start, Name, path);

        var expected = SlowEstRoute.Parse(path);
        if (!ok)
        {
            if (route != default)
            {
                throw new FuzzFinding(Name, $"refused with the route {route}", path);
            }

            if (expected is not null)
            {
                throw new FuzzFinding(Name, $"refused, the slow path reads {expected}", path);
            }

            return "Refused";
        }

        if (expected != route)
        {
            throw new FuzzFinding(Name, $"read {route}, the slow path {(expected is null ? "refuses" : expected.ToString())}", path);
        }

        var label = route.Branch == EnrollmentBranch.None
            ? string.Empty
            : route.EnvironmentPrefix.Length == 0 ? EnrollmentBranches.Name(route.Branch) : route.EnvironmentPrefix + "-" + EnrollmentBranches.Name(route.Branch);
        if (route.Label != label || (label.Length != 0 && !path.Contains("/" + label + "/", StringComparison.Ordinal)))
        {
            throw new FuzzFinding(Name, $"the label \"{route.Label}\" is not \"{label}\" as it appears in the path", path);
        }

        return $"{route.Form}:{route.Operation}";
    }
}
