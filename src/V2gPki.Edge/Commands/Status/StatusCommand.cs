// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Edge.Commands.Client;

namespace V2gPki.Edge.Commands.Status;

/// <summary>
/// <c>v2gpki status</c>: a certificate's registry record and served OCSP response, the certificates of a subject ID,
/// or the configured CAs, from the admin API.
/// </summary>
internal static partial class StatusCommand
{
    /// <summary>Exit status: found.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit status: not found (no such certificate, no certificate for the subject) or the request failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit status: usage error.</summary>
    public const int ExitUsage = CliCommand.ExitUsage;

    /// <summary>Runs <c>v2gpki status &lt;args&gt;</c> through the command tree.</summary>
    /// <param name="args">The arguments after <c>status</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, 1 or 2 (see the help).</returns>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr) => CommandTree.Run(["status", .. args], stdout, stderr);

    /// <summary>The <c>status</c> command.</summary>
    /// <returns>The command, for <see cref="CommandTree"/>.</returns>
    public static CliCommand Create()
    {
        var options = new Options();
        var command = new CliCommand("status", "a certificate's status, the certificates of a subject ID, or the CAs (admin API)")
        {
            Synopsis = """
                usage: v2gpki status --ca <name> --serial <hex> [options]
                       v2gpki status --cert <file.pem> [options]
                       v2gpki status --subject <id> [--limit <n>] [options]
                       v2gpki status --cas [options]
                """,
            Details = """
                Shows a certificate's status from the admin API: kind, subject ID, validity, status with revocation time and
                reason, issuer, and the pre-signed OCSP response the listener serves (thisUpdate, nextUpdate, signer). With
                --subject, lists the certificates of an EVSE ID, SECC ID, EMAID or PCID (normalised: separators and case do
                not matter). With --cas, lists the configured CAs.
                """,
            ExitStatus = "exit status: 0 found, 1 not found or failed, 2 usage error",
            Examples = """
                v2gpki status --ca cpo-sub2 --serial 01AB
                v2gpki status --cert var/demo/certs/evse-revoked.pem --json
                v2gpki status --subject 'DE*AB7*E840*6487' --limit 10
                v2gpki status --cas --admin-url https://pki.example:8443 --token-file admin.token --cacert admin-ca.pem
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
            if (request.Subject is { } subject)
            {
                var list = await session.Client.ListAsync(subject, request.Limit).ConfigureAwait(false);
                if (!list.Succeeded)
                {
                    return Fail(stderr, AdminCliSession.Describe(list.StatusCode, list.Error));
                }

                stdout.WriteLine(request.Json ? list.Json : StatusText.List(list.Value!));
                return list.Value!.Count > 0 ? ExitOk : ExitFailed;
            }

            if (request.Cas)
            {
                var cas = await session.Client.GetCasAsync().ConfigureAwait(false);
                if (!cas.Succeeded)
                {
                    return Fail(stderr, AdminCliSession.Describe(cas.StatusCode, cas.Error));
                }

                stdout.WriteLine(request.Json ? cas.Json : StatusText.Cas(cas.Value!));
                return ExitOk;
            }

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

            var details = await session.Client.GetCertificateAsync(ca!, serial!).ConfigureAwait(false);
            if (!details.Succeeded)
            {
                return Fail(stderr, AdminCliSession.Describe(details.StatusCode, details.Error));
            }

            stdout.WriteLine(request.Json ? details.Json : StatusText.Details(details.Value!));
            return ExitOk;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return Fail(stderr, session.Unreachable(ex));
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"v2gpki status: {message}");
        return ExitFailed;
    }
}
