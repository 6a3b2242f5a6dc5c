// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using V2gPki.Edge.Commands.Client;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Status;

/// <content>The options of <c>status</c> and the checks between them.</content>
internal static partial class StatusCommand
{
    // What the checked options ask for: one of a certificate (CA and serial, or a file), a subject, or the CAs.
    private sealed record Request(string? Ca, string? Serial, string? CertFile, string? Subject, int? Limit, bool Cas, bool Json);

    private sealed class Options
    {
        private readonly Option<string> _ca = CliOptions.Value("--ca", "name", "the issuing CA by name (cpo-sub2, mo-sub2, …)");
        private readonly Option<string> _serial = CliOptions.Value("--serial", "hex", "the certificate serial, hex");
        private readonly Option<string> _cert = CliOptions.Value("--cert", "file", "a PEM or DER certificate instead of --ca/--serial (CA found by its authority key identifier)");
        private readonly Option<string> _subject = CliOptions.Value("--subject", "id", "list by subject ID");
        private readonly Option<string> _limit = CliOptions.Value("--limit", "n", "list at most n certificates (server default 100)");
        private readonly Option<bool> _cas = CliOptions.Flag("--cas", "list the configured CAs");
        private readonly Option<bool> _json = CliOptions.Flag("--json", "print the admin API's JSON answer");

        public AdminConnectionOptions Connection { get; } = new();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _ca, _serial, _cert, _subject, _limit, _cas, _json })
            {
                command.Options.Add(option);
            }

            Connection.AddTo(command);
        }

        // The usage error, checked in this order (the first one found is the one printed), or null with the request.
        public string? Read(CommandResult result, out Request request)
        {
            request = null!;
            var ca = CliOptions.LastValue(result, _ca);
            var serial = CliOptions.LastValue(result, _serial);
            var certFile = CliOptions.LastValue(result, _cert);
            var subject = CliOptions.LastValue(result, _subject);
            var cas = result.GetValue(_cas);
            var modes = (certFile is not null ? 1 : 0) + (serial is not null ? 1 : 0) + (subject is not null ? 1 : 0) + (cas ? 1 : 0);
            if (modes != 1)
            {
                return modes == 0 ? "give --ca and --serial, --cert, --subject or --cas" : "--serial, --cert, --subject and --cas exclude each other";
            }

            if (serial is not null && ca is null)
            {
                return "--serial needs --ca";
            }

            if ((subject is not null || cas) && ca is not null)
            {
                return "--ca goes with --serial or --cert";
            }

            int? limit = null;
            if (CliOptions.LastValue(result, _limit) is { } limitText)
            {
                if (subject is null || !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    return subject is not null ? $"--limit: '{limitText}' is not a positive number" : "--limit goes with --subject";
                }

                limit = n;
            }

            if (serial is not null && !SerialNumberText.TryParse(serial, out _, out var serialError))
            {
                return "--" + serialError;
            }

            if (Connection.Check(result) is { } connectionError)
            {
                return connectionError;
            }

            request = new Request(ca, serial, certFile, subject, limit, cas, result.GetValue(_json));
            return null;
        }
    }
}
