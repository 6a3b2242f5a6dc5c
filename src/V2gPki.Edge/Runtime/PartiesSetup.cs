// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Parties;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// The parties of a configuration, built once from <c>Parties</c>: the account directory, the HTTP Basic credentials and
/// the bearer-token issuers the EST listener checks. A new configuration builds a new one (the verified-credential and
/// validated-token caches start empty).
/// </summary>
internal sealed class PartiesSetup
{
    private PartiesSetup(PartyDirectory directory, BasicCredentials basic, BearerTokens bearer)
    {
        Directory = directory;
        Basic = basic;
        Bearer = bearer;
    }

    /// <summary>Gets the accounts.</summary>
    public PartyDirectory Directory { get; }

    /// <summary>Gets the HTTP Basic credentials.</summary>
    public BasicCredentials Basic { get; }

    /// <summary>Gets the bearer JWTs of the configured issuers.</summary>
    public BearerTokens Bearer { get; }

    /// <summary>Builds the parties of a configuration, or lists what is wrong with it.</summary>
    /// <param name="options">The <c>Parties</c> section.</param>
    /// <param name="dataDirectory">The data directory the JWKS files are relative to.</param>
    /// <param name="time">The clock of the credential caches and of token lifetimes.</param>
    /// <param name="setup">The parties; null when there are errors.</param>
    /// <param name="errors">One message per problem, naming the config key; never a secret.</param>
    /// <returns>Whether the section is valid.</returns>
    public static bool TryBuild(PartiesOptions options, string dataDirectory, TimeProvider time, out PartiesSetup? setup, out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        setup = null;
        errors = [];
        var accounts = new List<PartyAccount>();
        var passwords = new List<(string, string)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var entry = options.Accounts[i];
            var key = $"Parties:Accounts:{i}";
            if (string.IsNullOrEmpty(entry.Id) || entry.Id.Length > 64 || entry.Id.AsSpan().ContainsAnyExceptInRange('!', '~') || entry.Id.Contains(':', StringComparison.Ordinal))
            {
                errors.Add($"{key}:Id: '{entry.Id}' is not an account id (1 to 64 visible ASCII characters, no ':')");
                continue;
            }

            if (!ids.Add(entry.Id))
            {
                errors.Add($"{key}:Id: '{entry.Id}' is configured twice");
                continue;
            }

            var roles = PartyRoles.None;
            foreach (var role in entry.Roles)
            {
                if (!TryParseRole(role, out var parsed))
                {
                    errors.Add($"{key}:Roles: '{role}' is not CPO, MO, OEM or CPS");
                }

                roles |= parsed;
            }

            if (!OwnedPrefixes.TryCreate(entry.EvseOperators, entry.EmaidProviders, entry.PcidWmis, entry.CpsNames, out var prefixes, out var prefixError))
            {
                errors.Add($"{key}: {prefixError}");
                continue;
            }

            accounts.Add(new PartyAccount(entry.Id, roles, prefixes!));
            if (!string.IsNullOrEmpty(entry.PasswordHash))
            {
                passwords.Add((entry.Id, entry.PasswordHash));
            }
        }

        var issuers = BuildIssuers(options.JwtIssuers, dataDirectory, errors);
        if (errors.Count > 0)
        {
            return false;
        }

        var directory = new PartyDirectory(accounts);
        if (!BasicCredentials.TryCreate(directory, passwords, time, BasicCredentials.DefaultCacheLifetime, out var basic, out var basicError))
        {
            errors.Add("Parties:Accounts: " + basicError);
            return false;
        }

        setup = new PartiesSetup(directory, basic, new BearerTokens(issuers, time));
        return true;
    }

    private static List<TokenIssuer> BuildIssuers(List<JwtIssuerOptions> entries, string dataDirectory, List<string> errors)
    {
        var issuers = new List<TokenIssuer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var key = $"Parties:JwtIssuers:{i}";
            if (string.IsNullOrWhiteSpace(entry.JwksFile))
            {
                errors.Add($"{key}:JwksFile: must name the issuer's JWKS file (RFC 7517 §5, relative to DataDir)");
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(dataDirectory, entry.JwksFile));
            string jwks;
            try
            {
                jwks = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{key}:JwksFile: cannot read '{path}': {ex.Message}");
                continue;
            }

            if (!TokenIssuer.TryCreate(entry.Issuer, entry.Audience, entry.ClaimNamespace, jwks, TimeSpan.FromSeconds(entry.ClockSkewSeconds), out var issuer, out var error))
            {
                errors.Add(error.StartsWith(TokenIssuer.JwksError, StringComparison.Ordinal)
                    ? $"{key}:JwksFile: '{path}': {error[TokenIssuer.JwksError.Length..]}"
                    : $"{key}:{error}");
                continue;
            }

            if (!seen.Add(issuer.Issuer))
            {
                errors.Add($"{key}:Issuer: '{issuer.Issuer}' is configured twice");
                continue;
            }

            issuers.Add(issuer);
        }

        return issuers;
    }

    private static bool TryParseRole(string text, out PartyRoles role)
    {
        role = text.ToUpperInvariant() switch
        {
            "CPO" => PartyRoles.Cpo,
            "MO" => PartyRoles.Mo,
            "OEM" => PartyRoles.Oem,
            "CPS" => PartyRoles.Cps,
            _ => PartyRoles.None,
        };
        return role != PartyRoles.None;
    }
}
