// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace V2gPki.Edge.Commands;

/// <summary>
/// Reads System.CommandLine's tokens back against the arguments as they were typed, in their order, and finds the first
/// usage error the way the hand-written parsers found it — the first problem from the left, in their words
/// (<see cref="UsageWording"/>) — which the parse result alone cannot say: it lists unmatched tokens without their
/// place, splits <c>--name:value</c> and <c>--flag=value</c> into two tokens (both were errors), finds nothing wrong
/// with an option that lost its value when it was given twice, and drops every error when <c>--help</c> is given.
/// Values with a check (<see cref="ValueOption"/>) are checked here too, as they are read.
/// </summary>
internal static class ArgumentScan
{
    /// <summary>Scans <paramref name="args"/>.</summary>
    /// <param name="result">The parse of <paramref name="args"/> by <paramref name="root"/>'s tree.</param>
    /// <param name="args">The arguments as typed.</param>
    /// <param name="root">The root command.</param>
    /// <returns>The first problem, or where the help was asked for, or the chosen command.</returns>
    public static ScanResult Scan(ParseResult result, IReadOnlyList<string> args, CliCommand root)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(args);
        var tokens = result.Tokens;
        var positionals = Positionals(result);
        var command = root;
        var firstAfterCommand = true;
        var endOfOptions = false;
        var helpRequested = false;
        var k = 0;
        for (var j = 0; j < args.Count; j++)
        {
            var arg = args[j];
            var first = firstAfterCommand;
            firstAfterCommand = false;
            if (k >= tokens.Count)
            {
                // Not a tokenization this scan knows (none is expected: response files and bundling are off).
                return Problem(command, Unknown(command, arg, endOfOptions));
            }

            var token = tokens[k];
            if (!string.Equals(token.Value, arg, StringComparison.Ordinal))
            {
                // "--name=value" or "--name:value", split by the tokenizer into the option and its value. The hand
                // parsers took only "--name=value", only for an option with a value, and ca and id not at all.
                var option = FindOption(command, token.Value);
                var rest = arg.Length > token.Value.Length + 1 ? 1 : 0;
                k += 1 + rest;
                if (option is not { Arity.MaximumNumberOfValues: > 0 } || command.Wording != UsageWording.UnknownArgument || arg[token.Value.Length] != '=')
                {
                    return Problem(command, Unknown(command, arg, endOfOptions));
                }

                if (rest == 0)
                {
                    // "--name=" with nothing after it: the tokenizer would take the next argument as the value.
                    return Problem(command, NeedsValue(command, token.Value));
                }

                if (option is ValueOption { Check: { } inlineCheck } && inlineCheck(arg[(token.Value.Length + 1)..]) is { } inlineError)
                {
                    return Problem(command, inlineError);
                }

                continue;
            }

            k++;
            switch (token.Type)
            {
                case TokenType.Command:
                    command = Subcommand(command, arg);
                    if (command.ShowsHelpOf is { } owner)
                    {
                        // "help" as a subcommand: the help, whatever follows.
                        return new ScanResult(owner, null, Help: true);
                    }

                    firstAfterCommand = true;
                    break;
                case TokenType.DoubleDash:
                    if (command.Wording != UsageWording.UnexpectedArgument)
                    {
                        return Problem(command, Unknown(command, arg, endOfOptions));
                    }

                    endOfOptions = true;
                    break;
                case TokenType.Option:
                    var option = FindOption(command, arg);
                    if (option is HelpOption)
                    {
                        if (command.Wording == UsageWording.UnexpectedArgument || (command.Wording == UsageWording.UnknownCommand && first))
                        {
                            return new ScanResult(command, null, Help: true);
                        }

                        helpRequested = true;
                    }
                    else if (option is { Arity.MaximumNumberOfValues: > 0 })
                    {
                        // The value is the next argument, whatever it looks like (the tokenizer gives a greedy option
                        // the next token even when it names an option), unless there is none.
                        if (k >= tokens.Count || tokens[k].Type != TokenType.Argument || j + 1 >= args.Count)
                        {
                            return Problem(command, NeedsValue(command, arg));
                        }

                        k++;
                        j++;
                        if (option is ValueOption { Check: { } check } && check(args[j]) is { } error)
                        {
                            return Problem(command, error);
                        }
                    }

                    break;
                default:
                    if (!positionals.Contains(token) || (!endOfOptions && LooksLikeOption(command.Wording, arg)))
                    {
                        return Problem(command, Unknown(command, arg, endOfOptions));
                    }

                    break;
            }
        }

        return new ScanResult(command, null, helpRequested);
    }

    private static ScanResult Problem(CliCommand command, string message) => new(command, message, Help: false);

    // The tokens a command took as its positional arguments; every other argument token not taken by an option is
    // unmatched.
    private static HashSet<Token> Positionals(ParseResult result)
    {
        var taken = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? symbol = result.CommandResult; symbol is CommandResult command; symbol = command.Parent)
        {
            foreach (var child in command.Children)
            {
                if (child is ArgumentResult argument)
                {
                    taken.UnionWith(argument.Tokens);
                }
            }
        }

        return taken;
    }

    private static CliCommand Subcommand(CliCommand command, string name)
    {
        foreach (var subcommand in command.Subcommands)
        {
            if (subcommand.Name == name)
            {
                return (CliCommand)subcommand;
            }
        }

        throw new InvalidOperationException($"the tokenizer named a subcommand '{name}' that '{command.Name}' does not have");
    }

    // The command's own options, then the recursive options of its ancestors (--help; id's flags).
    private static Option? FindOption(CliCommand command, string name)
    {
        for (var c = command; c is not null; c = c.Parent)
        {
            foreach (var option in c.Options)
            {
                if ((c == command || option.Recursive) && (option.Name == name || option.Aliases.Contains(name)))
                {
                    return option;
                }
            }
        }

        return null;
    }

    private static bool LooksLikeOption(UsageWording wording, string arg) => wording switch
    {
        UsageWording.UnknownOption => arg.StartsWith('-'),
        UsageWording.UnexpectedArgument => arg.Length > 1 && arg[0] == '-',
        _ => false,
    };

    private static string Unknown(CliCommand command, string arg, bool endOfOptions) => command.Wording switch
    {
        UsageWording.UnknownOption => $"unknown option '{arg}'",
        UsageWording.UnexpectedArgument => !endOfOptions && LooksLikeOption(UsageWording.UnexpectedArgument, arg) ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'",
        UsageWording.UnknownCommand => $"unknown command '{(command.Parent is null ? arg : command.Path + " " + arg)}'",
        _ => $"unknown argument '{arg}'",
    };

    private static string NeedsValue(CliCommand command, string option) =>
        command.Wording == UsageWording.UnknownOption ? $"{option} needs a value" : $"option {option} needs a value";
}
