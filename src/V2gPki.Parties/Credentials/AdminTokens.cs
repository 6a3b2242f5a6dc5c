// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// The bearer tokens the admin API accepts, read from a token file (docs/architecture.md §7). Only the SHA-256 of each
/// token is kept; a presented token is hashed and compared with every configured hash in constant time, so neither the
/// match position nor a common prefix shows in the timing. Each token has an id for the audit log (never the token).
/// </summary>
/// <remarks>
/// File format: one token per line; <c>#</c> starts a comment line. A line <c>&lt;id&gt; &lt;token&gt;</c> names the
/// token; a bare token gets the id <c>sha256:&lt;first 12 hex digits of its SHA-256&gt;</c>. Tokens are at least
/// <see cref="MinTokenLength"/> characters of visible ASCII.
/// </remarks>
public sealed class AdminTokens
{
    /// <summary>The shortest token accepted.</summary>
    public const int MinTokenLength = 16;

    /// <summary>The longest token accepted.</summary>
    public const int MaxTokenLength = 512;

    private readonly byte[][] _hashes;
    private readonly string[] _ids;

    private AdminTokens(byte[][] hashes, string[] ids)
    {
        _hashes = hashes;
        _ids = ids;
    }

    /// <summary>How many tokens are configured.</summary>
    public int Count => _hashes.Length;

    /// <summary>Reads a token file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, empty or holds a token that is too short; the message says which.</exception>
    public static AdminTokens Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"admin token file '{path}' does not exist (create one with a random token of at least {MinTokenLength} characters, mode 0600)");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"admin token file '{path}': {ex.Message}", ex);
        }

        var tokens = new List<(string? Id, string Token)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            tokens.Add(space < 0 ? (null, line) : (line[..space], line[(space + 1)..].Trim()));
        }

        try
        {
            return Create(tokens);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"admin token file '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Builds the set from tokens in memory (tests, a caller that reads tokens elsewhere).</summary>
    /// <param name="tokens">Each token with its id, or a null id for the derived one.</param>
    /// <returns>The tokens.</returns>
    /// <exception cref="ArgumentException">No token, a token too short or too long or with invisible characters, or a duplicate id.</exception>
    public static AdminTokens Create(IEnumerable<(string? Id, string Token)> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var hashes = new List<byte[]>();
        var ids = new List<string>();
        foreach (var (id, token) in tokens)
        {
            if (token.Length is < MinTokenLength or > MaxTokenLength)
            {
                throw new ArgumentException($"a token must have {MinTokenLength} to {MaxTokenLength} characters (line {hashes.Count + 1} has {token.Length})", nameof(tokens));
            }

            foreach (var c in token)
            {
                if (c is <= ' ' or > '~')
                {
                    throw new ArgumentException("a token must be visible ASCII without spaces", nameof(tokens));
                }
            }

            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(token));
            var name = string.IsNullOrEmpty(id) ? "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 6)) : id;
            if (ids.Contains(name))
            {
                throw new ArgumentException($"duplicate token id '{name}'", nameof(tokens));
            }

            hashes.Add(hash);
            ids.Add(name);
        }

        if (hashes.Count == 0)
        {
            throw new ArgumentException("no token configured", nameof(tokens));
        }

        return new AdminTokens([.. hashes], [.. ids]);
    }

    /// <summary>
    /// Writes a new random token (32 bytes, base64url: 43 characters) to <paramref name="path"/> with mode 0600,
    /// for <c>v2gpki demo</c> and first set-up. Refuses to overwrite an existing file.
    /// </summary>
    /// <param name="path">The token file to create.</param>
    /// <returns>The token.</returns>
    /// <exception cref="IOException">The file exists or cannot be written.</exception>
    public static string CreateFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path, Encoding.ASCII, options);
        writer.Write(token);
        writer.Write('\n');
        return token;
    }

    /// <summary>Reads the token a client sends: the first token line of a token file (the token part of <c>&lt;id&gt; &lt;token&gt;</c>).</summary>
    /// <param name="path">The token file.</param>
    /// <returns>The token.</returns>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or holds no token.</exception>
    public static string ReadClientToken(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"token file '{path}' does not exist (give --token-file; v2gpki demo writes var/demo/admin.token)");
        }

        try
        {
            foreach (var raw in File.ReadLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var space = line.IndexOfAny([' ', '\t']);
                return space < 0 ? line : line[(space + 1)..].Trim();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"token file '{path}': {ex.Message}", ex);
        }

        throw new InvalidOperationException($"token file '{path}': no token in it");
    }

    /// <summary>Checks an <c>Authorization</c> header value.</summary>
    /// <param name="authorization">The header value; empty when the header is absent.</param>
    /// <param name="tokenId">The id of the matching token; null unless authenticated.</param>
    /// <returns>Authenticated, Missing, Malformed or Invalid.</returns>
    public CredentialStatus Authenticate(ReadOnlySpan<char> authorization, out string? tokenId)
    {
        tokenId = null;
        authorization = authorization.Trim();
        if (authorization.IsEmpty)
        {
            return CredentialStatus.Missing;
        }

        // RFC 9110 §11.1: the auth-scheme is case-insensitive; RFC 6750 §2.1: "Bearer" 1*SP b64token.
        const string scheme = "Bearer";
        if (authorization.Length <= scheme.Length || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization[scheme.Length] != ' ')
        {
            return CredentialStatus.Malformed;
        }

        var token = authorization[(scheme.Length + 1)..].TrimStart(' ');
        if (token.IsEmpty || token.Length > MaxTokenLength || token.ContainsAny(' ', '\t'))
        {
            return CredentialStatus.Malformed;
        }

        Span<byte> ascii = stackalloc byte[MaxTokenLength];
        var length = 0;
        foreach (var c in token)
        {
            // Non-ASCII cannot match a configured token; keep comparing anyway so the time does not depend on it.
            ascii[length++] = c <= '~' ? (byte)c : (byte)0;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..length], hash);
        var match = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // No early exit: every configured hash is compared.
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i]))
            {
                match = i;
            }
        }

        if (match < 0)
        {
            return CredentialStatus.Invalid;
        }

        tokenId = _ids[match];
        return CredentialStatus.Authenticated;
    }
}
