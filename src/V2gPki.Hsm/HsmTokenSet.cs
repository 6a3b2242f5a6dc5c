// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Hsm;

/// <summary>
/// The configured tokens by role, opened from <see cref="HsmOptions"/>: loads the module (setting
/// <c>SOFTHSM2_CONF</c> first when configured), opens every token and logs in. The host creates one at start-up.
/// </summary>
public sealed class HsmTokenSet : IDisposable
{
    private readonly Dictionary<string, HsmToken> _byRole;
    private readonly List<HsmToken> _tokens;

    private HsmTokenSet(Pkcs11Module module, List<HsmToken> tokens)
    {
        Module = module;
        _tokens = tokens;
        _byRole = new Dictionary<string, HsmToken>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            _byRole[token.Role] = token;
        }
    }

    /// <summary>The module.</summary>
    public Pkcs11Module Module { get; }

    /// <summary>The tokens in configuration order.</summary>
    public IReadOnlyList<HsmToken> Tokens => _tokens;

    /// <summary>Opens every configured token.</summary>
    /// <param name="options">The configuration.</param>
    /// <returns>The open tokens.</returns>
    /// <exception cref="HsmException">The module or a token could not be opened (the message says which and why).</exception>
    /// <exception cref="ArgumentException">No tokens, or two with the same role.</exception>
    public static HsmTokenSet Open(HsmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tokens.Count == 0)
        {
            throw new ArgumentException("Hsm:Tokens is empty; configure at least one token.", nameof(options));
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in options.Tokens)
        {
            if (string.IsNullOrEmpty(token.Role) || !roles.Add(token.Role))
            {
                throw new ArgumentException($"Every token needs a distinct role; '{token.Role}' is empty or repeated.", nameof(options));
            }
        }

        if (!string.IsNullOrEmpty(options.SoftHsm2ConfigPath))
        {
            SoftHsm2Environment.SetConfigPath(options.SoftHsm2ConfigPath);
        }

        var module = Pkcs11Module.Load(options.ModulePath);
        var opened = new List<HsmToken>();
        try
        {
            foreach (var token in options.Tokens)
            {
                opened.Add(module.OpenToken(token));
            }
        }
        catch
        {
            foreach (var token in opened)
            {
                token.Dispose();
            }

            throw;
        }

        return new HsmTokenSet(module, opened);
    }

    /// <summary>The token of a role.</summary>
    /// <param name="role">The role, e.g. <see cref="HsmTokenRoles.Online"/>.</param>
    /// <returns>The token.</returns>
    /// <exception cref="KeyNotFoundException">No token has that role.</exception>
    public HsmToken GetToken(string role) =>
        _byRole.TryGetValue(role, out var token) ? token : throw new KeyNotFoundException($"No HSM token has role '{role}'.");

    /// <summary>The token of a role, if configured.</summary>
    /// <param name="role">The role.</param>
    /// <param name="token">The token when found.</param>
    /// <returns>Whether a token has that role.</returns>
    public bool TryGetToken(string role, [NotNullWhen(true)] out HsmToken? token) => _byRole.TryGetValue(role, out token);

    /// <summary>Closes every token's sessions. The module stays loaded for the life of the process.</summary>
    public void Dispose()
    {
        foreach (var token in _tokens)
        {
            token.Dispose();
        }
    }
}
