// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// Request-target mutants built from the router's grammar: origin or absolute form (or <c>*</c>), one of the routes
/// with its fixed name in any case or one letter off (missing, doubled, a non-ASCII look-alike), trailing and doubled
/// slashes, a base64 payload from <see cref="GetPathMutator"/>, a query; then generic edits with the delimiters
/// <c>/ ? : #</c>.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class RouterMutator(int seed)
{
    private static readonly string[] Names = ["ocsp", "crl", "api", "health", "ready", "metrics"];

    private static readonly string[] Authorities =
        ["http://ocsp.example", "https://ocsp.example:8443", "HTTP://[::1]", "http://h", "http://", "x://h", "://h", "a/b://h", "http:/h", "http://h?q=/ocsp"];

    private static readonly string[] Queries = ["?x=1", "?", "??", "?/ocsp", "?a://b/ocsp", "?%2F", "#f", "?MEU="];

    private readonly TextMutator _m = new(seed);
    private readonly GetPathMutator _payloads = new(seed ^ 0x5019);

    /// <summary>The next mutant.</summary>
    /// <returns>A raw request target.</returns>
    public string Next()
    {
        var path = _m.Next(10) switch
        {
            0 => "/",
            1 => "/" + Name(),
            2 => "/" + Name() + "/",
            3 => "/" + Name() + "/" + _payloads.Next(),
            4 => "/" + Name() + "/" + _m.Pick(["cpo-sub2.crl", "v2g-root.crl", "v1/ocpp/certificate-status", "x", ""]),
            5 => "/" + Name() + _m.Pick(["x", "/x", "//", "/x/y", ".crl"]),
            6 => "//" + _payloads.Next(),
            7 => "/api/v1/ocpp/certificate-status",
            _ => "/" + _payloads.Next(),
        };

        var target = _m.Next(10) switch
        {
            0 => _m.Pick(Authorities) + (_m.Chance(80) ? path : string.Empty),
            1 => _m.Pick(["*", "", "ocsp", "MEU", "%2F"]) + (_m.Chance(50) ? path : string.Empty),
            _ => path,
        };

        if (_m.Chance(20))
        {
            target += _m.Pick(Queries);
        }

        if (_m.Chance(25))
        {
            target = _m.Generic(target, "/?:#.%ocspOCSPcrlapi");
        }

        return target;
    }

    private string Name()
    {
        var name = _m.FlipCase(_m.Pick(Names), _m.Pick([0, 0, 30, 100]));
        if (!_m.Chance(25))
        {
            return name;
        }

        var at = _m.Next(name.Length);
        return _m.Next(4) switch
        {
            0 => name.Remove(at, 1),
            1 => name.Insert(at, name.Substring(at, 1)),
            // Letters that fold to ASCII in some case tables: the router must not take them for the name.
            2 => string.Concat(name.AsSpan(0, at), LookAlike(name[at]), name.AsSpan(at + 1)),
            _ => string.Concat(name.AsSpan(0, at), ((char)(name[at] + 0xFEE0)).ToString(), name.AsSpan(at + 1)),
        };
    }

    private static string LookAlike(char c) => (c | 0x20) switch
    {
        's' => "\u017F",
        'i' => "\u0131",
        'k' => "\u212A",
        'e' => "\u00E9",
        'a' => "\u0430",
        'c' => "\u0441",
        'p' => "\u0440",
        'o' => "\u043E",
        _ => "\u0130",
    };
}
