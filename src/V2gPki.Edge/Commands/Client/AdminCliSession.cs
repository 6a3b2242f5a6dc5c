// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Commands.Client;

/// <summary>
/// What <c>revoke</c> and <c>status</c> share: the admin connection (URL, token file, extra trusted certificate; the
/// options are <see cref="AdminConnectionOptions"/>), the client, and resolving <c>--cert file.pem</c> to a CA name and
/// serial through <c>GET /admin/v1/cas</c>.
/// </summary>
internal sealed class AdminCliSession : IDisposable
{
    /// <summary>The admin listener of <c>v2gpki demo</c>.</summary>
    public const string DefaultAdminUrl = "http://127.0.0.1:8081";

    /// <summary>The token file of <c>v2gpki demo</c>, relative to the working directory.</summary>
    public const string DefaultTokenFile = "var/demo/admin.token";

    private AdminCliSession(AdminClient client, Uri url)
    {
        Client = client;
        Url = url;
    }

    /// <summary>The client.</summary>
    public AdminClient Client { get; }

    /// <summary>The admin URL.</summary>
    public Uri Url { get; }

    /// <summary>Reads the admin URL of <c>--admin-url</c> (a usage error when it is not an http or https URL).</summary>
    /// <param name="text">The option's value, or null for <see cref="DefaultAdminUrl"/>.</param>
    /// <param name="url">The URL.</param>
    /// <param name="error">Why it is not one.</param>
    /// <returns>Whether it is one.</returns>
    public static bool TryParseUrl(string? text, [NotNullWhen(true)] out Uri? url, out string? error)
    {
        var urlText = text ?? DefaultAdminUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
        {
            error = $"--admin-url: '{urlText}' is not an http or https URL";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Opens a session: reads the token file and the extra trusted certificate.</summary>
    /// <param name="url">The admin URL (<see cref="TryParseUrl"/>).</param>
    /// <param name="tokenFile">The token file, or null for <see cref="DefaultTokenFile"/>.</param>
    /// <param name="caCert">A certificate to trust for an https URL, or null.</param>
    /// <param name="session">The session; null on failure.</param>
    /// <param name="error">Why it failed (a runtime error: exit 1).</param>
    /// <returns>Whether the session is usable.</returns>
    public static bool TryOpen(Uri url, string? tokenFile, string? caCert, out AdminCliSession? session, out string? error)
    {
        session = null;
        string token;
        X509Certificate2? trusted = null;
        try
        {
            token = AdminTokens.ReadClientToken(tokenFile ?? DefaultTokenFile);
            if (caCert is not null)
            {
                trusted = X509CertificateLoader.LoadCertificateFromFile(caCert);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or CryptographicException)
        {
            error = ex.Message;
            return false;
        }

        session = new AdminCliSession(new AdminClient(url, token, trusted), url);
        error = null;
        return true;
    }

    /// <summary>
    /// Finds the CA that issued a certificate file (its authorityKeyIdentifier against the CAs' subjectKeyIdentifier,
    /// else its issuer Name) and reads its serial.
    /// </summary>
    /// <param name="path">The certificate, PEM or DER.</param>
    /// <param name="caOverride">A CA name given with <c>--ca</c>, which wins.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The CA name and serial hex, or the error to print.</returns>
    public async Task<(string? Ca, string? Serial, string? Error)> ResolveCertificateAsync(string path, string? caOverride, CancellationToken cancellationToken)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, null, $"--cert: cannot read a certificate from '{path}': {ex.Message}");
        }

        using (certificate)
        {
            var serial = Convert.ToHexString(certificate.SerialNumberBytes.Span);
            if (caOverride is not null)
            {
                return (caOverride, serial, null);
            }

            var cas = await Client.GetCasAsync(cancellationToken).ConfigureAwait(false);
            if (!cas.Succeeded)
            {
                return (null, null, Describe(cas.StatusCode, cas.Error));
            }

            string? keyId = null;
            foreach (var extension in certificate.Extensions)
            {
                if (extension is X509AuthorityKeyIdentifierExtension { KeyIdentifier: { } id })
                {
                    keyId = Convert.ToHexString(id.Span);
                }
            }

            var byKey = new List<string>();
            var byName = new List<string>();
            foreach (var ca in cas.Value!.Cas)
            {
                if (keyId is not null && string.Equals(ca.SubjectKeyId, keyId, StringComparison.OrdinalIgnoreCase))
                {
                    byKey.Add(ca.Name);
                }

                if (certificate.IssuerName.RawData.AsSpan().SequenceEqual(Convert.FromBase64String(ca.SubjectDer)))
                {
                    byName.Add(ca.Name);
                }
            }

            var matches = byKey.Count > 0 ? byKey : byName;
            return matches.Count switch
            {
                1 => (matches[0], serial, null),
                0 => (null, null, $"--cert: no configured CA issued this certificate (issuer {certificate.Issuer}); give --ca"),
                _ => (null, null, $"--cert: several CAs match its issuer ({string.Join(", ", matches)}); give --ca"),
            };
        }
    }

    /// <summary>One line for an admin API error.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="error">The error body.</param>
    /// <returns>The message.</returns>
    public static string Describe(int status, AdminError? error) =>
        $"admin API answered {status} {error?.Error}{(error?.Detail is { } detail ? ": " + detail : string.Empty)}";

    /// <summary>One line for an unreachable listener.</summary>
    /// <param name="ex">The failure.</param>
    /// <returns>The message.</returns>
    public string Unreachable(Exception ex) => $"cannot reach the admin API at {Url}: {ex.Message}";

    /// <inheritdoc/>
    public void Dispose() => Client.Dispose();
}
