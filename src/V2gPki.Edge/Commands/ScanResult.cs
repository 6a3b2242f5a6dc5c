// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands;

/// <summary>What <see cref="ArgumentScan"/> found in the arguments, in their order.</summary>
/// <param name="Command">The command the problem or the help request belongs to; else the command that was chosen.</param>
/// <param name="Problem">The first usage error, worded for <paramref name="Command"/>; null when there is none.</param>
/// <param name="Help">Whether the help of <paramref name="Command"/> was asked for (<c>--help</c>, <c>-h</c> or a
/// <c>help</c> subcommand) and no usage error came before it (or after it, where the reading goes on).</param>
internal readonly record struct ScanResult(CliCommand Command, string? Problem, bool Help);
