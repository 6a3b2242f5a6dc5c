// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;

namespace V2gPki.Edge.Commands;

/// <summary>
/// An option with one value (<see cref="CliOptions.Value"/>), with an optional check that <see cref="ArgumentScan"/>
/// applies to every occurrence as it reads it, so a bad value is reported in argument order and even next to
/// <c>--help</c> (System.CommandLine drops validator errors when help is asked for).
/// </summary>
internal sealed class ValueOption : Option<string>
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option, e.g. <c>--iso</c>.</param>
    public ValueOption(string name)
        : base(name)
    {
    }

    /// <summary>The check of one value: the usage error, or null when it is good; null for no check.</summary>
    public Func<string, string?>? Check { get; init; }
}
