// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text.Json;
using V2gPki.Edge.Commands.Client;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Revoke;

/// <summary>
/// <c>v2gpki revoke</c>: revokes (or puts on hold, or releases from hold) a certificate through the admin API, which
/// answers after the issuing worker's acknowledgement (WAL commit): when this command prints "revoked", the next OCSP
/// answer says so.
/// </summary>
internal static partial class RevokeCommand
{
    /// <summary>Exit status: the certificate now has the requested status (also when it already had it).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status: refused or failed (unknown CA or serial, transition not allowed, API unreachable, …).</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status: usage error.</summary>
    public const int ExitUsage = CliCommand.ExitUsage;

    /// <summary>Runs <c>v2gpki revoke &lt;args&gt;</c> through the command tree.</summary>
    /// <param name="args">The arguments after <c>revoke</c>.</param>
    /// <param name="stdout">Where the result goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, 1 or 2 (see the help).</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr) => CommandTree.Run(["revoke", .. args], stdout, stderr);

    /// <summary>The <c>revoke</c> command.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var options = new Options();
        var command = new CliCommand("revoke", "revoke, hold or un-hold a certificate through the admin API")
        {
            Synopsis = """
                usage: v2gpki revoke --ca <name> --serial <hex> --reason <reason> [--time <rfc3339>] [options]
                       v2gpki revoke --cert <file.pem> --reason <reason> [options]
                       v2gpki revoke --ca <name> --serial <hex> --unhold [options]
                """,
            Details = """
                Revokes a certificate through the admin API. The answer comes after the issuing worker signed the new OCSP
                response and committed it to the WAL, so the next OCSP answer already shows the revocation. Revoking again is
                harmless: the first reason and time are kept. --reason certificateHold puts the certificate on hold; --unhold
                releases it (only from hold: revoked is final).
                """,
            ExitStatus = "exit status: 0 done (or already so), 1 refused or failed, 2 usage error",
            Examples = """
                v2gpki revoke --ca cpo-sub2 --serial 01AB --reason keyCompromise
                v2gpki revoke --cert var/demo/certs/evse-good.pem --reason certificateHold --time 2025-01-31T12:00:00Z
                v2gpki revoke --cert var/demo/certs/evse-good.pem --unhold --json
                v2gpki revoke --ca cpo-sub2 --serial 01AB --reason superseded --admin-url https://pki.example:8443 --token-file admin.token --cacert admin-ca.pem
                """,
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (options.Read(result, out _) is { } problem)
            {
                result.AddError(problem);
            }
        });
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            _ = options.Read(parseResult.CommandResult, out var request);
            if (!options.Connection.TryOpen(parseResult, out var session, out var error))
            {
                return Fail(stderr, error!);
            }

            using (session)
            {
                return RunAsync(session!, request, stdout, stderr).GetAwaiter().GetResult();
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(AdminCliSession session, Request request, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var ca = request.Ca;
            var serial = request.Serial;
            if (request.CertFile is { } certFile)
            {
                string? error;
                (ca, serial, error) = await session.ResolveCertificateAsync(certFile, ca, CancellationToken.None).ConfigureAwait(false);
                if (error is not null)
                {
                    return Fail(stderr, error);
                }
            }

            var body = new StatusChangeRequestBody { Ca = ca!, Serial = serial!, Reason = request.Reason, Time = request.Time };
            var result = request.Unhold
                ? await session.Client.UnholdAsync(body).ConfigureAwait(false)
                : await session.Client.RevokeAsync(body).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Fail(stderr, AdminCliSession.Describe(result.StatusCode, result.Error));
            }

            if (request.Json)
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
}
