// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// From a validated token's claims to a <see cref="PartyAccount"/> (docs/bearer-tokens.md): claims are named
/// <c>&lt;namespace&gt;/&lt;name&gt;</c>, the namespace being the audience URL as Hubject names them, and each holds a
/// string or an array of strings.
/// </summary>
public sealed partial class BearerTokens
{
    /// <summary>The role strings of the tokens and the role each grants; others (<c>AUDI</c>, <c>MO_EXTERNAL_PKI</c>, …) grant nothing.</summary>
    internal static readonly (string Name, PartyRoles Role)[] RoleNames =
    [
        ("CPO", PartyRoles.Cpo),
        ("MO", PartyRoles.Mo),
        ("MO_HUBJECT_PKI", PartyRoles.Mo),
        ("OEM", PartyRoles.Oem),
        ("CPS", PartyRoles.Cps),
    ];

    /// <summary>The prefix of the account id of a token's party; Basic account ids hold no ':' so the two never meet.</summary>
    internal const string AccountIdPrefix = "jwt:";

    /// <summary>Maps the claims of a validated token to a party.</summary>
    /// <param name="issuer">The issuer (its claim namespace).</param>
    /// <param name="jwt">The validated token.</param>
    /// <param name="account">The party; null when the method returns <see langword="false"/>.</param>
    /// <param name="error">Which claim is unusable and why; empty on success.</param>
    /// <returns>Whether the claims describe a party.</returns>
    internal static bool TryMapParty(TokenIssuer issuer, JsonWebToken jwt, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartyAccount? account, out string error)
    {
        account = null;
        var roleClaim = issuer.Claim("role");
        var emaidClaim = issuer.Claim("emaid");
        var pcidClaim = issuer.Claim("pcid");
        var evseClaim = issuer.Claim("evseid");
        var cpsClaim = issuer.Claim("cps_name");
        var nameClaim = issuer.Claim("client_name");
        var roles = PartyRoles.None;
        List<string> emaids = [], wmis = [], operators = [], cpsNames = [];
        string? clientName = null;
        foreach (var claim in jwt.Claims)
        {
            // An array claim arrives as one claim per element, a string claim as one claim (RFC 7519 §4.3 leaves the shape open).
            var type = claim.Type;
            if (string.Equals(type, roleClaim, StringComparison.Ordinal))
            {
                roles |= RoleOf(claim.Value);
            }
            else if (string.Equals(type, emaidClaim, StringComparison.Ordinal))
            {
                emaids.Add(claim.Value);
            }
            else if (string.Equals(type, pcidClaim, StringComparison.Ordinal))
            {
                wmis.Add(claim.Value);
            }
            else if (string.Equals(type, evseClaim, StringComparison.Ordinal))
            {
                operators.Add(claim.Value);
            }
            else if (string.Equals(type, cpsClaim, StringComparison.Ordinal))
            {
                cpsNames.Add(claim.Value);
            }
            else if (string.Equals(type, nameClaim, StringComparison.Ordinal))
            {
                clientName = claim.Value;
            }
        }

        // A signed value the issuer got wrong refuses the token rather than silently narrowing what it grants.
        if (!OwnedPrefixes.TryCreate(operators, emaids, wmis, cpsNames, out var prefixes, out var prefixError))
        {
            error = $"a prefix claim of the token is unusable ({issuer.ClaimNamespace}/evseid, /emaid, /pcid, /cps_name): {prefixError}";
            return false;
        }

        var subject = string.IsNullOrEmpty(jwt.Subject) ? clientName : jwt.Subject;
        if (string.IsNullOrEmpty(subject))
        {
            error = $"the token names no party: it has neither 'sub' (RFC 7519 §4.1.2) nor '{nameClaim}'";
            return false;
        }

        account = new PartyAccount(AccountId(subject), roles, prefixes!);
        error = string.Empty;
        return true;
    }

    /// <summary>The role a token's role string grants (case-insensitive); <see cref="PartyRoles.None"/> for others.</summary>
    /// <param name="name">The role string.</param>
    /// <returns>The role.</returns>
    internal static PartyRoles RoleOf(string name)
    {
        foreach (var (known, role) in RoleNames)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return PartyRoles.None;
    }

    /// <summary>
    /// The account id of a token's party: <c>jwt:&lt;sub&gt;</c> when the subject is visible ASCII and short enough for an
    /// account id, else <c>jwt:sha256:</c> and the first 16 hex digits of its SHA-256.
    /// </summary>
    private static string AccountId(string subject)
    {
        if (subject.Length <= 64 - AccountIdPrefix.Length && !subject.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            return AccountIdPrefix + subject;
        }

        return AccountIdPrefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..16];
    }
}
