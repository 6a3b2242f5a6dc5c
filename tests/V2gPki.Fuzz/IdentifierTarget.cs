// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Fuzz.Slow;
using V2gPki.Fuzz.Text;
using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Fuzz;

/// <summary>
/// The ISO 15118 identifier parsers (<see cref="EvseId"/>, <see cref="SeccId"/>, <see cref="Emaid"/>,
/// <see cref="Pcid"/> through <see cref="Iso15118Id.TryParse"/>): every input as every type, lenient and strict, with the
/// ISO 15118-2 and -20 limits. Each answer must agree with <see cref="IdentifierGrammar"/> on accept or refuse, the
/// normalised form, the owner prefix and the warnings, and with the type's own parser; an accepted ID must read back
/// from its normalised form; a refusal must carry a code and a message that quotes at most 80 characters of the value
/// (identifiers are personal data, docs/architecture.md §9).
/// </summary>
public sealed class IdentifierTarget : IFuzzTarget
{
    /// <summary>The target name.</summary>
    public const string Name = "identifiers";

    private static readonly IdType[] Types = [IdType.Evse, IdType.Secc, IdType.Emaid, IdType.Pcid];

    private static readonly IdParseOptions[] Options =
        [new(IdStrictness.Lenient, Iso15118Version.Part2), new(IdStrictness.Strict, Iso15118Version.Part2), new(IdStrictness.Lenient, Iso15118Version.Part20)];

    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input) => Check(FuzzText.FromUtf8(input));

    /// <summary>Parses <paramref name="value"/> as every type and checks every answer.</summary>
    /// <param name="value">The identifier as received.</param>
    /// <returns>The types that accepted it (lenient, ISO 15118-2), or <c>none</c>.</returns>
    /// <exception cref="FuzzFinding">A parser broke a rule.</exception>
    public static string Check(string value)
    {
        var accepted = string.Empty;
        foreach (var type in Types)
        {
            foreach (var options in Options)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = Iso15118Id.TryParse(type, value, options, out var id, out var error);
                FuzzText.CheckBounded(start, Name, value);

                var what = $"{type} ({options.Strictness}, {options.Version})";
                CheckTypeParserAgrees(type, value, options, ok, id, what);
                var expected = IdentifierGrammar.Parse(type, value, options);
                if (!ok)
                {
                    if (!error.IsError || error.Message.Length == 0 || id.Normalized.Length != 0)
                    {
                        throw new FuzzFinding(Name, $"{what} refused without an error code and message", value);
                    }

                    if (value.Length > 80 && error.Message.Contains(value, StringComparison.Ordinal))
                    {
                        throw new FuzzFinding(Name, $"{what} refusal quotes the whole {value.Length}-character value", value);
                    }

                    if (expected is not null)
                    {
                        throw new FuzzFinding(Name, $"{what} refused ({error.Code}), the grammar accepts {expected.Normalized}", value);
                    }

                    continue;
                }

                if (error.IsError)
                {
                    throw new FuzzFinding(Name, $"{what} accepted with error {error.Code}", value);
                }

                if (expected is null)
                {
                    throw new FuzzFinding(Name, $"{what} accepted as {id.Normalized}, the grammar refuses", value);
                }

                if (id.Type != type || id.Normalized != expected.Normalized || id.OwnerPrefix != expected.OwnerPrefix || id.Warnings != expected.Warnings)
                {
                    throw new FuzzFinding(Name, $"{what} read {id.Normalized} / {id.OwnerPrefix} / {id.Warnings}, the grammar {expected.Normalized} / {expected.OwnerPrefix} / {expected.Warnings}", value);
                }

                if (!Iso15118Id.TryParse(type, id.Normalized, options, out var again, out _) || again != id)
                {
                    throw new FuzzFinding(Name, $"{what} does not read back its normalised form {id.Normalized}", value);
                }

                if (options == Options[0])
                {
                    accepted += (accepted.Length == 0 ? string.Empty : "+") + IdTypeNames.ToName(type);
                }
            }
        }

        return accepted.Length == 0 ? "none" : accepted;
    }

    // Iso15118Id dispatches to the type's parser; both must say the same.
    private static void CheckTypeParserAgrees(IdType type, string value, IdParseOptions options, bool ok, Iso15118Id id, string what)
    {
        (var typeOk, var normalized) = type switch
        {
            IdType.Evse => (EvseId.TryParse(value, out var evse, out _), evse.Normalized),
            IdType.Secc => (SeccId.TryParse(value, out var secc, out _), secc.Normalized),
            IdType.Emaid => (Emaid.TryParse(value, options.Strictness, out var emaid, out _), emaid.Normalized),
            _ => (Pcid.TryParse(value, options.Version, out var pcid, out _), pcid.Normalized),
        };
        if (typeOk != ok || normalized != id.Normalized)
        {
            throw new FuzzFinding(Name, $"{what}: Iso15118Id says {ok} {id.Normalized}, the type's parser {typeOk} {normalized}", value);
        }
    }
}
