// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// EST path mutants built from the route grammar: an optional <c>/.well-known</c> and <c>est</c> prefix (in any case, or
/// one letter off), a <c>{ca}</c> label (every branch, with and without an environment prefix, unknown names, case
/// flipped, non-ASCII look-alikes, dot segments, at and over the length limit), an operation name (the six of RFC 7030
/// and near misses), the OPCP version and algorithm segments and near misses, in every order and count, with a trailing
/// slash now and then; then edits of that structure: doubled and missing slashes, percent-escapes, a query or fragment,
/// oddities, truncation.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class EstRouteMutator(int seed)
{
    private static readonly string[] Branches = ["cpo", "mo", "oem", "veh", "cps"];

    private static readonly string[] OddLabels =
        ["est", "xyz", "CPO", "Cpo", "c\u0440o", "cp\uFF4F", "-cpo", "qa--cpo", "eu-qa-cpo", "cpo-qa", "q.a-cpo", ".", "..", "", "%63po", "qa-", "ocsp", "v1"];

    private static readonly string[] Operations = ["cacerts", "simpleenroll", "simplereenroll", "csrattrs", "serverkeygen", "fullcmc"];

    private static readonly string[] OddOperations = ["enroll", "CACERTS", "cacert", "cacertss", "simpleEnroll", "signer", "ccp", ""];

    private static readonly string[] Versions = ["ISO15118-2", "ISO15118-20", "ISO15118-2", "iso15118-2", "ISO15118-3", "ISO15118-200", "ISO15118"];

    private static readonly string[] Algorithms = ["secp256r1", "secp521r1", "ed448", "secp256r1", "SECP256R1", "rsa2048", "ed25519"];

    private readonly TextMutator _m = new(seed);

    /// <summary>The next mutant.</summary>
    /// <returns>A raw request path.</returns>
    public string Next()
    {
        var path = _m.Chance(50) ? Shape() : Assembled();
        var edits = _m.Pick([0, 0, 0, 1, 1, 2]);
        for (var e = 0; e < edits; e++)
        {
            path = Edit(path);
        }

        return path;
    }

    // One of the documented shapes with its variable parts drawn from the valid values (edits may then break it).
    private string Shape()
    {
        var label = _m.Chance(70) ? _m.Pick(Branches) : _m.Of("abcXYZ019_", _m.Next(1, 6)) + "-" + _m.Pick(Branches);
        var version = _m.Pick(["ISO15118-2", "ISO15118-20"]);
        return _m.Next(6) switch
        {
            0 => "/.well-known/est/" + _m.Pick(Operations),
            1 => $"/.well-known/est/{label}/{_m.Pick(Operations)}",
            2 => $"/.well-known/est/{label}/simpleenroll/{version}",
            3 => $"/{label}/cacerts/{version}/{_m.Pick(["secp256r1", "secp521r1", "ed448"])}{(_m.Chance(50) ? "/" : string.Empty)}",
            4 => $"/{label}/{_m.Pick(["simpleenroll", "cacerts"])}/{version}",
            _ => $"/.well-known/{label}/{_m.Pick(["simpleenroll", "cacerts"])}",
        };
    }

    // Segments drawn from the grammar's parts and near misses, in any count.
    private string Assembled()
    {
        var segments = new List<string>();
        switch (_m.Next(4))
        {
            case 0:
                segments.Add(_m.Chance(90) ? ".well-known" : _m.Pick([".Well-Known", "well-known", ".well_known", "..well-known"]));
                segments.Add(_m.Chance(90) ? "est" : _m.Pick(["EST", "es", "estt", "est\u0131"]));
                break;
            case 1:
                segments.Add(".well-known");
                break;
            default:
                break;
        }

        if (!(segments.Count == 2 && _m.Chance(20)))
        {
            segments.Add(Label());
        }

        segments.Add(_m.Chance(85) ? _m.Pick(Operations) : _m.Pick(OddOperations));
        if (_m.Chance(55))
        {
            segments.Add(_m.Pick(Versions));
            if (_m.Chance(50))
            {
                segments.Add(_m.Pick(Algorithms));
            }
        }

        if (_m.Chance(5))
        {
            segments.Add(_m.Pick(["x", "", "ISO15118-2"]));
        }

        return "/" + string.Join('/', segments) + (_m.Chance(25) ? "/" : string.Empty);
    }

    private string Label()
    {
        var branch = _m.Pick(Branches);
        return _m.Next(10) switch
        {
            < 5 => branch,
            < 7 => _m.Of("abcXYZ019_", _m.Next(1, 6)) + "-" + branch,
            7 => new string('q', _m.Next(55, 64)) + "-" + branch,
            _ => _m.Pick(OddLabels),
        };
    }

    private string Edit(string path)
    {
        var slash = path.LastIndexOf('/');
        return _m.Next(9) switch
        {
            0 => path.Replace("/", "//", StringComparison.Ordinal),
            1 => _m.InsertAnywhere(path, "/"),
            2 when slash >= 0 => path.Remove(slash, 1),
            3 => _m.ReplaceAnywhere(path, _m.Pick(["%2F", "%2f", "%63", "%2E", "%20"])),
            4 => path + _m.Pick(["?x=1", "?", "#f", "?xsdMsgDefNamespace=urn:iso:15118:2:2013:MsgDef"]),
            5 => path[.._m.Next(path.Length + 1)],
            6 => _m.Pick(["", "/", "//", "https://est.example", "*"]) + path,
            7 => _m.FlipCase(path, 5),
            _ => _m.Generic(path, "/.-_?%#"),
        };
    }
}
