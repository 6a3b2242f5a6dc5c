// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.RegularExpressions;
using V2gPki.Est;
using V2gPki.Parties;

namespace V2gPki.Fuzz.Slow;

/// <summary>
/// The slow path of <see cref="EstRoute.TryParse"/>: one anchored regular expression per documented shape, tried in
/// order, with OPCP's <c>{ca}</c> pattern in ASCII, the operation, version and algorithm names as alternations, and the
/// path and label length limits checked on the strings.
/// </summary>
public static partial class SlowEstRoute
{
    private const string Label = @"(?<label>(?:(?<prefix>[A-Za-z0-9_]+)-)?(?<branch>cpo|mo|oem|veh|cps))";
    private const string Iso = "(?<iso>ISO15118-2|ISO15118-20)";

    /// <summary>Reads a path.</summary>
    /// <param name="path">The raw path.</param>
    /// <returns>The route, or null when no shape matches.</returns>
    public static EstRoute? Parse(string path)
    {
        if (path.Length > EstRoute.MaxPathLength)
        {
            return null;
        }

        (Regex Pattern, EstRouteForm Form)[] shapes =
        [
            (RfcNoLabel(), EstRouteForm.Rfc7030), (RfcLabel(), EstRouteForm.Rfc7030), (OpcpEnroll(), EstRouteForm.Opcp),
            (OpcpCaCerts(), EstRouteForm.Opcp), (MaEVe(), EstRouteForm.MaEVe), (CitrineOs(), EstRouteForm.CitrineOs),
        ];
        foreach ((var pattern, var form) in shapes)
        {
            var match = pattern.Match(path);
            if (!match.Success)
            {
                continue;
            }

            var label = match.Groups["label"];
            if (label.Length > EstRoute.MaxLabelLength)
            {
                return null;
            }

            EnrollmentBranches.TryParse(match.Groups["branch"].Value, out var branch);
            return new EstRoute(
                Operation(match.Groups["op"].Value), form, label.Value, match.Groups["prefix"].Value, branch,
                match.Groups["iso"].Success ? match.Groups["iso"].Value : null, match.Groups["alg"].Success ? match.Groups["alg"].Value : null);
        }

        return null;
    }

    private static EstOperation Operation(string name) => name switch
    {
        "cacerts" => EstOperation.CaCerts,
        "simpleenroll" => EstOperation.SimpleEnroll,
        "simplereenroll" => EstOperation.SimpleReenroll,
        "csrattrs" => EstOperation.CsrAttrs,
        "serverkeygen" => EstOperation.ServerKeyGen,
        _ => EstOperation.FullCmc,
    };

    [GeneratedRegex(@"\A/\.well-known/est/(?<op>cacerts|simpleenroll|simplereenroll|csrattrs|serverkeygen|fullcmc)\z", RegexOptions.CultureInvariant)]
    private static partial Regex RfcNoLabel();

    [GeneratedRegex(@"\A/\.well-known/est/" + Label + @"/(?<op>cacerts|simpleenroll|simplereenroll|csrattrs|serverkeygen|fullcmc)\z", RegexOptions.CultureInvariant)]
    private static partial Regex RfcLabel();

    [GeneratedRegex(@"\A/\.well-known/est/" + Label + "/(?<op>simpleenroll)/" + Iso + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex OpcpEnroll();

    [GeneratedRegex(@"\A/" + Label + "/(?<op>cacerts)/" + Iso + @"/(?<alg>secp256r1|secp521r1|ed448)/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex OpcpCaCerts();

    [GeneratedRegex(@"\A/" + Label + "/(?<op>simpleenroll|cacerts)/" + Iso + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex MaEVe();

    [GeneratedRegex(@"\A/\.well-known/" + Label + @"/(?<op>simpleenroll|cacerts)\z", RegexOptions.CultureInvariant)]
    private static partial Regex CitrineOs();
}
