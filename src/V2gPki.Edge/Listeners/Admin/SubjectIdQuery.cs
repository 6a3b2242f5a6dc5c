// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// A subject-ID search (<c>GET /admin/v1/certificates?subject=…</c>): the query is normalised through the ISO 15118
/// identifier parsers of V2gPki.Pki (EVSE ID, SECC ID, EMAID, PCID), and a registry subject ID matches when its compact
/// form (upper case, without the <c>*</c> and <c>-</c> separators those IDs allow) equals the query's. Text that is no
/// identifier (a CA name, an imported certificate's CN) is compared in the same compact form.
/// </summary>
internal sealed class SubjectIdQuery
{
    private static readonly IdType[] Types = [IdType.Evse, IdType.Secc, IdType.Emaid, IdType.Pcid];

    private SubjectIdQuery(string compact, string normalized, string? type)
    {
        Compact = compact;
        Normalized = normalized;
        IdentifierType = type;
    }

    /// <summary>The query in compact form, as compared.</summary>
    public string Compact { get; }

    /// <summary>The normalised identifier when the query parsed as one, else the trimmed query.</summary>
    public string Normalized { get; }

    /// <summary>The identifier types the query parsed as (<c>evse</c>, <c>emaid</c>, …), or null when it is none.</summary>
    public string? IdentifierType { get; }

    /// <summary>Builds a query.</summary>
    /// <param name="text">The subject ID as given.</param>
    /// <param name="query">The query; null on failure.</param>
    /// <param name="error">Why it was refused; null on success.</param>
    /// <returns>False for an empty or over-long query.</returns>
    public static bool TryCreate(string? text, out SubjectIdQuery? query, out string? error)
    {
        query = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "subject: empty";
            return false;
        }

        if (trimmed.Length > StoreLimits.MaxSubjectIdLength + 16)
        {
            error = $"subject: longer than a subject ID can be ({StoreLimits.MaxSubjectIdLength} characters normalised)";
            return false;
        }

        string? normalized = null;
        string? types = null;
        foreach (var type in Types)
        {
            if (Iso15118Id.TryParse(type, trimmed, new IdParseOptions(IdStrictness.Lenient, Pki.Iso15118Version.Part20), out var id, out _))
            {
                normalized ??= id.Normalized;
                var name = IdTypeNames.ToName(type);
                types = types is null ? name : types + "," + name;
            }
        }

        query = new SubjectIdQuery(ToCompact(normalized ?? trimmed), normalized ?? trimmed, types);
        error = null;
        return true;
    }

    /// <summary>Whether a registry subject ID is the queried subject.</summary>
    /// <param name="subjectId">The subject ID recorded in the registry.</param>
    /// <returns>True when the compact forms are equal.</returns>
    public bool Matches(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var compact = Compact.AsSpan();
        var i = 0;
        foreach (var c in subjectId)
        {
            if (c is '*' or '-' or ' ')
            {
                continue;
            }

            if (i >= compact.Length || char.ToUpperInvariant(c) != compact[i])
            {
                return false;
            }

            i++;
        }

        return i == compact.Length;
    }

    private static string ToCompact(string value)
    {
        Span<char> buffer = stackalloc char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (c is not ('*' or '-' or ' '))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
