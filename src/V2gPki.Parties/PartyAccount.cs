// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties;

/// <summary>
/// One party that may authenticate: an id (what the audit log records, never a secret), its roles and the identifiers
/// it owns. Credentials point at an account by its id.
/// </summary>
public sealed class PartyAccount
{
    /// <summary>Creates an account.</summary>
    /// <param name="id">The account id: 1–64 visible ASCII characters without spaces.</param>
    /// <param name="roles">The roles.</param>
    /// <param name="prefixes">The identifiers it owns.</param>
    /// <exception cref="ArgumentException">The id is empty, too long or has spaces or invisible characters.</exception>
    public PartyAccount(string id, PartyRoles roles, OwnedPrefixes prefixes)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(prefixes);
        if (id.Length is 0 or > 64 || id.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            throw new ArgumentException($"an account id has 1 to 64 visible ASCII characters without spaces, not '{id}'", nameof(id));
        }

        Id = id;
        Roles = roles;
        Prefixes = prefixes;
    }

    /// <summary>Gets the account id.</summary>
    public string Id { get; }

    /// <summary>Gets the roles.</summary>
    public PartyRoles Roles { get; }

    /// <summary>Gets the identifiers the account owns.</summary>
    public OwnedPrefixes Prefixes { get; }

    /// <summary>Whether the account holds any of <paramref name="roles"/>.</summary>
    /// <param name="roles">The roles asked for.</param>
    /// <returns>Whether one of them is the account's.</returns>
    public bool HasAnyRole(PartyRoles roles) => (Roles & roles) != 0;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Roles})";
}
