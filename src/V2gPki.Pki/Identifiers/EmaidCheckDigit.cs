// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>
/// The eMI3 / ISO 15118 matrix check digit of an EMAID (docs/iso15118.md §2.1, the eMI3 paper "Check digit calculation
/// for Contract-IDs"). Each character maps to a 2×2 matrix [[q1, q2], [r1, r2]] with q ∈ {0, 1} and r ∈ {0, 1, 2};
/// t1 = Σ (q1, q2)·P1^i mod 2 and t2 = (Σ (r1, r2)·P2^i)·(−P2^−15) mod 3 over positions i = 1..14, with
/// P1 = [[0, 1], [1, 1]] and P2 = [[0, 1], [1, 2]]; the result matrix [[t1], [t2]] maps back to the check character.
/// </summary>
/// <remarks>
/// Because the character-to-matrix map is a bijection onto the 36 possible matrices and P1 (mod 2), P2 (mod 3),
/// I − P1 (mod 2) and I − P2 (mod 3) are all invertible, every single-character substitution and every adjacent
/// transposition of two different characters in a 15-character EMAID (the check digit included) changes the sum
/// and is detected.
/// </remarks>
public static class EmaidCheckDigit
{
    /// <summary>The number of characters the check digit is computed over (country, provider, instance).</summary>
    public const int InputLength = 14;

    // Character → x = q1 + 2·q2 + 4·r1 + 16·r2, for '0'..'9' then 'A'..'Z' (the docs/iso15118.md §2.1 table).
    private static ReadOnlySpan<byte> Encoding =>
    [
        0, 16, 32, 4, 20, 36, 8, 24, 40, 2,
        18, 34, 6, 22, 38, 10, 26, 42, 1, 17, 33, 5, 21, 37, 9, 25, 41, 3, 19, 35, 7, 23, 39, 11, 27, 43,
    ];

    // P1^i mod 2 and P2^i mod 3 for i = 1..14, as (m11, m12, m21, m22) quadruples.
    private static readonly int[] P1Powers = Powers(0, 1, 1, 1, 2);
    private static readonly int[] P2Powers = Powers(0, 1, 1, 2, 3);

    // Matrix x value → character, the inverse of Encoding.
    private static readonly char[] Decoding = BuildDecoding();

    /// <summary>Computes the check digit of the first 14 characters of an EMAID without separators.</summary>
    /// <param name="id">Exactly 14 ASCII letters or digits, any case.</param>
    /// <param name="checkDigit">The check character, upper case; <c>'\0'</c> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="id"/> is not 14 ASCII letters or digits.</returns>
    public static bool TryCompute(ReadOnlySpan<char> id, out char checkDigit)
    {
        checkDigit = '\0';
        if (id.Length != InputLength)
        {
            return false;
        }

        int a1 = 0, a2 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < InputLength; i++)
        {
            var v = Value(id[i]);
            if (v < 0)
            {
                return false;
            }

            int x = Encoding[v];
            int q1 = x & 1, q2 = (x >> 1) & 1, r1 = (x >> 2) & 3, r2 = x >> 4;
            var p = i * 4;

            // Row vector × matrix: (a, b)·[[m11, m12], [m21, m22]] = (a·m11 + b·m21, a·m12 + b·m22).
            a1 += (q1 * P1Powers[p]) + (q2 * P1Powers[p + 2]);
            a2 += (q1 * P1Powers[p + 1]) + (q2 * P1Powers[p + 3]);
            b1 += (r1 * P2Powers[p]) + (r2 * P2Powers[p + 2]);
            b2 += (r1 * P2Powers[p + 1]) + (r2 * P2Powers[p + 3]);
        }

        // t2 = (b1, b2)·N with N = −P2^−15 = [[0, 2], [2, 1]] (mod 3).
        int t11 = a1 & 1, t12 = a2 & 1;
        int t21 = (b2 * 2) % 3, t22 = ((b1 * 2) + b2) % 3;
        checkDigit = Decoding[t11 + (t12 << 1) + (t21 << 2) + (t22 << 4)];
        return true;
    }

    /// <summary>Computes the check digit of a 14-character EMAID without separators.</summary>
    /// <param name="id">Exactly 14 ASCII letters or digits, any case.</param>
    /// <returns>The check character, upper case.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not 14 ASCII letters or digits.</exception>
    public static char Compute(ReadOnlySpan<char> id)
    {
        if (!TryCompute(id, out var c))
        {
            throw new ArgumentException("An EMAID check digit is computed over exactly 14 ASCII letters or digits.", nameof(id));
        }

        return c;
    }

    /// <summary>Whether a 15-character EMAID without separators ends in its correct check digit (case-insensitive).</summary>
    /// <param name="id">The 15 characters.</param>
    /// <returns><see langword="true"/> when the 15th character is the check digit of the first 14.</returns>
    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == InputLength + 1 && TryCompute(id[..InputLength], out var c) && c == IdText.ToUpper(id[InputLength]);

    private static int Value(char c)
    {
        if (IdText.IsDigit(c))
        {
            return c - '0';
        }

        return IdText.IsLetter(c) ? IdText.ToUpper(c) - 'A' + 10 : -1;
    }

    private static int[] Powers(int m11, int m12, int m21, int m22, int modulus)
    {
        var result = new int[InputLength * 4];
        int c11 = m11, c12 = m12, c21 = m21, c22 = m22;
        for (var i = 0; i < InputLength; i++)
        {
            result[i * 4] = c11;
            result[(i * 4) + 1] = c12;
            result[(i * 4) + 2] = c21;
            result[(i * 4) + 3] = c22;
            (c11, c12, c21, c22) = (
                ((c11 * m11) + (c12 * m21)) % modulus,
                ((c11 * m12) + (c12 * m22)) % modulus,
                ((c21 * m11) + (c22 * m21)) % modulus,
                ((c21 * m12) + (c22 * m22)) % modulus);
        }

        return result;
    }

    private static char[] BuildDecoding()
    {
        var table = new char[44];
        for (var v = 0; v < 36; v++)
        {
            table[Encoding[v]] = v < 10 ? (char)('0' + v) : (char)('A' + v - 10);
        }

        return table;
    }
}
