// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Store;

/// <summary>
/// The key of the subject-ID index (docs/architecture.md §5): the compact form of a registry subject ID — its UTF-8
/// bytes with the ASCII letters upper-cased and the separators <c>*</c>, <c>-</c> and space removed. For the ISO 15118
/// identifiers (EVSE ID, SECC ID, EMAID, PCID) this is their normalised form (docs/iso15118.md §1–§3,
/// docs/architecture.md §10: separators optional, case-insensitive), so every spelling of one ID finds the same
/// certificates; a CA name or an imported CN is folded the same way. The store folds the subject ID it already keeps,
/// so the index needs no meaning the store does not have.
/// </summary>
public static class SubjectKey
{
    /// <summary>Largest key: a subject ID is at most <see cref="StoreLimits.MaxSubjectIdLength"/> UTF-8 bytes.</summary>
    public const int MaxLength = StoreLimits.MaxSubjectIdLength;

    /// <summary>Folds a subject ID's UTF-8 bytes into its key.</summary>
    /// <param name="utf8SubjectId">The subject ID, UTF-8.</param>
    /// <param name="destination">Receives the key (at least as long as the input).</param>
    /// <returns>The key length; 0 when nothing is left (an empty subject ID is not indexed).</returns>
    public static int Fold(ReadOnlySpan<byte> utf8SubjectId, Span<byte> destination)
    {
        var length = 0;
        foreach (var b in utf8SubjectId)
        {
            if (b is (byte)'*' or (byte)'-' or (byte)' ')
            {
                continue;
            }

            destination[length++] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 0x20) : b;
        }

        return length;
    }

    /// <summary>Folds a subject ID into its key.</summary>
    /// <param name="subjectId">The subject ID.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <param name="length">The key length; 0 when the subject ID is empty after folding or too long to be one.</param>
    /// <returns>False when there is no key (empty, or more than <see cref="StoreLimits.MaxSubjectIdLength"/> bytes folded).</returns>
    public static bool TryEncode(string subjectId, Span<byte> destination, out int length)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        length = 0;
        if (subjectId.Length > 4 * MaxLength)
        {
            return false;
        }

        // At most three UTF-8 bytes per UTF-16 char; folding only removes bytes, so it works in place.
        Span<byte> utf8 = stackalloc byte[3 * 4 * MaxLength];
        var n = Fold(utf8[..Encoding.UTF8.GetBytes(subjectId, utf8)], utf8);
        if (n == 0 || n > MaxLength || destination.Length < n)
        {
            return false;
        }

        utf8[..n].CopyTo(destination);
        length = n;
        return true;
    }

    /// <summary>The compact form of a subject ID as text (what the index is keyed by).</summary>
    /// <param name="subjectId">The subject ID.</param>
    /// <returns>The folded text (may be empty).</returns>
    public static string Normalize(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var utf8 = Encoding.UTF8.GetBytes(subjectId);
        var n = Fold(utf8, utf8);
        return Encoding.UTF8.GetString(utf8, 0, n);
    }
}
