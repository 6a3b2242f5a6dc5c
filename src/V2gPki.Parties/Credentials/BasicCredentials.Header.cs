// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Unicode;

namespace V2gPki.Parties.Credentials;

/// <summary>Reading the <c>Authorization: Basic</c> header value (RFC 7617 §2, RFC 9110 §11.4).</summary>
public sealed partial class BasicCredentials
{
    /// <summary>
    /// The longest base64 credentials accepted, in characters: room for a 64-character account id, the colon and a
    /// <see cref="PasswordHash.MaxPasswordBytes"/>-byte password (428 characters), rounded up.
    /// </summary>
    public const int MaxCredentialsLength = 512;

    private const int MaxDecodedLength = MaxCredentialsLength / 4 * 3;

    private const int MaxUserIdLength = 64;

    private const string SchemeName = "Basic";

    /// <summary>Reads <c>Basic &lt;base64(user-id:password)&gt;</c>.</summary>
    /// <param name="header">The header value.</param>
    /// <param name="userPass">Receives the decoded <c>user-id:password</c> (at least <see cref="MaxDecodedLength"/> bytes).</param>
    /// <param name="length">How many bytes of <paramref name="userPass"/> were written; 0 on failure.</param>
    /// <param name="colon">The index of the colon that ends the user id; -1 on failure.</param>
    /// <param name="failure"><see cref="CredentialStatus.Missing"/> or <see cref="CredentialStatus.Malformed"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value holds well-formed Basic credentials.</returns>
    private static bool TryReadCredentials(ReadOnlySpan<char> header, Span<byte> userPass, out int length, out int colon, out CredentialStatus failure)
    {
        length = 0;
        colon = -1;
        failure = CredentialStatus.Malformed;

        // RFC 9110 §5.5: the field value carries no leading or trailing whitespace (OWS).
        header = header.Trim(" \t");
        if (header.IsEmpty)
        {
            failure = CredentialStatus.Missing;
            return false;
        }

        // RFC 9110 §11.1: the auth-scheme is case-insensitive; §11.4: credentials = auth-scheme [ 1*SP token68 ].
        if (header.Length <= SchemeName.Length || !header.StartsWith(SchemeName, StringComparison.OrdinalIgnoreCase) || header[SchemeName.Length] != ' ')
        {
            return false;
        }

        // RFC 7617 §2: token68 holding base64 (RFC 4648 §4, padded) of user-id ":" password; no whitespace inside, which
        // the decoder would otherwise skip.
        var token = header[(SchemeName.Length + 1)..].TrimStart(' ');
        if (token.IsEmpty || token.Length > MaxCredentialsLength || token.ContainsAnyExcept(PasswordHash.Base64Characters)
            || !Convert.TryFromBase64Chars(token, userPass, out var written))
        {
            return false;
        }

        // RFC 7617 §2.1: UTF-8 (the charset the server announces; clients that send Latin-1 are refused, not guessed at);
        // §2: neither part holds a control character.
        var decoded = userPass[..written];
        if (!Utf8.IsValid(decoded) || PasswordHash.HasControlCharacter(decoded))
        {
            return false;
        }

        // RFC 7617 §2: a user-id cannot contain a colon, so the first one ends it; an empty user-id names nobody.
        var index = decoded.IndexOf((byte)':');
        if (index <= 0)
        {
            return false;
        }

        length = written;
        colon = index;
        return true;
    }

    /// <summary>Finds the account a user id names.</summary>
    /// <param name="userId">The user id as UTF-8.</param>
    /// <param name="slot">The account's slot; null when the method returns <see langword="false"/>.</param>
    /// <returns>Whether an account with a password has that id (exact, case-sensitive).</returns>
    private bool TryFindSlot(ReadOnlySpan<byte> userId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Slot? slot)
    {
        // Account ids are visible ASCII (PartyAccount), so anything else names no account.
        if (userId.Length > MaxUserIdLength || userId.ContainsAnyExceptInRange((byte)'!', (byte)'~'))
        {
            slot = null;
            return false;
        }

        Span<char> id = stackalloc char[MaxUserIdLength];
        for (var i = 0; i < userId.Length; i++)
        {
            id[i] = (char)userId[i];
        }

        return _slotsBySpan.TryGetValue(id[..userId.Length], out slot);
    }
}
