// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// Identifier mutants built from the grammars of docs/iso15118.md: EVSE IDs, SECC IDs, EMAIDs and PCIDs assembled from
/// their parts (assigned, unassigned and reserved country codes, operator or provider IDs, the ID type letter, outlet,
/// controller, instance and check characters), each part at and around its length limits, with the type's separators
/// placed all, some or none; then edits of that structure: separators swapped between types, doubled or moved, case
/// flipped, a character replaced by one of another class or a non-ASCII look-alike, DIN SPEC 91286 forms, whitespace
/// around, truncation.
/// </summary>
/// <param name="seed">The seed.</param>
public sealed class IdentifierMutator(int seed)
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz";

    private static readonly string[] Countries = ["DE", "NL", "FR", "de", "nL", "AT", "US", "JP"];

    private static readonly string[] OddCountries = ["ZZ", "UK", "EU", "AA", "QM", "XK", "EM", "E1", "1E", "D*"];

    private static readonly string[] Known =
    [
        "DE*AB7*E840*6487", "DEAB7E8406487", "DE*DES*E*BMW*0113*2", "DE*TNM*ETWL*HEDWIGLAUDIENRING*LS12001*0", "DE*ICE*E45B*78C",
        "DE-ICE-S-00003C4D557878675645330967543476-2", "NL-TNM-000122045-U", "NLTNM000122045U", "NLTNMC00122045K", "DE83DUIEN83QGZD",
        "FRXYZ1234567892", "EMP99CQATEST001", "WP012345678901234", "huboemprovcqa0615", "+49*810*000*438", "NL-TNM-012204-5",
    ];

    private readonly TextMutator _m = new(seed);

    /// <summary>The next mutant.</summary>
    /// <returns>An identifier as received.</returns>
    public string Next()
    {
        var id = _m.Next(9) switch
        {
            0 => _m.Pick(Known),
            1 or 2 => Evse(),
            3 or 4 => Secc(),
            5 or 6 => Emaid(),
            _ => Pcid(),
        };
        var edits = _m.Pick([0, 0, 0, 1, 1, 2]);
        for (var e = 0; e < edits; e++)
        {
            id = Edit(id);
        }

        return id;
    }

    private string Evse()
    {
        var outlet = new StringBuilder(_m.Of(Alnum, _m.Pick([1, 1, 4, 7, 29, 30, 31, 32])));
        for (var stars = _m.Pick([0, 0, 1, 2]); stars > 0; stars--)
        {
            outlet.Insert(_m.Next(outlet.Length + 1), '*');
        }

        return string.Concat(Country(), Sep('*'), Part(3), Sep('*'), _m.Chance(90) ? _m.Pick(["E", "e"]) : _m.Pick(["S", "X"]), outlet.ToString());
    }

    private string Secc() =>
        string.Concat(Country(), Sep('-'), Part(3), Sep('-'), _m.Chance(90) ? _m.Pick(["S", "s"]) : "E", Sep('-'),
            _m.Of(Alnum, _m.Pick([31, 32, 32, 33, 40, 56, 57, 58, 59])), _m.Chance(40) ? "-" + _m.Of(Alnum, _m.Chance(90) ? 1 : 2) : string.Empty);

    private string Emaid()
    {
        string country = Country(), provider = Part(3), instance = Part(9);
        var check = _m.Chance(60) ? _m.Of(Alnum, 1) : string.Empty;
        return _m.Next(4) switch
        {
            0 => $"{country}-{provider}-{instance}" + (check.Length > 0 ? "-" + check : string.Empty),
            1 => $"{country}-{provider}{Sep('-')}{instance}{Sep('-')}{check}",
            _ => country + provider + instance + check,
        };
    }

    private string Pcid() => _m.Of(Alnum, _m.Pick([16, 17, 17, 18, 18, 19, 40, 64, 65]));

    // Mostly an assigned code in either case; sometimes a user-assigned, reserved or malformed one.
    private string Country() => _m.Chance(85) ? _m.Pick(Countries) : _m.Pick(OddCountries);

    // A part of its length, or (one time in six) one character short or long, or a DIN instance's 6.
    private string Part(int length) => _m.Of(Alnum, _m.Chance(85) ? length : _m.Pick([length - 1, length + 1, length == 9 ? 6 : 2]));

    private string Sep(char separator) => _m.Chance(50) ? separator.ToString() : string.Empty;

    private string Edit(string id) => _m.Next(10) switch
    {
        0 => _m.InsertAnywhere(id, _m.Pick(["*", "-", "**", "--", " ", "_", "."])),
        1 => id.Replace(_m.Chance(50) ? '*' : '-', _m.Pick(['-', '*', ' ', '_'])),
        2 => _m.FlipCase(id, 40),
        3 => _m.ReplaceAnywhere(id, _m.Pick(["0", "O", "1", "I", "Z", "\u0130", "\u0131", "\u017F", "\u212A", "\uFF21", "\uFF10", "\u0663", "\u00E9", "\u00DF"])),
        4 => _m.Pick(["", " ", "\t", "+", "\u00A0", "\uFEFF"]) + id + _m.Pick(["", " ", "\n", "\0"]),
        5 => id[.._m.Next(id.Length + 1)],
        6 => id + _m.Of(Alnum, _m.Next(1, 4)),
        7 when id.Length > 1 => id.Remove(_m.Next(id.Length), 1),
        8 => _m.Pick(Known)[..2] + id[Math.Min(2, id.Length)..],
        _ => _m.Generic(id, "*-" + Alnum[..10]),
    };
}
