// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// A subject-ID search (<c>GET /admin/v1/certificates?subject=…</c>): the query is normalised through the ISO 15118
/// identifier parsers of V2gPki.Pki (EVSE ID, SECC ID, EMAID, PCID) and looked up in the store's subject-ID index under
/// its compact form (<see cref="SubjectKey"/>: upper case, without the <c>*</c> and <c>-</c> separators those IDs
/// allow), the form the index is keyed by (docs/architecture.md §5). Text that is no identifier (a CA name, an imported
/// certificate's CN) is folded the same way.
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

    /// <summary>The query in compact form: the subject-ID index key it is looked up by.</summary>
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

        query = new SubjectIdQuery(SubjectKey.Normalize(normalized ?? trimmed), normalized ?? trimmed, types);
        error = null;
        return true;
    }
}
