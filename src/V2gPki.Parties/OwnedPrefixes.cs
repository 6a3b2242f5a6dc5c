// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Parties;

/// <summary>
/// The identifiers an account owns, as the prefixes the ISO 15118 identifiers carry (docs/iso15118.md): EVSE operator
/// IDs (<c>DE*ABC</c>, country + operator of the EVSE IDs and SECC IDs it may enroll), e-mobility provider IDs
/// (<c>DE-ABC</c>, country + provider of its EMAIDs), WMIs (<c>WAB</c>, the first three characters of its cars' PCIDs)
/// and CPS names (a CPS leaf's CN must start with one). Stored normalised as the identifiers'
/// <c>OwnerPrefix</c> (upper case, no separators), so comparing is one ordinal string compare.
/// </summary>
public sealed class OwnedPrefixes
{
    private OwnedPrefixes(string[] evseOperators, string[] emaidProviders, string[] pcidWmis, string[] cpsNames)
    {
        EvseOperators = evseOperators;
        EmaidProviders = emaidProviders;
        PcidWmis = pcidWmis;
        CpsNames = cpsNames;
    }

    /// <summary>Gets an account that owns nothing.</summary>
    public static OwnedPrefixes None { get; } = new([], [], [], []);

    /// <summary>Gets the EVSE operator IDs, normalised (<c>DEABC</c>).</summary>
    public IReadOnlyList<string> EvseOperators { get; }

    /// <summary>Gets the e-mobility provider IDs, normalised (<c>DEABC</c>).</summary>
    public IReadOnlyList<string> EmaidProviders { get; }

    /// <summary>Gets the world manufacturer identifiers, upper case (<c>WAB</c>).</summary>
    public IReadOnlyList<string> PcidWmis { get; }

    /// <summary>Gets the CPS name prefixes, as configured (case-sensitive).</summary>
    public IReadOnlyList<string> CpsNames { get; }

    /// <summary>Reads and normalises prefixes as an operator writes them in the configuration.</summary>
    /// <param name="evseOperators">EVSE operator IDs: country code, optional <c>*</c> or <c>-</c>, three alphanumerics.</param>
    /// <param name="emaidProviders">Provider IDs: country code, optional <c>-</c> or <c>*</c>, three alphanumerics.</param>
    /// <param name="pcidWmis">WMIs: three alphanumerics.</param>
    /// <param name="cpsNames">CPS name prefixes: non-empty, at most 64 characters.</param>
    /// <param name="prefixes">The normalised set; <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">Which value was refused and why; empty on success.</param>
    /// <returns>Whether every value is well formed.</returns>
    public static bool TryCreate(
        IEnumerable<string>? evseOperators,
        IEnumerable<string>? emaidProviders,
        IEnumerable<string>? pcidWmis,
        IEnumerable<string>? cpsNames,
        out OwnedPrefixes? prefixes,
        out string error)
    {
        prefixes = null;
        if (!TryNormalizeOperators(evseOperators, "EVSE operator ID", "DE*ABC", out var evse, out error)
            || !TryNormalizeOperators(emaidProviders, "e-mobility provider ID", "DE-ABC", out var emaid, out error)
            || !TryNormalizeWmis(pcidWmis, out var wmis, out error)
            || !TryCheckCpsNames(cpsNames, out var cps, out error))
        {
            return false;
        }

        prefixes = new OwnedPrefixes(evse, emaid, wmis, cps);
        error = string.Empty;
        return true;
    }

    /// <summary>Whether an identifier's owner prefix is one of the account's.</summary>
    /// <param name="type">The identifier type (EVSE and SECC IDs share the operator prefixes).</param>
    /// <param name="ownerPrefix">The identifier's <c>OwnerPrefix</c> (normalised).</param>
    /// <returns>Whether the account owns identifiers with that prefix.</returns>
    public bool Owns(IdType type, string ownerPrefix)
    {
        ArgumentNullException.ThrowIfNull(ownerPrefix);
        var list = type switch
        {
            IdType.Evse or IdType.Secc => EvseOperators,
            IdType.Emaid => EmaidProviders,
            IdType.Pcid => PcidWmis,
            _ => [],
        };
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], ownerPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a CPS name starts with one of the account's CPS name prefixes.</summary>
    /// <param name="commonName">The CN of the CPS leaf asked for.</param>
    /// <returns>Whether the account owns that name.</returns>
    public bool OwnsCpsName(string commonName)
    {
        ArgumentNullException.ThrowIfNull(commonName);
        foreach (var name in CpsNames)
        {
            if (commonName.StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryNormalizeOperators(IEnumerable<string>? values, string what, string example, out string[] normalized, out string error)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            // Country code, an optional separator, three alphanumerics: the head of an EVSE ID or an EMAID.
            var text = value.Trim().ToUpperInvariant();
            var compact = text.Length == 6 && text[2] is '*' or '-' ? string.Concat(text.AsSpan(0, 2), text.AsSpan(3)) : text;
            if (compact.Length != 5 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
                || !char.IsAsciiLetterOrDigit(compact[2]) || !char.IsAsciiLetterOrDigit(compact[3]) || !char.IsAsciiLetterOrDigit(compact[4]))
            {
                normalized = [];
                error = $"{IdText.Quote(value)} is not an {what} (country code and three letters or digits, for example {example})";
                return false;
            }

            if (!CountryCodes.IsAssigned(compact.AsSpan(0, 2)))
            {
                normalized = [];
                error = $"{IdText.Quote(value)}: {compact[..2]} is not an assigned ISO 3166-1 country code";
                return false;
            }

            if (!list.Contains(compact))
            {
                list.Add(compact);
            }
        }

        normalized = [.. list];
        error = string.Empty;
        return true;
    }

    private static bool TryNormalizeWmis(IEnumerable<string>? values, out string[] normalized, out string error)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            var wmi = value.Trim().ToUpperInvariant();
            if (wmi.Length != 3 || !char.IsAsciiLetterOrDigit(wmi[0]) || !char.IsAsciiLetterOrDigit(wmi[1]) || !char.IsAsciiLetterOrDigit(wmi[2]))
            {
                normalized = [];
                error = $"{IdText.Quote(value)} is not a WMI (three letters or digits, the start of a PCID, for example WAB)";
                return false;
            }

            if (!list.Contains(wmi))
            {
                list.Add(wmi);
            }
        }

        normalized = [.. list];
        error = string.Empty;
        return true;
    }

    private static bool TryCheckCpsNames(IEnumerable<string>? values, out string[] names, out string error)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
            {
                names = [];
                error = $"{IdText.Quote(value ?? string.Empty)} is not a CPS name prefix (1 to 64 characters, not blank)";
                return false;
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        names = [.. list];
        error = string.Empty;
        return true;
    }
}
