// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Parsing;

namespace V2gPki.Edge.Commands.Client;

/// <summary>The options every admin command takes: <c>--admin-url</c>, <c>--token-file</c>, <c>--cacert</c>.</summary>
internal sealed class AdminConnectionOptions
{
    private readonly Option<string> _url = CliOptions.Value("--admin-url", "url", $"the admin listener (default {AdminCliSession.DefaultAdminUrl})");
    private readonly Option<string> _tokenFile = CliOptions.Value("--token-file", "file", $"the bearer token file (default {AdminCliSession.DefaultTokenFile})");
    private readonly Option<string> _caCert = CliOptions.Value("--cacert", "pem", "for an https admin URL: trust this CA or server certificate too");

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">revoke or status.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_url);
        command.Options.Add(_tokenFile);
        command.Options.Add(_caCert);
    }

    /// <summary>The usage error in the options, if any (an admin URL that is not http or https).</summary>
    /// <param name="result">The command's parse.</param>
    /// <returns>The error, or null.</returns>
    public string? Check(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AdminCliSession.TryParseUrl(CliOptions.LastValue(result, _url), out _, out var error) ? null : error;
    }

    /// <summary>Opens the session the options describe.</summary>
    /// <param name="parseResult">The parse, checked.</param>
    /// <param name="session">The session; null on failure.</param>
    /// <param name="error">Why it failed (a runtime error: exit 1).</param>
    /// <returns>Whether the session is usable.</returns>
    public bool TryOpen(ParseResult parseResult, out AdminCliSession? session, out string? error)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        _ = AdminCliSession.TryParseUrl(parseResult.GetValue(_url), out var url, out _);
        return AdminCliSession.TryOpen(url!, parseResult.GetValue(_tokenFile), parseResult.GetValue(_caCert), out session, out error);
    }
}
