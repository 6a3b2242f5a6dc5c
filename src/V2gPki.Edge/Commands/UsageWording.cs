// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands;

/// <summary>
/// How a command words a usage error and where <c>--help</c> stops reading the arguments: each command keeps the
/// wording of the hand-written parser it had before the command tree (docs/decisions/0010-command-line-parser.md), so
/// no script that reads these lines sees a change.
/// </summary>
internal enum UsageWording
{
    /// <summary>
    /// serve, demo, revoke, status, store verify, perf-serve: "unknown argument '…'", "option --x needs a value";
    /// <c>--</c> is an unknown argument; <c>--help</c> anywhere shows the help once every argument is known.
    /// </summary>
    UnknownArgument = 0,

    /// <summary>
    /// The ca subcommands: "unknown option '…'" (also for a positional argument starting with '-'), "--x needs a
    /// value".
    /// </summary>
    UnknownOption = 1,

    /// <summary>
    /// id and id check: "unknown option '-…'", "unexpected argument '…'"; <c>--</c> ends the options; <c>--help</c>
    /// shows the help at once, whatever follows it.
    /// </summary>
    UnexpectedArgument = 2,

    /// <summary>
    /// v2gpki, store and ca, which only choose a subcommand: "unknown command '&lt;path&gt; …'"; <c>--help</c> or
    /// <c>-h</c> as the first argument shows the help at once, whatever follows it.
    /// </summary>
    UnknownCommand = 3,
}
