// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// The 249 officially assigned ISO 3166-1 alpha-2 codes (the same set as the tz database's <c>iso3166.tab</c>).
/// User-assigned codes (<c>AA</c>, <c>QM</c>–<c>QZ</c>, <c>XA</c>–<c>XZ</c>, <c>ZZ</c>) and reserved codes such as
/// <c>UK</c> or <c>EU</c> are not in it.
/// </summary>
public static class CountryCodes
{
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
        "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
        "NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
        "RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU " +
        "WF WS YE YT ZA ZM ZW";

    // One bit per (first letter, second letter): 26 × 26 bits.
    private static readonly uint[] Table = Build();

    /// <summary>The number of codes in the list.</summary>
    public static int Count { get; } = (Assigned.Length + 1) / 3;

    /// <summary>Whether the two characters, in any case, are an officially assigned ISO 3166-1 alpha-2 code.</summary>
    /// <param name="code">Exactly two characters.</param>
    /// <returns><see langword="true"/> for an assigned code such as <c>DE</c> or <c>nl</c>.</returns>
    public static bool IsAssigned(ReadOnlySpan<char> code)
    {
        if (code.Length != 2 || !IdText.IsLetter(code[0]) || !IdText.IsLetter(code[1]))
        {
            return false;
        }

        int a = IdText.ToUpper(code[0]) - 'A', b = IdText.ToUpper(code[1]) - 'A';
        return (Table[a] & (1u << b)) != 0;
    }

    private static uint[] Build()
    {
        var table = new uint[26];
        for (var i = 0; i + 1 < Assigned.Length; i += 3)
        {
            table[Assigned[i] - 'A'] |= 1u << (Assigned[i + 1] - 'A');
        }

        return table;
    }
}
