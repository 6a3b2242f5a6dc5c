// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Parties;

namespace V2gPki.Est;

/// <summary>
/// What an EST request path names: the operation, the <c>{ca}</c> label and its branch, and the ISO 15118 version and
/// algorithm segments of the OPCP forms. <see cref="TryParse"/> reads every path family that EST clients of this
/// hierarchy call (docs/architecture.md §2, §3 "EST enrollment").
/// </summary>
/// <remarks>
/// <para>The shapes, each from its source (<c>{op}</c> is one of the six RFC 7030 §3.2.2 operation names):</para>
/// <list type="table">
/// <item><term><c>/.well-known/est/{op}</c></term><description>RFC 7030 §3.2.2, no label (<see cref="Label"/> empty,
/// <see cref="Branch"/> <see cref="EnrollmentBranch.None"/>).</description></item>
/// <item><term><c>/.well-known/est/{ca}/{op}</c></term><description>RFC 7030 §3.2.2 with a label; libest, BouncyCastle,
/// curl scripts.</description></item>
/// <item><term><c>/.well-known/est/{ca}/simpleenroll/{iso-version}</c></term><description>OPCP enrollment.</description></item>
/// <item><term><c>/{ca}/cacerts/{iso-version}/{algorithm}</c>, trailing <c>/</c> optional</term><description>OPCP CA
/// certificates (OPCP writes the trailing slash).</description></item>
/// <item><term><c>/{ca}/simpleenroll/{iso-version}</c>, <c>/{ca}/cacerts/{iso-version}</c></term><description>MaEVe's
/// OPCP client.</description></item>
/// <item><term><c>/.well-known/{ca}/simpleenroll</c>, <c>/.well-known/{ca}/cacerts</c></term><description>CitrineOS's
/// Hubject client.</description></item>
/// </list>
/// <para>
/// Strict on everything else, so that no other path reaches the enrollment service: the raw path as Kestrel gives it,
/// without the query; at most <see cref="MaxPathLength"/> characters; names matched exactly as RFC 7030 and OPCP spell
/// them (case included, as path segments are case-sensitive, RFC 3986 §6.2.2.1); no empty segment and no trailing
/// slash except where listed; no percent-escapes, dot segments or non-ASCII (none of them can appear in a name or a
/// label). <c>{ca}</c> is OPCP's <c>^(\w+-)?(mo|cpo|oem|cps|veh)$</c> (an optional environment prefix such as
/// <c>qa-</c>, then a branch name; at most <see cref="MaxLabelLength"/> characters). <c>{iso-version}</c> is
/// <c>ISO15118-2</c> or <c>ISO15118-20</c> and <c>{algorithm}</c> <c>secp256r1</c>, <c>secp521r1</c> or <c>ed448</c>,
/// OPCP's values; whether this hierarchy serves them is the enrollment service's answer, not a routing one. The HTTP
/// method is the listener's check.
/// </para>
/// </remarks>
/// <param name="Operation">The operation.</param>
/// <param name="Form">The path family.</param>
/// <param name="Label">The <c>{ca}</c> label as given (<c>cpo</c>, <c>qa-cpo</c>); empty for <c>/.well-known/est/{op}</c>.</param>
/// <param name="EnvironmentPrefix">The environment prefix of <paramref name="Label"/> without its <c>-</c> (<c>qa</c>); empty when there is none.</param>
/// <param name="Branch">The branch <paramref name="Label"/> names; <see cref="EnrollmentBranch.None"/> when it is empty.</param>
/// <param name="IsoVersion"><see cref="Iso15118Part2"/> or <see cref="Iso15118Part20"/> when the path has the segment, else <see langword="null"/>.</param>
/// <param name="Algorithm"><see cref="Secp256r1"/>, <see cref="Secp521r1"/> or <see cref="Ed448"/> when the path has the segment, else <see langword="null"/>.</param>
public readonly record struct EstRoute(
    EstOperation Operation, EstRouteForm Form, string Label, string EnvironmentPrefix, EnrollmentBranch Branch, string? IsoVersion, string? Algorithm)
{
    /// <summary>The longest path considered; longer ones are not EST paths.</summary>
    public const int MaxPathLength = 256;

    /// <summary>The longest <c>{ca}</c> label, environment prefix included.</summary>
    public const int MaxLabelLength = 64;

    /// <summary>The OPCP <c>{iso-version}</c> of ISO 15118-2.</summary>
    public const string Iso15118Part2 = "ISO15118-2";

    /// <summary>The OPCP <c>{iso-version}</c> of ISO 15118-20.</summary>
    public const string Iso15118Part20 = "ISO15118-20";

    /// <summary>The OPCP <c>{algorithm}</c> of P-256 (ISO 15118-2).</summary>
    public const string Secp256r1 = "secp256r1";

    /// <summary>The OPCP <c>{algorithm}</c> of P-521 (ISO 15118-20).</summary>
    public const string Secp521r1 = "secp521r1";

    /// <summary>The OPCP <c>{algorithm}</c> of Ed448 (ISO 15118-20).</summary>
    public const string Ed448 = "ed448";

    // The longest shapes have five segments (OPCP enrollment; OPCP cacerts with its trailing slash); one more slot
    // catches a longer path, since Split leaves the rest in the last one.
    private const int MaxSegments = 5;

    // \w of OPCP's {ca} pattern, in ASCII.
    private static readonly SearchValues<char> WordCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>Reads a request path.</summary>
    /// <param name="path">The raw path, without the query.</param>
    /// <param name="route">The route; <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether <paramref name="path"/> is one of the EST shapes, with a known <c>{ca}</c> where it has one.</returns>
    public static bool TryParse(ReadOnlySpan<char> path, out EstRoute route)
    {
        route = default;
        if (path.Length is < 2 or > MaxPathLength || path[0] != '/')
        {
            return false;
        }

        Span<Range> ranges = stackalloc Range[MaxSegments + 1];
        var rest = path[1..];
        var count = rest.Split(ranges, '/');
        if (count > MaxSegments)
        {
            return false;
        }

        // A final empty segment is a trailing slash: only the OPCP cacerts form takes one.
        var trailingSlash = count > 1 && ranges[count - 1].GetOffsetAndLength(rest.Length).Length == 0;
        if (trailingSlash)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            if (ranges[i].GetOffsetAndLength(rest.Length).Length == 0)
            {
                return false;
            }
        }

        var s0 = rest[ranges[0]];
        if (s0.SequenceEqual(".well-known"))
        {
            return !trailingSlash && TryParseWellKnown(rest, ranges[..count], out route);
        }

        return TryParseBare(rest, ranges[..count], trailingSlash, out route);
    }

    // /.well-known/est/{op}, /.well-known/est/{ca}/{op}, /.well-known/est/{ca}/simpleenroll/{iso-version} (RFC 7030,
    // OPCP); /.well-known/{ca}/simpleenroll|cacerts (CitrineOS).
    private static bool TryParseWellKnown(ReadOnlySpan<char> rest, ReadOnlySpan<Range> segments, out EstRoute route)
    {
        route = default;
        if (segments.Length < 3)
        {
            return false;
        }

        var s1 = rest[segments[1]];
        var s2 = rest[segments[2]];
        if (!s1.SequenceEqual("est"))
        {
            if (segments.Length != 3 || !TryParseLabel(s1, out var label, out var environmentPrefix, out var branch))
            {
                return false;
            }

            var operation = OperationOf(s2);
            if (operation is not (EstOperation.SimpleEnroll or EstOperation.CaCerts))
            {
                return false;
            }

            route = new EstRoute(operation, EstRouteForm.CitrineOs, label, environmentPrefix, branch, null, null);
            return true;
        }

        switch (segments.Length)
        {
            case 3:
                {
                    var operation = OperationOf(s2);
                    if (operation == EstOperation.None)
                    {
                        return false;
                    }

                    route = new EstRoute(operation, EstRouteForm.Rfc7030, string.Empty, string.Empty, EnrollmentBranch.None, null, null);
                    return true;
                }

            case 4:
                {
                    var operation = OperationOf(rest[segments[3]]);
                    if (operation == EstOperation.None || !TryParseLabel(s2, out var label, out var environmentPrefix, out var branch))
                    {
                        return false;
                    }

                    route = new EstRoute(operation, EstRouteForm.Rfc7030, label, environmentPrefix, branch, null, null);
                    return true;
                }

            case 5:
                {
                    if (!rest[segments[3]].SequenceEqual("simpleenroll") || IsoVersionOf(rest[segments[4]]) is not { } isoVersion
                        || !TryParseLabel(s2, out var label, out var environmentPrefix, out var branch))
                    {
                        return false;
                    }

                    route = new EstRoute(EstOperation.SimpleEnroll, EstRouteForm.Opcp, label, environmentPrefix, branch, isoVersion, null);
                    return true;
                }

            default:
                return false;
        }
    }

    // /{ca}/cacerts/{iso-version}/{algorithm}[/] (OPCP); /{ca}/simpleenroll|cacerts/{iso-version} (MaEVe).
    private static bool TryParseBare(ReadOnlySpan<char> rest, ReadOnlySpan<Range> segments, bool trailingSlash, out EstRoute route)
    {
        route = default;
        if (segments.Length is not (3 or 4) || IsoVersionOf(rest[segments[2]]) is not { } isoVersion)
        {
            return false;
        }

        var operation = OperationOf(rest[segments[1]]);
        if (segments.Length == 4)
        {
            if (operation != EstOperation.CaCerts || AlgorithmOf(rest[segments[3]]) is not { } algorithm
                || !TryParseLabel(rest[segments[0]], out var label, out var environmentPrefix, out var branch))
            {
                return false;
            }

            route = new EstRoute(EstOperation.CaCerts, EstRouteForm.Opcp, label, environmentPrefix, branch, isoVersion, algorithm);
            return true;
        }

        if (trailingSlash || operation is not (EstOperation.SimpleEnroll or EstOperation.CaCerts)
            || !TryParseLabel(rest[segments[0]], out var maeveLabel, out var maevePrefix, out var maeveBranch))
        {
            return false;
        }

        route = new EstRoute(operation, EstRouteForm.MaEVe, maeveLabel, maevePrefix, maeveBranch, isoVersion, null);
        return true;
    }

    // OPCP's {ca}: ^(\w+-)?(mo|cpo|oem|cps|veh)$, \w being ASCII letters, digits and '_'.
    private static bool TryParseLabel(ReadOnlySpan<char> text, out string label, out string environmentPrefix, out EnrollmentBranch branch)
    {
        label = environmentPrefix = string.Empty;
        branch = EnrollmentBranch.None;
        if (text.Length > MaxLabelLength)
        {
            return false;
        }

        var dash = text.LastIndexOf('-');
        if (!EnrollmentBranches.TryParse(text[(dash + 1)..], out branch))
        {
            return false;
        }

        if (dash < 0)
        {
            // The common case allocates nothing: the label is the branch's own name.
            label = EnrollmentBranches.Name(branch);
            return true;
        }

        var prefix = text[..dash];
        if (prefix.IsEmpty || prefix.ContainsAnyExcept(WordCharacters))
        {
            branch = EnrollmentBranch.None;
            return false;
        }

        label = text.ToString();
        environmentPrefix = prefix.ToString();
        return true;
    }

    private static EstOperation OperationOf(ReadOnlySpan<char> segment) => segment switch
    {
        "cacerts" => EstOperation.CaCerts,
        "simpleenroll" => EstOperation.SimpleEnroll,
        "simplereenroll" => EstOperation.SimpleReenroll,
        "csrattrs" => EstOperation.CsrAttrs,
        "serverkeygen" => EstOperation.ServerKeyGen,
        "fullcmc" => EstOperation.FullCmc,
        _ => EstOperation.None,
    };

    private static string? IsoVersionOf(ReadOnlySpan<char> segment) => segment switch
    {
        Iso15118Part2 => Iso15118Part2,
        Iso15118Part20 => Iso15118Part20,
        _ => null,
    };

    private static string? AlgorithmOf(ReadOnlySpan<char> segment) => segment switch
    {
        Secp256r1 => Secp256r1,
        Secp521r1 => Secp521r1,
        Ed448 => Ed448,
        _ => null,
    };
}
