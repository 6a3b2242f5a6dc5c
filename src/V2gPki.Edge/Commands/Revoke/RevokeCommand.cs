// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text.Json;
using V2gPki.Edge.Commands.Client;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Store;

namespace V2gPki.Edge.Commands.Revoke;

/// <summary>
/// <c>v2gpki revoke</c>: revokes (or puts on hold, or releases from hold) a certificate through the admin API, which
/// answers after the issuing worker's acknowledgement (WAL commit): when this command prints "revoked", the next OCSP
/// answer says so.
/// </summary>
internal static class RevokeCommand
{
    /// <summary>Exit status: the certificate now has the requested status (also when it already had it).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status: refused or failed (unknown CA or serial, transition not allowed, API unreachable, …).</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status: usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: v2gpki revoke --ca <name> --serial <hex> --reason <reason> [--time <rfc3339>] [options]
               v2gpki revoke --cert <file.pem> --reason <reason> [options]
               v2gpki revoke --ca <name> --serial <hex> --unhold [options]

        Revokes a certificate through the admin API. The answer comes after the issuing worker signed the new OCSP
        response and committed it to the WAL, so the next OCSP answer already shows the revocation. Revoking again is
        harmless: the first reason and time are kept. --reason certificateHold puts the certificate on hold; --unhold
        releases it (only from hold: revoked is final).

          --ca <name>           the issuing CA (cpo-sub2, mo-sub2, oem-sub2, cps-sub2, or a Sub-CA 1 / root for CA certificates)
          --serial <hex>        the certificate serial, hex (leading zeros, 0x and ':' separators allowed)
          --cert <file>         a PEM or DER certificate instead of --ca/--serial: the serial is read from it and the CA
                                found by its authority key identifier (or issuer name) among the configured CAs
          --reason <reason>     unspecified, keyCompromise, cACompromise, affiliationChanged, superseded,
                                cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise, or the RFC 5280 code
          --time <rfc3339>      the revocation time if not now (e.g. the time of a key compromise; not in the future)
          --unhold              release from certificateHold (removeFromCRL) instead of revoking
          --json                print the admin API's JSON answer instead of a sentence
        """ + "\n" + AdminCliSession.ConnectionUsage + "\n" + """
          -h, --help            show this text

        exit status: 0 done (or already so), 1 refused or failed, 2 usage error
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>revoke</c>.</param>
    /// <param name="stdout">Where the result goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, 1 or 2 (see <see cref="Usage"/>).</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!CommandLine.TryParse(args, ["--ca", "--serial", "--cert", "--reason", "--time", .. AdminCliSession.ConnectionOptions], ["--unhold", "--json"], out var cli, out var usageError))
        {
            return UsageError(stderr, usageError!);
        }

        if (cli.Help)
        {
            stdout.WriteLine(Usage);
            return ExitOk;
        }

        var unhold = cli.Flag("--unhold");
        var reasonText = cli.Value("--reason");
        var certFile = cli.Value("--cert");
        if (certFile is null && (cli.Value("--ca") is null || cli.Value("--serial") is null))
        {
            return UsageError(stderr, "give --ca and --serial, or --cert");
        }

        if (certFile is not null && cli.Value("--serial") is not null)
        {
            return UsageError(stderr, "--cert and --serial exclude each other");
        }

        if (unhold == (reasonText is not null))
        {
            return UsageError(stderr, unhold ? "--unhold takes no --reason" : "missing --reason <reason> (or --unhold)");
        }

        var reason = RevocationReason.None;
        if (reasonText is not null && !RevocationReasonText.TryParse(reasonText, out reason))
        {
            return UsageError(stderr, $"--reason: '{reasonText}' is not one of {RevocationReasonText.RevocationNames}");
        }

        if (reasonText is not null && reason == RevocationReason.RemoveFromCrl)
        {
            return UsageError(stderr, "--reason removeFromCRL: use --unhold to release a certificate from hold");
        }

        DateTimeOffset? time = null;
        if (cli.Value("--time") is { } timeText)
        {
            if (unhold || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return UsageError(stderr, unhold ? "--unhold takes no --time" : $"--time: '{timeText}' is not a date-time (e.g. 2025-01-31T12:00:00Z)");
            }

            time = parsed;
        }

        if (cli.Value("--serial") is { } serialText && !SerialNumberText.TryParse(serialText, out _, out var serialError))
        {
            return UsageError(stderr, "--" + serialError);
        }

        if (!AdminCliSession.TryOpen(cli, out var session, out var error, out var usage))
        {
            return usage ? UsageError(stderr, error!) : Fail(stderr, error!);
        }

        using (session)
        {
            return RunAsync(session!, cli, unhold, reasonText is null ? null : RevocationReasonText.ToName(reason), time, stdout, stderr).GetAwaiter().GetResult();
        }
    }

    private static async Task<int> RunAsync(AdminCliSession session, CommandLine cli, bool unhold, string? reason, DateTimeOffset? time, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var ca = cli.Value("--ca");
            var serial = cli.Value("--serial");
            if (cli.Value("--cert") is { } certFile)
            {
                string? error;
                (ca, serial, error) = await session.ResolveCertificateAsync(certFile, ca, CancellationToken.None).ConfigureAwait(false);
                if (error is not null)
                {
                    return Fail(stderr, error);
                }
            }

            var body = new StatusChangeRequestBody { Ca = ca!, Serial = serial!, Reason = reason, Time = time };
            var result = unhold
                ? await session.Client.UnholdAsync(body).ConfigureAwait(false)
                : await session.Client.RevokeAsync(body).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Fail(stderr, AdminCliSession.Describe(result.StatusCode, result.Error));
            }

            if (cli.Flag("--json"))
            {
                stdout.WriteLine(result.Json);
                return ExitOk;
            }

            stdout.WriteLine(Sentence(result.Value!));
            return ExitOk;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Fail(stderr, session.Unreachable(ex));
        }
    }

    /// <summary>The one-line summary of a status change.</summary>
    /// <param name="change">The answer.</param>
    /// <returns>e.g. <c>revoked cpo-sub2 serial 01AB… (keyCompromise) at 2025-01-31T12:00:00Z; OCSP answers revoked from now on</c>.</returns>
    internal static string Sentence(StatusChangeResponse change)
    {
        var what = $"{change.Ca} serial {change.Serial}";
        var since = change.RevokedAt is { } at ? " at " + at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty;
        return (change.Status, change.Changed) switch
        {
            ("good", true) => $"released {what} from hold; OCSP answers good from now on",
            ("good", false) => $"{what} is good (not on hold)",
            ("hold", true) => $"put {what} on hold (certificateHold){since}; OCSP answers revoked (certificateHold) from now on",
            ("hold", false) => $"{what} was already on hold{since}",
            ("revoked", true) => $"revoked {what} ({change.Reason}){since}; OCSP answers revoked from now on",
            ("revoked", false) => $"{what} was already revoked ({change.Reason}){since}; first reason and time kept",
            _ => $"{what}: status {change.Status}",
        };
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki revoke: {message}");
        return ExitFailed;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki revoke: {message}");
        stderr.WriteLine(Usage);
        return ExitUsage;
    }
}
