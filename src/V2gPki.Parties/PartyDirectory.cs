// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties;

/// <summary>The accounts of one configuration, by id (read-only once built; a new configuration builds a new one).</summary>
public sealed class PartyDirectory
{
    private readonly Dictionary<string, PartyAccount> _accounts;

    /// <summary>Builds the directory.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <exception cref="ArgumentException">Two accounts share an id.</exception>
    public PartyDirectory(IEnumerable<PartyAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = new Dictionary<string, PartyAccount>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (!_accounts.TryAdd(account.Id, account))
            {
                throw new ArgumentException($"two accounts have the id '{account.Id}'", nameof(accounts));
            }
        }
    }

    /// <summary>Gets how many accounts there are.</summary>
    public int Count => _accounts.Count;

    /// <summary>Looks an account up.</summary>
    /// <param name="id">The account id (exact).</param>
    /// <param name="account">The account; <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the account exists.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartyAccount? account) =>
        _accounts.TryGetValue(id, out account);
}
