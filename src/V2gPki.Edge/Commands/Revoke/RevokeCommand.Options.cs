// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using V2gPki.Edge.Commands.Client;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Store;

namespace V2gPki.Edge.Commands.Revoke;

/// <content>The options of <c>revoke</c> and the checks between them.</content>
internal static partial class RevokeCommand
{
    // What the checked options ask for.
    private sealed record Request(string? Ca, string? Serial, string? CertFile, bool Unhold, string? Reason, DateTimeOffset? Time, bool Json);

    private sealed class Options
    {
        private readonly Option<string> _ca = CliOptions.Value("--ca", "name", "the issuing CA (cpo-sub2, mo-sub2, oem-sub2, cps-sub2, or a Sub-CA 1 / root for CA certificates)");
        private readonly Option<string> _serial = CliOptions.Value("--serial", "hex", "the certificate serial, hex (leading zeros, 0x and ':' separators allowed)");
        private readonly Option<string> _cert = CliOptions.Value("--cert", "file", """
            a PEM or DER certificate instead of --ca/--serial: the serial is read from it and the CA
            found by its authority key identifier (or issuer name) among the configured CAs
            """);

        private readonly Option<string> _reason = CliOptions.Value("--reason", "reason", """
            unspecified, keyCompromise, cACompromise, affiliationChanged, superseded,
            cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise, or the RFC 5280 code
            """);

        private readonly Option<string> _time = CliOptions.Value("--time", "rfc3339", "the revocation time if not now (e.g. the time of a key compromise; not in the future)");
        private readonly Option<bool> _unhold = CliOptions.Flag("--unhold", "release from certificateHold (removeFromCRL) instead of revoking");
        private readonly Option<bool> _json = CliOptions.Flag("--json", "print the admin API's JSON answer instead of a sentence");

        public AdminConnectionOptions Connection { get; } = new();

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _ca, _serial, _cert, _reason, _time, _unhold, _json })
            {
                command.Options.Add(option);
            }

            Connection.AddTo(command);
        }

        // The usage error, checked in this order (the first one found is the one printed), or null with the request.
        public string? Read(CommandResult result, out Request request)
        {
            request = null!;
            var unhold = result.GetValue(_unhold);
            var reasonText = CliOptions.LastValue(result, _reason);
            var certFile = CliOptions.LastValue(result, _cert);
            var serialText = CliOptions.LastValue(result, _serial);
            if (certFile is null && (CliOptions.LastValue(result, _ca) is null || serialText is null))
            {
                return "give --ca and --serial, or --cert";
            }

            if (certFile is not null && serialText is not null)
            {
                return "--cert and --serial exclude each other";
            }

            if (unhold == (reasonText is not null))
            {
                return unhold ? "--unhold takes no --reason" : "missing --reason <reason> (or --unhold)";
            }

            var reason = RevocationReason.None;
            if (reasonText is not null && !RevocationReasonText.TryParse(reasonText, out reason))
            {
                return $"--reason: '{reasonText}' is not one of {RevocationReasonText.RevocationNames}";
            }

            if (reasonText is not null && reason == RevocationReason.RemoveFromCrl)
            {
                return "--reason removeFromCRL: use --unhold to release a certificate from hold";
            }

            DateTimeOffset? time = null;
            if (CliOptions.LastValue(result, _time) is { } timeText)
            {
                if (unhold || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return unhold ? "--unhold takes no --time" : $"--time: '{timeText}' is not a date-time (e.g. 2025-01-31T12:00:00Z)";
                }

                time = parsed;
            }

            if (serialText is not null && !SerialNumberText.TryParse(serialText, out _, out var serialError))
            {
                return "--" + serialError;
            }

            if (Connection.Check(result) is { } connectionError)
            {
                return connectionError;
            }

            request = new Request(CliOptions.LastValue(result, _ca), serialText, certFile, unhold, reasonText is null ? null : RevocationReasonText.ToName(reason), time, result.GetValue(_json));
            return null;
        }
    }
}
