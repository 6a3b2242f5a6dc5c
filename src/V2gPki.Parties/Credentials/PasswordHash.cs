// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// The stored form of an HTTP Basic password: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) with a random salt. The configuration
/// holds only this string, never the password.
/// </summary>
/// <remarks>
/// <para>
/// Format, one string without spaces:
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>, for example
/// <c>pbkdf2-sha256$600000$3VCt2YvAqu8ojz7w3MOOkQ==$XRE3aScAiGxIeAxostVfsbsnOiCB9OIDuYDL/1/ihkw=</c> (the password
/// <c>open sesame</c>).
/// </para>
/// <list type="bullet">
/// <item><c>pbkdf2-sha256</c>: the scheme, lower case; the only one read.</item>
/// <item><c>iterations</c>: the PBKDF2 iteration count in decimal, from <see cref="MinIterations"/> to
/// <see cref="MaxIterations"/>; new hashes get <see cref="DefaultIterations"/>.</item>
/// <item><c>salt</c>: <see cref="SaltSize"/> random bytes, base64 with padding (RFC 4648 §4; 24 characters).</item>
/// <item><c>hash</c>: the <see cref="HashSize"/>-byte PBKDF2 output, base64 with padding (44 characters).</item>
/// </list>
/// <para>
/// The password enters PBKDF2 as its UTF-8 bytes, unnormalised: a password with characters that have several Unicode
/// forms only matches when the client sends the same form, so ASCII passwords are the portable choice. It is 1 to
/// <see cref="MaxPasswordBytes"/> UTF-8 bytes without control characters (RFC 7617 §2 forbids them in Basic credentials).
/// </para>
/// <para>
/// The iteration floor holds for hashes read as well as made: the format is this server's own, so no older
/// configuration depends on fewer iterations, and a weak hash is refused instead of waiting in a configuration that might
/// leak. A hash made elsewhere with fewer iterations is made again with <see cref="Create"/>. The ceiling bounds the CPU one
/// authentication attempt can cost.
/// </para>
/// </remarks>
public sealed class PasswordHash
{
    /// <summary>The scheme name that starts the stored form.</summary>
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>The iteration count of new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The fewest iterations a hash may have (made or read).</summary>
    public const int MinIterations = 100_000;

    /// <summary>The most iterations a hash may have (made or read): one check stays within seconds.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>The salt length in bytes.</summary>
    public const int SaltSize = 16;

    /// <summary>The PBKDF2 output length in bytes (one SHA-256 block, so PBKDF2 runs its loop once).</summary>
    public const int HashSize = 32;

    /// <summary>The longest password, in UTF-8 bytes.</summary>
    public const int MaxPasswordBytes = 256;

    private const int FieldCount = 4;

