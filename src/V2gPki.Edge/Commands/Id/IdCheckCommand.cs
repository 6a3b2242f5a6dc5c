// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using V2gPki.Pki;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Edge.Commands.Id;

/// <summary>
/// <c>v2gpki id check &lt;evse|secc|emaid|pcid&gt; &lt;value&gt; [--strict] [--iso20]</c>: validates an ISO 15118
/// identifier and prints its normalised form, the computed check digit where one exists, the owner prefix and a
/// verdict.
/// </summary>
internal static class IdCheckCommand
{
    /// <summary>Exit status of a valid identifier (warnings included).</summary>
    public const int ExitValid = 0;

    /// <summary>Exit status of an invalid identifier.</summary>
    public const int ExitInvalid = 1;

    /// <summary>Exit status of a usage error.</summary>
    public const int ExitUsage = CliCommand.ExitUsage;

    private const string Synopsis = "usage: v2gpki id check <evse|secc|emaid|pcid> <value> [--strict] [--iso20]";

    private const string Details = """
        Validates an ISO 15118 identifier and prints its normalised form (upper case, no separators), the computed
        check digit (EMAID only: the eMI3 matrix digit), the owner prefix used for authorization and a verdict.

          evse    ISO 15118-2 EVSE ID   CC*OOO*E<outlet>             e.g. DE*AB7*E840*6487
          secc    ISO 15118-20 SECC ID  CC-OOO-S-<controller>[-D]    e.g. DE-ICE-S-00003C4D557878675645330967543476-2
          emaid   EMAID (contract ID)   CC-PPP-IIIIIIIII[-D]         e.g. NL-TNM-000122045-U
          pcid    PCID                  WMI + 14 (+1) characters     e.g. WP012345678901234
        """;

    private const string ExitStatus = "exit status: 0 valid (a WARNING line may be printed), 1 invalid, 2 usage error";

    private const string Examples = """
        v2gpki id check evse 'DE*AB7*E840*6487'
        v2gpki id check emaid NL-TNM-000122045-U --strict
        v2gpki id check --iso20 pcid WP0ABCDEFGHIJKLMNOPQRSTUVWXYZ
        """;

    /// <summary>Runs <c>v2gpki id &lt;args&gt;</c> through the command tree.</summary>
    /// <param name="args">The arguments after <c>id</c> (starting with <c>check</c>).</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where usage errors go.</param>
    /// <returns>0 valid, 1 invalid, 2 usage error.</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr) => CommandTree.Run(["id", .. args], stdout, stderr);

    /// <summary>The <c>id</c> command and its <c>check</c> subcommand.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        // Flags may come anywhere after "id", before "check" too, as they could.
        var strict = CliOptions.Flag("--strict", "a wrong EMAID check digit or a non-ISO country code is an error, not a warning");
        var iso20 = CliOptions.Flag("--iso20", "ISO 15118-20 limits (PCID up to 64 characters)");
        strict.Recursive = true;
        iso20.Recursive = true;
        var typeName = new Argument<string>("type") { HelpName = "evse|secc|emaid|pcid", Description = "the identifier type", Arity = ArgumentArity.ZeroOrOne };
        var value = new Argument<string>("value") { Description = "the identifier; after --, it may start with '-'", Arity = ArgumentArity.ZeroOrOne };
        var check = new CliCommand("check", "validate an ISO 15118 identifier")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
            Wording = UsageWording.UnexpectedArgument,
            ErrorPrefixOverride = "v2gpki id",
        };
        check.Arguments.Add(typeName);
        check.Arguments.Add(value);
        check.Validators.Add(result =>
        {
            if (result.GetValue(typeName) is not { } name || result.GetValue(value) is null)
            {
                result.AddError("expected an identifier type and a value");
            }
            else if (!IdTypeNames.TryParse(name, out _))
            {
                result.AddError($"unknown identifier type '{name}'; expected {IdTypeNames.All}");
            }
        });
        check.SetAction(parseResult =>
        {
            _ = IdTypeNames.TryParse(parseResult.GetValue(typeName)!, out var type);
            var options = new IdParseOptions();
            if (parseResult.GetValue(strict))
            {
                options = options with { Strictness = IdStrictness.Strict };
            }

            if (parseResult.GetValue(iso20))
            {
                options = options with { Version = Iso15118Version.Part20 };
            }

            return Check(type, parseResult.GetValue(value)!, options, parseResult.InvocationConfiguration.Output);
        });

        var id = new CliCommand("id", "validate an ISO 15118 identifier: id check <evse|secc|emaid|pcid> <value>")
        {
            Synopsis = Synopsis,
            Details = Details,
            ExitStatus = ExitStatus,
            Examples = Examples,
            Wording = UsageWording.UnexpectedArgument,
        };
        id.Options.Add(strict);
        id.Options.Add(iso20);
        id.Subcommands.Add(check);
        id.SetAction(parseResult => id.UsageError("missing subcommand 'check'", parseResult.InvocationConfiguration.Error));
        return id;
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
}
