// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
    private PartiesSetup(PartyDirectory directory, BasicCredentials basic, BearerTokens bearer, PartyCertificates? certificates)
    {
        Directory = directory;
        Basic = basic;
        Bearer = bearer;
        Certificates = certificates;
    }

    /// <summary>Gets the accounts.</summary>
    public PartyDirectory Directory { get; }

    /// <summary>Gets the HTTP Basic credentials.</summary>
    public BasicCredentials Basic { get; }

    /// <summary>Gets the bearer JWTs of the configured issuers.</summary>
    public BearerTokens Bearer { get; }

    /// <summary>Gets the TLS client-certificate check, or null when no party-auth CA is configured.</summary>
    public PartyCertificates? Certificates { get; }

    /// <summary>Builds the parties of a configuration, or lists what is wrong with it.</summary>
    /// <param name="options">The <c>Parties</c> section.</param>
    /// <param name="dataDirectory">The data directory the section's files (JWKS, party-auth CAs) are relative to.</param>
    /// <param name="time">The clock of the credential caches and of token lifetimes.</param>
    /// <param name="setup">The parties; null when there are errors.</param>
    /// <param name="errors">One message per problem, naming the config key; never a secret.</param>
    /// <param name="readClientCertificateAuthorities">
    /// Whether to read the party-auth CA files; false checks only that each names one (configuration validation, before
    /// a demo has written them: their keys are in the HSM tokens the runtime opens later). <see cref="Certificates"/> is
    /// null then.
    /// </param>
    /// <returns>Whether the section is valid.</returns>
    public static bool TryBuild(PartiesOptions options, string dataDirectory, TimeProvider time, out PartiesSetup? setup, out List<string> errors, bool readClientCertificateAuthorities = true)
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

        PartyCertificates? certificates = null;
        if (!readClientCertificateAuthorities)
        {
            for (var i = 0; i < options.ClientCertificateAuthorities.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(options.ClientCertificateAuthorities[i]))
                {
                    errors.Add($"Parties:ClientCertificateAuthorities:{i}: must name a PEM file");
                }
            }

            if (errors.Count > 0)
            {
                return false;
            }
        }
        else if (options.ClientCertificateAuthorities.Count > 0)
        {
            var authorities = new List<byte[]>();
            for (var i = 0; i < options.ClientCertificateAuthorities.Count; i++)
            {
                if (!TryReadCertificates(dataDirectory, options.ClientCertificateAuthorities[i], authorities, out var readError))
                {
                    errors.Add($"Parties:ClientCertificateAuthorities:{i}: {readError}");
                }
            }

            if (errors.Count > 0)
            {
                return false;
            }

            if (!PartyCertificates.TryCreate(directory, authorities, time, out certificates, out var certificateError))
            {
                errors.Add("Parties:ClientCertificateAuthorities: " + certificateError);
                return false;
            }
        }

        setup = new PartiesSetup(directory, basic, new BearerTokens(issuers, time), certificates);
        return true;
    }

    /// <summary>Reads every certificate of a PEM file (a bundle may hold several party-auth CAs).</summary>
    private static bool TryReadCertificates(string dataDirectory, string path, List<byte[]> into, out string error)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "must name a PEM file";
            return false;
        }

        var full = Path.GetFullPath(Path.Combine(dataDirectory, path));
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(full);
            if (collection.Count == 0)
            {
                error = $"'{full}' holds no PEM certificate";
                return false;
            }

            foreach (var certificate in collection)
            {
                into.Add(certificate.RawData);
                certificate.Dispose();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error = $"cannot read '{full}': {ex.Message}";
            return false;
        }

        error = string.Empty;
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