    /// <summary>The characters of base64 (RFC 4648 §4), padding included.</summary>
    internal static readonly SearchValues<char> Base64Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        _salt = salt;
        _hash = hash;
    }

    /// <summary>Gets the PBKDF2 iteration count.</summary>
    public int Iterations { get; }

    /// <summary>Hashes a new password with a fresh random salt.</summary>
    /// <param name="password">The password.</param>
    /// <param name="iterations">The iteration count, <see cref="MinIterations"/> to <see cref="MaxIterations"/>.</param>
    /// <returns>The stored form (see the type's remarks).</returns>
    /// <exception cref="ArgumentException">The password is empty, longer than <see cref="MaxPasswordBytes"/> in UTF-8, not valid UTF-16 or has a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is out of range.</exception>
    public static string Create(ReadOnlySpan<char> password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        Span<byte> utf8 = stackalloc byte[MaxPasswordBytes];
        try
        {
            if (!TryEncode(password, utf8, out var length))
            {
                throw new ArgumentException($"a password is 1 to {MaxPasswordBytes} bytes of UTF-8 text without control characters", nameof(password));
            }

            return Derive(utf8[..length], iterations).Format();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
        }
    }

    /// <summary>Reads the stored form (see the type's remarks).</summary>
    /// <param name="text">The stored form, exactly (no surrounding spaces).</param>
    /// <param name="hash">The hash; <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <param name="error">
    /// What is wrong, naming the field and never quoting the text (it might be a password pasted by mistake); empty on
    /// success.
    /// </param>
    /// <returns>Whether <paramref name="text"/> is a well-formed hash.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PasswordHash? hash, out string error)
    {
        hash = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "the password hash is empty";
            return false;
        }

        var span = text.AsSpan();
        Span<Range> fields = stackalloc Range[FieldCount + 1];
        var count = span.Split(fields, '$');
        if (count != FieldCount)
        {
            error = count == 1
                ? $"the password hash is not of the form {Scheme}$<iterations>$<salt base64>$<hash base64> (is it a plain-text password? only hashes are stored)"
                : $"the password hash has {(count > FieldCount ? "more than four" : count.ToString(CultureInfo.InvariantCulture))} '$'-separated fields, not four ({Scheme}$<iterations>$<salt base64>$<hash base64>)";
            return false;
        }

        if (!span[fields[0]].SequenceEqual(Scheme))
        {
            error = $"the password hash does not start with the scheme {Scheme} (the only one supported)";
            return false;
        }

        // Read wider than int, so an over-large count is reported as out of range rather than as not a number.
        if (!long.TryParse(span[fields[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            error = "the iteration count of the password hash is not a decimal number";
            return false;
        }

        if (iterations is < MinIterations or > MaxIterations)
        {
            error = $"the iteration count of the password hash, {iterations}, is outside {MinIterations} to {MaxIterations} (make the hash again)";
            return false;
        }

        if (!TryDecode(span[fields[2]], SaltSize, "salt", out var salt, out error)
            || !TryDecode(span[fields[3]], HashSize, "hash", out var derived, out error))
        {
            return false;
        }

        hash = new PasswordHash((int)iterations, salt, derived);
        error = string.Empty;
        return true;
    }

    /// <summary>Checks a password against the hash (the time does not depend on where a wrong password differs).</summary>
    /// <param name="password">The password presented.</param>
    /// <returns>Whether it is the password the hash was made from.</returns>
    public bool Verify(ReadOnlySpan<char> password)
    {
        Span<byte> utf8 = stackalloc byte[MaxPasswordBytes];
        try
        {
            return TryEncode(password, utf8, out var length) && Verify(utf8[..length]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
        }
    }

    /// <summary>Checks a password given as UTF-8 bytes (as HTTP Basic carries it).</summary>
    /// <param name="passwordUtf8">The password's UTF-8 bytes.</param>
    /// <returns>Whether it is the password the hash was made from.</returns>
    internal bool Verify(ReadOnlySpan<byte> passwordUtf8)
    {
        Span<byte> derived = stackalloc byte[HashSize];
        Rfc2898DeriveBytes.Pbkdf2(passwordUtf8, _salt, derived, Iterations, HashAlgorithmName.SHA256);
        var equal = CryptographicOperations.FixedTimeEquals(derived, _hash);
        CryptographicOperations.ZeroMemory(derived);
        return equal;
    }

    /// <summary>Hashes a password with a fresh salt and any iteration count (tests use counts below the floor to stay fast).</summary>
    /// <param name="passwordUtf8">The password's UTF-8 bytes.</param>
    /// <param name="iterations">The iteration count, at least 1.</param>
    /// <returns>The hash.</returns>
    internal static PasswordHash Derive(ReadOnlySpan<byte> passwordUtf8, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(passwordUtf8, salt, iterations, HashAlgorithmName.SHA256, HashSize);
        return new PasswordHash(iterations, salt, hash);
    }

    /// <summary>A hash no password matches, which costs as much to check as a real one of <paramref name="iterations"/>.</summary>
    /// <param name="iterations">The iteration count.</param>
    /// <returns>A hash with a random salt and a random value.</returns>
    internal static PasswordHash Unmatchable(int iterations) =>
        new(iterations, RandomNumberGenerator.GetBytes(SaltSize), RandomNumberGenerator.GetBytes(HashSize));

    /// <summary>Writes the stored form.</summary>
    /// <returns><c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>.</returns>
    internal string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(_salt)}${Convert.ToBase64String(_hash)}");

    /// <summary>Describes the hash without its salt or value (safe in logs).</summary>
    /// <returns>The scheme and the iteration count.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Scheme}, {Iterations} iterations");

    /// <summary>Whether UTF-8 bytes are a password this format accepts: 1 to <see cref="MaxPasswordBytes"/> bytes of valid UTF-8 without control characters.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>Whether they are.</returns>
    internal static bool IsAcceptablePassword(ReadOnlySpan<byte> utf8) =>
        utf8.Length is > 0 and <= MaxPasswordBytes && Utf8.IsValid(utf8) && !HasControlCharacter(utf8);

    /// <summary>Whether UTF-8 bytes hold a control character (RFC 5234 CTL: U+0000–U+001F, U+007F).</summary>
    /// <param name="utf8">The bytes; any byte of a multi-byte sequence is at least 0x80, so a byte test suffices.</param>
    /// <returns>Whether one is there.</returns>
    internal static bool HasControlCharacter(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyInRange((byte)0x00, (byte)0x1F) >= 0 || utf8.Contains((byte)0x7F);

    private static bool TryEncode(ReadOnlySpan<char> password, Span<byte> utf8, out int length)
    {
        // Strict: a lone surrogate is refused, not replaced, so two different passwords never hash alike.
        var status = Utf8.FromUtf16(password, utf8, out var read, out length, replaceInvalidSequences: false);
        return status == OperationStatus.Done && read == password.Length && IsAcceptablePassword(utf8[..length]);
    }

    private static bool TryDecode(ReadOnlySpan<char> text, int size, string what, out byte[] bytes, out string error)
    {
        // RFC 4648 §4 with padding, nothing else: the decoders would skip whitespace inside, which a stored value never has.
        if (text.IsEmpty || text.ContainsAnyExcept(Base64Characters) || !Base64.IsValid(text, out var length))
        {
            bytes = [];
            error = $"the {what} of the password hash is not base64 (RFC 4648 §4, with padding)";
            return false;
        }

        if (length != size)
        {
            bytes = [];
            error = $"the {what} of the password hash has {length} bytes, not {size}";
            return false;
        }

        bytes = new byte[size];
        if (!Convert.TryFromBase64Chars(text, bytes, out _))
        {
            error = $"the {what} of the password hash is not base64 (RFC 4648 §4, with padding)";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
