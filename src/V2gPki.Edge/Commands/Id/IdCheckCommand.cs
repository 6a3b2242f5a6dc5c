// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Edge.Commands.Id;

/// <summary>
/// <c>v2gpki id check &lt;evse|secc|emaid|pcid&gt; &lt;value&gt; [--strict] [--iso20]</c>: validates an ISO 15118
/// identifier and prints its normalised form, the computed check digit where one exists, the owner prefix and a
/// verdict. Hand-parsed arguments, no reflection (NativeAOT).
/// </summary>
internal static class IdCheckCommand
{
    /// <summary>Exit status of a valid identifier (warnings included).</summary>
    public const int ExitValid = 0;

    /// <summary>Exit status of an invalid identifier.</summary>
    public const int ExitInvalid = 1;

    /// <summary>Exit status of a usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki id check <evse|secc|emaid|pcid> <value> [--strict] [--iso20]

        Validates an ISO 15118 identifier and prints its normalised form (upper case, no separators), the computed
        check digit (EMAID only: the eMI3 matrix digit), the owner prefix used for authorization and a verdict.

          evse    ISO 15118-2 EVSE ID   CC*OOO*E<outlet>             e.g. DE*AB7*E840*6487
          secc    ISO 15118-20 SECC ID  CC-OOO-S-<controller>[-D]    e.g. DE-ICE-S-00003C4D557878675645330967543476-2
          emaid   EMAID (contract ID)   CC-PPP-IIIIIIIII[-D]         e.g. NL-TNM-000122045-U
          pcid    PCID                  WMI + 14 (+1) characters     e.g. WP012345678901234

        options:
          --strict   a wrong EMAID check digit or a non-ISO country code is an error, not a warning
          --iso20    ISO 15118-20 limits (PCID up to 64 characters)
          --help     show this text

        exit status: 0 valid (a WARNING line may be printed), 1 invalid, 2 usage error
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>id</c> (starting with <c>check</c>).</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where usage errors go.</param>
    /// <returns>0 valid, 1 invalid, 2 usage error.</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? typeName = null, value = null;
        var options = new IdParseOptions();
        var sawCheck = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return ExitValid;
                case "--strict":
                    options = options with { Strictness = IdStrictness.Strict };
                    continue;
                case "--iso20":
                    options = options with { Version = Iso15118Version.Part20 };
                    continue;
                case "--":
                    // Everything after "--" is positional (a value could start with '-').
                    for (i++; i < args.Length; i++)
                    {
                        if (!TakePositional(args[i], ref sawCheck, ref typeName, ref value))
                        {
                            return UsageError(stderr, $"unexpected argument '{args[i]}'");
                        }
                    }

                    continue;
            }

            if (arg.Length > 1 && arg[0] == '-')
            {
                return UsageError(stderr, $"unknown option '{arg}'");
            }

            if (!TakePositional(arg, ref sawCheck, ref typeName, ref value))
            {
                return UsageError(stderr, $"unexpected argument '{arg}'");
            }
        }

        if (!sawCheck)
        {
            return UsageError(stderr, "missing subcommand 'check'");
        }

        if (typeName is null || value is null)
        {
            return UsageError(stderr, "expected an identifier type and a value");
        }

        if (!IdTypeNames.TryParse(typeName, out var type))
        {
            return UsageError(stderr, $"unknown identifier type '{typeName}'; expected {IdTypeNames.All}");
        }

        return Check(type, value, options, stdout);
    }

    private static int Check(IdType type, string value, IdParseOptions options, TextWriter stdout)
    {
        stdout.WriteLine($"type:        {IdTypeNames.ToName(type)}");
        stdout.WriteLine($"input:       {value}");
        if (!Iso15118Id.TryParse(type, value, options, out var id, out var error))
        {
            if (type == IdType.Emaid && TryComputeFromRaw(value, out var computed))
            {
                stdout.WriteLine($"check digit: {computed} (computed)");
            }

            stdout.WriteLine($"error:       {error.Message}");
            stdout.WriteLine($"verdict:     INVALID ({error.Code})");
            return ExitInvalid;
        }

        stdout.WriteLine($"normalized:  {id.Normalized}");
        if (id.ComputedCheckDigit is char digit)
        {
            var given = id.Normalized.Length == Emaid.LengthWithCheckDigit
                ? id.Normalized[^1] == digit ? "matches the given one" : $"the given one is '{id.Normalized[^1]}'"
                : "not present in the ID; never appended";
            stdout.WriteLine($"check digit: {digit} (computed; {given})");
        }
        else
        {
            stdout.WriteLine("check digit: none (no public algorithm for this identifier type)");
        }

        stdout.WriteLine($"owner:       {id.OwnerPrefix}");
        if ((id.Warnings & IdWarnings.WrongCheckDigit) != 0)
        {
            stdout.WriteLine($"WARNING: the 15th character '{id.Normalized[^1]}' is not the eMI3 check digit '{id.ComputedCheckDigit}' (accepted in lenient mode; --strict refuses it)");
        }

        if ((id.Warnings & IdWarnings.UnknownCountryCode) != 0)
        {
            stdout.WriteLine($"WARNING: '{id.Normalized[..2]}' is not an ISO 3166-1 alpha-2 country code (accepted in lenient mode; --strict refuses it)");
        }

        stdout.WriteLine(id.Warnings == IdWarnings.None ? "verdict:     VALID" : "verdict:     VALID (with warnings)");
        return ExitValid;
    }

    private static bool TakePositional(string arg, ref bool sawCheck, ref string? typeName, ref string? value)
    {
        if (!sawCheck)
        {
            sawCheck = arg == "check";
            return sawCheck;
        }

        if (typeName is null)
        {
            typeName = arg;
            return true;
        }

        if (value is null)
        {
            value = arg;
            return true;
        }

        return false;
    }

    // For the report of a refused EMAID: the check digit of its first 14 letters or digits, when it has them.
    private static bool TryComputeFromRaw(string value, out char checkDigit)
    {
        Span<char> buffer = stackalloc char[EmaidCheckDigit.InputLength];
        var n = 0;
        foreach (var c in value)
        {
            if (c == '-')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                break;
            }

            buffer[n++] = c;
        }

        return EmaidCheckDigit.TryCompute(buffer[..n], out checkDigit);
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki id: {message}");
        stderr.WriteLine(Usage);
        return ExitUsage;
    }
}
