// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands;

/// <summary>The logger factory of the server commands: single-line console output, warnings and up.</summary>
internal static class ConsoleLogging
{
    /// <summary>Creates the factory.</summary>
    /// <returns>A logger factory; dispose it at exit.</returns>
    public static ILoggerFactory Create() =>
        LoggerFactory.Create(static builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(static o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            }));
}
