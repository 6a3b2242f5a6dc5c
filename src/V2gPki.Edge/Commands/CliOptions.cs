// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Parsing;

namespace V2gPki.Edge.Commands;

/// <summary>The two kinds of option every command uses, with the rules the hand-written parsers had.</summary>
internal static class CliOptions
{
    /// <summary>
    /// An option with one value, <c>--name value</c> or <c>--name=value</c>. Given again, the last value wins: each
    /// occurrence takes one argument (<see cref="Option.AllowMultipleArgumentsPerToken"/> stays false), the arity only
    /// lets the occurrences add up, and the parser keeps the last.
    /// </summary>
    /// <param name="name">The option, e.g. <c>--config</c>.</param>
    /// <param name="helpName">The value's name in the help, e.g. <c>file</c>.</param>
    /// <param name="description">The help text; a line break continues it in the description column.</param>
    /// <param name="check">A check of each value given (<see cref="ValueOption.Check"/>), or null.</param>
    /// <returns>The option; its value is null when it was not given.</returns>
    public static ValueOption Value(string name, string helpName, string description, Func<string, string?>? check = null) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = static result => result.Tokens[^1].Value,
        Check = check,
    };

    /// <summary>
    /// A flag: present or not. It takes no value, so <c>--json=true</c> or <c>--json false</c> stay usage errors.
    /// </summary>
    /// <param name="name">The flag, e.g. <c>--json</c>.</param>
    /// <param name="description">The help text.</param>
    /// <returns>The option; its value is true when given.</returns>
    public static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>
    /// The value of a <see cref="Value"/> option as a validator sees it: the last one given, or null. (Its parsed value
    /// cannot be asked for there: an option given without its value throws, and the usage error is reported before.)
    /// </summary>
    /// <param name="result">The command's parse.</param>
    /// <param name="option">The option.</param>
    /// <returns>The last value given, or null.</returns>
    public static string? LastValue(SymbolResult result, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Tokens: [.., var last] } ? last.Value : null;
    }
}
