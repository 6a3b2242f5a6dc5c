// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands;

/// <summary>
/// A tiny reflection-free option parser shared by the commands: <c>--name value</c>, <c>--name=value</c> and flags.
/// Each command declares which names take a value and which are flags; anything else is a usage error.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help => _flags.Contains("--help");

    /// <summary>Parses <paramref name="args"/> (the command name already removed).</summary>
    /// <param name="args">The remaining arguments.</param>
    /// <param name="valueOptions">Options that take a value (e.g. <c>--config</c>).</param>
    /// <param name="flagOptions">Options without a value (<c>--help</c> is always accepted).</param>
    /// <param name="result">The parsed command line.</param>
    /// <param name="error">The usage error.</param>
    /// <returns>False on an unknown option or a missing value.</returns>
    public static bool TryParse(ReadOnlySpan<string> args, ReadOnlySpan<string> valueOptions, ReadOnlySpan<string> flagOptions, out CommandLine result, out string? error)
    {
        result = new CommandLine();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                result._flags.Add("--help");
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (valueOptions.Contains(name))
            {
                if (inline is null)
                {
                    if (i + 1 >= args.Length)
                    {
                        error = $"option {name} needs a value";
                        return false;
                    }

                    inline = args[++i];
                }

                result._values[name] = inline;
            }
            else if (inline is null && flagOptions.Contains(name))
            {
                result._flags.Add(name);
            }
            else
            {
                error = $"unknown argument '{arg}'";
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of an option, or null.</summary>
    /// <param name="name">The option, e.g. <c>--config</c>.</param>
    /// <returns>The value given, or null.</returns>
    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>Whether a flag was given.</summary>
    /// <param name="name">The flag.</param>
    /// <returns>True when present.</returns>
    public bool Flag(string name) => _flags.Contains(name);
}
